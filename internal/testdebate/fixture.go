package testdebate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/tomlstr"
)

// positions maps the fixture symbols to position names.
var positions = map[string]string{
	"++": "strongly-agree", "+": "agree", "~": "mixed", "-": "disagree", "--": "strongly-disagree",
}

// Fixture builds a debate of n propositions p1…pn and one expert per row. A row reads
// "id: cells", one cell per proposition: ++ + ~ - -- for a position (with * appended when
// inferred), . when not addressed.
func Fixture(t testing.TB, n int, rows ...string) *argmap.Debate {
	t.Helper()
	var m strings.Builder
	m.WriteString("title = \"Fixture\"\n")
	for j := 1; j <= n; j++ {
		fmt.Fprintf(&m, "\n[[propositions]]\nid = \"p%d\"\ntext = \"Proposition %d.\"\n", j, j)
	}
	files := []argmap.File{{Path: "d/debate.toml", Data: []byte(m.String())}}
	for _, row := range rows {
		id, cells, _ := strings.Cut(row, ":")
		id = strings.TrimSpace(id)
		var b strings.Builder
		fmt.Fprintf(&b, "id = %q\nname = %s\n", id, tomlstr.Quote("Expert "+strings.ToUpper(id)))
		fields := strings.Fields(cells)
		if len(fields) != n {
			t.Fatalf("fixture row %q has %d cells, want %d", row, len(fields), n)
		}
		for j, c := range fields {
			if c == "." {
				continue
			}
			sym, inferred := strings.CutSuffix(c, "*")
			name, ok := positions[sym]
			if !ok {
				t.Fatalf("fixture row %q: bad cell %q", row, c)
			}
			fmt.Fprintf(&b, "\n[[stances]]\nproposition = \"p%d\"\nposition = %q\n", j+1, name)
			if inferred {
				b.WriteString("inferred = true\n")
			}
		}
		files = append(files, argmap.File{Path: "d/experts/" + id + ".toml", Data: []byte(b.String())})
	}
	return Parse(t, files)
}

// Parse builds a debate from files and fails the test when it is not valid.
func Parse(t testing.TB, files []argmap.File) *argmap.Debate {
	t.Helper()
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		t.Fatalf("fixture is invalid: %v", diags)
	}
	return d
}
