package handout

import (
	"bufio"
	"io"
	"strings"
)

// mdEscaper makes text inert in Markdown, in a paragraph and in a table cell: no emphasis,
// code, links, HTML, headings, lists or cell breaks.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"~", `\~`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "#", `\#`,
)

// md escapes s and folds its line breaks and other control characters into spaces. A
// leading "+", "-" or "1." cannot start a list: the text always follows a label or a marker.
func md(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029'
	}), " ")
	return mdEscaper.Replace(s)
}

func (h *Handout) writeMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	for i, bl := range h.blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		switch bl.kind {
		case headingBlock:
			b.WriteString(strings.Repeat("#", bl.level) + " " + md(bl.text) + "\n")
		case paraBlock:
			b.WriteString(escapeStart(md(bl.text)) + "\n")
		case listBlock:
			for _, it := range bl.items {
				if it.label == "" {
					b.WriteString("- " + md(it.text) + "\n")
				} else {
					b.WriteString("- **" + md(it.label) + ".** " + md(it.text) + "\n")
				}
			}
		case tableBlock:
			mdRow(b, bl.head)
			rule := make([]string, len(bl.head))
			for i := range rule {
				rule[i] = "---"
				if bl.grid && i > 0 {
					rule[i] = ":-:"
				}
			}
			mdRow(b, rule)
			for _, r := range bl.rows {
				mdRow(b, r)
			}
		case mapBlock:
			b.WriteString("*The map of the whole debate is in the HTML and PDF key (argmap map draws it alone).*\n")
		}
	}
	return b.Flush()
}

func mdRow(b *bufio.Writer, cells []string) {
	out := make([]string, len(cells))
	for i, c := range cells {
		if out[i] = md(c); strings.TrimSpace(out[i]) == "" {
			out[i] = "&nbsp;"
		}
	}
	b.WriteString("| " + strings.Join(out, " | ") + " |\n")
}

// escapeStart keeps a paragraph from reading as a list item, quote or rule: "+", "-", "=" and
// a number followed by "." or ")" at its start are escaped.
func escapeStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '+', '-', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
