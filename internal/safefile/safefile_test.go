package safefile

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

func TestWriteReplacesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.svg")
	for _, content := range []string{"first", "second"} {
		if err := Write(p, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if string(got) != content {
			t.Errorf("after Write(%q) file holds %q", content, got)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries; want only out.svg", len(entries))
	}
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.svg")
	os.WriteFile(p, []byte("good"), 0o644)
	// A folder in the way of the rename: the write fails, the old file is kept.
	target := filepath.Join(dir, "taken")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "x"), nil, 0o644)
	if err := Write(target, []byte("new")); err == nil {
		t.Fatal("Write over a non-empty folder succeeded")
	}
	if got, _ := os.ReadFile(p); string(got) != "good" {
		t.Errorf("old file changed to %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	if err := Write(filepath.Join(dir, "no", "such", "out.svg"), nil); err == nil || !strings.Contains(err.Error(), "no folder") {
		t.Errorf("missing folder: err = %v", err)
	}
}
