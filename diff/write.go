package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// String shows a stance as its symbol, with its confidence and the inferred flag:
// "++ (confidence 8, inferred)".
func (v *StanceView) String() string {
	if v == nil {
		return "not addressed"
	}
	var extra []string
	if v.Confidence > 0 {
		extra = append(extra, "confidence "+strconv.Itoa(v.Confidence))
	}
	if v.Inferred {
		extra = append(extra, "inferred")
	}
	if len(extra) == 0 {
		return v.Position.Symbol()
	}
	return v.Position.Symbol() + " (" + strings.Join(extra, ", ") + ")"
}

// line is one difference as text: its sign (+ - ~) and what it says.
type line struct {
	sign byte
	text string
}

func sign(op Op) byte {
	switch op {
	case Added:
		return '+'
	case Removed:
		return '-'
	}
	return '~'
}

// change writes "what: old → new".
func change(what string, f *Field) string {
	return fmt.Sprintf("%s %q → %q", what, f.Old, f.New)
}

// sections returns the report as titled lists of lines.
func (r *Report) sections() []struct {
	title string
	lines []line
} {
	type section = struct {
		title string
		lines []line
	}
	var out []section
	add := func(title string, ls []line) {
		if len(ls) > 0 {
			out = append(out, section{title, ls})
		}
	}
	if r.Title != nil {
		add("title", []line{{'~', change("title", r.Title)}})
	}
	var ls []line
	for _, e := range r.Experts {
		var parts []string
		for _, f := range []struct {
			name string
			f    *Field
		}{{"name", e.NameChange}, {"role", e.Role}, {"affiliation", e.Affiliation}} {
			if f.f != nil {
				parts = append(parts, change(f.name, f.f))
			}
		}
		text := fmt.Sprintf("%s %q", e.ID, e.Name)
		if len(parts) > 0 {
			text += ": " + strings.Join(parts, "; ")
		}
		ls = append(ls, line{sign(e.Op), text})
	}
	add("experts", ls)
	ls = nil
	for _, p := range r.Propositions {
		if p.Op != Changed {
			ls = append(ls, line{sign(p.Op), fmt.Sprintf("%s: %q", p.ID, p.Text)})
			continue
		}
		var parts []string
		for _, f := range []struct {
			name string
			f    *Field
		}{{"text", p.Was}, {"kind", p.Kind}, {"tags", p.Tags}} {
			if f.f != nil {
				parts = append(parts, change(f.name, f.f))
			}
		}
		ls = append(ls, line{'~', p.ID + ": " + strings.Join(parts, "; ")})
	}
	add("propositions", ls)
	ls = nil
	for _, c := range r.Claims {
		if c.Op != Changed {
			ls = append(ls, line{sign(c.Op), fmt.Sprintf("%s (%s): %q", c.Ref, c.Kind, c.Text)})
			continue
		}
		var parts []string
		if c.KindWas != nil {
			parts = append(parts, fmt.Sprintf("kind %s → %s", c.KindWas.Old, c.KindWas.New))
		}
		if c.Implicit != nil {
			parts = append(parts, fmt.Sprintf("%s → %s", c.Implicit.Old, c.Implicit.New))
		}
		if c.TextWas != nil {
			parts = append(parts, change("text", c.TextWas))
		}
		if c.QuoteWas != nil {
			parts = append(parts, change("quote", c.QuoteWas))
		}
		ls = append(ls, line{'~', c.Ref + ": " + strings.Join(parts, "; ")})
	}
	add("claims", ls)
	ls = nil
	for _, l := range r.Links {
		ls = append(ls, line{sign(l.Op), fmt.Sprintf("%s %s %s", l.From, l.Rel, l.To)})
	}
	add("supports and attacks", ls)
	ls = nil
	for _, s := range r.Stances {
		text := fmt.Sprintf("%s on %s: ", s.Expert, s.Proposition)
		switch s.Op {
		case Added:
			text += s.New.String()
		case Removed:
			text += s.Old.String()
		default:
			text += s.Old.String() + " → " + s.New.String()
		}
		ls = append(ls, line{sign(s.Op), text})
	}
	add("stances", ls)
	return out
}

// summary is the closing line: "12 differences" or "no differences".
func (r *Report) summary() string {
	switch n := r.Count(); n {
	case 0:
		return "no differences"
	case 1:
		return "1 difference"
	default:
		return fmt.Sprintf("%d differences", n)
	}
}

// WriteText writes the report for a terminal; with color, additions are green, removals
// red and changes yellow.
func WriteText(w io.Writer, r *Report, color bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", r.Old, r.New)
	for _, s := range r.sections() {
		fmt.Fprintf(&b, "\n%s\n", s.title)
		for _, l := range s.lines {
			text := fmt.Sprintf("  %c %s", l.sign, l.text)
			if color {
				code := map[byte]string{'+': "32", '-': "31", '~': "33"}[l.sign]
				text = "\x1b[" + code + "m" + text + "\x1b[0m"
			}
			b.WriteString(text + "\n")
		}
	}
	fmt.Fprintf(&b, "\n%s\n", r.summary())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report for a pull-request comment: a heading, then one list per
// section with each change in a diff-coloured code block line.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Debate changes: %s\n\n`%s` → `%s`\n", r.summary(), mdCode(r.Old), mdCode(r.New))
	for _, s := range r.sections() {
		fmt.Fprintf(&b, "\n**%s**\n\n```diff\n", s.title)
		for _, l := range s.lines {
			// Inside a fenced block nothing is rendered; a fence in the text cannot end it
			// early because every line starts with the sign.
			fmt.Fprintf(&b, "%c %s\n", l.sign, strings.ReplaceAll(l.text, "\n", " "))
		}
		b.WriteString("```\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCode keeps a label inside its inline code span.
func mdCode(s string) string { return strings.NewReplacer("`", "'", "\n", " ").Replace(s) }

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r *Report) error {
	out := *r // empty lists are written as [], not null
	if out.Experts == nil {
		out.Experts = []ExpertChange{}
	}
	if out.Propositions == nil {
		out.Propositions = []PropositionChange{}
	}
	if out.Claims == nil {
		out.Claims = []ClaimChange{}
	}
	if out.Links == nil {
		out.Links = []LinkChange{}
	}
	if out.Stances == nil {
		out.Stances = []StanceChange{}
	}
	b, err := json.MarshalIndent(&out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
