package main

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestMakeTestAnnouncesFuzzing: `make test` says what each fuzz step fuzzes and for how long
// before it starts, so the fuzzer's own progress lines do not look like a hung build.
func TestMakeTestAnnouncesFuzzing(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	out, err := exec.Command("make", "-n", "test").Output()
	if err != nil {
		t.Fatalf("make -n test: %v", err)
	}
	lines := strings.Split(string(out), "\n")
	fuzz := regexp.MustCompile(`-fuzz '\^(\w+)\$' -fuzztime (\d+)s`)
	found := 0
	for i, line := range lines {
		m := fuzz.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		found++
		want := " for " + m[2] + " s (" + m[1] + ")"
		if i == 0 || !strings.HasPrefix(lines[i-1], "echo ") || !strings.Contains(lines[i-1], want) {
			t.Errorf("make test runs %s without announcing it first; want an echo with %q before %q", m[1], want, line)
		}
	}
	if found == 0 {
		t.Errorf("make -n test runs no fuzz step:\n%s", out)
	}
}
