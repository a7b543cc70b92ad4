package argmap

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/internal/table"
)

// SummaryOptions tune WriteSummary.
type SummaryOptions struct {
	// Color adds ANSI bold to headings.
	Color bool
	// Findings are sentences on what the stances show (package findings words them),
	// printed after the curator's bottom line.
	Findings []string
}

// summaryWidth is the column at which WriteSummary wraps its paragraphs.
const summaryWidth = 88

// WriteSummary writes a readable overview of the debate: its title, the curator's bottom
// line and key points, the findings, every source with how many quotes come from it, the
// experts with their claim and stance counts, and the propositions with how many experts
// address each and on which side.
func WriteSummary(w io.Writer, d *Debate, opt SummaryOptions) error {
	var b strings.Builder
	color := opt.Color
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
	if d.BottomLine != "" {
		b.WriteString("\n" + strings.Replace(wrap("Bottom line: ", "", oneLine(d.BottomLine), summaryWidth), "Bottom line:", bold("Bottom line:"), 1))
	}
	for _, p := range d.KeyPoints {
		b.WriteString(wrap("  - ", "    ", oneLine(p), summaryWidth))
	}
	if len(opt.Findings) > 0 {
		b.WriteString("\n" + bold("Findings:") + "\n")
		for _, f := range opt.Findings {
			b.WriteString(wrap("  - ", "    ", oneLine(f), summaryWidth))
		}
	}
	if d.BottomLine != "" || len(d.KeyPoints) > 0 || len(opt.Findings) > 0 {
		b.WriteString("\n")
	}
	quotes := d.quotesBySource()
	by := func(s *Source) string {
		var by []string
		for _, x := range []string{s.Publisher, s.Date} {
			if x != "" {
				by = append(by, oneLine(x))
			}
		}
		return strings.Join(by, ", ")
	}
	if s := d.Source; s != nil {
		b.WriteString("Source: " + oneLine(s.Title) + "\n")
		if x := by(s); x != "" {
			b.WriteString("        " + x + "\n")
		}
		if s.URL != "" {
			b.WriteString("        " + oneLine(s.URL) + "\n")
		}
	}
	if len(d.Sources) > 0 {
		b.WriteString("Sources:\n")
		for i, s := range d.Sources {
			fmt.Fprintf(&b, "  [%d] %s (%s, %s)\n", i+1, oneLine(s.Title), s.ID, plural(quotes[s.ID], "quote"))
			if x := by(s); x != "" {
				b.WriteString("      " + x + "\n")
			}
			if s.URL != "" {
				b.WriteString("      " + oneLine(s.URL) + "\n")
			}
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

// quotesBySource counts the quotes of claims and stances by the id of their source ("" for
// the one [source]).
func (d *Debate) quotesBySource() map[string]int {
	n := map[string]int{}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			if c.Quote != "" {
				n[d.SourceOf(e, c)]++
			}
		}
		for _, s := range e.Stances {
			if s.Quote != "" {
				n[d.SourceOf(e, nil)]++
			}
		}
	}
	return n
}

// wrap breaks s into lines of at most width columns (a longer word keeps its line): the
// first starts with prefix, the others with indent. It ends with a newline.
func wrap(prefix, indent, s string, width int) string {
	var b strings.Builder
	line, fresh := prefix, true
	for _, word := range strings.Fields(s) {
		switch {
		case fresh:
			line += word
			fresh = false
		case table.Width(line)+1+table.Width(word) > width:
			b.WriteString(line + "\n")
			line = indent + word
		default:
			line += " " + word
		}
	}
	b.WriteString(line + "\n")
	return b.String()
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
