package matrix

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/argmap-dev/argmap/stances"
)

// The pictures of the matrix and of the agreement heat map are drawn directly (see scene.go):
// each cell a rectangle at a computed position, so that a panel of hundreds of experts is
// drawn in a fraction of a second, where a Graphviz table of it took minutes and gigabytes.
// Small panels show the symbol (or the share and n) in each cell; large ones (more than
// fullRows rows or fullCols columns) show colour only, in small cells.

const (
	pad      = 12.0
	fullRows = 80
	fullCols = 80
	grey     = "#F4F4F4" // not addressed, the diagonal, the grid's ground
	faint    = "#999999"
	ink      = "#222222"
)

// PictureTooBigError says that a picture would have more cells than MaxPictureCells.
type PictureTooBigError struct {
	Rows, Cols int
}

func (e *PictureTooBigError) Error() string {
	return fmt.Sprintf("a picture of %d × %d cells is more than argmap draws (%d,%03d cells): write it as xlsx, csv, html or json instead, e.g. -o panel.xlsx",
		e.Rows, e.Cols, MaxPictureCells/1000, MaxPictureCells%1000)
}

// WritePictureSVG writes the matrix as an SVG picture, or the agreement heat map when
// agreement is true; see DrawPicture for what they show.
func (m *Writer) WritePictureSVG(w io.Writer, agreement bool) error {
	s, err := m.picture(agreement)
	if err != nil {
		return err
	}
	return s.writeSVG(w, m.d.Title)
}

// WritePictureLayout writes the same picture as a Graphviz JSON layout (xdot drawing
// operations, no layout engine involved), which render's Draw paints as PNG or PDF.
//
// The matrix shows one row per expert (their colour beside the name) and one column per
// proposition (keyed P1, P2… in file order, with a key underneath), each cell filled with its
// position's colour and showing its symbol, * when inferred, · when not addressed. The heat
// map shows, for each pair of experts, the share of the propositions both address on which
// they take the same side and n, how many they both address, coloured on five equal
// segments from vermillion (0-20%) to blue (80-100%); a pair that shares fewer than stances.MinShared
// propositions is drawn faded, a pair that shares none is left blank. Large panels show the
// colours only.
func (m *Writer) WritePictureLayout(w io.Writer, agreement bool) error {
	s, err := m.picture(agreement)
	if err != nil {
		return err
	}
	return s.writeLayout(w)
}

func (m *Writer) picture(agreement bool) (*scene, error) {
	rows, cols := len(m.rows), len(m.cols)
	if agreement {
		cols = rows
	} else if m.transpose {
		rows, cols = cols, rows
	}
	if rows*cols > MaxPictureCells {
		return nil, &PictureTooBigError{rows, cols}
	}
	s := &scene{}
	s.ground(0, 0, 0, 0, "#FFFFFF") // the background, sized at the end
	if agreement {
		m.drawAgreement(s)
	} else {
		m.drawMatrix(s)
	}
	s.w, s.h = math.Ceil(s.w+pad), math.Ceil(s.h+pad)
	s.items[0].w, s.items[0].h = s.w, s.h
	return s, nil
}

// gridGeom is the geometry of a picture's table: where the cells start, their size, and the
// font sizes that go with it.
type gridGeom struct {
	x, y, cw, ch float64
	label, key   float64 // font sizes of row labels and column keys
	full         bool
}

// newGeom returns full cells of cw × ch points when the table fits within fullRows ×
// fullCols, else compact ones.
func newGeom(rows, cols int, cw, ch float64) gridGeom {
	if rows <= fullRows && cols <= fullCols {
		return gridGeom{cw: cw, ch: ch, label: 10, key: 9, full: true}
	}
	return compactGeom
}

// compactGeom is the geometry of large tables: colour-only 8-point cells.
var compactGeom = gridGeom{cw: 8, ch: 8, label: 6.5, key: 6.5}

// title draws the title and returns the y below it.
func (m *Writer) title(s *scene) float64 {
	s.w = max(s.w, pad+s.text(pad, pad+14, m.d.Title, 14, true, 'l', ink))
	return pad + 28
}

// rowLabels draws the row labels (a colour swatch when colors are given, then the text) and
// returns the width they take.
func rowLabels(s *scene, g gridGeom, labels, colors []string) float64 {
	w := 0.0
	for _, l := range labels {
		w = max(w, textWidth(l, g.label, true))
	}
	w = min(w, 220)
	swatch := 0.0
	if colors != nil {
		swatch = 9
	}
	for i, l := range labels {
		y := g.y + float64(i)*g.ch
		if colors != nil {
			s.rect(pad, y+0.5, 5, g.ch-1, colors[i], "")
		}
		s.text(pad+swatch, y+g.ch*0.5+g.label*0.36, clip(l, g.label, true, w), g.label, true, 'l', ink)
	}
	return swatch + w + 8
}

// colKeys draws the column keys above the grid; a small cell gets a key only every few
// columns, where there is room for it.
func colKeys(s *scene, g gridGeom, keys, colors []string) {
	every := 1
	if len(keys) > 0 {
		every = int(math.Ceil((textWidth(keys[len(keys)-1], g.key, true) + 2) / g.cw))
	}
	for j, k := range keys {
		x := g.x + float64(j)*g.cw
		if colors != nil {
			s.rect(x+0.5, g.y-5, g.cw-1, 4, colors[j], "")
		}
		if j%every == 0 {
			s.text(x+g.cw/2, g.y-7, k, g.key, true, 'c', ink)
		}
	}
}

func (m *Writer) expertColors() []string {
	out := make([]string, len(m.rows))
	for k, i := range m.rows {
		out[k] = m.d.ExpertColor(m.experts[i].ID)
	}
	return out
}

func (m *Writer) drawMatrix(s *scene) {
	experts, props := m.mx.Experts(), m.mx.Propositions()
	var rowText, colText, rowColor, colColor []string
	for _, e := range experts {
		rowText = append(rowText, m.expertName(e))
	}
	for _, j := range m.cols {
		colText = append(colText, m.propKey(j))
	}
	rowColor = m.expertColors()
	cell := func(i, j int) *argmap.Stance { return m.cells[m.rows[i]][m.cols[j]] }
	if m.transpose {
		rowText, colText, rowColor, colColor = colText, nil, nil, rowColor
		for _, i := range m.rows {
			colText = append(colText, m.expertKey(i))
		}
		for k, p := range props {
			rowText[k] += "  " + p.ID
		}
		cell = func(i, j int) *argmap.Stance { return m.cells[m.rows[j]][m.cols[i]] }
	}
	rows, cols := len(rowText), len(colText)
	g := newGeom(rows, cols, 30, 20)
	g.y = m.title(s) + 16
	g.x = pad + rowLabels(s, g, rowText, rowColor)
	// Row labels were drawn at g.y; the grid starts beside them.
	colKeys(s, g, colText, colColor)
	s.ground(g.x, g.y, float64(cols)*g.cw, float64(rows)*g.ch, grey)
	for i := range rows {
		for j := range cols {
			st := cell(i, j)
			x, y := g.x+float64(j)*g.cw, g.y+float64(i)*g.ch
			switch {
			case st == nil && g.full:
				s.text(x+g.cw/2, y+g.ch/2+3, notAddressed, 10, false, 'c', faint)
			case st == nil:
			case g.full:
				s.rect(x, y, g.cw, g.ch, PositionColor(st.Position), "#FFFFFF")
				s.text(x+g.cw/2, y+g.ch/2+3.5, symbol(st), 10, true, 'c', positionInk(st.Position))
			default:
				s.rect(x, y, g.cw, g.ch, PositionColor(st.Position), "")
				if st.Inferred {
					s.rect(x+g.cw/2-1, y+g.ch/2-1, 2, 2, "#FFFFFF", "")
				}
			}
		}
	}
	bottom := g.y + float64(rows)*g.ch
	s.w = max(s.w, g.x+float64(cols)*g.cw)
	// The legend.
	y := bottom + 22
	x := pad
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		label := p.Symbol() + " " + words(p)
		w := textWidth(label, 9, false) + 10
		s.rect(x, y-11, w, 15, PositionColor(p), "")
		s.text(x+5, y, label, 9, false, 'l', positionInk(p))
		x += w + 4
	}
	inferred, none := "* inferred", notAddressed+" not addressed"
	if !g.full {
		inferred, none = "white dot: inferred", "light grey: not addressed"
	}
	x += 4 + s.text(x+4, y, none, 9, false, 'l', ink) + 8
	x += s.text(x, y, inferred, 9, false, 'l', ink)
	s.w = max(s.w, x)
	// The keys.
	width := max(s.w-pad, 480)
	y += 24
	if m.transpose {
		for _, i := range m.rows {
			e := m.experts[i]
			s.rect(pad, y-8, 5, 10, m.d.ExpertColor(e.ID), "")
			s.text(pad+9, y, m.expertKey(i), 9, true, 'l', ink)
			s.text(pad+45, y, clip(m.expertName(e)+" ("+e.ID+")", 9, false, width-45), 9, false, 'l', ink)
			y += 13
		}
		y += 8
	}
	for _, j := range m.cols {
		p := m.props[j]
		s.text(pad, y, m.propKey(j), 9, true, 'l', ink)
		s.text(pad+36, y, clip(p.ID+": "+p.Text, 9, false, width-36), 9, false, 'l', ink)
		y += 13
	}
	s.w = max(s.w, pad+width)
	s.h = y
}

func (m *Writer) drawAgreement(s *scene) {
	n := len(m.rows)
	var labels, keys []string
	for _, i := range m.rows {
		labels = append(labels, m.expertKey(i)+"  "+m.expertName(m.experts[i]))
		keys = append(keys, m.expertKey(i))
	}
	g := newGeom(n, n, 46, 30)
	if n > 40 { // the heat map's cells are wider: fewer fit
		g = compactGeom
	}
	g.y = m.title(s) + 16
	g.x = pad + rowLabels(s, g, labels, m.expertColors())
	colKeys(s, g, keys, m.expertColors())
	s.ground(g.x, g.y, float64(n)*g.cw, float64(n)*g.ch, grey)
	for a, i := range m.rows {
		for b, j := range m.rows {
			x, y := g.x+float64(b)*g.cw, g.y+float64(a)*g.ch
			if i == j {
				continue
			}
			p := m.pairOf(i, j)
			if p.Shared == 0 || !p.Agreement.OK {
				s.rect(x, y, g.cw, g.ch, "#FFFFFF", "")
				if g.full {
					s.text(x+g.cw/2, y+g.ch/2+3, notAddressed, 10, false, 'c', faint)
				}
				continue
			}
			fill, text := agreementColor(p.Agreement.Value)
			if p.Shared < stances.MinShared {
				fill, text = dotlabel.Tint(fill, 0.3), "#555555"
			}
			stroke := ""
			if g.full {
				stroke = "#FFFFFF"
			}
			s.rect(x, y, g.cw, g.ch, fill, stroke)
			if g.full && p.Shared < stances.MinShared {
				s.hatch(x, y, g.cw, g.ch)
			}
			if g.full {
				s.text(x+g.cw/2, y+13, strconv.Itoa(int(math.Round(100*p.Agreement.Value)))+"%", 10, true, 'c', text)
				s.text(x+g.cw/2, y+25, "n="+strconv.Itoa(p.Shared), 8, false, 'c', text)
			}
		}
	}
	s.w = max(s.w, g.x+float64(n)*g.cw)
	// The colour bar: five equal segments, labelled at their bounds.
	y := g.y + float64(n)*g.ch + 20
	s.text(pad, y, "Share of the propositions both address on which the two take the same side; n = how many both address.", 9, false, 'l', ink)
	y += 8
	const seg = 56.0
	for k := range 5 {
		fill, _ := agreementColor(0.1 + 0.2*float64(k))
		s.rect(pad+float64(k)*seg, y, seg, 14, fill, "")
	}
	for k := range 6 {
		s.text(pad+float64(k)*seg, y+26, strconv.Itoa(20*k)+"%", 8, false, 'c', ink)
	}
	x := pad + 5*seg + 20
	faded, _ := agreementColor(0.9)
	s.rect(x, y, 28, 14, dotlabel.Tint(faded, 0.3), "")
	s.hatch(x, y, 28, 14)
	x += 34
	x += s.text(x, y+11, fmt.Sprintf("faded: fewer than %d shared (no kappa)", stances.MinShared), 9, false, 'l', ink) + 14
	s.rect(x, y, 28, 14, "#FFFFFF", "#BBBBBB")
	x += 34
	x += s.text(x, y+11, "none shared", 9, false, 'l', ink)
	s.w = max(s.w, x)
	y += 40
	s.text(pad, y, "A share on a bound takes the colour of the segment farther from 50%.", 8, false, 'l', faint)
	s.h = y
}

// hatch draws white diagonal lines across a rectangle, the mark of a figure resting on too
// few propositions.
func (s *scene) hatch(x, y, w, h float64) {
	const step = 7.0
	for t := step; t < w+h; t += step {
		u0, u1 := min(t, w), max(t-h, 0)
		s.line(x+u0, y+t-u0, x+u1, y+t-u1, "#FFFFFF")
	}
}

// expertName is an expert's row and column label: their name, after the badge that tells
// them apart where expert colours repeat.
func (m *Writer) expertName(e *argmap.Expert) string { return m.d.ExpertLabel(e.ID) }

// agreementColor maps a share 0..1 to a fill and ink on the vermillion-grey-blue scale, in
// five equal segments; a share on a bound goes to the segment farther from one half.
func agreementColor(v float64) (fill, ink string) {
	p := agreementPosition(v)
	return PositionColor(p), positionInk(p)
}
