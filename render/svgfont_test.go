package render

import (
	"context"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
)

// svgRun is a text element of Graphviz's SVG.
type svgRun struct {
	X          string `xml:"x,attr"`
	FontFamily string `xml:"font-family,attr"`
	Weight     string `xml:"font-weight,attr"`
	Size       string `xml:"font-size,attr"`
	Space      string `xml:"http://www.w3.org/XML/1998/namespace space,attr"`
	Text       string `xml:",chardata"`
}

// TestSVGLegendSpacing: a legend line like the map's ("<B>++</B> strongly agree") keeps its
// sample and its text apart in a browser: the SVG names fonts browsers have, with the
// Helvetica metrics Graphviz placed the runs by, and the text's leading space is kept, so by
// the layout's own coordinates the text starts a space after the sample ends.
func TestSVGLegendSpacing(t *testing.T) {
	dot := `digraph { n [shape=plaintext, fontname="Helvetica", fontsize=8, label=<<B>++</B> strongly agree>] }`
	svg, err := Render(context.Background(), []byte(dot), SVG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Texts []svgRun `xml:"g>g>text"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("the SVG is not XML: %v", err)
	}
	if len(doc.Texts) != 2 {
		t.Fatalf("the SVG has %d text runs, want 2 (sample and text):\n%s", len(doc.Texts), svg)
	}
	sample, text := doc.Texts[0], doc.Texts[1]
	for _, tx := range doc.Texts {
		if !strings.Contains(tx.FontFamily, "Arial") || !strings.Contains(tx.FontFamily, "'Liberation Sans'") || !strings.HasSuffix(tx.FontFamily, "sans-serif") {
			t.Errorf("text %q has font-family %q; want a stack with Arial, Liberation Sans and sans-serif", tx.Text, tx.FontFamily)
		}
	}
	if sample.Text != "++" || sample.Weight != "bold" || text.Text != " strongly agree" {
		t.Fatalf("text runs %+v; want bold \"++\" and \" strongly agree\"", doc.Texts)
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number: %q", s)
		}
		return v
	}
	size := num(sample.Size)
	sampleEnd := num(sample.X) + 2*0.584*size // Helvetica Bold's "+" is 584/1000 em
	start := num(text.X)                      // where the text's first visible glyph goes
	if text.Space == "preserve" {
		start += 0.278 * size // Helvetica's space
	}
	if gap := start - sampleEnd; gap < 0.2*size {
		t.Errorf("the text starts %.2f pt after the sample ends (xml:space %q); want at least a space, %.2f pt", gap, text.Space, 0.2*size)
	}
}
