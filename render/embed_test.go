package render

import (
	"bytes"
	"math"
	"testing"

	"github.com/argmap-dev/argmap/internal/pdfnorm"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
)

// drawOnPDF draws the layout with DrawOn on a page of its own of the given size.
func drawOnPDF(t *testing.T, js []byte, w, h, x, y, scale float64) []byte {
	t.Helper()
	var buf bytes.Buffer
	doc := pdf.New(&buf, w, h, &pdf.Options{Compress: true, SubsetFonts: true})
	if err := DrawOn(doc, js, x, y, scale); err != nil {
		t.Fatal(err)
	}
	if err := doc.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := pdfnorm.Reproducible(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDrawOn checks that DrawOn at scale 1 in the corner of a page of LayoutSize draws what
// Draw does, and that scale shrinks the drawing.
func TestDrawOn(t *testing.T) {
	js := readFile(t, "sample.json")
	w, h, err := LayoutSize(js)
	if err != nil {
		t.Fatal(err)
	}
	_, bb, _ := parseLayout(js)
	if want := (bb.w() + 8) * mmPerPt; math.Abs(w-want) > 1e-9 {
		t.Errorf("LayoutSize width = %v mm; want %v", w, want)
	}
	want, err := Draw(js, PDF, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := drawOnPDF(t, js, w, h, 0, 0, 1); !bytes.Equal(got, want) {
		t.Error("DrawOn at scale 1 on a page of LayoutSize differs from Draw's PDF")
	}
	if got := drawOnPDF(t, js, w, h, 0, 0, 1); !bytes.Equal(got, drawOnPDF(t, js, w, h, 0, 0, 1)) {
		t.Error("two runs differ")
	}

	// Scale: the drawing on a canvas shrinks.
	type size struct{ W, H float64 }
	bounds := func(x, y, scale float64) size {
		c := canvas.New(1000, 1000)
		if err := DrawOn(c, js, x, y, scale); err != nil {
			t.Fatal(err)
		}
		c.Fit(0)
		cw, ch := c.Size()
		return size{cw, ch}
	}
	full, half := bounds(0, 0, 1), bounds(30, 40, 0.5)
	if math.Abs(half.W-full.W/2) > 0.5 || math.Abs(half.H-full.H/2) > 0.5 {
		t.Errorf("scale 0.5: drawing %.1f x %.1f mm; want half of %.1f x %.1f", half.W, half.H, full.W, full.H)
	}

	for _, scale := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if err := DrawOn(canvas.New(10, 10), js, 0, 0, scale); err == nil {
			t.Errorf("DrawOn(scale %v) = nil; want an error", scale)
		}
	}
	if err := DrawOn(canvas.New(10, 10), []byte("{"), 0, 0, 1); err == nil {
		t.Error("DrawOn(bad JSON) = nil; want an error")
	}
}
