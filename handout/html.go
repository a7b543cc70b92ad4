package handout

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"

	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/draw"
	"github.com/argmap-dev/argmap/render"
)

// htmlPage is a self-contained printable page: no scripts, no external requests. Every text
// goes through html/template's escaping; the map is an <img> with the SVG as a data: URL, so
// nothing in it runs and none of its ids join the page's.
var htmlPage = template.Must(template.New("handout").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{.Title}}</title>
<style>
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 50em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #888; } h3 { font-size: 1.05em; }
ul.items { list-style: none; padding-left: 0; } ul.items li { margin: 0.3em 0 0.3em 2.5em; text-indent: -2.5em; }
.label { display: inline-block; min-width: 2.2em; text-indent: 0; font-weight: bold; }
table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #555; padding: 0.25em 0.6em; text-align: left; min-width: 2.5em; }
table.grid td, table.grid th { text-align: center; min-width: 4em; } table.grid td:first-child, table.grid th:first-child { text-align: left; }
td { height: 1.6em; }
figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, li, figure { break-inside: avoid; } figure img { max-height: 22cm; width: auto; } }
</style>
</head>
<body>
{{range .Blocks}}{{if eq .Kind "h1"}}<h1 dir="auto">{{.Text}}</h1>
{{else if eq .Kind "h2"}}<h2 dir="auto">{{.Text}}</h2>
{{else if eq .Kind "h3"}}<h3 dir="auto">{{.Text}}</h3>
{{else if eq .Kind "p"}}<p dir="auto">{{.Text}}</p>
{{else if eq .Kind "list"}}<ul class="items">
{{range .Items}}<li>{{if .Label}}<span class="label">{{.Label}}</span> {{end}}<bdi>{{.Text}}</bdi></li>
{{end}}</ul>
{{else if eq .Kind "table"}}<table{{if .Grid}} class="grid"{{end}}>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td dir="auto">{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{else if eq .Kind "map"}}<figure><figcaption>{{.Text}}</figcaption><img alt="The argument map of the whole debate" src="{{.Map}}"></figure>
{{end}}{{end}}</body>
</html>
`))

type htmlBlock struct {
	Kind, Text string
	Items      []htmlItem
	Head       []string
	Rows       [][]string
	Grid       bool
	Map        template.URL
}

type htmlItem struct{ Label, Text string }

func (h *Handout) writeHTML(ctx context.Context, w io.Writer) error {
	var blocks []htmlBlock
	for _, b := range h.blocks {
		hb := htmlBlock{Text: b.text, Head: b.head, Rows: b.rows, Grid: b.grid}
		switch b.kind {
		case headingBlock:
			hb.Kind = fmt.Sprintf("h%d", b.level)
		case paraBlock:
			hb.Kind = "p"
		case listBlock:
			hb.Kind = "list"
			for _, it := range b.items {
				label := it.label
				if label != "" {
					label += "."
				}
				hb.Items = append(hb.Items, htmlItem{label, it.text})
			}
		case tableBlock:
			hb.Kind = "table"
		case mapBlock:
			svg, err := h.drawMap(ctx, render.SVG)
			if tooBig := (*graph.TooBigError)(nil); errors.As(err, &tooBig) {
				hb.Kind, hb.Text = "p", tooBigNote
				break
			}
			if err != nil {
				return err
			}
			hb.Kind = "map"
			// A data: URL made here from Graphviz's SVG, base64 only: safe to mark as a URL.
			hb.Map = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg))
		}
		blocks = append(blocks, hb)
	}
	title := h.blocks[0].text
	return htmlPage.Execute(w, struct {
		Title  string
		Blocks []htmlBlock
	}{title, blocks})
}

// tooBigNote stands in for the map of a debate too big to draw in one.
const tooBigNote = "The debate is too big for one map: draw parts of it with argmap map --expert ID, --proposition ID or --conflicts."

// drawMap draws the map of the whole debate. Only the key has one.
func (h *Handout) drawMap(ctx context.Context, f render.Format) ([]byte, error) {
	if !h.key {
		return nil, fmt.Errorf("internal error: the worksheet has no map")
	}
	// A *graph.TooBigError for a debate too big for one map.
	return draw.Map(ctx, h.d, graph.Options{}, f, draw.Options{})
}
