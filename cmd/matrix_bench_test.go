package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/argmap-dev/argmap/argmap/synth"
)

// BenchmarkProcessWide times whole argmap processes on the README's wide benchmark debate,
// 500 experts on 300 propositions each addressing about a third, in the formats whose cost
// grows with the debate: the streamed JSON with every statistic, the streamed workbooks, and the
// pictures drawn without Graphviz. It reports wall time and peak resident memory per run.
// Before the pictures were drawn directly, matrix-png took 76 s and 2.5 GB and agreement-png
// did not finish in 200 s (see the commit log for the figures).
func BenchmarkProcessWide(b *testing.B) {
	bin := buildArgmap(b)
	wide := b.TempDir()
	if err := synth.Write(wide, synth.Generate(synth.Config{Claims: 500 * 2, ClaimsPerExpert: 2, Propositions: 300, Coverage: 1.0 / 3})); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	cases := []struct {
		name string
		args []string
	}{
		{"matrix-json-stats", []string{"matrix", wide, "--stats", "--format", "json"}},
		{"matrix-xlsx", []string{"matrix", wide, "-o", filepath.Join(out, "m.xlsx")}},
		{"agreement-xlsx", []string{"agreement", wide, "-o", filepath.Join(out, "a.xlsx")}},
		{"matrix-png", []string{"matrix", wide, "-o", filepath.Join(out, "m.png")}},
		{"agreement-png", []string{"agreement", wide, "-o", filepath.Join(out, "a.png")}},
		{"agreement-svg", []string{"agreement", wide, "-o", filepath.Join(out, "a.svg")}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var peak int64
			var total time.Duration
			for b.Loop() {
				cmd := exec.Command(bin, c.args...)
				cmd.Stdout, cmd.Stderr = nil, os.Stderr // stdout to /dev/null: written, not kept
				t := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatalf("argmap %v: %v", c.args, err)
				}
				total += time.Since(t)
				peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "wall-ms")
			b.ReportMetric(float64(peak)/1024, "peak-MiB")
		})
	}
}
