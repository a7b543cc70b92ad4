package cmd_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rssKiB reads a process's resident memory.
func rssKiB(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skip("no /proc:", err)
	}
	m := regexp.MustCompile(`VmRSS:\s+(\d+) kB`).FindSubmatch(b)
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// argmap serve stays within bounded memory over many saves (go-graphviz keeps about a
// megabyte per layout, so the server draws in child processes), and Ctrl-C stops it
// cleanly.
func TestServeManySaves(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := t.TempDir()
	if err := os.Symlink(os.Args[0], filepath.Join(bin, "argmap")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../seeds/camp-taji")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(bin, "argmap"), "serve", dir, "--port", "0")
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	url := ""
	for url == "" && lines.Scan() {
		if m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
		}
	}
	rest := make(chan string, 1)
	go func() {
		var b strings.Builder
		for lines.Scan() {
			b.WriteString(lines.Text() + "\n")
		}
		rest <- b.String()
	}()
	version := func() int {
		res, err := http.Get(url + "state")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var st struct{ Version int }
		json.NewDecoder(res.Body).Decode(&st)
		return st.Version
	}
	slavin := filepath.Join(dir, "experts", "slavin.toml")
	orig, _ := os.ReadFile(slavin)
	const saves = 40
	var before int
	start := time.Now()
	for i := 1; i <= saves; i++ {
		if err := os.WriteFile(slavin, fmt.Appendf(nil, "%s\n# save %d\n", orig, i), 0o644); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for version() < i+1 {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("save %d was not redrawn within 10 s; the server said:\n%s", i, <-rest)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if i == 5 {
			before = rssKiB(t, cmd.Process.Pid)
		}
	}
	after := rssKiB(t, cmd.Process.Pid)
	t.Logf("%d saves in %s (%s each, write to redrawn); server memory %d KiB after 5 saves, %d KiB after %d",
		saves, time.Since(start).Round(time.Millisecond), (time.Since(start) / saves).Round(time.Millisecond), before, after, saves)
	if after-before > 20<<10 {
		t.Errorf("the server grew by %d KiB over %d saves", after-before, saves-5)
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Errorf("after Ctrl-C: %v", err)
	}
	if out := <-rest; !strings.Contains(out, "argmap: stopped") {
		t.Errorf("stderr after Ctrl-C:\n%s", out)
	}
}
