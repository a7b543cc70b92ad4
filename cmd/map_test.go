package cmd_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/cmd"
)

// TestMapTooBig: a map over the size limit is refused at once as invalid data (exit 1),
// saying what to draw instead; a view of the same debate is drawn.
func TestMapTooBig(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Generate(synth.Config{Claims: graph.MaxClaims + 1})); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	s := &cmd.Streams{Out: &stdout, Err: &stderr}
	if code := cmd.Run([]string{"map", dir, "--format", "dot"}, s); code != 1 {
		t.Errorf("map of %d claims: exit %d; want 1", graph.MaxClaims+1, code)
	}
	for _, want := range []string{"--expert", "argmap matrix"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q does not mention %s", stderr.String(), want)
		}
	}
	stderr.Reset()
	if code := cmd.Run([]string{"map", dir, "--expert", "e0000", "--format", "dot"}, s); code != 0 {
		t.Errorf("one expert's map: exit %d: %s", code, stderr.String())
	}
}
