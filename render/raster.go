package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/vector"
)

// bandRows is how many pixel rows of a path raster fills at a time.
const bandRows = 32

// raster is a canvas renderer that paints solid colours into an RGBA image with
// golang.org/x/image/vector. canvas's own rasterizer keeps the cells of each pixel row in a
// sorted linked list and takes quadratic time on long, nearly horizontal strokes (a map
// 70,000 points wide ran for minutes). raster fills each path one band of rows at a time, and
// each band only as wide as the path is within it, so the work follows the path's outline
// rather than its bounding box.
type raster struct {
	img    *image.RGBA
	dpmm   float64 // pixels per millimetre
	y0, y1 int     // the rows this raster paints: a multiple of bandRows, and the end
	vr     vector.Rasterizer
	mask   image.Alpha // coverage of the band being filled
	segs   []seg
}

// seg is a line segment in pixels, y down.
type seg struct{ x0, y0, x1, y1 float64 }

// newRaster returns a raster that paints rows y0 to y1 of img (y0 a multiple of bandRows).
// Bands start at multiples of bandRows whatever the rows, so that rasters painting parts of
// one image give it the same pixels as one raster painting it all.
func newRaster(img *image.RGBA, dpmm float64, y0, y1 int) *raster {
	return &raster{img: img, dpmm: dpmm, y0: y0, y1: y1}
}

// Size returns the size of the image in millimetres.
func (r *raster) Size() (float64, float64) {
	b := r.img.Bounds()
	return float64(b.Dx()) / r.dpmm, float64(b.Dy()) / r.dpmm
}

// RenderPath fills and strokes path, transformed by m, with the solid colours of style.
// Gradients and patterns are not drawn (Draw makes none).
func (r *raster) RenderPath(path *canvas.Path, style canvas.Style, m canvas.Matrix) {
	if style.HasFill() && style.Fill.IsColor() {
		r.fill(path.Copy().Transform(m), style.Fill.Color)
	}
	if style.HasStroke() && style.Stroke.IsColor() {
		s := path
		period := 0.0 // of the dash pattern, in pixels
		for _, d := range style.Dashes {
			period += d * style.StrokeWidth * r.dpmm * math.Sqrt(math.Abs(m.Det()))
		}
		// Dashes finer than pixels would look like a solid line anyway, and a long path would
		// be cut into millions of them.
		if period >= 2 {
			offset, dashes := canvas.ScaleDash(style.StrokeWidth, style.DashOffset, style.Dashes)
			s = s.Dash(offset, dashes...)
		}
		s = s.Stroke(style.StrokeWidth, style.StrokeCapper, style.StrokeJoiner, canvas.PixelTolerance/r.dpmm)
		r.fill(s.Transform(m), style.Stroke.Color)
	}
}

// RenderText draws text as filled glyph outlines.
func (r *raster) RenderText(text *canvas.Text, m canvas.Matrix) {
	text.RenderAsPath(r, m, canvas.DPMM(r.dpmm))
}

// RenderImage does nothing: Graphviz layouts that Draw reads carry no images it draws.
func (r *raster) RenderImage(image.Image, canvas.Matrix) {}

// fill paints the inside of path (in millimetres, y up) with c, by the non-zero rule.
func (r *raster) fill(path *canvas.Path, c color.RGBA) {
	if c.A == 0 || path.Empty() {
		return
	}
	w, h := r.img.Bounds().Dx(), r.img.Bounds().Dy()
	r.flatten(path, h)
	if len(r.segs) == 0 {
		return
	}
	lim := min(h, r.y1)
	if c.A == 0xff && r.coversAll(w, h) {
		// The page's background: all the rows, one colour, no coverage to compute.
		pix := r.img.Pix[r.y0*r.img.Stride : lim*r.img.Stride]
		n := copy(pix, []byte{c.R, c.G, c.B, c.A})
		for n < len(pix) {
			n += copy(pix[n:], pix[:n])
		}
		return
	}
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for _, s := range r.segs {
		ymin, ymax = min(ymin, s.y0, s.y1), max(ymax, s.y0, s.y1)
	}
	if !(ymax > float64(r.y0) && ymin < float64(lim)) {
		return
	}
	var pieces []seg
	first := max(r.y0, int(math.Floor(ymin))/bandRows*bandRows)
	for top := first; top < lim && float64(top) < ymax; top += bandRows {
		bottom := min(top+bandRows, lim)
		pieces = pieces[:0]
		xmin, xmax := math.Inf(1), math.Inf(-1)
		for _, s := range r.segs {
			p, ok := clipRows(s, float64(top), float64(bottom))
			if !ok {
				continue
			}
			for _, q := range clipColumns(p, -1, float64(w)+1) {
				pieces = append(pieces, q)
				xmin, xmax = min(xmin, q.x0, q.x1), max(xmax, q.x0, q.x1)
			}
		}
		x0, x1 := max(0, int(math.Floor(xmin))), min(w, int(math.Ceil(xmax))+1)
		if len(pieces) == 0 || x0 >= x1 {
			continue
		}
		bw, bh := x1-x0, bottom-top
		r.vr.Reset(bw, bh)
		r.vr.DrawOp = draw.Src
		for _, q := range pieces {
			r.vr.MoveTo(float32(q.x0-float64(x0)), float32(q.y0-float64(top)))
			r.vr.LineTo(float32(q.x1-float64(x0)), float32(q.y1-float64(top)))
		}
		if cap(r.mask.Pix) < bw*bh {
			r.mask.Pix = make([]uint8, bw*bh)
		}
		r.mask.Pix, r.mask.Stride, r.mask.Rect = r.mask.Pix[:bw*bh], bw, image.Rect(0, 0, bw, bh)
		r.vr.Draw(&r.mask, r.mask.Rect, image.Opaque, image.Point{})
		r.blend(x0, top, c)
	}
}

// coversAll reports whether r.segs outline an upright rectangle over the whole w x h image:
// two vertical sides (flatten drops horizontal ones), one at or left of the image, one at or
// right of it, both spanning every row.
func (r *raster) coversAll(w, h int) bool {
	if len(r.segs) != 2 || r.img.Rect.Min != (image.Point{}) {
		return false
	}
	a, b := r.segs[0], r.segs[1]
	if a.x0 != a.x1 || b.x0 != b.x1 {
		return false
	}
	spans := func(s seg) bool { return min(s.y0, s.y1) <= 0 && max(s.y0, s.y1) >= float64(h) }
	left, right := min(a.x0, b.x0), max(a.x0, b.x0)
	return spans(a) && spans(b) && left <= 0 && right >= float64(w)
}

// blend paints c over the image through the mask, placed with its corner at (x0, y0). Most of
// a band's mask is empty or full, so those pixels cost a comparison or a copy.
func (r *raster) blend(x0, y0 int, c color.RGBA) {
	sr, sg, sb, sa := c.RGBA()
	opaque := c.A == 0xff
	w, h := r.mask.Rect.Dx(), r.mask.Rect.Dy()
	solid := [4]byte{c.R, c.G, c.B, 0xff}
	for y := range h {
		row := r.mask.Pix[y*w : y*w+w]
		pix := r.img.Pix[r.img.PixOffset(x0, y0+y):]
		for x := 0; x < len(row); x++ {
			m := row[x]
			if m == 0 {
				continue
			}
			if m == 0xff && opaque {
				// A run of full coverage: copy the colour, doubling what is copied.
				end := x + 1
				for end < len(row) && row[end] == 0xff {
					end++
				}
				run := pix[4*x : 4*end]
				n := copy(run, solid[:])
				for n < len(run) {
					n += copy(run[n:], run[:n])
				}
				x = end - 1
				continue
			}
			p := pix[4*x : 4*x+4 : 4*x+4]
			ma := uint32(m) * 0x101
			ia := 0xffff - sa*ma/0xffff
			p[0] = uint8((uint32(p[0])*0x101*ia + sr*ma) / 0xffff >> 8)
			p[1] = uint8((uint32(p[1])*0x101*ia + sg*ma) / 0xffff >> 8)
			p[2] = uint8((uint32(p[2])*0x101*ia + sb*ma) / 0xffff >> 8)
			p[3] = uint8((uint32(p[3])*0x101*ia + sa*ma) / 0xffff >> 8)
		}
	}
}

// flatten sets r.segs to the outline of path (millimetres, y up) as line segments in pixels,
// y down, each subpath closed. Curves are cut into pieces that stray less than flatness from
// them. (canvas's Path.Flatten does the same but copies the path once per curve, which made
// flattening glyphs the slowest part of drawing text.)
func (r *raster) flatten(path *canvas.Path, h int) {
	const flatness = 0.2 // pixels
	px := func(p canvas.Point) canvas.Point { return canvas.Point{X: p.X * r.dpmm, Y: float64(h) - p.Y*r.dpmm} }
	for sc := path.Scanner(); sc.Scan(); {
		if sc.Cmd() == canvas.ArcToCmd {
			path = path.ReplaceArcs()
			break
		}
	}
	r.segs = r.segs[:0]
	var start, pen canvas.Point
	line := func(b canvas.Point) {
		if pen.Y != b.Y { // horizontal segments cover nothing
			r.segs = append(r.segs, seg{pen.X, pen.Y, b.X, b.Y})
		}
		pen = b
	}
	for sc := path.Scanner(); sc.Scan(); {
		end := px(sc.End())
		switch sc.Cmd() {
		case canvas.MoveToCmd:
			line(start)
			start, pen = end, end
		case canvas.QuadToCmd:
			p0, p1 := pen, px(sc.CP1())
			d := math.Hypot(p0.X-2*p1.X+end.X, p0.Y-2*p1.Y+end.Y)
			n := pieces(d / (4 * flatness))
			for i := 1; i < n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				line(canvas.Point{
					X: u*u*p0.X + 2*u*t*p1.X + t*t*end.X,
					Y: u*u*p0.Y + 2*u*t*p1.Y + t*t*end.Y,
				})
			}
			line(end)
		case canvas.CubeToCmd:
			p0, p1, p2 := pen, px(sc.CP1()), px(sc.CP2())
			d := max(math.Hypot(p0.X-2*p1.X+p2.X, p0.Y-2*p1.Y+p2.Y), math.Hypot(p1.X-2*p2.X+end.X, p1.Y-2*p2.Y+end.Y))
			n := pieces(0.75 * d / flatness)
			for i := 1; i < n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				line(canvas.Point{
					X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*end.X,
					Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*end.Y,
				})
			}
			line(end)
		default: // LineTo, Close
			line(end)
		}
	}
	line(start)
}

// pieces returns how many straight pieces a curve needs: the square root of its bend over
// the flatness, within 1 and 1000.
func pieces(x float64) int {
	if !(x > 1) {
		return 1
	}
	return min(int(math.Ceil(math.Sqrt(x))), 1000)
}

// clipRows returns the part of s between rows top and bottom.
func clipRows(s seg, top, bottom float64) (seg, bool) {
	if max(s.y0, s.y1) <= top || min(s.y0, s.y1) >= bottom {
		return seg{}, false
	}
	at := func(y float64) float64 { return s.x0 + (s.x1-s.x0)*(y-s.y0)/(s.y1-s.y0) }
	if s.y0 < top {
		s.x0, s.y0 = at(top), top
	} else if s.y0 > bottom {
		s.x0, s.y0 = at(bottom), bottom
	}
	if s.y1 < top {
		s.x1, s.y1 = at(top), top
	} else if s.y1 > bottom {
		s.x1, s.y1 = at(bottom), bottom
	}
	return s, true
}

// clipColumns keeps s within columns left..right without changing what it covers inside them:
// a part beyond either side is moved onto that side, over the same rows. Coverage accumulates
// from left to right, so a crossing left of the image counts the same wherever it is.
func clipColumns(s seg, left, right float64) []seg {
	if min(s.x0, s.x1) >= left && max(s.x0, s.x1) <= right {
		return []seg{s}
	}
	// Split at the sides it crosses, in order along the segment, then move each piece in.
	ts := []float64{0}
	for _, x := range []float64{left, right} {
		if (s.x0 < x) != (s.x1 < x) {
			ts = append(ts, (x-s.x0)/(s.x1-s.x0))
		}
	}
	ts = append(ts, 1)
	if len(ts) == 4 && ts[1] > ts[2] {
		ts[1], ts[2] = ts[2], ts[1]
	}
	out := make([]seg, 0, len(ts)-1)
	for i := 0; i+1 < len(ts); i++ {
		a, b := ts[i], ts[i+1]
		p := seg{
			s.x0 + (s.x1-s.x0)*a, s.y0 + (s.y1-s.y0)*a,
			s.x0 + (s.x1-s.x0)*b, s.y0 + (s.y1-s.y0)*b,
		}
		p.x0, p.x1 = min(max(p.x0, left), right), min(max(p.x1, left), right)
		if p.y0 != p.y1 {
			out = append(out, p)
		}
	}
	return out
}
