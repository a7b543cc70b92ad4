package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeListsEveryPackage: README.md's "Developing" section names every package of the
// module, each on a line of its own with its job.
func TestReadmeListsEveryPackage(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, dev, _ := strings.Cut(string(readme), "\n## Developing\n")
	_, block, _ := strings.Cut(dev, "```\n")
	block, _, _ = strings.Cut(block, "```\n")
	listed := map[string]bool{}
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 1 {
			listed[strings.TrimSuffix(f[0], "/")] = true
		}
	}
	err = filepath.WalkDir(".", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == "testdata" || e.Name() == "node_modules" || strings.HasPrefix(e.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if e.IsDir() || path == "main.go" || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if dir := filepath.ToSlash(filepath.Dir(path)); !listed[dir] {
			t.Errorf("README.md's Developing section does not list package %s", dir)
			listed[dir] = true // once
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
