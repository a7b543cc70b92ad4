//go:build unix

package safefile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// both runs a test with an unnamed temporary file (where the system allows) and with the
// named one that is the fallback.
func both(t *testing.T, test func(t *testing.T, anon bool)) {
	t.Run("unnamed", func(t *testing.T) { test(t, true) })
	t.Run("named", func(t *testing.T) { test(t, false) })
}

// write writes data to path as Write does, choosing the kind of temporary file.
func write(path string, data []byte, anon bool) error {
	f, err := create(path, anon)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.abort()
		return err
	}
	return f.commit()
}

// noTemp fails if dir holds a temporary file.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

func TestWriteReplacesAndLeavesNoTemp(t *testing.T) {
	both(t, func(t *testing.T, anon bool) {
		dir := t.TempDir()
		p := filepath.Join(dir, "out.svg")
		for _, content := range []string{"first", "second"} {
			if err := write(p, []byte(content), anon); err != nil {
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
	})
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.svg")
	os.WriteFile(p, []byte("good"), 0o644)
	// A folder in the way: the write fails, the old file is kept.
	target := filepath.Join(dir, "taken")
	os.Mkdir(target, 0o755)
	if err := Write(target, []byte("new")); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("Write over a folder: err = %v; want \"is a folder\"", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "good" {
		t.Errorf("old file changed to %q", got)
	}
	noTemp(t, dir)
	if err := Write(filepath.Join(dir, "no", "such", "out.svg"), nil); err == nil || !strings.Contains(err.Error(), "no folder") {
		t.Errorf("missing folder: err = %v", err)
	}
}

// TestWriteKeepsMode: an existing file keeps its mode (a private file stays private); a new
// one gets 0666 less the umask.
func TestWriteKeepsMode(t *testing.T) {
	both(t, func(t *testing.T, anon bool) {
		dir := t.TempDir()
		for _, perm := range []fs.FileMode{0o600, 0o640, 0o755} {
			p := filepath.Join(dir, "old.txt")
			os.WriteFile(p, []byte("old"), 0o600)
			os.Chmod(p, perm)
			if err := write(p, []byte("new"), anon); err != nil {
				t.Fatal(err)
			}
			if got := mode(t, p).Perm(); got != perm {
				t.Errorf("existing %v file: mode %v after Write", perm, got)
			}
		}
		defer syscall.Umask(syscall.Umask(0))
		for _, umask := range []int{0o022, 0o077, 0o002} {
			syscall.Umask(umask)
			p := filepath.Join(dir, "new.txt")
			os.Remove(p)
			if err := write(p, []byte("new"), anon); err != nil {
				t.Fatal(err)
			}
			if got, want := mode(t, p).Perm(), fs.FileMode(0o666&^umask); got != want {
				t.Errorf("umask %03o: new file has mode %v; want %v", umask, got, want)
			}
		}
	})
}

// TestWriteThroughDevice: a device is written to, never replaced by a regular file.
func TestWriteThroughDevice(t *testing.T) {
	dir := t.TempDir()
	full, null := filepath.Join(dir, "full"), filepath.Join(dir, "null")
	// The kernel's /dev/full (1,7) and /dev/null (1,3), made here so that a failing test
	// never replaces the dest ones.
	if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		t.Skipf("cannot make a device node (needs root, CAP_MKNOD): %v", err)
	}
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Fatal(err)
	}
	err := Write(full, []byte("data"))
	if err == nil || !strings.Contains(err.Error(), "cannot write "+full+": no space left on device") {
		t.Errorf("Write to a full device: err = %v; want no space left on device", err)
	}
	if err := Write(null, []byte("data")); err != nil {
		t.Errorf("Write to a null device: %v", err)
	}
	for _, p := range []string{full, null} {
		if m := mode(t, p); m&fs.ModeCharDevice == 0 {
			t.Errorf("%s is no longer a device: mode %v", p, m)
		}
	}
	noTemp(t, dir)
}

// TestWriteThroughFIFO: a FIFO gets the data and stays a FIFO.
func TestWriteThroughFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- nil
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- data
	}()
	want := bytes.Repeat([]byte("0123456789abcdef"), 1<<14) // more than a pipe holds
	if err := Write(p, want); err != nil {
		t.Fatal(err)
	}
	select {
	case data := <-got:
		if !bytes.Equal(data, want) {
			t.Errorf("the reader got %d bytes; want %d", len(data), len(want))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing in 10 s: the FIFO was bypassed")
	}
	if m := mode(t, p); m&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became mode %v", m)
	}
	noTemp(t, dir)
}

// TestWriteThroughSymlink: a link is kept and the file it leads to replaced, keeping its mode;
// a dangling link's target is created; a loop is an error.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	dest := filepath.Join(sub, "dest.txt")
	os.WriteFile(dest, []byte("old"), 0o600)
	link, link2 := filepath.Join(dir, "link.txt"), filepath.Join(dir, "link2.txt")
	os.Symlink("sub/dest.txt", link)
	os.Symlink("link.txt", link2) // a link to a link
	if err := Write(link2, []byte("new")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, link2} {
		if m := mode(t, l); m&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: mode %v", filepath.Base(l), m)
		}
	}
	if got, _ := os.ReadFile(dest); string(got) != "new" {
		t.Errorf("the link's target holds %q; want \"new\"", got)
	}
	if m := mode(t, dest).Perm(); m != 0o600 {
		t.Errorf("the link's target has mode %v; want -rw-------", m)
	}
	noTemp(t, dir)
	noTemp(t, sub)

	dangling := filepath.Join(dir, "dangling.txt")
	os.Symlink("sub/created.txt", dangling)
	if err := Write(dangling, []byte("created")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(sub, "created.txt")); string(got) != "created" {
		t.Errorf("a dangling link's target holds %q; want \"created\"", got)
	}

	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := Write(loop, nil); err == nil {
		t.Error("Write through a link to itself succeeded")
	}
}

// TestUnnamedWhileWriting: with O_TMPFILE no name exists until the write is complete, so
// even SIGKILL leaves nothing behind.
func TestUnnamedWhileWriting(t *testing.T) {
	dir := t.TempDir()
	if f, err := openAnon(dir, 0o600); err != nil {
		t.Skipf("no unnamed files here: %v", err)
	} else {
		f.Close()
	}
	f, err := create(filepath.Join(dir, "out.txt"), true)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("partial"))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("while writing, the folder holds %s", entries[0].Name())
	}
	f.abort()
}

// The signal tests run this test binary again as a child that starts writing and waits to
// be signalled.
const childEnv = "SAFEFILE_TEST_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		child(spec)
		return
	}
	os.Exit(m.Run())
}

// child starts writing 8 MiB to the path in spec ("anon:PATH" or "named:PATH"), says
// "writing" and waits for a signal.
func child(spec string) {
	kind, path, _ := strings.Cut(spec, ":")
	f, err := create(path, kind == "anon")
	if err != nil {
		os.Stdout.WriteString(err.Error() + "\n")
		os.Exit(3)
	}
	f.Write(bytes.Repeat([]byte("x"), 8<<20))
	os.Stdout.WriteString("writing\n")
	time.Sleep(30 * time.Second)
	os.Exit(4) // not signalled
}

// TestSignalDuringWrite sends a signal to a child that is writing over an existing file: the
// child dies of the signal, the old file is intact and no temporary file remains.
func TestSignalDuringWrite(t *testing.T) {
	canAnon := true
	if f, err := openAnon(t.TempDir(), 0o600); err != nil {
		canAnon = false
	} else {
		f.Close()
	}
	for _, tc := range []struct {
		kind string
		sig  syscall.Signal
	}{
		{"named", syscall.SIGTERM},
		{"named", syscall.SIGINT},
		{"named", syscall.SIGHUP},
		{"anon", syscall.SIGTERM},
		{"anon", syscall.SIGKILL},
	} {
		t.Run(tc.kind+"/"+tc.sig.String(), func(t *testing.T) {
			if tc.kind == "anon" && !canAnon {
				t.Skip("no unnamed files (O_TMPFILE) on this filesystem")
			}
			dir := t.TempDir()
			p := filepath.Join(dir, "out.txt")
			os.WriteFile(p, []byte("old"), 0o644)
			c := exec.Command(os.Args[0], "-test.run=^$")
			c.Env = append(os.Environ(), childEnv+"="+tc.kind+":"+p)
			out, err := c.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if line != "writing\n" {
				c.Process.Kill()
				c.Wait()
				t.Fatalf("child said %q; want \"writing\"", line)
			}
			c.Process.Signal(tc.sig)
			err = c.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("child: %v", err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != tc.sig {
				t.Errorf("child ended with %v; want killed by %v", ee, tc.sig)
			}
			noTemp(t, dir)
			if got, _ := os.ReadFile(p); string(got) != "old" {
				t.Errorf("the old file holds %q; want it intact", got)
			}
		})
	}
}

// TestWriteKeepsOwner: root replacing a user's file gives the new file back to that user.
func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root may give a file to another user")
	}
	both(t, func(t *testing.T, anon bool) {
		p := filepath.Join(t.TempDir(), "theirs.txt")
		os.WriteFile(p, []byte("old"), 0o644)
		if err := os.Chown(p, 1234, 5678); err != nil {
			t.Skipf("cannot chown here: %v", err)
		}
		if err := write(p, []byte("new"), anon); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		if st := fi.Sys().(*syscall.Stat_t); st.Uid != 1234 || st.Gid != 5678 {
			t.Errorf("owner %d:%d after Write; want 1234:5678", st.Uid, st.Gid)
		}
	})
}
