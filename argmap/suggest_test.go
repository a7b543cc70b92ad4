package argmap

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestEditDistanceWithin: the bounded distance agrees with the full one up to k and says
// "more than k" beyond.
func TestEditDistanceWithin(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = "abc-"[r.IntN(4)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, k := word(), word(), r.IntN(6)
		full, within := editDistance(a, b), editDistanceWithin(a, b, k)
		if (full <= k && within != full) || (full > k && within <= k) {
			t.Fatalf("editDistanceWithin(%q, %q, %d) = %d; editDistance = %d", a, b, k, within, full)
		}
	}
}

// TestSuggester: with budget left it suggests what Suggest does; without, it still finds
// a near neighbour in sorted order, and its work stays within the budget.
func TestSuggester(t *testing.T) {
	cands := []string{"deterrence-shift", "deterrence-failed", "no-war", "strike-back", "iran-behind", "xdeterrence"}
	for _, q := range []string{"deterence-shift", "no-wra", "strikeback", "ran-behind", "zzz", "deterrence"} {
		budget := suggestBudget
		if got, want := newSuggester(cands, &budget).suggest(q), Suggest(q, cands); got != want {
			t.Errorf("suggest(%q) = %q; want %q (as Suggest)", q, got, want)
		}
	}
	budget := 0
	if got := newSuggester(cands, &budget).suggest("strike-bakc"); got != "strike-back" {
		t.Errorf("suggest with no budget = %q; want the sorted neighbour %q", got, "strike-back")
	}
	if budget != 0 {
		t.Errorf("budget went from 0 to %d", budget)
	}
}

// TestDanglingReferencesBounded: thousands of references to missing claims are checked in
// well under the 47 s they took when every one was compared with every claim.
func TestDanglingReferencesBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var b strings.Builder
	b.WriteString("id = \"a\"\nname = \"A\"\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "[[claims]]\nid = \"claim-%05d\"\nkind = \"premise\"\ntext = \"C.\"\nsupports = [\"missing-%d\"]\n", i, i)
	}
	start := time.Now()
	_, diags := Parse([]File{{Path: "d/debate.toml", Data: []byte(manifest)}, {Path: "d/experts/a.toml", Data: []byte(b.String())}}, Options{})
	if errs, _ := diags.Count(); errs != 5000 {
		t.Errorf("%d errors; want 5000", errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("5,000 dangling references took %v; want well under 5 s", d)
	}
}
