package matrix

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/argmap-dev/argmap/internal/table"
)

// A scene is a picture of the matrix or of the agreement heat map as rectangles and lines of
// text at positions we compute ourselves: a grid needs no layout engine. It is written as
// SVG directly, and as a Graphviz JSON layout (xdot drawing operations) that render's
// Draw paints as PNG or PDF with the fonts of the maps. Time and memory grow with the number
// of cells, and MaxPictureCells bounds that.

// MaxPictureCells is the largest picture the writers draw: rows × columns of the matrix, or
// experts² of the heat map. Above it DrawPicture refuses, and the error says to use a table
// format.
const MaxPictureCells = 250_000

// item is a filled rectangle (text == "" and w > 0), a line (line), or one line of text whose
// baseline starts (align 'l'), centres ('c') or ends ('r') at x, y. Coordinates are points,
// y down from the top left corner.
type item struct {
	x, y, w, h   float64
	fill, stroke string // "#RRGGBB", "" for none
	text         string
	size         float64
	bold, italic bool
	align        byte
	line         bool
	ground       bool // lies under what follows: never reordered past (see writeLayout)
}

type scene struct {
	w, h  float64
	items []item
}

// ground adds a rectangle that what follows is drawn on.
func (s *scene) ground(x, y, w, h float64, fill string) {
	s.items = append(s.items, item{x: x, y: y, w: w, h: h, fill: fill, ground: true})
}

// rect adds a rectangle; one that continues the last, in the same row and colour with no
// outline, extends it instead, so that a large grid takes a rectangle per run of equal cells.
func (s *scene) rect(x, y, w, h float64, fill, stroke string) {
	if n := len(s.items); n > 0 && stroke == "" {
		last := &s.items[n-1]
		if !last.line && !last.ground && last.text == "" && last.stroke == "" && last.fill == fill && last.y == y && last.h == h && math.Abs(last.x+last.w-x) < 1e-6 {
			last.w += w
			return
		}
	}
	s.items = append(s.items, item{x: x, y: y, w: w, h: h, fill: fill, stroke: stroke})
}

func (s *scene) line(x0, y0, x1, y1 float64, stroke string) {
	s.items = append(s.items, item{x: x0, y: y0, w: x1 - x0, h: y1 - y0, stroke: stroke, line: true})
}

// text adds a line of text in colour ink; it returns the text's estimated width.
func (s *scene) text(x, y float64, text string, size float64, bold bool, align byte, ink string) float64 {
	text = oneLine(text)
	if text == "" {
		return 0
	}
	s.items = append(s.items, item{x: x, y: y, text: text, size: size, bold: bold, align: align, fill: ink})
	return textWidth(text, size, bold)
}

// helvetica holds the advance widths of Helvetica's printable ASCII characters, in 1/1000 em
// (its AFM metrics, which Liberation Sans shares).
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// textWidth estimates the width of text in Helvetica at size points: exact for ASCII, 0.6 em
// for other characters and 1 em for wide ones (CJK); bold is about 8% wider.
func textWidth(text string, size float64, bold bool) float64 {
	em := 0.0
	for _, r := range text {
		switch {
		case r >= 32 && r < 127:
			em += float64(helvetica[r-32]) / 1000
		case table.Width(string(r)) == 2:
			em += 1
		default:
			em += 0.6
		}
	}
	if bold {
		em *= 1.08
	}
	return em * size
}

// clip shortens text to at most width points, ending it with an ellipsis.
func clip(text string, size float64, bold bool, width float64) string {
	text = oneLine(text)
	if textWidth(text, size, bold) <= width {
		return text
	}
	for len(text) > 0 && textWidth(text+"…", size, bold) > width {
		_, n := utf8.DecodeLastRuneInString(text)
		text = text[:len(text)-n]
	}
	return strings.TrimSpace(text) + "…"
}

func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// writeSVG writes the scene as a standalone SVG document.
func (s *scene) writeSVG(w io.Writer, title string) error {
	j := newJSONWriter(w) // only for its buffered writer and sticky error
	j.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	j.raw(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s" font-family="Helvetica, Arial, sans-serif">`+"\n",
		f2(s.w), f2(s.h), f2(s.w), f2(s.h)))
	j.raw("<title>" + svgEscaper.Replace(oneLine(title)) + "</title>\n")
	for _, it := range s.items {
		switch {
		case it.line:
			j.raw(`<line x1="` + f2(it.x) + `" y1="` + f2(it.y) + `" x2="` + f2(it.x+it.w) + `" y2="` + f2(it.y+it.h) + `" stroke="` + it.stroke + `" stroke-width="0.6"/>` + "\n")
		case it.text != "":
			j.raw(`<text x="` + f2(it.x) + `" y="` + f2(it.y) + `" font-size="` + f2(it.size) + `" fill="` + it.fill + `"`)
			if it.bold {
				j.raw(` font-weight="bold"`)
			}
			switch it.align {
			case 'c':
				j.raw(` text-anchor="middle"`)
			case 'r':
				j.raw(` text-anchor="end"`)
			}
			j.raw(">" + svgEscaper.Replace(it.text) + "</text>\n")
		default:
			j.raw(`<rect x="` + f2(it.x) + `" y="` + f2(it.y) + `" width="` + f2(it.w) + `" height="` + f2(it.h) + `"`)
			if it.fill != "" {
				j.raw(` fill="` + it.fill + `"`)
			} else {
				j.raw(` fill="none"`)
			}
			if it.stroke != "" {
				j.raw(` stroke="` + it.stroke + `" stroke-width="0.6"`)
			}
			j.raw("/>\n")
		}
	}
	j.raw("</svg>\n")
	return j.flush()
}

// plainFill reports whether an item is a filled rectangle with no outline, which covers
// nothing but its own area and so may be drawn in any order among its kind.
func (it *item) plainFill() bool {
	return !it.line && !it.ground && it.text == "" && it.stroke == "" && it.fill != ""
}

// byFill sorts each run of plain filled rectangles (the cells of a grid, which do not
// overlap) by colour, in place, so that the layout sets each colour once per run rather than
// once per cell. Everything else keeps its place. It returns items.
func byFill(items []item) []item {
	out := items
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && out[j].plainFill() {
			j++
		}
		if j > i+1 {
			slices.SortStableFunc(out[i:j], func(a, b item) int { return strings.Compare(a.fill, b.fill) })
		}
		i = max(j, i+1)
	}
	return out
}

// writeLayout writes the scene as the Graphviz JSON layout that render's Draw paints:
// xdot operations, y up, in the draw lists of nodes. It groups the cells by colour in place
// (see byFill), so a scene is written once.
func (s *scene) writeLayout(w io.Writer) error {
	j := newJSONWriter(w)
	// The operations go out in lists of at most layoutChunk items, each the draw list of one
	// node, so that the reader never grows one huge slice. Every list starts from Graphviz's
	// default state, so each sets its colours, font and line width again.
	j.raw(`{"bb":"0,0,` + f2(s.w) + "," + f2(s.h) + `","pad":"0","objects":[`)
	var pen, fill, font string
	first, chunk, inChunk := true, 0, layoutChunk
	op := func(text string) {
		if !first {
			j.raw(",\n")
		}
		first = false
		j.raw(text)
	}
	startChunk := func() {
		if chunk > 0 {
			j.raw("]},\n")
		}
		j.raw(`{"_gvid":` + strconv.Itoa(chunk) + `,"name":"cells` + strconv.Itoa(chunk) + `","_draw_":[`)
		chunk++
		first, inChunk = true, 0
		pen, fill, font = "", "", ""
		op(`{"op":"S","style":"setlinewidth(0.6)"}`)
	}
	setPen := func(c string) {
		if c != pen {
			pen = c
			op(`{"op":"c","grad":"none","color":"` + c + `"}`)
		}
	}
	setFill := func(c string) {
		if c != fill {
			fill = c
			op(`{"op":"C","grad":"none","color":"` + c + `"}`)
		}
	}
	y := func(v float64) string { return f2(s.h - v) }
	const none = "#ffffff00"
	for _, it := range byFill(s.items) {
		if inChunk++; inChunk > layoutChunk {
			startChunk()
		}
		switch {
		case it.line:
			setPen(it.stroke)
			op(`{"op":"L","points":[[` + f2(it.x) + "," + y(it.y) + "],[" + f2(it.x+it.w) + "," + y(it.y+it.h) + "]]}")
		case it.text != "":
			face := "Helvetica"
			if it.bold {
				face = "Helvetica-Bold"
			}
			if k := face + f2(it.size); k != font {
				font = k
				op(`{"op":"F","size":` + f2(it.size) + `,"face":"` + face + `"}`)
			}
			setPen(it.fill)
			// Draw undoes Graphviz's doubling of backslashes in text.
			j.scratch = appendJSONString(j.scratch[:0], strings.ReplaceAll(it.text, `\`, `\\`))
			op(`{"op":"T","pt":[` + f2(it.x) + "," + y(it.y) + `],"align":"` + string(it.align) + `","width":` +
				f2(textWidth(it.text, it.size, it.bold)*1.05) + `,"text":` + string(j.scratch) + "}")
		default:
			kind := "p"
			if it.fill != "" {
				setFill(it.fill)
				kind = "P"
			}
			if it.stroke != "" {
				setPen(it.stroke)
			} else {
				setPen(none)
			}
			x0, y0, x1, y1 := f2(it.x), y(it.y), f2(it.x+it.w), y(it.y+it.h)
			op(`{"op":"` + kind + `","points":[[` + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "]]}")
		}
	}
	if chunk > 0 {
		j.raw("]}")
	}
	j.raw("]}\n")
	return j.flush()
}

// layoutChunk is the number of scene items in one draw list of a layout.
const layoutChunk = 2048
