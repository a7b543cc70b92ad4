package argmap_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
)

// BenchmarkLoadSeed reads, parses and validates the seed debate from disk.
func BenchmarkLoadSeed(b *testing.B) {
	for b.Loop() {
		if d, diags := argmap.Load("../seeds/camp-taji", argmap.Options{}); d == nil {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoadSeedWithSource adds the quote check against the source text.
func BenchmarkLoadSeedWithSource(b *testing.B) {
	src, err := os.ReadFile("../../shared/seeds/000_82e5244e262e7d64.txt")
	if err != nil {
		b.Skip("source text not present")
	}
	for b.Loop() {
		if d, diags := argmap.Load("../seeds/camp-taji", argmap.Options{Source: string(src)}); d == nil {
			b.Fatal(diags)
		}
	}
}

func benchmarkGenerated(b *testing.B, claims int) {
	files := synth.Generate(synth.Config{Claims: claims})
	dir := b.TempDir()
	if err := synth.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if d, diags := argmap.Load(filepath.Join(dir), argmap.Options{}); d == nil {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoad1000 reads, parses and validates a generated debate of 1,000 claims.
func BenchmarkLoad1000(b *testing.B) { benchmarkGenerated(b, 1000) }

// BenchmarkLoad10000 shows how loading scales.
func BenchmarkLoad10000(b *testing.B) { benchmarkGenerated(b, 10000) }
