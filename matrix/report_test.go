package matrix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/stances"
)

// TestComparisonSides checks the sentence that counts a pair's shared propositions: it
// names only the counts that are not 0 (it used to say "one mixed on 0").
func TestComparisonSides(t *testing.T) {
	for _, c := range []struct {
		name string
		rows []string
		want string
	}{
		{"all kinds", []string{"a: ++ + ~ -", "b: + -- - -"}, "4 shared propositions: same side on 2, one mixed on 1, opposite sides on 1."},
		{"none mixed", []string{"a: ++ + - .", "b: + -- - +"}, "3 shared propositions: same side on 2, opposite sides on 1."},
		{"all agree", []string{"a: ++ + . .", "b: + ++ - ."}, "2 shared propositions: same side on 2."},
		{"only mixed", []string{"a: ~ ~ .", "b: + - ~"}, "2 shared propositions: one mixed on 2."},
		{"only opposed", []string{"a: ++ . -", "b: -- + +"}, "2 shared propositions: opposite sides on 2."},
	} {
		d := fixture(t, len(strings.Fields(strings.TrimPrefix(c.rows[0], "a:"))), c.rows...)
		cmp, err := build(d, stances.Options{}).Matrix().Compare("a", "b")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{Table, Markdown} {
			var b bytes.Buffer
			if err := WriteComparison(&b, cmp, f, false); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !strings.Contains(out, c.want) {
				t.Errorf("%s: WriteComparison(%s) = %q; want it to say %q", c.name, f, out, c.want)
			}
			if strings.Contains(out, " on 0") {
				t.Errorf("%s: WriteComparison(%s) says \"on 0\":\n%s", c.name, f, out)
			}
		}
	}
}
