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

// buildArgmap builds the binary once per benchmark run.
func buildArgmap(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "argmap")
	out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkProcess times whole argmap processes as a user runs them, with go-graphviz's
// compile cache warm (one run before timing), and reports the peak resident memory.
func BenchmarkProcess(b *testing.B) {
	bin := buildArgmap(b)
	gen := b.TempDir()
	if err := synth.Write(gen, synth.Generate(synth.Config{Claims: 1000})); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	cases := []struct {
		name string
		args []string
	}{
		{"check-seed", []string{"check", "../seeds/camp-taji"}},
		{"matrix-seed-md", []string{"matrix", "../seeds/camp-taji", "--format", "md"}},
		{"map-seed-svg", []string{"map", "../seeds/camp-taji", "-o", filepath.Join(out, "x.svg")}},
		{"map-seed-png", []string{"map", "../seeds/camp-taji", "-o", filepath.Join(out, "x.png")}},
		{"map-1000-svg", []string{"map", gen, "-o", filepath.Join(out, "g.svg")}},
		{"brief-seed-html", []string{"brief", "../seeds/camp-taji", "-o", filepath.Join(out, "b.html")}},
		{"brief-seed-pdf", []string{"brief", "../seeds/camp-taji", "-o", filepath.Join(out, "b.pdf")}},
		{"brief-1000-html", []string{"brief", gen, "-o", filepath.Join(out, "g.html")}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			run := func() int64 {
				cmd := exec.Command(bin, c.args...)
				cmd.Stdout, cmd.Stderr = nil, os.Stderr
				if err := cmd.Run(); err != nil {
					b.Fatalf("argmap %v: %v", c.args, err)
				}
				return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
			}
			run() // warm the compile cache and the file cache
			var peak int64
			var total time.Duration
			for b.Loop() {
				t := time.Now()
				peak = max(peak, run())
				total += time.Since(t)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "wall-ms")
			b.ReportMetric(float64(peak)/1024, "peak-MiB")
		})
	}
}
