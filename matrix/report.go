package matrix

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// report writes the text and Markdown forms of the cruxes and of a comparison: the same
// content, two notations.
type report struct {
	b     strings.Builder
	md    bool
	color bool
}

func (r *report) heading(level int, s string) {
	if r.md {
		r.b.WriteString(strings.Repeat("#", level+1) + " " + s + "\n\n")
		return
	}
	if r.color {
		s = "\x1b[1m" + s + "\x1b[0m"
	}
	r.b.WriteString(s + "\n")
}

// text escapes s for the notation.
func (r *report) text(s string) string {
	if r.md {
		return md(s)
	}
	return termText(s)
}

func (r *report) code(s string) string {
	if r.md {
		return "`" + strings.ReplaceAll(oneLine(s), "`", "'") + "`"
	}
	return termText(s)
}

func (r *report) line(indent int, s string) {
	if r.md {
		r.b.WriteString(strings.Repeat("  ", max(indent-1, 0)) + "- " + s + "\n")
		return
	}
	r.b.WriteString(strings.Repeat("  ", indent) + s + "\n")
}

func (r *report) para(s string) {
	if r.md {
		r.b.WriteString(s + "\n\n")
		return
	}
	r.b.WriteString(s + "\n")
}

func (r *report) blank() {
	if !r.md {
		r.b.WriteByte('\n')
	}
}

func (r *report) sym(s *argmap.Stance) string {
	if r.md {
		return "`" + symbol(s) + "`"
	}
	if r.color && s != nil {
		return "\x1b[" + positionSGR[clampPos(s.Position)+2] + "m" + symbol(s) + "\x1b[0m"
	}
	return symbol(s)
}

func (r *report) refs(refs []string) string {
	out := make([]string, len(refs))
	for i, ref := range refs {
		out[i] = r.code(ref)
	}
	return strings.Join(out, ", ")
}

// stance writes who stands where: symbol, expert, position in words, the quote and the
// evidence.
func (r *report) stance(indent int, e *argmap.Expert, s *argmap.Stance) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s): %s", r.sym(s), r.code(e.ID), r.text(e.Name), words(s.Position))
	if s.Inferred {
		b.WriteString(", inferred")
	}
	if s.Confidence > 0 {
		fmt.Fprintf(&b, ", confidence %d/10", s.Confidence)
	}
	if s.Quote != "" {
		b.WriteString(": “" + r.text(s.Quote) + "”")
	}
	r.line(indent, b.String())
	if len(s.Evidence) > 0 {
		r.line(indent+2, "evidence: "+r.refs(s.Evidence))
	}
}

func (r *report) claim(indent int, c *argmap.Claim, prefix string) {
	s := prefix + r.code(c.Ref) + " (" + string(c.Kind) + "): " + r.text(c.Text)
	if c.Quote != "" {
		s += " “" + r.text(c.Quote) + "”"
	}
	r.line(indent, s)
}

func (r *report) write(w io.Writer) error {
	_, err := io.WriteString(w, r.b.String())
	return err
}

// WriteCruxes writes the cruxes for the terminal (md false, color as for WriteTable) or as
// Markdown (md true): each divided proposition, most divisive first, with who stands where,
// their quotes and the claims their stances rest on; then the consensus, each proposition on
// which everyone who addresses it takes one side, with the same detail; then the propositions
// fewer than two experts address.
func (m *Writer) WriteCruxes(w io.Writer, md, color bool) error {
	r := &report{md: md, color: color && !md}
	cruxes := m.mx.Cruxes()
	r.heading(1, "Cruxes of "+r.text(m.d.Title))
	r.blank()
	if len(cruxes) == 0 {
		r.para("No crux: on every proposition addressed by two or more experts, they all take one side.")
	}
	for k, c := range cruxes {
		r.heading(2, fmt.Sprintf("%d. %s: divisiveness %.2f, %d of %d experts", k+1, r.code(c.Proposition.ID), stances.Round(c.Divisiveness, 2), c.Addressed, len(m.experts)))
		r.para(r.text(c.Proposition.Text))
		for _, side := range []struct {
			name   string
			voices []stances.Voice
		}{{"Agree", c.Agree}, {"Mixed", c.Mixed}, {"Disagree", c.Disagree}} {
			if len(side.voices) == 0 {
				continue
			}
			r.line(1, side.name)
			for _, v := range side.voices {
				r.stance(2, v.Expert, v.Stance)
			}
		}
		r.end()
	}
	consensus := m.mx.Consensus()
	r.heading(1, "Consensus")
	r.blank()
	if len(consensus) == 0 {
		r.para("No consensus: no proposition has two or more experts who all take one side.")
	}
	for _, c := range consensus {
		all := "all " + strconv.Itoa(c.Addressed)
		if c.Addressed == 2 {
			all = "both"
		}
		side := map[string]string{stances.ConsensusAgree: "agree", stances.ConsensusDisagree: "disagree", stances.ConsensusMixed: "are mixed"}[c.Consensus]
		r.heading(2, fmt.Sprintf("%s: %s %s, %d of %d experts", r.code(c.Proposition.ID), all, side, c.Addressed, len(m.experts)))
		r.para(r.text(c.Proposition.Text))
		for _, side := range [][]stances.Voice{c.Agree, c.Mixed, c.Disagree} {
			for _, v := range side {
				r.stance(1, v.Expert, v.Stance)
			}
		}
		r.end()
	}
	if few := m.mx.TooFew(); len(few) > 0 {
		r.heading(1, "Too few voices")
		r.blank()
		for _, st := range few {
			who := "no expert addresses it"
			if st.Addressed == 1 {
				for i, e := range m.experts {
					if s := m.mx.Stance(e.ID, st.Proposition.ID); s != nil {
						who = "only " + r.code(m.experts[i].ID) + " addresses it: " + r.sym(s) + " " + words(s.Position)
					}
				}
			}
			r.line(1, r.code(st.Proposition.ID)+": "+who)
		}
	}
	if !md {
		// Sections end with a blank line; the output does not.
		text := strings.TrimRight(r.b.String(), "\n") + "\n"
		r.b.Reset()
		r.b.WriteString(text)
	}
	return r.write(w)
}

// sides says on how many shared propositions a pair takes the same side, one is mixed and
// they take opposite sides, leaving out the counts of 0 ("same side on 3, opposite sides
// on 1", never "one mixed on 0").
func sides(p stances.Pair) string {
	var parts []string
	for _, s := range []struct {
		n    int
		what string
	}{{p.Agree, "same side"}, {p.Differ, "one mixed"}, {p.Oppose, "opposite sides"}} {
		if s.n > 0 {
			parts = append(parts, fmt.Sprintf("%s on %d", s.what, s.n))
		}
	}
	return strings.Join(parts, ", ")
}

// end closes a section: a blank line.
func (r *report) end() { r.b.WriteByte('\n') }

// writeComparison writes the comparison for the terminal (md false) or as Markdown (md true).
func writeComparison(w io.Writer, c *stances.Comparison, md, color bool) error {
	r := &report{md: md, color: color && !md}
	p := c.Pair
	r.heading(1, fmt.Sprintf("%s (%s) and %s (%s)", r.code(c.A.ID), r.text(c.A.Name), r.code(c.B.ID), r.text(c.B.Name)))
	if p.Shared == 0 {
		r.para("They address no proposition in common.")
	} else {
		s := fmt.Sprintf("%s: %s. Agreement %s, mean distance %s, kappa %s",
			plural(p.Shared, "shared proposition"), sides(p), p.Agreement.Percent(), p.Distance.Format(2), p.Kappa.Format(2))
		if p.Note != "" {
			s += " (" + p.Note + ")"
		}
		r.para(s + ".")
	}
	shared := func(title string, list []stances.Shared) {
		if len(list) == 0 {
			return
		}
		r.blank()
		r.heading(2, fmt.Sprintf("%s (%d)", title, len(list)))
		for _, sh := range list {
			r.line(1, r.code(sh.Proposition.ID)+": "+r.text(sh.Proposition.Text))
			r.stance(2, c.A, sh.A)
			r.stance(2, c.B, sh.B)
		}
		if md {
			r.b.WriteByte('\n')
		}
	}
	shared("Same side", c.Agree)
	shared("One mixed", c.Differ)
	shared("Opposite sides", c.Oppose)
	only := func(e *argmap.Expert, list []stances.Single) {
		if len(list) == 0 {
			return
		}
		r.blank()
		r.heading(2, fmt.Sprintf("Only %s (%d)", r.code(e.ID), len(list)))
		for _, s := range list {
			r.line(1, r.code(s.Proposition.ID)+": "+r.text(s.Proposition.Text))
			r.stance(2, e, s.Stance)
		}
		if md {
			r.b.WriteByte('\n')
		}
	}
	only(c.A, c.OnlyA)
	only(c.B, c.OnlyB)
	if len(c.Attacks) > 0 {
		r.blank()
		r.heading(2, fmt.Sprintf("Direct attacks (%d)", len(c.Attacks)))
		for _, x := range c.Attacks {
			r.line(1, fmt.Sprintf("%s attacks %s", r.code(x.From.Ref), r.code(x.To.Ref)))
			r.claim(2, x.From, "")
			r.claim(2, x.To, "")
		}
		if md {
			r.b.WriteByte('\n')
		}
	}
	if len(c.Conflicts) > 0 {
		r.blank()
		r.heading(2, fmt.Sprintf("Opposing recommendations (%d)", len(c.Conflicts)))
		for _, x := range c.Conflicts {
			if x.Proposition != nil {
				r.line(1, fmt.Sprintf("%s (policy): %s %s, %s %s", r.code(x.Proposition.ID), r.code(c.A.ID), r.sym(x.A.Stance),
					r.code(c.B.ID), r.sym(x.B.Stance)))
			} else {
				r.line(1, fmt.Sprintf("%s attacks %s", r.code(x.From.Ref), r.code(x.To.Ref)))
			}
			for _, side := range []struct {
				e *argmap.Expert
				s stances.Side
			}{{c.A, x.A}, {c.B, x.B}} {
				r.line(2, r.code(side.e.ID))
				for _, cl := range side.s.Claims {
					r.claim(3, cl, "")
				}
				for _, pr := range side.s.Premises {
					r.claim(4, pr.Claim, "←"+strconv.Itoa(pr.Depth)+" ")
				}
			}
		}
		if md {
			r.b.WriteByte('\n')
		}
	}
	return r.write(w)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
