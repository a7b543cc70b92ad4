package render

import (
	"bytes"
	"regexp"
)

// Font stacks for SVG: Graphviz sizes text with the metrics of Helvetica, Times or Courier
// and names only that font and a generic family ("Helvetica,sans-Serif"). A browser without
// Helvetica then takes its own sans-serif (DejaVu Sans on Linux, wider), and the text runs
// past what Graphviz sized. Each stack lists faces of the same metrics that browsers have:
// Arial on Windows and macOS, Liberation (and its Chrome OS twins Arimo, Tinos, Cousine) on
// Linux.
var fontStacks = map[family]string{
	sans:  `Helvetica,Arial,'Liberation Sans',Arimo,sans-serif`,
	serif: `'Times New Roman',Times,'Liberation Serif',Tinos,serif`,
	mono:  `'Courier New',Courier,'Liberation Mono',Cousine,monospace`,
}

var (
	fontFamilyAttr = regexp.MustCompile(`font-family="([^"]*)"`)
	// spacedText is a text element that starts or ends with a space. Graphviz splits a line
	// at every change of font ("<B>++</B> strongly agree" becomes "++" and " strongly agree")
	// and places each run at its measured x, the space included; SVG drops a leading or
	// trailing space unless told to keep it, and the runs then touch.
	spacedText = regexp.MustCompile(`<text ([^>]*)>( [^<]*|[^<]* )</text>`)
)

// browserSVG makes Graphviz's SVG read in a browser as Graphviz laid it out: font stacks of
// the metrics Graphviz measured with, and the spaces at the ends of text runs kept.
func browserSVG(svg []byte) []byte {
	svg = fontFamilyAttr.ReplaceAllFunc(svg, func(attr []byte) []byte {
		name := fontFamilyAttr.FindSubmatch(attr)[1]
		f, _, _ := familyOf(string(name))
		return []byte(`font-family="` + fontStacks[f] + `"`)
	})
	if !bytes.Contains(svg, []byte(" </text>")) && !bytes.Contains(svg, []byte("> ")) {
		return svg
	}
	return spacedText.ReplaceAll(svg, []byte(`<text xml:space="preserve" $1>$2</text>`))
}
