package render

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestEncodePNG: what encodePNG writes decodes with image/png to the same picture, opaque
// (RGB) or not (RGBA, straight alpha), whatever its size.
func TestEncodePNG(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name   string
		w, h   int
		opaque bool
	}{
		{"opaque", 37, 23, true},
		{"translucent", 41, 19, false},
		{"one pixel", 1, 1, true},
		{"one row", 300, 1, false},
	} {
		img := image.NewRGBA(image.Rect(0, 0, tc.w, tc.h))
		for y := range tc.h {
			for x := range tc.w {
				a := uint8(255)
				if !tc.opaque {
					a = uint8(r.IntN(256))
				}
				c := color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), a}
				img.Set(x, y, c)
			}
		}
		var buf bytes.Buffer
		if err := encodePNG(&buf, img); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: image/png cannot read it: %v", tc.name, err)
		}
		if _, rgb := got.(*image.RGBA); rgb != tc.opaque {
			t.Errorf("%s: decoded as %T; want RGB only for an opaque image", tc.name, got)
		}
		if got.Bounds() != img.Bounds() {
			t.Fatalf("%s: bounds %v; want %v", tc.name, got.Bounds(), img.Bounds())
		}
		for y := range tc.h {
			for x := range tc.w {
				w := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				g := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
				if w.A != g.A || (w.A != 0 && (diff(w.R, g.R) > 1 || diff(w.G, g.G) > 1 || diff(w.B, g.B) > 1)) {
					t.Fatalf("%s: pixel %d,%d = %v; want %v", tc.name, x, y, g, w)
				}
			}
		}
	}
}

func diff(a, b uint8) uint8 { return max(a, b) - min(a, b) }

// TestOpaqueBackground: a map on an opaque background is an opaque PNG, to its last pixel
// row and column, whatever the rounding of its size (Graphviz pads the background polygon
// itself, which Draw did not recognise: the top row came out translucent).
func TestOpaqueBackground(t *testing.T) {
	for _, scale := range []float64{1, 1.3, 2, 2.7} {
		js := []byte(`{"bb":"0,0,101.3,57.7","pad":"0.25","_draw_":[{"op":"c","grad":"none","color":"#fffffe00"},{"op":"C","grad":"none","color":"#ffffff"},{"op":"P","points":[[-18,-18],[-18,75.7],[119.3,75.7],[119.3,-18]]}]}`)
		out, err := Draw(js, PNG, Options{Scale: scale})
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if _, rgb := img.(*image.RGBA); !rgb {
			t.Errorf("scale %v: PNG decodes as %T; want an opaque RGB image", scale, img)
		}
	}
}

func TestAdler32Combine(t *testing.T) {
	a, b := []byte("The strike was predictable."), bytes.Repeat([]byte{0xCC, 7, 0}, 70000)
	whole := adler32.Checksum(append(bytes.Clone(a), b...))
	if got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)); got != whole {
		t.Errorf("adler32Combine = %08x, want %08x", got, whole)
	}
	if got := adler32Combine(1, adler32.Checksum(b), len(b)); got != adler32.Checksum(b) {
		t.Errorf("combining with nothing changes the checksum")
	}
}
