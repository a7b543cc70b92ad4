package stances

import (
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

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
