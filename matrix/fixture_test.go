package matrix

import (
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/testdebate"
	"github.com/argmap-dev/argmap/stances"
)

// build makes the writer of d's matrix.
func build(d *argmap.Debate, opt stances.Options) *Writer { return New(stances.New(d, opt)) }

func fixture(t testing.TB, n int, rows ...string) *argmap.Debate {
	t.Helper()
	return testdebate.Fixture(t, n, rows...)
}

func parse(t testing.TB, files []argmap.File) *argmap.Debate {
	t.Helper()
	return testdebate.Parse(t, files)
}

func seed(t testing.TB) *argmap.Debate {
	t.Helper()
	return testdebate.Load(t, "../seeds/camp-taji")
}
