package golden

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUpdate(t *testing.T) {
	for _, c := range []struct {
		env  string
		want bool
	}{{"", false}, {"0", false}, {"false", false}, {"junk", false}, {"1", true}, {"true", true}, {"T", true}} {
		t.Setenv(Env, c.env)
		if got := Update(); got != c.want {
			t.Errorf("Update() with %s=%q = %v; want %v", Env, c.env, got, c.want)
		}
	}
}

func TestCheckRewrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "out.txt")
	t.Setenv(Env, "1")
	Check(t, path, []byte("new\n"))
	if b, err := os.ReadFile(path); err != nil || string(b) != "new\n" {
		t.Fatalf("after Check with %s=1: %q, %v; want the file rewritten", Env, b, err)
	}
	t.Setenv(Env, "")
	Check(t, path, []byte("new\n")) // compares, and matches
}

// TestOneSwitch keeps the golden files on one switch: a test flag "-update" declared in some
// packages makes "go test ./... -update" fail in every package without it.
func TestOneSwitch(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "flag.Bool(\"up"+"date\"") {
			t.Errorf("%s declares a -update flag; use golden.Update() (%s=1)", path, Env)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
