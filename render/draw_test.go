package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"github.com/argmap-dev/argmap/internal/pdfnorm"
	"github.com/tdewolff/canvas"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("output is not a PNG: %v", err)
	}
	return img
}

// sample is the saved layout of testdata/sample.dot, drawn at the default scale.
type sample struct {
	layout *graphLayout
	bb     box
	img    image.Image
}

func drawSample(t *testing.T) sample {
	t.Helper()
	js := readFile(t, "sample.json")
	l, bb, err := parseLayout(js)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Draw(js, PNG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sample{l, bb, decodePNG(t, out)}
}

// px returns the pixel at Graphviz point (x, y): 4 points of padding, 2 pixels a point, y down.
func (s sample) px(x, y float64) color.RGBA {
	const pad, scale = 4, 2
	ix := int((x - s.bb.x0 + pad) * scale)
	iy := int((s.bb.h() + 2*pad - (y - s.bb.y0 + pad)) * scale)
	r, g, b, a := s.img.At(ix, iy).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// near reports whether some pixel within radius points of (x, y) is close to want.
func (s sample) near(x, y, radius float64, want color.RGBA) bool {
	for dx := -radius; dx <= radius; dx += 0.5 {
		for dy := -radius; dy <= radius; dy += 0.5 {
			if dist(s.px(x+dx, y+dy), want) < 60 {
				return true
			}
		}
	}
	return false
}

// share returns the fraction of pixels in the box that are close to want.
func (s sample) share(b box, want color.RGBA) float64 {
	n, hit := 0, 0
	for x := b.x0; x <= b.x1; x += 0.5 {
		for y := b.y0; y <= b.y1; y += 0.5 {
			n++
			if dist(s.px(x, y), want) < 20 {
				hit++
			}
		}
	}
	return float64(hit) / float64(n)
}

func dist(a, b color.RGBA) float64 {
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt(dr*dr + dg*dg + db*db)
}

func (s sample) object(t *testing.T, name string) object {
	t.Helper()
	for _, o := range s.layout.Objects {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("sample.json has no object %q", name)
	return object{}
}

// firstOp returns the first operation in ops of one of the kinds.
func firstOp(t *testing.T, ops []op, kinds string) op {
	t.Helper()
	for _, o := range ops {
		if strings.Contains(kinds, o.Op) {
			return o
		}
	}
	t.Fatalf("no %q operation", kinds)
	return op{}
}

func bounds(pts [][2]float64) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		b.x0, b.y0 = min(b.x0, p[0]), min(b.y0, p[1])
		b.x1, b.y1 = max(b.x1, p[0]), max(b.y1, p[1])
	}
	return b
}

func inset(b box, d float64) box { return box{b.x0 + d, b.y0 + d, b.x1 - d, b.y1 - d} }

// alongEdge returns the share of points along the middle of an edge's first spline segment
// that have a pixel of colour want next to them.
func (s sample) alongEdge(e edge, want color.RGBA) float64 {
	pts := e.Draw[len(e.Draw)-1].Points
	p0, p1, p2, p3 := pts[0], pts[1], pts[2], pts[3]
	n, hit := 0, 0
	for t := 0.15; t <= 0.85; t += 0.01 {
		u := 1 - t
		x := u*u*u*p0[0] + 3*u*u*t*p1[0] + 3*u*t*t*p2[0] + t*t*t*p3[0]
		y := u*u*u*p0[1] + 3*u*u*t*p1[1] + 3*u*t*t*p2[1] + t*t*t*p3[1]
		n++
		if s.near(x, y, 0.5, want) {
			hit++
		}
	}
	return float64(hit) / float64(n)
}

var (
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	blue  = color.RGBA{0x1f, 0x77, 0xb4, 0xff}
	green = color.RGBA{0x2c, 0xa0, 0x2c, 0xff}
	red   = color.RGBA{0xd6, 0x27, 0x28, 0xff}
)

func TestDrawPNG(t *testing.T) {
	s := drawSample(t)
	if got, want := s.img.Bounds().Size(), image.Pt(int((s.bb.w()+8)*2+0.5), int((s.bb.h()+8)*2+0.5)); got != want {
		t.Fatalf("PNG size = %v; want %v (2 pixels a point, 4 points of padding)", got, want)
	}
	if got := s.share(inset(s.bb, -3.5), white); got < 0.5 || got > 0.95 {
		t.Errorf("white share of the picture = %.2f; want a white page with a drawing on it", got)
	}
	if c := s.px(s.bb.x0-3.5, s.bb.y0-3.5); c != white {
		t.Errorf("padding pixel = %v; want the white background", c)
	}

	// a4 is an unfilled bold box: outline in its colour, white inside.
	a4 := bounds(firstOp(t, s.object(t, "a4").Draw, "p").Points)
	if c := s.px(a4.x0, (a4.y0+a4.y1)/2); dist(c, blue) > 60 {
		t.Errorf("a4 outline pixel = %v; want about %v", c, blue)
	}
	if got := s.share(box{a4.x0 + 2, a4.y0 + 2, a4.x0 + 6, a4.y1 - 2}, white); got < 0.95 {
		t.Errorf("a4 inside is %.2f white; want an unfilled box", got)
	}
	// The filled cluster, the filled hexagon and the white-filled box inside the cluster.
	bilal := bounds(firstOp(t, s.object(t, "cluster_bilal").Draw, "P").Points)
	if got := s.share(inset(bilal, 3), color.RGBA{0xfd, 0xf0, 0xf0, 0xff}); got < 0.5 {
		t.Errorf("cluster_bilal is %.2f filled with #fdf0f0; want most of it", got)
	}
	p1 := bounds(firstOp(t, s.object(t, "p1").Draw, "P").Points)
	if got := s.share(box{(p1.x0+p1.x1)/2 - 20, p1.y0 + 3, (p1.x0+p1.x1)/2 + 20, p1.y0 + 8}, color.RGBA{0xff, 0xf4, 0xcc, 0xff}); got < 0.95 {
		t.Errorf("hexagon p1 is %.2f filled with #fff4cc; want all of its lower middle", got)
	}
	b1 := bounds(firstOp(t, s.object(t, "b1").Draw, "P").Points)
	if got := s.share(box{b1.x0 + 2, b1.y0 + 2, b1.x1 - 2, b1.y0 + 4}, white); got < 0.95 {
		t.Errorf("b1 (fillcolor white) is %.2f white; want all of its bottom strip", got)
	}

	// Edges: solid, dashed, and their arrowheads.
	edges := s.layout.Edges
	if got := s.alongEdge(edges[0], green); got < 0.99 {
		t.Errorf("solid edge a1->a2 is drawn at %.2f of its points; want all", got)
	}
	if got := s.alongEdge(edges[2], green); got < 0.4 || got > 0.9 {
		t.Errorf("dashed edge a3->p1 is drawn at %.2f of its points; want dashes and gaps", got)
	}
	tee := bounds(firstOp(t, edges[4].HDraw, "P").Points)
	if c := s.px((tee.x0+tee.x1)/2, (tee.y0+tee.y1)/2); dist(c, red) > 60 {
		t.Errorf("tee arrowhead of b1->a2 = %v; want about %v", c, red)
	}
	dot := firstOp(t, edges[9].HDraw, "E").Rect
	if c := s.px(dot[0], dot[1]); dist(c, blue) > 60 {
		t.Errorf("dot arrowhead centre = %v; want about %v (filled)", c, blue)
	}
	odot := firstOp(t, edges[10].HDraw, "e").Rect
	if c := s.px(odot[0], odot[1]); dist(c, white) > 30 {
		t.Errorf("odot arrowhead centre = %v; want white (hollow)", c)
	}
	if !s.near(odot[0]+odot[2], odot[1], 0.5, red) {
		t.Error("odot arrowhead has no red ring")
	}

	// Text: bold "Legend" in the table, the Arabic line of p2.
	for _, want := range []string{"Legend", "الحكومة العراقية", "Alice Müller"} {
		found := false
		for _, o := range s.layout.Objects {
			for _, ops := range o.all() {
				for _, tx := range ops {
					if tx.Op != "T" || tx.Text != want {
						continue
					}
					found = true
					if got := s.share(box{tx.Pt[0], tx.Pt[1], tx.Pt[0] + tx.Width/2, tx.Pt[1] + 6}, white); got > 0.9 {
						t.Errorf("text %q: its box is %.2f white; want ink", want, got)
					}
				}
			}
		}
		if !found {
			t.Errorf("sample.json has no text %q", want)
		}
	}
}

func TestDrawDeterministic(t *testing.T) {
	js := readFile(t, "sample.json")
	for _, f := range []Format{PNG, PDF} {
		a, err := Draw(js, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Draw(js, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("two %s drawings of the same layout differ", f)
		}
	}
}

func TestDrawConcurrent(t *testing.T) {
	js := readFile(t, "sample.json")
	want := map[Format][]byte{}
	for _, f := range []Format{PNG, PDF} {
		b, err := Draw(js, f, Options{Scale: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		want[f] = b
	}
	var wg sync.WaitGroup
	for i := range 4 {
		f := []Format{PNG, PDF}[i%2]
		wg.Go(func() {
			got, err := Draw(js, f, Options{Scale: 0.5})
			if err != nil || !bytes.Equal(got, want[f]) {
				t.Errorf("concurrent %s drawing differs from the serial one (err %v)", f, err)
			}
		})
	}
	wg.Wait()
}

func TestDrawPDF(t *testing.T) {
	js := readFile(t, "sample.json")
	doc, err := Draw(js, PDF, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, doc)
	_, bb, _ := parseLayout(js)
	w, h := mediaBox(t, doc)
	if math.Abs(w-(bb.w()+8)) > 0.1 || math.Abs(h-(bb.h()+8)) > 0.1 {
		t.Errorf("PDF page = %.2f x %.2f pt; want %.2f x %.2f", w, h, bb.w()+8, bb.h()+8)
	}
	for _, font := range []string{"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic", "DejaVuSans"} {
		if !bytes.Contains(doc, []byte("+"+font+"/")) && !bytes.Contains(doc, []byte("+"+font+">")) {
			t.Errorf("PDF does not embed %s", font)
		}
	}
}

var mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)

func mediaBox(t *testing.T, doc []byte) (float64, float64) {
	t.Helper()
	m := mediaBoxRE.FindSubmatch(doc)
	if m == nil {
		t.Fatal("PDF has no MediaBox")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	return w, h
}

// checkPDF parses a PDF as far as its structure goes: header, cross-reference table, objects,
// compressed streams, and the dates that would make it change from run to run.
func checkPDF(t *testing.T, doc []byte) {
	t.Helper()
	if !bytes.HasPrefix(doc, []byte("%PDF-1.")) || !bytes.HasSuffix(doc, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: want %q at the start and %q at the end", "%PDF-1.", "%%EOF\n")
	}
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	xref, err := strconv.Atoi(string(bytes.Fields(doc[i+len("startxref\n"):])[0]))
	if err != nil || !bytes.HasPrefix(doc[xref:], []byte("xref\n")) {
		t.Fatalf("startxref does not point at the cross-reference table (%v)", err)
	}
	offsets, err := pdfnorm.XrefOffsets(doc[xref:])
	if err != nil {
		t.Fatal(err)
	}
	fonts := 0
	for n, off := range offsets {
		head := fmt.Sprintf("%d 0 obj\n", n+1)
		if !bytes.HasPrefix(doc[off:], []byte(head)) {
			t.Fatalf("cross-reference entry %d points at %q; want %q", n+1, doc[off:off+10], head)
		}
		m := pdfnorm.FlateStream.FindSubmatch(doc[off:])
		if m == nil {
			continue
		}
		length, _ := strconv.Atoi(string(m[2]))
		start := off + len(m[0])
		if !bytes.HasPrefix(doc[start+length:], []byte("\nendstream")) {
			t.Fatalf("object %d: stream length %d does not end at endstream", n+1, length)
		}
		zr, err := zlib.NewReader(bytes.NewReader(doc[start : start+length]))
		if err != nil {
			t.Fatalf("object %d: %v", n+1, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("object %d: %v", n+1, err)
		}
		if created, modified, ok := fontDates(data); ok {
			fonts++
			if created != modified {
				t.Errorf("object %d: font modified %d, created %d; want the created date in both", n+1, modified, created)
			}
		}
	}
	if fonts == 0 {
		t.Error("PDF embeds no TrueType font")
	}
	if bytes.Contains(doc, []byte("CreationDate")) {
		t.Error("PDF has a CreationDate; want none, so that output does not change from run to run")
	}
}

func fontDates(font []byte) (created, modified uint64, ok bool) {
	be := binary.BigEndian
	if len(font) < 12 || be.Uint32(font) != 0x00010000 {
		return 0, 0, false
	}
	for i := range int(be.Uint16(font[4:])) {
		rec := font[12+16*i:]
		if string(rec[:4]) == "head" {
			off := int(be.Uint32(rec[8:]))
			return be.Uint64(font[off+20:]), be.Uint64(font[off+28:]), true
		}
	}
	return 0, 0, false
}

func TestDrawPixelCap(t *testing.T) {
	js := readFile(t, "sample.json")
	_, bb, _ := parseLayout(js)
	out, err := Draw(js, PNG, Options{Scale: 4, MaxPixels: 200_000})
	if err != nil {
		t.Fatal(err)
	}
	size := decodePNG(t, out).Bounds().Size()
	if px := size.X * size.Y; px > 200_000 || px < 190_000 {
		t.Errorf("PNG has %d pixels (%v); want just under the cap of 200000", px, size)
	}
	if got, want := float64(size.X)/float64(size.Y), (bb.w()+8)/(bb.h()+8); math.Abs(got-want) > 0.01 {
		t.Errorf("capped PNG aspect = %.3f; want %.3f", got, want)
	}
}

func TestDrawPDFPageCap(t *testing.T) {
	js := []byte(`{"bb":"0,0,30000,600","_draw_":[{"op":"c","grad":"none","color":"#ff0000"},
		{"op":"L","points":[[0,0],[30000,600]]}],
		"_ldraw_":[{"op":"F","size":14,"face":"Helvetica"},{"op":"T","pt":[15000,300],"align":"c","width":30,"text":"mid"}]}`)
	doc, err := Draw(js, PDF, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, doc)
	w, h := mediaBox(t, doc)
	if w > 14400.01 || w < 14399 || math.Abs(w/h-30008.0/608) > 0.05 {
		t.Errorf("PDF page = %.1f x %.1f pt; want 14400 pt wide (the PDF limit), same aspect", w, h)
	}
}

func TestDrawErrors(t *testing.T) {
	js := readFile(t, "sample.json")
	tests := []struct {
		name   string
		layout string
		f      Format
		want   string
	}{
		{"svg", string(js), SVG, `cannot draw format "svg"`},
		{"json", string(js), JSON, `cannot draw format "json"`},
		{"not JSON", "digraph { a }", PNG, "invalid Graphviz JSON layout"},
		{"no bb", `{"name":"g"}`, PDF, "no bounding box"},
		{"bad bb", `{"bb":"0,0,x,1"}`, PNG, `bounding box "0,0,x,1"`},
		{"inverted bb", `{"bb":"0,0,-5,1"}`, PNG, "bounding box"},
		{"huge bb", `{"bb":"0,0,1e9,1"}`, PNG, "bounding box"},
	}
	for _, tt := range tests {
		_, err := Draw([]byte(tt.layout), tt.f, Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Draw(%s) error = %v; want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestDrawOddOperations feeds operations Graphviz would not write; Draw must neither fail nor
// panic on them.
func TestDrawOddOperations(t *testing.T) {
	js := []byte(`{"bb":"0,0,100,100","pad":"0.5,x","outputorder":"edgesfirst","_subgraph_cnt":5,
	 "objects":[{"_gvid":0,"name":"n","_draw_":[
		{"op":"S","style":"setlinewidth(-3)"},{"op":"S","style":"setlinewidth(1e300)"},
		{"op":"S","style":"dashed"},{"op":"c","color":"red"},{"op":"C","color":"#12"},
		{"op":"b","points":[[0,0],[1,1]]},{"op":"B","points":[[0,0],[1,1],[2,2],[3,3],[4,4]]},
		{"op":"p","points":[[1e300,1e300],[-1e300,5]]},{"op":"P","points":[]},{"op":"L","points":[[5,5]]},
		{"op":"e","rect":[50,50,0,10]},{"op":"E","rect":[50,50,-10,1e308]},
		{"op":"C","grad":"linear","stops":[]},{"op":"C","grad":"radial","stops":[{"frac":0,"color":"#00ff0080"}]},
		{"op":"E","rect":[50,50,10,10]},
		{"op":"I","rect":[0,0,10,10],"name":"x.png"},{"op":"Z"},
		{"op":"F","size":-4,"face":""},{"op":"T","pt":[10,10],"align":"r","width":5,"text":"neg"},
		{"op":"F","size":1e300,"face":"Courier"},{"op":"T","pt":[10,10],"align":"r","width":5,"text":"huge"},
		{"op":"F","size":12,"face":"Wingdings"},{"op":"t","fontchar":127},
		{"op":"T","pt":[10,10],"align":"x","width":0,"text":"\u0000\u200d\ufe0f\t\u9648 \\\\ ok"},
		{"op":"S","style":"invis"},{"op":"T","pt":[10,10],"align":"l","width":5,"text":"hidden"}]}],
	 "edges":[{"_gvid":0,"tail":7,"head":9,"_draw_":[{"op":"L","points":[[0,0],[100,100]]}]}]}`)
	for _, f := range []Format{PNG, PDF} {
		if _, err := Draw(js, f, Options{}); err != nil {
			t.Errorf("Draw(odd operations, %s) = %v; want no error", f, err)
		}
	}
}

// testFonts returns Liberation Sans and the fallback font.
func testFonts(t *testing.T) (primary, alt *canvas.Font) {
	t.Helper()
	fs := fontSet{}
	var err error
	primary, err = fs.get(fontKey{sans, false, false})
	if err != nil {
		t.Fatal(err)
	}
	alt, err = fs.get(fontKey{fallback, false, false})
	if err != nil {
		t.Fatal(err)
	}
	return primary, alt
}

func TestSegments(t *testing.T) {
	primary, alt := testFonts(t)
	name := func(f any) string {
		if f == primary {
			return "L"
		}
		return "D"
	}
	tests := []struct {
		in, want string // want: runs as font:text, L Liberation, D DejaVu
	}{
		{"plain text", "L:plain text"},
		{"P2 الحكومة العراقية", "L:P2 |D:الحكومة العراقية"},
		{"الحكومة العراقية (2020)", "D:الحكومة العراقية (2020)"},
		{"→ green", "L:→ green"},
		{"⊢ red", "D:⊢ |L:red"},
		{"Chen Wei 陈伟 & co", "L:Chen Wei 陈伟 & co"},
		{"ok 😀\u200d\ufe0f!", "L:ok |D:😀\u200d\ufe0f!"},
		{"x\u0007y", "L:xy"},
	}
	for _, tt := range tests {
		var runs []string
		for _, s := range segments(tt.in, primary, alt) {
			runs = append(runs, name(s.font)+":"+s.text)
		}
		if got := strings.Join(runs, "|"); got != tt.want {
			t.Errorf("segments(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFamilyOf(t *testing.T) {
	tests := []struct {
		face         string
		fam          family
		bold, italic bool
	}{
		{"Helvetica", sans, false, false},
		{"Helvetica-Bold", sans, true, false},
		{"Arial Italic", sans, false, true},
		{"sans-serif", sans, false, false},
		{"Times-Roman", serif, false, false},
		{"Times-BoldItalic", serif, true, true},
		{"serif", serif, false, false},
		{"Courier-Oblique", mono, false, true},
		{"monospace", mono, false, false},
		{"", serif, false, false},
		{"Wingdings", serif, false, false},
	}
	for _, tt := range tests {
		fam, bold, italic := familyOf(tt.face)
		if fam != tt.fam || bold != tt.bold || italic != tt.italic {
			t.Errorf("familyOf(%q) = %v, %v, %v; want %v, %v, %v", tt.face, fam, bold, italic, tt.fam, tt.bold, tt.italic)
		}
	}
}

func TestGVText(t *testing.T) {
	// In sample.json the label drawn as `back\slash` is written "back\\\\slash".
	js := readFile(t, "sample.json")
	if !bytes.Contains(js, []byte(`"back\\\\slash`)) {
		t.Fatal(`sample.json lacks "back\\\\slash"; has Graphviz stopped doubling backslashes?`)
	}
	tests := []struct{ in, want string }{
		{`back\\slash`, `back\slash`},
		{`C:\\temp\\x \\ done`, `C:\temp\x \ done`},
		{`no backslash`, `no backslash`},
	}
	for _, tt := range tests {
		if got := gvText(tt.in); got != tt.want {
			t.Errorf("gvText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want color.RGBA
	}{
		{"#1f77b4", color.RGBA{0x1f, 0x77, 0xb4, 0xff}},
		{"#fffffe00", color.RGBA{}},
		{"#ff000080", color.RGBA{0x80, 0, 0, 0x80}},
		{"red", color.RGBA{A: 0xff}},
		{"#12345", color.RGBA{A: 0xff}},
		{"#gg0000", color.RGBA{A: 0xff}},
	}
	for _, tt := range tests {
		if got := parseColor(tt.in); got != tt.want {
			t.Errorf("parseColor(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzDraw feeds Draw arbitrary layouts: it may refuse them, but must not panic (which Draw
// would report as an internal error) or hang.
func FuzzDraw(f *testing.F) {
	f.Add(readFile(f, "sample.json"))
	f.Add([]byte(`{"bb":"0,0,10,10","_draw_":[{"op":"B","points":[[0,0],[1,9],[9,1],[10,10]]}]}`))
	f.Add([]byte(`{"bb":"0,0,50,20","_ldraw_":[{"op":"F","size":9,"face":"Helvetica"},{"op":"T","pt":[1,5],"align":"l","width":40,"text":"الحكومة 😀 陈伟"}]}`))
	f.Fuzz(func(t *testing.T, layout []byte) {
		for _, format := range []Format{PNG, PDF} {
			_, err := Draw(layout, format, Options{Scale: 1, MaxPixels: 50_000})
			if err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Draw(%s) = %v", format, err)
			}
		}
	})
}

func BenchmarkDrawPNG(b *testing.B) {
	js := readFile(b, "sample.json")
	for b.Loop() {
		if _, err := Draw(js, PNG, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDrawPDF(b *testing.B) {
	js := readFile(b, "sample.json")
	for b.Loop() {
		if _, err := Draw(js, PDF, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestVisualRuns: mixed-direction text is drawn in the order of the Unicode bidirectional
// algorithm, in a left-to-right paragraph.
func TestVisualRuns(t *testing.T) {
	primary, alt := testFonts(t)
	tests := []struct {
		in, want string // want: runs left to right as text, "<" after a right-to-left one
	}{
		{"plain (text)", "plain (text)"},
		{"شبلي تلحمي (Shibley Telhami)", "شبلي تلحمي<| (Shibley Telhami)"},
		{"Shibley Telhami (شبلي تلحمي)", "Shibley Telhami (|شبلي تلحمي<|)"},
		{"דוד בן-גוריון (David Ben-Gurion)", "דוד בן-גוריון<| (David Ben-Gurion)"},
		{"Zoë: עם ישראל חי!", "Zoë: |עם ישראל חי<|!"},
		{"الحكومة 2020", "2020|الحكومة <"},
	}
	for _, tt := range tests {
		var runs []string
		for _, s := range visualRuns(tt.in, primary, alt) {
			r := s.text
			if s.level%2 == 1 {
				r += "<"
			}
			runs = append(runs, r)
		}
		if got := strings.Join(runs, "|"); got != tt.want {
			t.Errorf("visualRuns(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
