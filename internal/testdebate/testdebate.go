// Package testdebate loads the debates that tests run on.
package testdebate

import (
	"testing"

	"github.com/argmap-dev/argmap/argmap"
)

// Load loads the debate at dir and fails the test when it is not valid.
func Load(t testing.TB, dir string) *argmap.Debate {
	t.Helper()
	d, diags := argmap.Load(dir, argmap.Options{})
	if d == nil {
		t.Fatalf("Load(%s): %v", dir, diags)
	}
	return d
}
