package matrix

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// htmlPage is what the page template shows: a grid, then any number of plain tables, then a
// legend and keys. html/template escapes every value for its context.
type htmlPage struct {
	Title    string
	Heading  string
	Grid     htmlGrid
	Empty    string
	Legend   []htmlLegend
	Note     string
	Tables   []htmlTable
	Keys     []htmlKey
	Colors   []htmlColor
	Position [5]htmlColor
}

type htmlGrid struct {
	Corner []string
	Cols   []htmlHead
	Rows   []htmlRow
}

type htmlHead struct{ Text, Title, Class string }

type htmlRow struct {
	Heads []htmlHead
	Cells []htmlCell
}

type htmlCell struct{ Text, Title, Class string }

type htmlLegend struct{ Symbol, Text, Class string }

type htmlTable struct {
	Caption string
	Head    []string
	Rows    [][]htmlCell
}

type htmlKey struct {
	Caption string
	Items   []htmlHead // Text is the key, Title the id, Class the full text
}

type htmlColor struct{ Class, Fill, Ink string }

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"t": htmlText}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t .Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; }
th { text-align: left; font-weight: 600; }
td.c { text-align: center; font-family: ui-monospace, monospace; min-width: 2.2em; }
td.n { text-align: right; }
td.na { color: #999; }
th.e { border-left: 0.4em solid #999; }
{{range .Position}}td.{{.Class}}, span.{{.Class}} { background: {{.Fill}}; color: {{.Ink}}; }
{{end}}{{range .Colors}}th.{{.Class}} { border-left-color: {{.Fill}}; }
{{end}}span.sym { font-family: ui-monospace, monospace; padding: 0 0.4em; }
dt { font-weight: 600; float: left; clear: left; width: 3em; }
dd { margin-left: 3.5em; }
p.note { color: #555; max-width: 60em; }
td.few, span.few { opacity: 0.55; background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(255,255,255,0.7) 5px 7px); }
</style>
</head>
<body>
<h1>{{t .Heading}}</h1>
{{if .Empty}}<p>{{t .Empty}}</p>
{{else}}<table class="grid">
<thead><tr>{{range .Grid.Corner}}<th>{{t .}}</th>{{end}}{{range .Grid.Cols}}<th{{with .Class}} class="{{.}}"{{end}}{{with .Title}} title="{{t .}}"{{end}}>{{t .Text}}</th>{{end}}</tr></thead>
<tbody>
{{range .Grid.Rows}}<tr>{{range .Heads}}<th{{with .Class}} class="{{.}}"{{end}}{{with .Title}} title="{{t .}}"{{end}}>{{t .Text}}</th>{{end}}{{range .Cells}}<td{{with .Class}} class="{{.}}"{{end}}{{with .Title}} title="{{t .}}"{{end}}>{{t .Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}<p class="legend">{{range .Legend}}{{if .Symbol}}<span class="sym {{.Class}}">{{t .Symbol}}</span> {{end}}{{t .Text}} {{end}}</p>
{{if .Note}}<p class="note">{{t .Note}}</p>
{{end}}{{range .Tables}}<table>
<caption>{{t .Caption}}</caption>
<thead><tr>{{range .Head}}<th>{{t .}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}{{with .Title}} title="{{t .}}"{{end}}>{{t .Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{range .Keys}}<h2>{{t .Caption}}</h2>
<dl>
{{range .Items}}<dt>{{t .Text}}</dt><dd><code>{{t .Title}}</code> {{t .Class}}</dd>
{{end}}</dl>
{{end}}</body>
</html>
`))

// htmlText replaces control characters other than line breaks (terminal escapes, carriage
// returns) with spaces; html/template escapes the rest.
func htmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			return ' '
		}
		return r
	}, s)
}

// positionClass is the CSS class of a position: p2 p1 p0 m1 m2 from strongly agree down.
func positionClass(p argmap.Position) string {
	return [...]string{"m2", "m1", "p0", "p1", "p2"}[clampPos(p)+2]
}

func (m *Writer) newPage(heading string) *htmlPage {
	pg := &htmlPage{Title: heading, Heading: heading}
	for p := argmap.StronglyDisagree; p <= argmap.StronglyAgree; p++ {
		pg.Position[p+2] = htmlColor{positionClass(p), PositionColor(p), positionInk(p)}
	}
	for i, e := range m.experts {
		pg.Colors = append(pg.Colors, htmlColor{Class: "e" + strconv.Itoa(i+1), Fill: m.d.ExpertColor(e.ID)})
	}
	return pg
}

func expertClass(i int) string { return "e e" + strconv.Itoa(i+1) }

func (m *Writer) expertHead(i int, label string) htmlHead {
	e := m.experts[i]
	title := e.ID
	for _, s := range []string{e.Role, e.Affiliation} {
		if s != "" {
			title += "\n" + s
		}
	}
	return htmlHead{Text: label, Title: title, Class: expertClass(i)}
}

func stanceLegend() []htmlLegend {
	var out []htmlLegend
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		out = append(out, htmlLegend{p.Symbol(), words(p), positionClass(p)})
	}
	return append(out, htmlLegend{notAddressed, "not addressed", "na"}, htmlLegend{"*", "inferred", ""})
}

// stanceTitle is the tooltip of a cell: the position, the quote, the evidence and the note.
func stanceTitle(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) string {
	if s == nil {
		return e.Name + " does not address " + p.ID
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s: %s", e.Name, p.ID, words(s.Position))
	if s.Inferred {
		b.WriteString(" (inferred)")
	}
	if s.Confidence > 0 {
		fmt.Fprintf(&b, ", confidence %d/10", s.Confidence)
	}
	if s.Quote != "" {
		b.WriteString("\n“" + s.Quote + "”")
	}
	if len(s.Evidence) > 0 {
		b.WriteString("\nEvidence: " + strings.Join(s.Evidence, ", "))
	}
	if s.Note != "" {
		b.WriteString("\nNote: " + s.Note)
	}
	return b.String()
}

func stanceHTMLCell(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) htmlCell {
	c := htmlCell{Text: symbol(s), Title: stanceTitle(e, p, s), Class: "c na"}
	if s != nil {
		c.Class = "c " + positionClass(s.Position)
	}
	return c
}

func (m *Writer) propKeys() htmlKey {
	k := htmlKey{Caption: "Propositions"}
	for _, j := range m.cols {
		p := m.props[j]
		k.Items = append(k.Items, htmlHead{Text: m.propKey(j), Title: p.ID, Class: p.Text})
	}
	return k
}

// WriteHTML writes the matrix as a standalone HTML page (no external resources): cells
// coloured by position, each carrying the stance's quote, evidence claims and note as a
// tooltip; then the legend and the key.
func (m *Writer) WriteHTML(w io.Writer) error { return m.writeHTML(w, false) }

// writeHTML writes the matrix page; stats adds the tables of propositions and of pairs.
func (m *Writer) writeHTML(w io.Writer, stats bool) error {
	pg := m.newPage(m.d.Title + ": stances")
	pg.Legend = stanceLegend()
	pg.Empty = m.emptyNote()
	experts, props := m.mx.Experts(), m.mx.Propositions()
	if !m.transpose {
		pg.Grid.Corner = []string{"Expert"}
		for _, j := range m.cols {
			p := m.props[j]
			pg.Grid.Cols = append(pg.Grid.Cols, htmlHead{Text: m.propKey(j), Title: p.ID + ": " + p.Text})
		}
		for x, e := range experts {
			row := htmlRow{Heads: []htmlHead{m.expertHead(m.rows[x], e.Name)}}
			for y, p := range props {
				row.Cells = append(row.Cells, stanceHTMLCell(e, p, m.mx.Cell(x, y)))
			}
			pg.Grid.Rows = append(pg.Grid.Rows, row)
		}
	} else {
		pg.Grid.Corner = []string{"Key", "Proposition"}
		for _, i := range m.rows {
			pg.Grid.Cols = append(pg.Grid.Cols, m.expertHead(i, m.experts[i].Name))
		}
		for y, p := range props {
			row := htmlRow{Heads: []htmlHead{{Text: m.propKey(m.cols[y]), Title: p.Text}, {Text: p.ID, Title: p.Text}}}
			for x, e := range experts {
				row.Cells = append(row.Cells, stanceHTMLCell(e, p, m.mx.Cell(x, y)))
			}
			pg.Grid.Rows = append(pg.Grid.Rows, row)
		}
	}
	if len(props) > 0 {
		pg.Keys = append(pg.Keys, m.propKeys())
	}
	if stats {
		pg.Note = propStatsLegend
		if len(props) > 0 {
			pg.Tables = append(pg.Tables, m.propStatsHTML())
		}
		if len(experts) > 1 {
			pg.Note += " " + agreementLegend
			pg.Tables = append(pg.Tables, m.pairsHTML())
		}
	}
	return pageTemplate.Execute(w, pg)
}

func pairTitle(p stances.Pair) string {
	s := fmt.Sprintf("%s and %s: %d shared; same side %d, one mixed %d, opposite sides %d",
		p.A.Name, p.B.Name, p.Shared, p.Agree, p.Differ, p.Oppose)
	if p.Shared > 0 {
		s += fmt.Sprintf("\nagreement %s, distance %s, kappa %s", p.Agreement.Percent(), p.Distance.Format(2), p.Kappa.Format(2))
	}
	if p.Note != "" {
		s += "\n" + p.Note
	}
	return s
}

// WriteAgreementHTML writes the expert × expert agreement as a standalone HTML page: the grid
// coloured by agreement, with every figure as a tooltip, then the table of pairs.
func (m *Writer) WriteAgreementHTML(w io.Writer) error {
	pg := m.newPage(m.d.Title + ": agreement")
	pg.Note = agreementLegend
	pg.Legend = []htmlLegend{
		{"", "Share of shared propositions on the same side:", ""},
		{"80-100%", "", positionClass(argmap.StronglyAgree)}, {"60-80%", "", positionClass(argmap.Agree)},
		{"40-60%", "", positionClass(argmap.Mixed)}, {"20-40%", "", positionClass(argmap.Disagree)},
		{"0-20%", "(a share on a bound takes the colour farther from 50%)", positionClass(argmap.StronglyDisagree)}, {"1/1 few", fmt.Sprintf("faded: fewer than %d shared", stances.MinShared), "few"},
		{notAddressed, "no shared proposition", "na"},
	}
	if len(m.rows) < 2 {
		pg.Empty = "(agreement needs at least two experts)"
		return pageTemplate.Execute(w, pg)
	}
	pg.Grid.Corner = []string{"Key", "Expert"}
	for _, i := range m.rows {
		pg.Grid.Cols = append(pg.Grid.Cols, m.expertHead(i, m.expertKey(i)))
	}
	for _, i := range m.rows {
		row := htmlRow{Heads: []htmlHead{{Text: m.expertKey(i)}, m.expertHead(i, m.experts[i].Name)}}
		for _, j := range m.rows {
			if i == j {
				row.Cells = append(row.Cells, htmlCell{Class: "c"})
				continue
			}
			p := m.pairOf(i, j)
			text, pos, ok := agreementCell(p)
			class := "c na"
			if ok {
				class = "c " + positionClass(pos)
			}
			if ok && p.Shared < stances.MinShared {
				class += " few"
			}
			row.Cells = append(row.Cells, htmlCell{Text: text, Title: pairTitle(p), Class: class})
		}
		pg.Grid.Rows = append(pg.Grid.Rows, row)
	}
	pg.Tables = append(pg.Tables, m.pairsHTML())
	return pageTemplate.Execute(w, pg)
}

// pairsHTML is the table of every pair's figures.
func (m *Writer) pairsHTML() htmlTable {
	t := htmlTable{Caption: "Pairs", Head: []string{"A", "B", "Shared", "Agree", "Differ", "Oppose", "Agreement", "Distance", "Kappa", "Note"}}
	num := func(s string) htmlCell { return htmlCell{Text: s, Class: "n"} }
	for _, p := range m.mx.Pairs() {
		t.Rows = append(t.Rows, []htmlCell{{Text: p.A.Name, Title: p.A.ID}, {Text: p.B.Name, Title: p.B.ID},
			num(strconv.Itoa(p.Shared)), num(strconv.Itoa(p.Agree)), num(strconv.Itoa(p.Differ)), num(strconv.Itoa(p.Oppose)),
			num(p.Agreement.Percent()), num(p.Distance.Format(2)), num(p.Kappa.Format(2)), {Text: p.Note}})
	}
	return t
}
