package synth

import (
	"bytes"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
)

func TestGenerateIsValidAndDeterministic(t *testing.T) {
	for _, n := range []int{1, 12, 13, 100, 1000} {
		files := Generate(Config{Claims: n})
		d, diags := argmap.Parse(files, argmap.Options{})
		if diags.HasErrors() {
			t.Fatalf("Generate(%d) is invalid: %v", n, diags)
		}
		if got := d.ClaimCount(); got != n {
			t.Errorf("Generate(%d) has %d claims", n, got)
		}
		again := Generate(Config{Claims: n})
		for i := range files {
			if !bytes.Equal(files[i].Data, again[i].Data) {
				t.Fatalf("Generate(%d) differs between runs in %s", n, files[i].Path)
			}
		}
	}
}
