package diff

import (
	"bytes"
	"testing"

	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

func TestCompare(t *testing.T) {
	r := Compare(testdebate.Load(t, "testdata/old"), testdebate.Load(t, "testdata/new"), "old", "new")
	if r.Title == nil || r.Title.New != "New title" {
		t.Errorf("title change %+v", r.Title)
	}
	want := map[string]int{"experts": 2, "propositions": 3, "claims": 4, "links": 3, "stances": 3}
	got := map[string]int{"experts": len(r.Experts), "propositions": len(r.Propositions), "claims": len(r.Claims), "links": len(r.Links), "stances": len(r.Stances)}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %s changes, want %d: %+v", got[k], k, n, r)
		}
	}
	// Spot checks of what each change says.
	var a1 ClaimChange
	for _, c := range r.Claims {
		if c.Ref == "ann/a1" {
			a1 = c
		}
	}
	if a1.Op != Changed || a1.Implicit == nil || a1.QuoteWas == nil || a1.QuoteWas.New != "" || a1.TextWas != nil {
		t.Errorf("ann/a1 change %+v: want implicit and quote changed, text not", a1)
	}
	var ps StanceChange
	for _, s := range r.Stances {
		if s.Expert == "ann" && s.Proposition == "p1" {
			ps = s
		}
	}
	if ps.Op != Changed || ps.Old.String() != "+" || ps.New.String() != "++ (confidence 8, inferred)" {
		t.Errorf("ann on p1: %s → %s", ps.Old, ps.New)
	}
	if n := Compare(testdebate.Load(t, "testdata/new"), testdebate.Load(t, "testdata/new"), "a", "b").Count(); n != 0 {
		t.Errorf("a debate compared with itself: %d differences", n)
	}
}

// Two debates with nothing in common: everything added and removed.
func TestCompareDisjoint(t *testing.T) {
	r := Compare(testdebate.Load(t, "testdata/old"), testdebate.Load(t, "../seeds/camp-taji"), "old", "seed")
	seed := testdebate.Load(t, "../seeds/camp-taji")
	added := 0
	for _, c := range r.Claims {
		if c.Op == Added {
			added++
		} else if c.Op != Removed {
			t.Errorf("claim %s %s between unrelated debates", c.Ref, c.Op)
		}
	}
	if added != seed.ClaimCount() {
		t.Errorf("%d claims added, want %d", added, seed.ClaimCount())
	}
}

func TestWriters(t *testing.T) {
	r := Compare(testdebate.Load(t, "testdata/old"), testdebate.Load(t, "testdata/new"), "testdata/old", "testdata/new")
	for _, c := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return WriteText(b, r, false) }},
		{"report-color.txt", func(b *bytes.Buffer) error { return WriteText(b, r, true) }},
		{"report.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, r) }},
		{"report.json", func(b *bytes.Buffer) error { return WriteJSON(b, r) }},
	} {
		var b bytes.Buffer
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "testdata/"+c.file, b.Bytes())
	}
}

func BenchmarkCompareSeed(b *testing.B) {
	old, new := testdebate.Load(b, "../seeds/camp-taji"), testdebate.Load(b, "testdata/new")
	for b.Loop() {
		Compare(old, new, "a", "b")
	}
}
