// Package argdown writes a debate in Argdown (https://argdown.org), the text format for
// argument maps with a VS Code extension and web tools: every claim and proposition is a
// statement, supports and attacks are Argdown relations, and what Argdown has no construct
// for (stances' positions, confidence, notes; the source) goes into the YAML front matter.
//
// The layout:
//
//	===
//	title: …            (front matter: the debate, its source, and every stance)
//	argmap: {stances: [...]}
//	===
//
//	# Propositions
//	[iran-behind-attack]: Iran or … #(proposition) #(attribution)
//
//	# Abbas Kadhim
//	[kadhim/insurgency-returning]: The attack … #(kadhim) #(premise) {quote: "…"}
//	  +> [kadhim/other-claim]
//	  -> [hof/deterrence-restored]
//	  +> [iran-behind-attack]
//
// A stance is also drawn as relations from its evidence claims to the proposition: support
// for a position that agrees, attack for one that disagrees, none for "mixed" (the front
// matter holds every stance exactly). Texts are escaped with backslashes wherever Argdown
// gives a character a meaning, so they come back byte for byte; a text with a line break,
// which an Argdown statement cannot hold, is written on one line and kept exact in the
// statement's data as "text".
package argdown

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// special are the characters Argdown reads as syntax inside a statement's text.
const special = "\\[]<>#@*_{}`~=|"

// Escape escapes every character Argdown would read as syntax.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(special, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oneLine replaces line breaks by spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

// jsonString writes v as JSON, which YAML reads as the same value. Braces and brackets
// inside strings are written as \u escapes: Argdown finds the end of a statement's data by
// its closing brace.
func jsonString(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	out := strings.TrimSuffix(b.String(), "\n")
	var o strings.Builder
	inString, escaped := false, false
	for _, r := range out {
		switch {
		case escaped:
			escaped = false
		case inString && r == '\\':
			escaped = true
		case r == '"':
			inString = !inString
		case inString && strings.ContainsRune("{}[]", r):
			fmt.Fprintf(&o, "\\u%04x", r)
			continue
		}
		o.WriteRune(r)
	}
	return o.String()
}

// Tag returns the Argdown tag for a label: #(label). Argdown's tags end at the first
// closing bracket, so brackets in the label become square ones (the front matter keeps
// every proposition's tags exactly).
func Tag(label string) string {
	return "#(" + strings.NewReplacer("(", "[", ")", "]").Replace(label) + ")"
}

// stanceData is one stance in the front matter.
type stanceData struct {
	Expert      string   `json:"expert"`
	Proposition string   `json:"proposition"`
	Position    string   `json:"position"`
	Confidence  int      `json:"confidence,omitempty"`
	Inferred    bool     `json:"inferred,omitempty"`
	Evidence    []string `json:"evidence,omitempty"`
	Quote       string   `json:"quote,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Write writes the debate in Argdown.
func Write(w io.Writer, d *argmap.Debate) error {
	var b strings.Builder
	b.WriteString("===\n")
	fmt.Fprintf(&b, "title: %s\n", jsonString(d.Title))
	if d.Date != "" {
		fmt.Fprintf(&b, "date: %s\n", jsonString(d.Date))
	}
	if d.Description != "" {
		fmt.Fprintf(&b, "description: %s\n", jsonString(d.Description))
	}
	if d.Source != nil {
		fmt.Fprintf(&b, "source: %s\n", jsonString(d.Source))
	}
	if len(d.Sources) > 0 {
		fmt.Fprintf(&b, "sources: %s\n", jsonString(d.Sources))
	}
	var stances []stanceData
	for _, e := range d.Experts {
		for _, s := range e.Stances {
			stances = append(stances, stanceData{e.ID, s.Proposition, s.Position.String(), s.Confidence, s.Inferred, s.Evidence, s.Quote, s.Note})
		}
	}
	experts := make([]map[string]string, 0, len(d.Experts))
	for _, e := range d.Experts {
		experts = append(experts, map[string]string{"id": e.ID, "name": e.Name, "role": e.Role, "affiliation": e.Affiliation, "source": e.Source})
	}
	props := make([]map[string]any, 0, len(d.Propositions))
	for _, p := range d.Propositions {
		props = append(props, map[string]any{"id": p.ID, "text": p.Text, "kind": p.Kind, "tags": p.Tags})
	}
	fmt.Fprintf(&b, "argmap: %s\n", jsonString(map[string]any{"experts": experts, "propositions": props, "stances": stances}))
	b.WriteString("===\n")

	b.WriteString("\n# Propositions\n")
	for _, p := range d.Propositions {
		b.WriteString("\n")
		statement(&b, p.ID, p.Text, propTags(p), nil)
	}
	// Stance relations, by evidence claim.
	toProp := map[string][]string{}
	for _, e := range d.Experts {
		for _, s := range e.Stances {
			for _, ev := range s.Evidence {
				switch {
				case s.Position > 0:
					toProp[ev] = append(toProp[ev], "  +> ["+s.Proposition+"]")
				case s.Position < 0:
					toProp[ev] = append(toProp[ev], "  -> ["+s.Proposition+"]")
				}
			}
		}
	}
	for _, e := range d.Experts {
		fmt.Fprintf(&b, "\n# %s\n", Escape(oneLine(e.Name)))
		for _, c := range e.Claims {
			data := map[string]any{}
			if c.Quote != "" {
				data["quote"] = c.Quote
			}
			if c.Implicit {
				data["implicit"] = true
			}
			if c.Source != "" {
				data["source"] = c.Source
			}
			b.WriteString("\n")
			statement(&b, c.Ref, c.Text, []string{e.ID, string(c.Kind)}, data)
			for _, to := range c.Supports {
				fmt.Fprintf(&b, "  +> [%s]\n", to)
			}
			for _, to := range c.Attacks {
				fmt.Fprintf(&b, "  -> [%s]\n", to)
			}
			for _, rel := range toProp[c.Ref] {
				b.WriteString(rel + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// propTags are a proposition's tags in Argdown: "proposition", its kind, its own tags, each
// once (the deprecated tag "policy" says again what the kind policy says).
func propTags(p *argmap.Proposition) []string {
	tags := []string{"proposition"}
	if p.Kind != "" {
		tags = append(tags, string(p.Kind))
	}
	for _, t := range p.Tags {
		if slices.Contains(tags, t) || p.IsPolicy() && argmap.IsPolicyTag(t) {
			continue
		}
		tags = append(tags, t)
	}
	return tags
}

// statement writes "[title]: text #(tag)… {data}".
func statement(b *strings.Builder, title, text string, tags []string, data map[string]any) {
	if oneLine(text) != text {
		if data == nil {
			data = map[string]any{}
		}
		data["text"] = text
	}
	fmt.Fprintf(b, "[%s]: %s", title, Escape(oneLine(text)))
	for _, t := range tags {
		b.WriteString(" " + Tag(t))
	}
	if len(data) > 0 {
		b.WriteString(" " + jsonString(data))
	}
	b.WriteString("\n")
}
