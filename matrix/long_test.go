package matrix

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/stances"
)

// TestLong checks the tidy form (issue 8, item 14): one row per addressed pair, each
// variable in its own column, the inferred flag not packed into the position, numbers left
// as numbers, text guarded against formulas.
func TestLong(t *testing.T) {
	d := fixture(t, 3,
		"a: -- . +*",
		"b: ~  + .",
	)
	m := build(d, stances.Options{Order: stances.ByFile})
	want := [][]string{
		longHeader,
		{"a", "Expert A", "p1", "strongly-disagree", "-2", "false", "", ""},
		{"a", "Expert A", "p3", "agree", "1", "true", "", ""},
		{"b", "Expert B", "p1", "mixed", "0", "false", "", ""},
		{"b", "Expert B", "p2", "agree", "1", "false", "", ""},
	}
	for _, f := range []Format{CSV, TSV} {
		var b bytes.Buffer
		if err := m.WriteLong(&b, f, false); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&b)
		if f == TSV {
			r.Comma = '\t'
		}
		got, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("WriteLong(%s) has %d rows; want %d:\n%q", f, len(got), len(want), got)
		}
		for i := range want {
			if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
				t.Errorf("WriteLong(%s) row %d = %q; want %q", f, i, got[i], want[i])
			}
		}
	}
	var b bytes.Buffer
	if err := m.WriteLong(&b, JSON, false); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Expert, Name, Proposition, Position string
		Value                               int
		Inferred                            bool
		Confidence                          *int
		Quote                               *string
	}
	if err := json.Unmarshal(b.Bytes(), &rows); err != nil {
		t.Fatalf("WriteLong(json) is not JSON: %v\n%s", err, b.String())
	}
	if len(rows) != 4 || rows[1].Proposition != "p3" || !rows[1].Inferred || rows[0].Value != -2 || rows[0].Confidence != nil || rows[0].Quote != nil {
		t.Errorf("WriteLong(json) = %+v", rows)
	}
	for _, f := range []Format{HTML, XLSX} {
		if err := m.WriteLong(&bytes.Buffer{}, f, false); err == nil {
			t.Errorf("WriteLong(%s) = nil; want an error", f)
		}
	}

	// Text that looks like a formula is guarded; numbers are not.
	var h bytes.Buffer
	if err := build(parse(t, hostileFiles()), stances.Options{}).WriteLong(&h, CSV, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), `'=cmd|' /C calc'!A0`) || !strings.Contains(h.String(), ",strongly-disagree,-2,") {
		t.Errorf("WriteLong(csv) of hostile text:\n%s", h.String())
	}
}
