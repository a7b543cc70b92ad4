package handout

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image/color"
	"io"
	"slices"
	"strconv"

	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/internal/pdfnorm"
	"github.com/argmap-dev/argmap/internal/pdftext"
	"github.com/argmap-dev/argmap/render"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
)

// The PDF is A4, in millimetres with y up, set in DejaVu Sans (Latin, Greek, Cyrillic,
// Hebrew and Arabic).
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	textW        = pageW - 2*margin
	bodyPt       = 10.0
	cellPad      = 1.5
	labelW       = 9.0 // the column of list labels
)

var headingPt = [...]float64{1: 16, 2: 13, 3: 11}

// pdfWriter lays blocks out top to bottom, starting a page when the next one does not fit.
type pdfWriter struct {
	doc           *pdf.PDF
	y             float64 // the top of the next block, from the bottom of the page
	page          int
	regular, bold *canvas.Font
	footer        string
	black, grey   color.RGBA
}

func (h *Handout) writePDF(ctx context.Context, w io.Writer) error {
	regular, err := canvas.LoadFont(dejavusans.TTF, 0, canvas.FontRegular)
	if err != nil {
		return fmt.Errorf("cannot load embedded font: %w", err)
	}
	bold, err := canvas.LoadFont(dejavusansbold.TTF, 0, canvas.FontBold)
	if err != nil {
		return fmt.Errorf("cannot load embedded font: %w", err)
	}
	// No ligatures: text copied or extracted from the PDF reads "ff", not "\ufb00".
	regular.SetFeatures("liga=0")
	bold.SetFeatures("liga=0")
	var buf bytes.Buffer
	p := &pdfWriter{
		doc:     pdf.New(&buf, pageW, pageH, &pdf.Options{Compress: true, SubsetFonts: true, ImageEncoding: canvas.Lossless}),
		y:       pageH - margin,
		page:    1,
		regular: regular, bold: bold,
		black: color.RGBA{A: 0xff}, grey: color.RGBA{0x55, 0x55, 0x55, 0xff},
	}
	p.footer = "Worksheet"
	if h.key {
		p.footer = "Answer key"
	}
	p.pageNumber(pageW)
	for i, b := range h.blocks {
		switch b.kind {
		case headingBlock:
			t := p.box(b.text, headingPt[b.level], true, textW, canvas.Left)
			// Keep a heading with the start of what follows it.
			next := 0.0
			if i+1 < len(h.blocks) {
				next = 12
			}
			p.space(3)
			p.need(t.h() + next)
			p.put(t, margin)
			p.y -= t.h() + 1.5
		case paraBlock:
			t := p.box(b.text, bodyPt, false, textW, canvas.Left)
			p.need(t.h())
			p.put(t, margin)
			p.y -= t.h() + 2.5
		case listBlock:
			for _, it := range b.items {
				lw := 0.0
				var label *text
				if it.label != "" {
					label = p.box(it.label+".", bodyPt, true, labelW+6, canvas.Left)
					lw = max(labelW, label.w+1.5)
				}
				t := p.box(it.text, bodyPt, false, textW-lw, canvas.Left)
				p.need(t.h())
				if label != nil {
					p.put(label, margin)
				}
				p.put(t, margin+lw)
				p.y -= t.h() + 1.2
			}
			p.y -= 1.3
		case tableBlock:
			p.table(b.head, b.rows, b.grid)
		case mapBlock:
			if err := h.pdfMap(ctx, p, b.text); err != nil {
				return err
			}
		}
	}
	if err := p.doc.Close(); err != nil {
		return fmt.Errorf("cannot write pdf: %w", err)
	}
	out, err := pdfnorm.Reproducible(buf.Bytes())
	if err != nil {
		return fmt.Errorf("cannot write pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// text is laid-out text with its size in millimetres.
type text struct {
	t     *canvas.Text
	w, hh float64
}

func (t *text) h() float64 { return t.hh }

func (p *pdfWriter) box(s string, pt float64, bold bool, width float64, align canvas.TextAlign) *text {
	f := p.regular
	if bold {
		f = p.bold
	}
	face := f.Face(pt, p.black)
	t := canvas.NewTextBox(face, pdftext.Prepare(s, face, width), width, 0, align, canvas.Top, nil)
	w, _ := t.Size()
	lines := max(t.Lines(), 1)
	lh := pt * 25.4 / 72 * 1.2
	return &text{t: t, w: w, hh: float64(lines) * lh}
}

func (p *pdfWriter) put(t *text, x float64) {
	p.doc.RenderText(t.t, canvas.Identity.Translate(x, p.y))
}

func (p *pdfWriter) space(mm float64) {
	if p.y < pageH-margin {
		p.y -= mm
	}
}

// need starts a new page unless h millimetres fit on this one.
func (p *pdfWriter) need(h float64) {
	if p.y-h >= margin || p.y >= pageH-margin {
		return
	}
	p.newPage(pageW, pageH)
}

func (p *pdfWriter) newPage(w, h float64) {
	p.doc.NewPage(w, h)
	p.page++
	p.y = h - margin
	p.pageNumber(w)
}

func (p *pdfWriter) pageNumber(w float64) {
	s := p.footer + " \u00b7 page " + strconv.Itoa(p.page)
	t := canvas.NewTextLine(p.regular.Face(8, p.grey), s, canvas.Center)
	p.doc.RenderText(t, canvas.Identity.Translate(w/2, margin/2))
}

// table draws a table. Columns get what their longest cell needs, as far as the page allows:
// the narrow ones first, the rest share what is left. In a grid (analysts in the columns)
// the analysts' columns are even, with room to write in, and centred.
func (p *pdfWriter) table(head []string, rows [][]string, grid bool) {
	n := len(head)
	if n == 0 {
		return
	}
	natural := make([]float64, n)
	for i, r := range append([][]string{head}, rows...) {
		f := p.regular
		if i == 0 {
			f = p.bold
		}
		for j := 0; j < n && j < len(r); j++ {
			t := canvas.NewTextLine(f.Face(bodyPt, p.black), r[j], canvas.Left)
			natural[j] = max(natural[j], t.Width+2*cellPad+0.5)
		}
	}
	if grid {
		for j := 1; j < n; j++ {
			natural[j] = max(natural[j], min(30, (textW-natural[0])/float64(n-1)))
		}
	}
	widths := fill(natural, textW)
	row := func(cells []string, bold bool) {
		ts := make([]*text, n)
		hgt := 0.0
		for j := range n {
			s := ""
			if j < len(cells) {
				s = cells[j]
			}
			align := canvas.Left
			if grid && j > 0 {
				align = canvas.Center
			}
			ts[j] = p.box(s, bodyPt, bold, widths[j]-2*cellPad, align)
			hgt = max(hgt, ts[j].h()+2*cellPad)
		}
		hgt = max(hgt, 7)
		p.need(hgt)
		x := margin
		for j, t := range ts {
			r := canvas.Rectangle(widths[j], hgt).Translate(x, p.y-hgt)
			style := canvas.DefaultStyle
			style.Fill = canvas.Paint{}
			if bold {
				style.Fill = canvas.Paint{Color: color.RGBA{0xe8, 0xe8, 0xe8, 0xff}}
			}
			style.Stroke = canvas.Paint{Color: p.grey}
			style.StrokeWidth = 0.2
			p.doc.RenderPath(r, style, canvas.Identity)
			p.doc.RenderText(t.t, canvas.Identity.Translate(x+cellPad, p.y-cellPad))
			x += widths[j]
		}
		p.y -= hgt
	}
	row(head, true)
	for _, r := range rows {
		row(r, false)
	}
	p.y -= 3
}

// fill shares width among columns that want natural widths: each column, narrowest first,
// gets what it wants or an even share of what is left, whichever is less.
func fill(natural []float64, width float64) []float64 {
	order := make([]int, len(natural))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(natural[a], natural[b]) })
	out := make([]float64, len(natural))
	left := width
	for k, j := range order {
		out[j] = min(natural[j], left/float64(len(order)-k))
		left -= out[j]
	}
	return out
}

// pdfMap draws the whole-debate map, in vector, on a page of its own: A4 in the orientation
// that suits it, or larger when the map at its natural size needs more (up to 200 inches a
// side, past which it is scaled down). Printing fits a large page to the paper; on screen it
// zooms.
func (h *Handout) pdfMap(ctx context.Context, p *pdfWriter, caption string) error {
	layout, err := h.drawMap(ctx, render.JSON)
	if tooBig := (*graph.TooBigError)(nil); errors.As(err, &tooBig) {
		t := p.box(tooBigNote, bodyPt, false, textW, canvas.Left)
		p.need(t.h())
		p.put(t, margin)
		p.y -= t.h()
		return nil
	}
	if err != nil {
		return err
	}
	iw, ih, err := render.LayoutSize(layout)
	if err != nil {
		return fmt.Errorf("cannot draw the map: %w", err)
	}
	const maxSide = 5080.0
	w, hh := pageW, pageH
	if iw > ih {
		w, hh = pageH, pageW
	}
	c := p.box(caption, bodyPt, false, textW, canvas.Left)
	top := c.h() + 3
	w, hh = min(max(w, iw+2*margin), maxSide), min(max(hh, ih+2*margin+top), maxSide)
	p.newPage(w, hh)
	p.put(c, margin)
	p.y -= top
	availW, availH := w-2*margin, p.y-margin
	scale := min(1, availW/iw, availH/ih)
	x := margin + (availW-scale*iw)/2
	y := p.y - scale*ih
	if err := render.DrawOn(p.doc, layout, x, y, scale); err != nil {
		return fmt.Errorf("cannot draw the map: %w", err)
	}
	p.y = y
	return nil
}
