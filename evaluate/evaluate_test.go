package evaluate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

func TestEvaluateSeed(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"support", Options{}},
		{"grounded", Options{Semantics: Grounded}},
		{"preferred", Options{Semantics: Preferred}},
		{"grounded-kadhim", Options{Semantics: Grounded, Expert: "kadhim"}},
	} {
		r, err := Evaluate(d, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if n := r.Counts.In + r.Counts.Out + r.Counts.Undecided; n != d.ClaimCount() {
			t.Errorf("%s: %d claims labelled, want %d", c.name, n, d.ClaimCount())
		}
		var text, js bytes.Buffer
		if err := WriteText(&text, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&js, r); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "testdata/"+c.name+".txt", text.Bytes())
		golden.Check(t, "testdata/"+c.name+".json", js.Bytes())
	}
}

// Every claim the grounded labelling puts out is attacked by a claim that is in, and every
// claim in has all its attackers out: the labelling is legal on the real debate.
func TestGroundedIsLegalOnSeed(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	r, _ := Evaluate(d, Options{Semantics: Grounded})
	label := map[string]Label{}
	for _, c := range r.Claims {
		label[c.Ref] = c.Label
	}
	attackers := map[string][]string{}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			for _, to := range c.Attacks {
				attackers[to] = append(attackers[to], c.Ref)
			}
		}
	}
	for ref, l := range label {
		in, out := 0, 0
		for _, a := range attackers[ref] {
			switch label[a] {
			case In:
				in++
			case Out:
				out++
			}
		}
		switch {
		case l == In && out != len(attackers[ref]):
			t.Errorf("%s in with an attacker not out", ref)
		case l == Out && in == 0:
			t.Errorf("%s out with no attacker in", ref)
		case l == Undecided && (in > 0 || out == len(attackers[ref])):
			t.Errorf("%s undecided but settled", ref)
		}
	}
}

func TestNoAttacks(t *testing.T) {
	d, diags := argmap.Load("../diff/testdata/old", argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			c.Attacks = nil
		}
	}
	r, err := Evaluate(d, Options{Semantics: Grounded})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	WriteText(&b, r)
	if r.Counts.In != d.ClaimCount() || !strings.Contains(b.String(), "no claim attacks another: every claim is in") {
		t.Errorf("a debate without attacks:\n%s", b.String())
	}
}

func TestEvaluateErrors(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	for _, opt := range []Options{{Semantics: "stable"}, {Semantics: Grounded, Expert: "nobody"}, {Semantics: Preferred, Expert: "hof"},
		{Expert: "hof"}, {Reject: []string{"hof/nothing"}}, {Semantics: Preferred, Accept: []string{"hof/tehran-probing"}},
		{Accept: []string{"hof/tehran-probing"}, Reject: []string{"hof/tehran-probing"}}} {
		if _, err := Evaluate(d, opt); err == nil {
			t.Errorf("Evaluate(%+v): no error", opt)
		}
	}
}

func BenchmarkPreferredSeed(b *testing.B) {
	d := testdebate.Load(b, "../seeds/camp-taji")
	for b.Loop() {
		if _, err := Evaluate(d, Options{Semantics: Preferred}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate3000 evaluates a synthetic debate of 3,000 claims under the default
// (support) semantics: the budget is 50 ms.
func BenchmarkEvaluate3000(b *testing.B) {
	d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: 3000}), argmap.Options{})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	for b.Loop() {
		if _, err := Evaluate(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
