package argmap

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/internal/table"
)

// WriteSummary writes a readable overview of the debate: its title and source, the experts
// with their claim and stance counts, and the propositions with how many experts address
// each and on which side. color adds ANSI bold to headings.
func WriteSummary(w io.Writer, d *Debate, color bool) error {
	var b strings.Builder
	bold := func(s string) string {
		if color {
			return "\x1b[1m" + s + "\x1b[0m"
		}
		return s
	}
	b.WriteString(bold(oneLine(d.Title)) + "\n")
	if d.Date != "" {
		b.WriteString(d.Date + "\n")
	}
	if s := d.Source; s != nil {
		b.WriteString("Source: " + oneLine(s.Title) + "\n")
		var by []string
		for _, x := range []string{s.Publisher, s.Date} {
			if x != "" {
				by = append(by, oneLine(x))
			}
		}
		if len(by) > 0 {
			b.WriteString("        " + strings.Join(by, ", ") + "\n")
		}
		if s.URL != "" {
			b.WriteString("        " + oneLine(s.URL) + "\n")
		}
	}
	fmt.Fprintf(&b, "\n%s, %s, %s\n\n", plural(len(d.Experts), "expert"), plural(d.ClaimCount(), "claim"), plural(len(d.Propositions), "proposition"))

	experts := &table.Table{
		Header: []string{"EXPERT", "NAME", "CLAIMS", "PREMISES", "CONCLUSIONS", "RECOMMENDATIONS", "STANCES"},
		Right:  map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true},
		Color:  color,
	}
	for _, e := range d.Experts {
		count := map[Kind]int{}
		for _, c := range e.Claims {
			count[c.Kind]++
		}
		experts.Rows = append(experts.Rows, []string{e.ID, e.Name, strconv.Itoa(len(e.Claims)),
			strconv.Itoa(count[Premise]), strconv.Itoa(count[Conclusion]), strconv.Itoa(count[Recommendation]),
			strconv.Itoa(len(e.Stances))})
	}
	props := &table.Table{
		Header: []string{"PROPOSITION", "ADDRESSED", "AGREE", "MIXED", "DISAGREE", "TEXT"},
		Right:  map[int]bool{1: true, 2: true, 3: true, 4: true},
		Color:  color,
	}
	for _, p := range d.Propositions {
		var agree, mixed, disagree int
		for _, e := range d.Addressing(p.ID) {
			s, _ := e.Stance(p.ID)
			switch {
			case s.Position > 0:
				agree++
			case s.Position < 0:
				disagree++
			default:
				mixed++
			}
		}
		props.Rows = append(props.Rows, []string{p.ID, fmt.Sprintf("%d of %d", agree+mixed+disagree, len(d.Experts)),
			strconv.Itoa(agree), strconv.Itoa(mixed), strconv.Itoa(disagree), p.Text})
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := experts.Write(w); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	return props.Write(w)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// oneLine folds line breaks and runs of white space into single spaces, and makes other
// control characters and bidirectional controls visible (see [table.Clean]).
func oneLine(s string) string {
	return table.Clean(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}
