//go:build linux

package wasmcache_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"

	"github.com/argmap-dev/argmap/internal/wasmcache"
	"github.com/argmap-dev/argmap/render"
)

// The tests run this test binary again as a child process ("the child"): by the time its
// TestMain runs, every package init has run, go-graphviz's included, so the child is a
// start-up of argmap in miniature. It lays out a small graph and prints wasmcache's status
// and its TMPDIR.
const childEnv = "WASMCACHE_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		out, err := render.Render(context.Background(), []byte("digraph { a -> b }"), render.SVG, render.Options{})
		if err != nil || !bytes.Contains(out, []byte("<svg")) {
			fmt.Fprintln(os.Stderr, "child: render failed:", err)
			os.Exit(3)
		}
		gc := debug.SetGCPercent(-1)
		debug.SetGCPercent(gc)
		fmt.Printf("status: %s\nTMPDIR=%s\ngc=%d limit=%d\n", wasmcache.Status(), os.Getenv("TMPDIR"), gc, debug.SetMemoryLimit(-1))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child runs the child with XDG_CACHE_HOME=cache and TMPDIR=tmp (and extra environment) and
// returns its standard output and error.
func child(t *testing.T, cache, tmp string, cred *syscall.Credential, extra ...string) (stdout, stderr string, err error) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return runAs(exe, cache, tmp, cred, extra...)
}

func runAs(exe, cache, tmp string, cred *syscall.Credential, extra ...string) (string, string, error) {
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append([]string{
		childEnv + "=1",
		"PATH=" + os.Getenv("PATH"),
		"HOME=/nonexistent",
		"XDG_CACHE_HOME=" + cache,
		"TMPDIR=" + tmp,
	}, extra...)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	return o.String(), e.String(), err
}

// mustRun runs the child and fails the test unless it succeeds.
func mustRun(t *testing.T, cache, tmp string) string {
	t.Helper()
	out, errOut, err := child(t, cache, tmp, nil)
	if err != nil {
		t.Fatalf("start-up failed: %v\n%s", err, errOut)
	}
	return out
}

// cacheFile returns the one compiled-code file in the cache below home.
func cacheFile(t *testing.T, home string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(home, "argmap", "wasm", "go-graphviz", "wazero-*", "*"))
	if len(files) != 1 {
		t.Fatalf("cache files %v: want exactly one", files)
	}
	return files[0]
}

// warm is a cache folder filled by one start-up, made once and copied by the tests that
// need a warm cache (a cold start-up compiles for about a second).
var warm struct {
	dir  string
	data []byte
}

func warmCache(t *testing.T) string {
	t.Helper()
	if warm.dir == "" {
		dir, err := os.MkdirTemp("", "wasmcache-warm")
		if err != nil {
			t.Fatal(err)
		}
		mustRun(t, dir, t.TempDir())
		warm.dir = dir
		warm.data, err = os.ReadFile(cacheFile(t, dir))
		if err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "cache")
	if err := os.CopyFS(dst, os.DirFS(warm.dir)); err != nil {
		t.Fatal(err)
	}
	// CopyFS makes folders 0777 &^ umask: make them private again, as argmap made them.
	filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o700)
		} else if err == nil {
			os.Chmod(p, 0o600)
		}
		return nil
	})
	return dst
}

// Go initialises packages in import-path order; wasmcache imports nothing that go-graphviz
// does not, so it must run first. Go's own init trace shows the order.
func TestInitOrder(t *testing.T) {
	_, errOut, err := child(t, warmCache(t), t.TempDir(), nil, "GODEBUG=inittrace=1")
	if err != nil {
		t.Fatalf("start-up failed: %v\n%s", err, errOut)
	}
	ours := strings.Index(errOut, "init github.com/argmap-dev/argmap/internal/wasmcache @")
	theirs := strings.Index(errOut, "init github.com/goccy/go-graphviz/internal/wasm @")
	if ours < 0 || theirs < 0 || ours > theirs {
		t.Fatalf("wasmcache initialised at %d, go-graphviz's wasm at %d: want wasmcache first\n%s", ours, theirs, errOut)
	}
}

func TestCacheIsPrivateAndTmpdirUntouched(t *testing.T) {
	cache, tmp := filepath.Join(t.TempDir(), "cache"), t.TempDir()
	out := mustRun(t, cache, tmp)
	if !strings.Contains(out, "TMPDIR="+tmp+"\n") {
		t.Errorf("TMPDIR not restored after start-up:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(tmp, "go-graphviz")); err == nil {
		t.Errorf("go-graphviz made its cache in TMPDIR")
	}
	file := cacheFile(t, cache)
	for p := file; p != filepath.Dir(cache); p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s has mode %04o: want private", p, fi.Mode().Perm())
		}
	}
	if _, err := os.Stat(filepath.Join(cache, "argmap", "manifest")); err != nil {
		t.Errorf("no manifest: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "argmap", "start-*")); len(m) != 0 {
		t.Errorf("start-up markers left behind: %v", m)
	}
}

// The collector is paused for go-graphviz's start-up only: afterwards GOGC and GOMEMLIMIT
// hold again.
func TestCollectorRestored(t *testing.T) {
	out, errOut, err := child(t, warmCache(t), t.TempDir(), nil, "GOGC=150", "GOMEMLIMIT=300MiB")
	if err != nil {
		t.Fatalf("start-up failed: %v\n%s", err, errOut)
	}
	if want := fmt.Sprintf("gc=150 limit=%d\n", 300<<20); !strings.Contains(out, want) {
		t.Errorf("after start-up:\n%s\nwant %q", out, want)
	}
	out = mustRun(t, warmCache(t), t.TempDir())
	if want := fmt.Sprintf("gc=100 limit=%d\n", int64(math.MaxInt64)); !strings.Contains(out, want) {
		t.Errorf("after start-up:\n%s\nwant %q", out, want)
	}
}

// A damaged cache file is recompiled, not loaded: the start-up succeeds and the file holds
// the compiled code again.
func TestDamagedCache(t *testing.T) {
	cases := []struct {
		name   string
		damage func(path string) error
	}{
		{"truncated", func(p string) error { return os.Truncate(p, int64(len(warm.data)/2)) }},
		{"emptied", func(p string) error { return os.Truncate(p, 0) }},
		{"corrupted", func(p string) error {
			// int3 (0xCC) over the middle: executed, it would stop the process with SIGTRAP.
			b := bytes.Clone(warm.data)
			for i := len(b) / 3; i < 2*len(b)/3; i++ {
				b[i] = 0xCC
			}
			return os.WriteFile(p, b, 0o600)
		}},
		{"replaced", func(p string) error { return os.WriteFile(p, bytes.Repeat([]byte{0xCC}, len(warm.data)), 0o600) }},
		{"unreadable", func(p string) error { return os.Chmod(p, 0) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cache := warmCache(t)
			file := cacheFile(t, cache)
			if err := c.damage(file); err != nil {
				t.Fatal(err)
			}
			mustRun(t, cache, t.TempDir())
			got, err := os.ReadFile(file)
			if err != nil || !bytes.Equal(got, warm.data) {
				t.Errorf("cache file after the start-up: %d bytes (err %v), want the %d compiled again", len(got), err, len(warm.data))
			}
		})
	}
}

// A start-up that died inside go-graphviz's init (here: a damaged file the manifest vouches
// for, which makes go-graphviz panic) leaves its marker; the next start-up clears the cache.
func TestFailedStartClearsCache(t *testing.T) {
	cache := warmCache(t)
	file := cacheFile(t, cache)
	if err := os.Truncate(file, 100); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(cache, "argmap", "manifest")
	rel, _ := filepath.Rel(filepath.Join(cache, "argmap", "wasm", "go-graphviz"), file)
	// Vouch for the damaged file, as if it had been damaged after it was checked.
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	line := fmt.Sprintf("%s %d %d %d %d\n", rel, fi.Size(), st.Ino, st.Mtim.Nano(), st.Ctim.Nano())
	if err := os.WriteFile(manifest, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := child(t, cache, t.TempDir(), nil)
	if err == nil {
		t.Fatalf("start-up with a damaged cache vouched for succeeded: the test no longer damages anything")
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "argmap", "start-*")); len(m) != 1 {
		t.Fatalf("markers after a failed start-up: %v, want one (stderr: %.300s)", m, errOut)
	}
	mustRun(t, cache, t.TempDir())
	if got, _ := os.ReadFile(file); !bytes.Equal(got, warm.data) {
		t.Errorf("the cache was not compiled again after a failed start-up")
	}
}

// A cache folder that belongs to someone else is not used at all.
func TestForeignCacheIgnored(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a folder to another user")
	}
	cache := warmCache(t)
	gg := filepath.Join(cache, "argmap", "wasm", "go-graphviz")
	file := cacheFile(t, cache)
	// Plant int3 instructions and hand the folder to another user.
	planted := bytes.Repeat([]byte{0xCC}, len(warm.data))
	if err := os.WriteFile(file, planted, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(cache, "argmap", "manifest"))
	filepath.WalkDir(gg, func(p string, d fs.DirEntry, err error) error { return os.Lchown(p, 12345, 12345) })
	out := mustRun(t, cache, t.TempDir())
	if !strings.Contains(out, "no compilation cache") || !strings.Contains(out, "belongs to user 12345") {
		t.Errorf("status with a foreign cache folder:\n%s", out)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, planted) {
		t.Errorf("argmap touched a file in another user's folder")
	}
}

// A second user of a machine: go-graphviz's old place, $TMPDIR/go-graphviz, exists and
// belongs to the first user, with files the second cannot read. The second user's start-up
// must not use it, and must succeed.
func TestSecondUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a process as another user")
	}
	const nobody = 65534
	// The test binary, where another user may run it.
	bin, err := os.MkdirTemp("", "wasmcache-bin")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(bin) })
	os.Chmod(bin, 0o755)
	self, _ := os.Executable()
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(bin, "wasmcache.test")
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		t.Fatal(err)
	}
	// The first user's (root's) cache in the shared TMPDIR, as go-graphviz made it.
	tmp := filepath.Join(bin, "tmp")
	os.Mkdir(tmp, 0o777)
	os.Chmod(tmp, 0o777|fs.ModeSticky)
	old := filepath.Join(tmp, "go-graphviz", "wazero-v1.10.1-amd64-linux")
	os.MkdirAll(old, 0o755)
	os.Chmod(filepath.Join(tmp, "go-graphviz"), 0o755)
	os.Chmod(old, 0o755)
	warmCache(t)
	if err := os.WriteFile(filepath.Join(old, filepath.Base(cacheFile(t, warm.dir))), warm.data, 0o600); err != nil {
		t.Fatal(err)
	}
	// The second user's home.
	home := filepath.Join(bin, "home")
	os.Mkdir(home, 0o700)
	os.Chown(home, nobody, nobody)
	for i := 0; i < 2; i++ { // cold, then warm
		out, errOut, err := runAs(exe, filepath.Join(home, ".cache"), tmp, &syscall.Credential{Uid: nobody, Gid: nobody})
		if err != nil {
			t.Fatalf("start-up %d as a second user failed: %v\n%s", i+1, err, errOut)
		}
		if !strings.Contains(out, "status: compilation cache in "+home) {
			t.Errorf("start-up %d as a second user: %s", i+1, out)
		}
	}
}
