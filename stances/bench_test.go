package stances

import (
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
)

// BenchmarkSeedMatrix builds the seed's matrix with every statistic: pairwise agreement,
// proposition statistics, cruxes and the clustered order. Goal: 2 ms.
func BenchmarkSeedMatrix(b *testing.B) {
	d := seed(b)
	for b.Loop() {
		m := New(d, Options{Order: ByCluster})
		_ = m.Pairs()
		_ = m.PropositionStats()
		_ = m.Cruxes()
	}
}

// BenchmarkWide500x300 builds the matrix of a generated wide debate, 500 experts on 300
// propositions, each addressing about a third, with every pairwise statistic and the clustered
// order of rows and columns. Goal: 200 ms.
func BenchmarkWide500x300(b *testing.B) {
	files := synth.Generate(synth.Config{Claims: 500 * 2, ClaimsPerExpert: 2, Propositions: 300, Coverage: 1.0 / 3})
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		b.Fatal(diags)
	}
	if len(d.Experts) != 500 || len(d.Propositions) != 300 {
		b.Fatalf("the debate has %d experts and %d propositions; want 500 and 300", len(d.Experts), len(d.Propositions))
	}
	b.ResetTimer()
	for b.Loop() {
		m := New(d, Options{Order: ByCluster})
		_ = m.Pairs()
		_ = m.PropositionStats()
		_ = m.Cruxes()
	}
}
