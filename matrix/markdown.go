package matrix

import (
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// mdEscaper makes text inert in a GitHub Markdown table cell: no emphasis, code, links,
// HTML or strikethrough, no cell break. Line breaks are folded into spaces first.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"~", `\~`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
)

func md(s string) string { return mdEscaper.Replace(oneLine(s)) }

func mdRow(b *strings.Builder, cells ...string) {
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func mdRule(b *strings.Builder, left int, centred int) {
	cells := make([]string, 0, left+centred)
	for range left {
		cells = append(cells, "---")
	}
	for range centred {
		cells = append(cells, ":-:")
	}
	mdRow(b, cells...)
}

func mdStance(s *argmap.Stance) string {
	if s == nil {
		return notAddressed
	}
	return md(symbol(s))
}

func mdLegend() string {
	var parts []string
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		parts = append(parts, "`"+p.Symbol()+"` "+words(p))
	}
	parts = append(parts, "`"+notAddressed+"` not addressed", "`*` inferred")
	return "Legend: " + strings.Join(parts, ", ") + ".\n"
}

func (m *Writer) mdExpert(e *argmap.Expert) string {
	return md(e.Name) + " (`" + e.ID + "`)"
}

// WriteMarkdown writes the matrix as a GitHub Markdown table, columns labelled P1… (or E1…
// when transposed), then a legend and the key.
func (m *Writer) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	experts, props := m.mx.Experts(), m.mx.Propositions()
	if len(experts) == 0 || len(props) == 0 {
		b.WriteString(m.emptyNote() + "\n")
	} else if !m.transpose {
		head := []string{"Expert"}
		for _, j := range m.cols {
			head = append(head, m.propKey(j))
		}
		mdRow(&b, head...)
		mdRule(&b, 1, len(props))
		for i, e := range experts {
			row := []string{m.mdExpert(e)}
			for j := range props {
				row = append(row, mdStance(m.mx.Cell(i, j)))
			}
			mdRow(&b, row...)
		}
	} else {
		head := []string{"Key", "Proposition"}
		for _, i := range m.rows {
			head = append(head, m.expertKey(i))
		}
		mdRow(&b, head...)
		mdRule(&b, 2, len(experts))
		for j, p := range props {
			row := []string{m.propKey(m.cols[j]), "`" + p.ID + "`"}
			for i := range experts {
				row = append(row, mdStance(m.mx.Cell(i, j)))
			}
			mdRow(&b, row...)
		}
	}
	b.WriteString("\n" + mdLegend())
	if m.transpose && len(experts) > 0 {
		b.WriteString("\nExperts:\n\n")
		for _, i := range m.rows {
			b.WriteString("- **" + m.expertKey(i) + "** " + m.mdExpert(m.experts[i]) + "\n")
		}
	}
	if len(props) > 0 {
		b.WriteString("\nPropositions:\n\n")
		for _, j := range m.cols {
			p := m.props[j]
			b.WriteString("- **" + m.propKey(j) + "** `" + p.ID + "`: " + md(p.Text) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteAgreementMarkdown writes the expert × expert agreement as Markdown: the grid, the
// figures of every pair, and what they mean.
func (m *Writer) WriteAgreementMarkdown(w io.Writer) error {
	var b strings.Builder
	if len(m.rows) < 2 {
		b.WriteString("(agreement needs at least two experts)\n")
	} else {
		head := []string{"Key", "Expert"}
		for _, i := range m.rows {
			head = append(head, m.expertKey(i))
		}
		mdRow(&b, head...)
		mdRule(&b, 2, len(m.rows))
		for _, i := range m.rows {
			row := []string{m.expertKey(i), m.mdExpert(m.experts[i])}
			for _, j := range m.rows {
				if i == j {
					row = append(row, "")
					continue
				}
				text, _, _ := agreementCell(m.pairOf(i, j))
				row = append(row, text)
			}
			mdRow(&b, row...)
		}
		b.WriteString("\n")
		mdRow(&b, "A", "B", "Shared", "Agree", "Differ", "Oppose", "Agreement", "Distance", "Kappa", "Note")
		mdRow(&b, "---", "---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "---")
		for _, p := range m.mx.Pairs() {
			mdRow(&b, "`"+p.A.ID+"`", "`"+p.B.ID+"`", strconv.Itoa(p.Shared), strconv.Itoa(p.Agree),
				strconv.Itoa(p.Differ), strconv.Itoa(p.Oppose), p.Agreement.Percent(), p.Distance.Format(2),
				p.Kappa.Format(2), p.Note)
		}
	}
	b.WriteString("\n" + md(agreementLegend) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
