package matrix

import (
	"io"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/stances"
)

// wide500 is the README's wide benchmark debate: 500 experts on 300 propositions, each
// addressing about a third.
func wide500(b *testing.B) *Writer {
	files := synth.Generate(synth.Config{Claims: 500 * 2, ClaimsPerExpert: 2, Propositions: 300, Coverage: 1.0 / 3})
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		b.Fatal(diags)
	}
	return build(d, stances.Options{Order: stances.ByCluster})
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWide500x300Outputs writes the wide benchmark debate's large documents: the matrix JSON
// (streamed), the workbook, and the pictures' layouts (drawn without Graphviz). It reports
// the bytes written.
func BenchmarkWide500x300Outputs(b *testing.B) {
	m := wide500(b)
	cases := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"json", m.WriteJSON},
		{"xlsx", m.WriteXLSX},
		{"matrix-layout", func(w io.Writer) error { return m.WritePictureLayout(w, false) }},
		{"agreement-layout", func(w io.Writer) error { return m.WritePictureLayout(w, true) }},
		{"agreement-svg", func(w io.Writer) error { return m.WritePictureSVG(w, true) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var n int64
			for b.Loop() {
				cw := &countWriter{}
				if err := c.write(cw); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.ReportMetric(float64(n)/1e6, "MB")
		})
	}
}
