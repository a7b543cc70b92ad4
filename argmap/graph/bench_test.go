package graph_test

import (
	"bytes"
	"context"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/render"
)

// mapSVG is the whole in-process pipeline of `argmap map -o x.svg`: parse, validate, select,
// write DOT, lay out and render with go-graphviz.
func mapSVG(b *testing.B, files []argmap.File) (dot []byte) {
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		b.Fatal(diags)
	}
	m, err := graph.New(d, graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	dot = m.DOT()
	if _, err := render.Render(context.Background(), dot, render.SVG, render.Options{}); err != nil {
		b.Fatal(err)
	}
	return dot
}

// BenchmarkMapSeed draws the seed debate's whole map as SVG, in-process.
func BenchmarkMapSeed(b *testing.B) {
	files, diags := argmap.ReadFiles("../../seeds/camp-taji")
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	for b.Loop() {
		mapSVG(b, files)
	}
}

// BenchmarkMapGenerated draws generated debates of 100, 1,000 and 3,000 claims. Each
// iteration times, on the same DOT and in the same run: our whole pipeline, go-graphviz alone
// (the layout and SVG we cannot avoid), and the native dot -Tsvg when it is installed; it
// reports each in ms and the ratios overhead-% (ours over go-graphviz alone) and x-native.
func BenchmarkMapGenerated(b *testing.B) {
	dotPath, _ := exec.LookPath("dot")
	for _, n := range []int{100, 1000, 3000} {
		b.Run("claims="+strconv.Itoa(n), func(b *testing.B) {
			if n >= 3000 && testing.Short() {
				b.Skip("-short")
			}
			files := synth.Generate(synth.Config{Claims: n})
			var ours, alone, native time.Duration
			for b.Loop() {
				t0 := time.Now()
				dot := mapSVG(b, files)
				t1 := time.Now()
				if _, err := render.Render(context.Background(), dot, render.SVG, render.Options{}); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				ours += t1.Sub(t0)
				alone += t2.Sub(t1)
				if dotPath != "" {
					cmd := exec.Command(dotPath, "-Tsvg")
					cmd.Stdin = bytes.NewReader(dot)
					if err := cmd.Run(); err != nil {
						b.Fatal(err)
					}
					native += time.Since(t2)
				}
			}
			runs := float64(b.N)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / runs }
			b.ReportMetric(ms(ours), "ours-ms")
			b.ReportMetric(ms(alone), "gographviz-ms")
			b.ReportMetric(100*(ms(ours)-ms(alone))/ms(alone), "overhead-%")
			if native > 0 {
				b.ReportMetric(ms(native), "native-ms")
				b.ReportMetric(ms(ours)/ms(native), "x-native")
			}
		})
	}
}
