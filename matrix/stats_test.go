package matrix

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/stances"
)

// TestCompareListsEveryAttack checks that a comparison lists every direct attack between the
// two experts, in both directions, whatever the kinds of the claims (issue 8, item 7).
func TestCompareListsEveryAttack(t *testing.T) {
	m := build(seed(t), stances.Options{})
	tests := []struct {
		a, b string
		want []string
	}{
		{"fontenrose", "kadhim", []string{
			"fontenrose/self-defeating>kadhim/anti-us-camp-wants-breakdown",
			"fontenrose/tacit-approval>kadhim/government-cannot-control",
			"fontenrose/caught-not-victim>kadhim/iraq-drawn-in",
			"kadhim/retaliation-wont-deter>fontenrose/strike-strategic"}},
		{"kadhim", "fontenrose", []string{
			"kadhim/retaliation-wont-deter>fontenrose/strike-strategic",
			"fontenrose/self-defeating>kadhim/anti-us-camp-wants-breakdown",
			"fontenrose/tacit-approval>kadhim/government-cannot-control",
			"fontenrose/caught-not-victim>kadhim/iraq-drawn-in"}},
		{"hof", "slavin", []string{
			"hof/passivity-bred-recklessness>slavin/escalation-irresponsible",
			"hof/tehran-probing>slavin/deterrence-claim-mistaken",
			"slavin/deterrence-claim-mistaken>hof/escalatory-dominance-ended"}},
	}
	for _, tt := range tests {
		c, err := m.Matrix().Compare(tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range c.Attacks {
			got = append(got, x.From.Ref+">"+x.To.Ref)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Compare(%s, %s).Attacks = %v; want %v", tt.a, tt.b, got, tt.want)
		}
		for _, f := range []Format{Table, Markdown, JSON} {
			var b strings.Builder
			if err := WriteComparison(&b, c, f, false); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				from, to, _ := strings.Cut(w, ">")
				if !strings.Contains(b.String(), from) || !strings.Contains(b.String(), to) {
					t.Errorf("Compare(%s, %s) as %s does not name the attack %s on %s", tt.a, tt.b, f, from, to)
				}
			}
		}
	}
}

// TestConsensusListed checks that every output of the cruxes names the consensus and the
// propositions too few experts address, not only the cruxes.
func TestConsensusListed(t *testing.T) {
	// p1 is a crux; p2 a consensus on agree (3 voices), p3 on mixed (2); p4 has one voice, p5 none.
	d := fixture(t, 5,
		"a: ++ + ~ + .",
		"b: -- + ~ . .",
		"c: .  ++ . . .",
	)
	m := build(d, stances.Options{})
	var got []string
	for _, c := range m.Matrix().Consensus() {
		got = append(got, c.Proposition.ID+" "+c.Consensus)
	}
	if want := []string{"p2 agree", "p3 mixed"}; !slices.Equal(got, want) {
		t.Errorf("Consensus() = %v; want %v", got, want)
	}
	got = nil
	for _, st := range m.Matrix().TooFew() {
		got = append(got, st.Proposition.ID)
	}
	if want := []string{"p4", "p5"}; !slices.Equal(got, want) {
		t.Errorf("TooFew() = %v; want %v", got, want)
	}
	for _, f := range []Format{Table, Markdown, JSON} {
		var b strings.Builder
		if err := m.WriteCruxesAs(&b, f, false); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{"p2", "p3", "p4", "p5", "onsensus"} {
			if !strings.Contains(out, want) {
				t.Errorf("WriteCruxesAs(%s) lacks %q:\n%s", f, want, out)
			}
		}
	}
}

// TestWithStatsListsConsensus checks that the matrix with --stats shows each proposition's
// consensus in every format that takes the statistics.
func TestWithStatsListsConsensus(t *testing.T) {
	d := fixture(t, 4,
		"a: ++ + ~ +",
		"b: -- + ~ .",
	)
	m := build(d, stances.Options{Order: stances.ByFile})
	want := map[string]string{"p1": "divided", "p2": "agree", "p3": "mixed", "p4": "too-few"}
	for _, f := range []Format{Table, Markdown, HTML} {
		var b strings.Builder
		if err := m.WriteWithStats(&b, f, false); err != nil {
			t.Fatal(err)
		}
		for id, c := range want {
			found := false
			for _, line := range strings.Split(b.String(), "\n") {
				if regexp.MustCompile(`\b` + id + `\b.*\b` + c + `\b.*\b\d\.\d\d\b`).MatchString(line) {
					found = true
				}
			}
			if !found {
				t.Errorf("WriteWithStats(%s) has no line with %s, consensus %s and its divisiveness:\n%s", f, id, c, b.String())
			}
		}
	}
	for _, f := range []Format{CSV, TSV} {
		if err := m.WriteWithStats(&bytes.Buffer{}, f, false); err == nil {
			t.Errorf("WriteWithStats(%s) = nil; want an error", f)
		}
	}
}

// TestAgreementGridsShowFew checks that the text, Markdown and HTML agreement grids show n and
// flag a pair that shares fewer than MinShared propositions (issue 8, item 5).
func TestAgreementGridsShowFew(t *testing.T) {
	d := fixture(t, 4,
		"a: ++ ++ + ++",
		"b: ++ .  . .",
		"c: ++ ++ + +",
	)
	m := build(d, stances.Options{Order: stances.ByFile})
	for f, want := range map[Format][]string{
		Table:    {"1/1 few", "4/4"},
		Markdown: {"| 1/1 few |", "| 4/4 |"},
		HTML:     {`class="c p2 few" title="Expert A and Expert B: 1 shared`, `class="c p2" title="Expert A and Expert C: 4 shared`},
	} {
		var b strings.Builder
		if err := m.WriteAgreement(&b, f, false); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("WriteAgreement(%s) lacks %q:\n%s", f, w, b.String())
			}
		}
		if strings.Contains(b.String(), "4/4 few") {
			t.Errorf("WriteAgreement(%s) flags a pair that shares 4 propositions as few", f)
		}
	}
}
