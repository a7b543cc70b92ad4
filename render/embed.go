package render

import (
	"fmt"

	"github.com/tdewolff/canvas"
)

// LayoutSize returns the size in millimetres at which Draw would draw a Graphviz JSON layout
// (the output of Render with format JSON), padding included.
func LayoutSize(layout []byte) (w, h float64, err error) {
	l, bb, err := parseLayout(layout)
	if err != nil {
		return 0, 0, err
	}
	padX, padY := l.padding()
	return (bb.w() + 2*padX) * mmPerPt, (bb.h() + 2*padY) * mmPerPt, nil
}

// DrawOn draws a Graphviz JSON layout, as Draw does for a PDF, on r (a page of a document
// laid out with canvas), scaled by scale (1: the size LayoutSize gives) with its lower left
// corner at (x, y) millimetres. Text uses the fonts Draw embeds.
func DrawOn(r canvas.Renderer, layout []byte, x, y, scale float64) (err error) {
	if !(scale > 0 && scale < 1e3) {
		return fmt.Errorf("invalid scale %v", scale)
	}
	l, bb, err := parseLayout(layout)
	if err != nil {
		return err
	}
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("cannot draw the layout: internal error: %v", rec)
		}
	}()
	padX, padY := l.padding()
	k := mmPerPt * scale
	p := &painter{r: r, k: k, ox: padX - bb.x0 + x/k, oy: padY - bb.y0 + y/k, padX: padX, padY: padY, bb: bb, fonts: fontSet{}}
	return p.paint(l)
}
