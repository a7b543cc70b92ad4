package briefing

import (
	"context"
	"testing"

	"github.com/argmap-dev/argmap/internal/testdebate"

	"github.com/argmap-dev/argmap/argmap"
)

// BenchmarkBriefing times the briefing in-process (the whole process, as a user runs it, is
// timed by cmd's BenchmarkProcess) and reports the size of the document.
func BenchmarkBriefing(b *testing.B) {
	gen := generated(b, 1000)
	seed := testdebate.Load(b, "../seeds/camp-taji")
	for _, c := range []struct {
		name string
		d    *argmap.Debate
		pdf  bool
	}{
		{"seed-html", seed, false},
		{"seed-pdf", seed, true},
		{"generated-1000-html", gen, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				br := New(c.d, Options{})
				var out []byte
				var err error
				if c.pdf {
					out, err = br.PDF(context.Background())
				} else {
					out, err = br.HTML(context.Background())
				}
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
