//go:build unix

package argmap

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFilesNamedPipe: a named pipe called experts/x.toml or debate.toml is reported, not
// read (reading it would wait for a writer forever).
func TestReadFilesNamedPipe(t *testing.T) {
	for _, name := range []string{"experts/x.toml", "debate.toml"} {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "experts"), 0o755)
		if name != "debate.toml" {
			os.WriteFile(filepath.Join(dir, "debate.toml"), []byte(manifest), 0o644)
		}
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
		done := make(chan Diagnostics, 1)
		go func() {
			_, diags := ReadFiles(dir)
			done <- diags
		}()
		select {
		case diags := <-done:
			want := filepath.Join(dir, name) + ":1:1: error: not a regular file but a named pipe (FIFO) (argmap reads only regular files)"
			if len(diags) != 1 || diags[0].String() != want {
				t.Errorf("ReadFiles with a named pipe %s: %q; want [%q]", name, diags, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFiles blocks on a named pipe called %s", name)
		}
	}
}

// TestLoadPathWithNewline: a file name with a newline cannot forge a line of diagnostics. The
// name has no slash: Load reads experts/ only, not its subfolders.
func TestLoadPathWithNewline(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "experts"), 0o755)
	os.WriteFile(filepath.Join(dir, "debate.toml"), []byte(manifest), 0o644)
	name := filepath.Join(dir, "experts", "x\ndebate.toml:1:1: error: forged.toml")
	if err := os.WriteFile(name, []byte("id = \n"), 0o644); err != nil {
		t.Skipf("cannot make a file with a newline in its name: %v", err)
	}
	_, diags := Load(dir, Options{})
	for _, d := range diags {
		if s := d.String(); strings.Contains(s, "\n") {
			t.Errorf("diagnostic spans lines: %q", s)
		}
	}
	if len(diags) == 0 || !strings.HasPrefix(diags[len(diags)-1].String(), strconv.Quote(name)+":1:6: error: ") {
		t.Errorf("diagnostics %q; want the last at the quoted path %s", diags, strconv.Quote(name))
	}
}
