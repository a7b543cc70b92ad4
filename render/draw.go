package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/argmap-dev/argmap/internal/pdfnorm"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/text"
)

const (
	mmPerPt = 25.4 / 72
	// maxPageMM caps a PDF page side: 200 inches, the largest page PDF viewers accept
	// (14,400 points). A larger map is scaled down to fit.
	maxPageMM = 5080.0
)

func init() {
	// canvas's default stroker "settles" each outline by intersecting it with itself, which
	// panics ("path has NaN or Inf") on some long edge splines. The fast stroker skips that
	// step; the overlaps it leaves are filled with the non-zero rule and do not show.
	canvas.FastStroke = true
}

// Draw draws a Graphviz JSON layout (the output of Render with format JSON) as a PNG or PDF.
// It is pure Go and does not run Graphviz. Its output is the same bytes for the same input.
func Draw(layout []byte, f Format, opt Options) (out []byte, err error) {
	if f != PNG && f != PDF {
		return nil, fmt.Errorf("cannot draw format %q: Draw writes png or pdf", f)
	}
	opt.Engine = "" // Draw lays nothing out
	if opt, err = opt.normalize(); err != nil {
		return nil, err
	}
	l, bb, err := parseLayout(layout)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("cannot draw %s: internal error: %v", f, r)
		}
	}()
	padX, padY := l.padding()
	w, h := bb.w()+2*padX, bb.h()+2*padY // points
	p := &painter{ox: padX - bb.x0, oy: padY - bb.y0, padX: padX, padY: padY, bb: bb, fonts: fontSet{}}
	if f == PNG {
		return p.png(l, w, h, opt)
	}
	return p.pdf(l, w, h)
}

func (p *painter) png(l *graphLayout, w, h float64, opt Options) ([]byte, error) {
	scale := opt.Scale
	if px := w * scale * h * scale; px > float64(opt.MaxPixels) {
		scale *= math.Sqrt(float64(opt.MaxPixels) / px)
	}
	wpx, hpx := max(1, int(w*scale+0.5)), max(1, int(h*scale+0.5))
	for wpx*hpx > opt.MaxPixels && scale > 0 { // rounding up may overshoot by a row
		scale *= 0.999
		wpx, hpx = max(1, int(w*scale+0.5)), max(1, int(h*scale+0.5))
	}
	img := image.NewRGBA(image.Rect(0, 0, wpx, hpx))
	p.k = mmPerPt
	if err := p.paintBands(l, img, scale/mmPerPt); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		return nil, fmt.Errorf("cannot encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// paintBands paints the layout on img, its rows split into parts that several painters
// paint at once, each skipping what lies outside its rows. Parts start at multiples of
// bandRows, where the raster starts its bands anyway, so the pixels do not depend on how the
// rows are split (nor on how many processors there are).
func (p *painter) paintBands(l *graphLayout, img *image.RGBA, dpmm float64) error {
	h := img.Bounds().Dy()
	workers := min(runtime.GOMAXPROCS(0), 8)
	part := max(bandRows, (h/(2*workers)+bandRows-1)/bandRows*bandRows)
	parts := (h + part - 1) / part
	if workers == 1 || parts == 1 {
		p.band = newRaster(img, dpmm, 0, h)
		p.r = p.band
		return p.paint(l)
	}
	next := make(chan int)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		q := *p
		q.fonts = fontSet{} // canvas fonts are not shared between goroutines
		wg.Go(func() {
			for i := range next {
				q.band = newRaster(img, dpmm, i*part, min(h, (i+1)*part))
				q.r = q.band
				if err := q.paint(l); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// outside reports whether rows ylo to yhi (Graphviz points, y up), widened by pad points,
// miss the rows of the band being painted; nothing is outside when no band is painted.
func (p *painter) outside(ylo, yhi, pad float64) bool {
	if p.band == nil {
		return false
	}
	f := p.k * p.band.dpmm // pixels per point
	h := float64(p.band.img.Bounds().Dy())
	top, bottom := h-(yhi+pad+p.oy)*f, h-(ylo-pad+p.oy)*f
	return bottom < float64(p.band.y0)-1 || top > float64(p.band.y1)+1
}

func (p *painter) pdf(l *graphLayout, w, h float64) ([]byte, error) {
	p.k = mmPerPt
	if side := max(w, h) * mmPerPt; side > maxPageMM {
		p.k *= maxPageMM / side
	}
	var buf bytes.Buffer
	doc := pdf.New(&buf, max(w*p.k, 1), max(h*p.k, 1), &pdf.Options{Compress: true, SubsetFonts: true})
	p.r = doc
	if err := p.paint(l); err != nil {
		return nil, err
	}
	if err := doc.Close(); err != nil {
		return nil, fmt.Errorf("cannot write pdf: %w", err)
	}
	out, err := pdfnorm.Reproducible(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("cannot write pdf: %w", err)
	}
	return out, nil
}

// painter draws xdot operations on a canvas renderer. Graphviz works in points with y up;
// canvas renderers take millimetres with y up.
type painter struct {
	r      canvas.Renderer
	band   *raster // the raster of the rows being painted, when r is one
	k      float64 // millimetres per Graphviz point
	ox, oy float64 // points added to Graphviz coordinates: the padding, less the bb origin
	padX   float64 // the padding, in points
	padY   float64
	bb     box
	fonts  fontSet
}

func (p *painter) pt(x, y float64) (float64, float64) { return (x + p.ox) * p.k, (y + p.oy) * p.k }

// sane reports whether lengths (in points) are finite and not absurdly far off the page: a
// path with a coordinate of 1e300 would take forever and all memory to flatten.
func (p *painter) sane(v ...float64) bool {
	limit := 10*max(p.bb.w(), p.bb.h()) + 1e4
	for _, x := range v {
		if !(math.Abs(x) <= limit) { // also false for NaN
			return false
		}
	}
	return true
}

// state is the drawing state inside one operation list; every list starts from the default.
type state struct {
	pen, fill color.RGBA
	width     float64   // points
	dashes    []float64 // points, nil for solid
	invisible bool
	font      textStyle
}

func newState() state {
	black := color.RGBA{A: 0xff}
	return state{pen: black, fill: black, width: 1, font: textStyle{face: "Times-Roman", size: 14}}
}

func (p *painter) paint(l *graphLayout) error {
	for i, ops := range l.paintOrder() {
		// The graph's background polygon covers the bounding box; Graphviz paints the
		// padding around it too.
		if err := p.list(ops, i == 0); err != nil {
			return err
		}
	}
	return nil
}

func (p *painter) list(ops []op, background bool) error {
	st := newState()
	for _, o := range ops {
		switch o.Op {
		case "c":
			st.pen = paint(o)
		case "C":
			st.fill = paint(o)
		case "S":
			st.setStyle(o.Style)
		case "F":
			st.font.face, st.font.size = o.Face, o.Size
		case "t":
			st.font.flags = o.Fontchar
		case "T":
			if !st.invisible {
				if err := p.text(o, st); err != nil {
					return err
				}
			}
		case "E", "e", "P", "p", "L", "B", "b":
			if st.invisible {
				continue
			}
			filled := o.Op == "E" || o.Op == "P" || o.Op == "B"
			pts := o.Points
			if background && o.Op == "P" {
				pts = p.padBackground(pts)
				background = false
			}
			p.shape(o.Op, pts, o.Rect, filled, st)
		}
	}
	return nil
}

// padBackground widens the graph's background polygon, a rectangle over the bounding box
// (Graphviz versions differ on whether it covers the padding too), to the page, and a point
// past it on every side: a PNG's last pixel column or row, which rounding may leave partly
// outside the page, is covered in full, so that an opaque background gives an opaque image
// (written as RGB, a quarter less to compress).
func (p *painter) padBackground(pts [][2]float64) [][2]float64 {
	const eps = 0.01
	if len(pts) != 4 {
		return pts
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		x0, y0, x1, y1 = min(x0, q[0]), min(y0, q[1]), max(x1, q[0]), max(y1, q[1])
	}
	for _, q := range pts {
		onX := math.Abs(q[0]-x0) < eps || math.Abs(q[0]-x1) < eps
		onY := math.Abs(q[1]-y0) < eps || math.Abs(q[1]-y1) < eps
		if !onX || !onY {
			return pts // not an upright rectangle
		}
	}
	if x0 > p.bb.x0+eps || y0 > p.bb.y0+eps || x1 < p.bb.x1-eps || y1 < p.bb.y1-eps {
		return pts // not over the whole bounding box
	}
	const over = 1.0
	x0, y0 = p.bb.x0-p.padX-over, p.bb.y0-p.padY-over
	x1, y1 = p.bb.x1+p.padX+over, p.bb.y1+p.padY+over
	return [][2]float64{{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}}
}

func (st *state) setStyle(s string) {
	s = strings.TrimSpace(s)
	switch {
	case s == "solid":
		st.dashes = nil
	case s == "dashed":
		st.dashes = []float64{5, 2} // as Graphviz's SVG writer
	case s == "dotted":
		st.dashes = []float64{1, 5}
	case s == "bold":
		st.width = 2
	case s == "invis" || s == "invisible":
		st.invisible = true
	case strings.HasPrefix(s, "setlinewidth(") && strings.HasSuffix(s, ")"):
		w, err := strconv.ParseFloat(strings.TrimSpace(s[len("setlinewidth("):len(s)-1]), 64)
		if err == nil && w >= 0 && w < 1e4 {
			st.width = w
		}
	}
}

// shape draws an ellipse, polygon, polyline or B-spline: filled with the fill colour when
// filled, outlined with the pen.
func (p *painter) shape(kind string, pts [][2]float64, rect [4]float64, filled bool, st state) {
	// A curve lies within its control points, and a stroke's joins within a few widths.
	ylo, yhi := rect[1]-math.Abs(rect[3]), rect[1]+math.Abs(rect[3])
	if kind != "E" && kind != "e" {
		ylo, yhi = math.Inf(1), math.Inf(-1)
		for _, q := range pts {
			ylo, yhi = min(ylo, q[1]), max(yhi, q[1])
		}
	}
	if p.outside(ylo, yhi, 5*st.width+2) {
		return
	}
	path := &canvas.Path{}
	switch kind {
	case "E", "e":
		if !p.sane(rect[:]...) || rect[2] == 0 || rect[3] == 0 {
			return
		}
		cx, cy := p.pt(rect[0], rect[1])
		path = canvas.Ellipse(math.Abs(rect[2])*p.k, math.Abs(rect[3])*p.k).Translate(cx, cy)
	case "P", "p", "L":
		for i, q := range pts {
			if !p.sane(q[0], q[1]) {
				return
			}
			x, y := p.pt(q[0], q[1])
			if i == 0 {
				path.MoveTo(x, y)
			} else {
				path.LineTo(x, y)
			}
		}
		if kind != "L" && len(pts) > 2 {
			path.Close()
		}
	case "B", "b":
		if len(pts) < 4 {
			return
		}
		xy := make([]float64, 0, 2*len(pts))
		for _, q := range pts {
			if !p.sane(q[0], q[1]) {
				return
			}
			x, y := p.pt(q[0], q[1])
			xy = append(xy, x, y)
		}
		path.MoveTo(xy[0], xy[1])
		for i := 2; i+5 < len(xy); i += 6 {
			path.CubeTo(xy[i], xy[i+1], xy[i+2], xy[i+3], xy[i+4], xy[i+5])
		}
		if filled {
			path.Close()
		}
	}
	if path.Empty() {
		return
	}
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	if filled && st.fill.A > 0 {
		style.Fill = canvas.Paint{Color: st.fill}
	}
	if st.pen.A > 0 && st.width > 0 {
		style.Stroke = canvas.Paint{Color: st.pen}
		style.StrokeWidth = st.width * p.k
		if len(st.dashes) > 0 {
			// canvas measures dashes in stroke widths; Graphviz's are absolute.
			style.Dashes = make([]float64, len(st.dashes))
			for i, d := range st.dashes {
				style.Dashes[i] = d / st.width
			}
		}
	}
	if !style.HasFill() && !style.HasStroke() {
		return
	}
	p.r.RenderPath(path, style, canvas.Identity)
}

// text draws one line of text at its baseline, aligned as Graphviz says. Should the embedded
// font be wider than what Graphviz measured (it guesses metrics for characters it does not
// know), the text is set smaller to keep it inside its box.
func (p *painter) text(o op, st state) error {
	txt := gvText(o.Text)
	if st.pen.A == 0 || strings.TrimSpace(txt) == "" || !(st.font.size > 0 && st.font.size < 1e4) ||
		!p.sane(o.Pt[0], o.Pt[1], o.Width) {
		return nil
	}
	if p.outside(o.Pt[1], o.Pt[1], 2*st.font.size+2) { // ascent, descent, a sub- or superscript's shift
		return nil
	}
	fam, bold, italic := familyOf(st.font.face)
	bold = bold || st.font.flags&flagBold != 0
	italic = italic || st.font.flags&flagItalic != 0
	primary, err := p.fonts.get(fontKey{fam, bold, italic})
	if err != nil {
		return err
	}
	alt := primary // the fallback font is loaded only for text that needs it
	if strings.ContainsFunc(txt, func(r rune) bool { return primary.SFNT.GlyphIndex(r) == 0 }) {
		if alt, err = p.fonts.get(fontKey{fallback, bold, false}); err != nil {
			return err
		}
	}
	var decos []canvas.FontDecorator
	if st.font.flags&flagUnderline != 0 {
		decos = append(decos, canvas.FontUnderline)
	}
	if st.font.flags&flagStrike != 0 {
		decos = append(decos, canvas.FontStrikethrough)
	}
	if st.font.flags&flagOverline != 0 {
		decos = append(decos, canvas.FontOverline)
	}
	segs := visualRuns(txt, primary, alt)
	size := st.font.size * p.k / mmPerPt // Face takes points and turns them into millimetres
	lines, width := layoutSegments(segs, size, st.pen, decos)
	if want := o.Width * p.k; want > 0 && width > want*1.01 {
		lines, width = layoutSegments(segs, size*want/width, st.pen, decos)
	}
	x, y := p.pt(o.Pt[0], o.Pt[1])
	// Graphviz keeps the size of <SUP> and <SUB> text and leaves the shift to the renderer.
	if st.font.flags&flagSuper != 0 {
		y += st.font.size / 3 * p.k
	} else if st.font.flags&flagSub != 0 {
		y -= st.font.size / 5 * p.k
	}
	switch o.Align {
	case "c":
		x -= width / 2
	case "r":
		x -= width
	}
	for _, t := range lines {
		p.r.RenderText(t, canvas.Identity.Translate(x, y))
		x += t.Width
	}
	return nil
}

// gvText undoes what Graphviz's JSON writer does to the text of a T operation: it doubles
// every backslash. Text drawn as C:\temp is written as the JSON string "C:\\\\temp", which
// decodes to C:\\temp.
func gvText(s string) string {
	return strings.ReplaceAll(s, `\\`, `\`)
}

func layoutSegments(segs []segment, size float64, col color.RGBA, decos []canvas.FontDecorator) ([]*canvas.Text, float64) {
	lines := make([]*canvas.Text, len(segs))
	width := 0.0
	for i, s := range segs {
		face := s.font.Face(size, col, decos...)
		if s.level%2 == 1 {
			// Shaped right to left, brackets mirrored, even a run of only punctuation.
			face.Direction = text.RightToLeft
		}
		lines[i] = canvas.NewTextLine(face, s.text, canvas.Left)
		width += lines[i].Width
	}
	return lines, width
}

// paint returns the colour of a c or C operation. A gradient is drawn in its first colour.
func paint(o op) color.RGBA {
	if o.Grad == "linear" || o.Grad == "radial" {
		if len(o.Stops) > 0 {
			return parseColor(o.Stops[0].Color)
		}
	}
	return parseColor(o.Color)
}

// parseColor reads Graphviz's JSON colours, #rrggbb or #rrggbbaa, as premultiplied RGBA.
// Anything else is black.
func parseColor(s string) color.RGBA {
	black := color.RGBA{A: 0xff}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return black
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return black
	}
	if len(s) == 7 {
		return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
	}
	r, g, b, a := uint32(v>>24), uint32(v>>16&0xff), uint32(v>>8&0xff), uint32(v&0xff)
	pre := func(c uint32) uint8 { return uint8((c*a + 127) / 255) }
	return color.RGBA{pre(r), pre(g), pre(b), uint8(a)}
}
