package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/tdewolff/canvas"
)

// TestRasterFill checks coverage at band and image edges: shapes that cross bands, stick out
// of the image on every side, or run far past it.
func TestRasterFill(t *testing.T) {
	const w, h = 200, 100
	red := color.RGBA{0xff, 0, 0, 0xff}
	tests := []struct {
		name   string
		path   *canvas.Path // in pixels, y up
		inside []image.Point
		out    []image.Point
	}{
		{
			"rectangle across bands, half off the left",
			canvas.Rectangle(100, 60).Translate(-50, 20),
			[]image.Point{{0, 20}, {49, 79}, {25, 50}, {0, 31}, {0, 32}},
			[]image.Point{{50, 50}, {10, 10}, {10, 90}},
		},
		{
			"rectangle off every side",
			canvas.Rectangle(1e4, 1e4).Translate(-5e3, -5e3),
			[]image.Point{{0, 0}, {199, 99}, {100, 50}, {199, 0}, {0, 99}},
			nil,
		},
		{
			"triangle pointing right, far past the image",
			triangle(),
			[]image.Point{{0, 50}, {199, 50}, {100, 15}, {100, 85}},
			[]image.Point{{100, 5}, {100, 95}},
		},
		{
			"shape wholly off the image",
			canvas.Rectangle(10, 10).Translate(300, 300),
			nil,
			[]image.Point{{0, 0}, {199, 99}},
		},
	}
	for _, tt := range tests {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		r := newRaster(img, 1, 0, h) // one pixel a millimetre
		style := canvas.DefaultStyle
		style.Fill = canvas.Paint{Color: red}
		r.RenderPath(tt.path, style, canvas.Identity)
		for _, p := range tt.inside {
			// y up in the path, y down in the image
			if got := img.RGBAAt(p.X, h-1-p.Y); got != red {
				t.Errorf("%s: pixel %v = %v; want %v", tt.name, p, got, red)
			}
		}
		for _, p := range tt.out {
			if got := img.RGBAAt(p.X, h-1-p.Y); got.A != 0 {
				t.Errorf("%s: pixel %v = %v; want none", tt.name, p, got)
			}
		}
	}
}

func triangle() *canvas.Path {
	p := &canvas.Path{}
	p.MoveTo(-1000, 0)
	p.LineTo(5000, 50)
	p.LineTo(-1000, 100)
	p.Close()
	return p
}
