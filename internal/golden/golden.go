// Package golden compares test output with golden files, and rewrites them when the
// environment variable ARGMAP_UPDATE_GOLDEN is set (ARGMAP_UPDATE_GOLDEN=1 go test ./...):
// one switch for every package's golden files and the CLI's testscripts.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Env is the environment variable that makes tests rewrite their golden files.
const Env = "ARGMAP_UPDATE_GOLDEN"

// Update reports whether tests should rewrite their golden files instead of comparing
// with them: when Env is set to a true value (1, t, true, ...; see strconv.ParseBool).
func Update() bool {
	b, _ := strconv.ParseBool(os.Getenv(Env))
	return b
}

// Check compares got with the file at path; with Update it rewrites the file instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s=1 go test to create it)", err, Env)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run %s=1 go test to accept):\n%s", path, Env, firstDiff(got, want))
	}
}

// firstDiff shows the first line on which got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
