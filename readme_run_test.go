package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeUsingItRuns runs README.md's "Using it" block as written, line by line in one
// shell, in a copy of the repository (a git repository of its own, as a clone is): every
// line must succeed. argmap serve, which runs until stopped, must still be running after two
// seconds.
func TestReadmeUsingItRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds argmap and runs every line of the README: not in -short")
	}
	for _, tool := range []string{"git", "bash", "timeout"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, using, ok := strings.Cut(string(readme), "\n## Using it\n")
	if !ok {
		t.Fatal("README.md has no \"Using it\" section")
	}
	_, block, _ := strings.Cut(using, "```sh\n")
	block, _, _ = strings.Cut(block, "```\n")
	var script strings.Builder
	script.WriteString("set -e\n")
	lines := 0
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		script.WriteString("echo '$ " + strings.ReplaceAll(line, "'", `'\''`) + "'\n")
		if strings.HasPrefix(line, "argmap serve ") {
			cmd, _, _ := strings.Cut(line, " #")
			script.WriteString("rc=0; timeout 2 " + cmd + " >/dev/null 2>&1 || rc=$?; [ $rc = 124 ] || { echo \"serve exited with $rc\"; exit 1; }\n")
			continue
		}
		script.WriteString(line + "\n")
	}
	if lines < 20 {
		t.Fatalf("the block has %d lines", lines)
	}
	dir := t.TempDir()
	files, err := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	for _, f := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // deleted in the work tree
		}
		dst := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := exec.Command("bash", "-c", "git init -q && git add -A && git -c user.email=t@example.org -c user.name=t commit -qm copy")
	git.Dir = dir
	if out, err := git.CombinedOutput(); err != nil {
		t.Fatalf("git: %v\n%s", err, out)
	}
	run := exec.Command("bash", "-c", script.String())
	run.Dir = dir
	run.Env = append(os.Environ(), "NO_COLOR=1")
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("the README's block failed: %v\n%s", err, out)
	}
}
