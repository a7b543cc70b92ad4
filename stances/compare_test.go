package stances

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
)

func TestCompareSeed(t *testing.T) {
	m := New(seed(t), Options{})
	c, err := m.Compare("kadhim", "pfaff")
	if err != nil {
		t.Fatal(err)
	}
	props := func(list []Shared) []string {
		var out []string
		for _, s := range list {
			out = append(out, s.Proposition.ID)
		}
		return out
	}
	singles := func(list []Single) []string {
		var out []string
		for _, s := range list {
			out = append(out, s.Proposition.ID)
		}
		return out
	}
	checks := []struct {
		what      string
		got, want []string
	}{
		{"Agree", props(c.Agree), []string{"withdrawal-benefits-iran"}},
		{"Differ", props(c.Differ), []string{"military-retaliation"}},
		{"Oppose", props(c.Oppose), []string{"condition-aid-on-iraq", "iraq-shares-responsibility"}},
		{"OnlyA", singles(c.OnlyA), []string{"de-escalate-diplomacy"}},
		{"OnlyB", singles(c.OnlyB), []string{"iran-behind-attack", "withdrawal-harms-iraq"}},
	}
	for _, ch := range checks {
		if !slices.Equal(ch.got, ch.want) {
			t.Errorf("Compare(kadhim, pfaff).%s = %v; want %v", ch.what, ch.got, ch.want)
		}
	}

	// The policy proposition condition-aid-on-iraq is opposed; iraq-shares-responsibility is
	// not a policy. Then kadhim's attacks on pfaff's recommendations, then pfaff's attack on
	// kadhim's recommendation.
	var got []string
	for _, x := range c.Conflicts {
		side := func(s Side) string {
			var refs []string
			for _, cl := range s.Claims {
				refs = append(refs, cl.Ref)
			}
			for _, p := range s.Premises {
				refs = append(refs, fmt.Sprintf("%d:%s", p.Depth, p.Claim.Ref))
			}
			return strings.Join(refs, " ")
		}
		head := ""
		if x.Proposition != nil {
			head = "policy " + x.Proposition.ID
		} else {
			head = x.From.Ref + " -> " + x.To.Ref
		}
		got = append(got, head+" | "+side(x.A)+" | "+side(x.B))
	}
	want := []string{
		// kadhim's evidence: punishing-iraq-mistake, hard-bargaining-welcomed, support-reforms;
		// only the last is a recommendation. pfaff's: aid-contingent is the recommendation.
		"policy condition-aid-on-iraq | kadhim/support-reforms 1:kadhim/reforms-address-root | " +
			"pfaff/aid-contingent 1:pfaff/unreasonable-partner 1:pfaff/investment-not-worthwhile 1:pfaff/iraqis-depend-on-us 1:pfaff/vassal-risk 2:pfaff/proxies-in-security-forces",
		"kadhim/hard-bargaining-welcomed -> pfaff/force-iraqs-hand | kadhim/hard-bargaining-welcomed 1:kadhim/anti-us-camp-wants-breakdown | " +
			"pfaff/force-iraqs-hand 1:pfaff/december-backfired 1:pfaff/untenable-both 1:pfaff/iraq-cannot-alone 1:pfaff/iraqis-depend-on-us",
		"kadhim/punishing-iraq-mistake -> pfaff/aid-contingent | kadhim/punishing-iraq-mistake 1:kadhim/iraq-drawn-in | " +
			"pfaff/aid-contingent 1:pfaff/unreasonable-partner 1:pfaff/investment-not-worthwhile 1:pfaff/iraqis-depend-on-us 1:pfaff/vassal-risk 2:pfaff/proxies-in-security-forces",
		"pfaff/investment-not-worthwhile -> kadhim/support-reforms | kadhim/support-reforms 1:kadhim/reforms-address-root | " +
			"pfaff/investment-not-worthwhile 1:pfaff/proxies-in-security-forces",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Compare(kadhim, pfaff).Conflicts =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c.Pair.A.ID != "kadhim" || c.Pair.Shared != 4 {
		t.Errorf("Compare(kadhim, pfaff).Pair = %s, %d shared; want kadhim, 4", c.Pair.A.ID, c.Pair.Shared)
	}
}

func TestCompareErrors(t *testing.T) {
	m := New(seed(t), Options{})
	tests := []struct{ a, b, want string }{
		{"kadhm", "pfaff", `no expert "kadhm" (did you mean "kadhim"?)`},
		{"kadhim", "nobody", `no expert "nobody"`},
		{"hof", "hof", `cannot compare expert "hof" with itself`},
	}
	for _, tt := range tests {
		_, err := m.Compare(tt.a, tt.b)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Compare(%s, %s) = %v; want %s", tt.a, tt.b, err, tt.want)
		}
	}
}

// TestPremiseDepth follows support two steps back and no further, each claim once.
func TestPremiseDepth(t *testing.T) {
	files := []argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = \"T\"\n\n[[propositions]]\nid = \"act\"\ntext = \"Act.\"\ntags = [\"policy\"]\n")},
		{Path: "d/experts/a.toml", Data: []byte(`id = "a"
name = "A"

[[claims]]
id = "deep"
kind = "premise"
text = "Three steps back."
supports = ["far"]

[[claims]]
id = "far"
kind = "premise"
text = "Two steps back."
supports = ["near", "near2"]

[[claims]]
id = "near"
kind = "premise"
text = "One step back."
supports = ["rec"]

[[claims]]
id = "near2"
kind = "premise"
text = "Also one step back."
supports = ["rec"]

[[claims]]
id = "rec"
kind = "recommendation"
text = "Act."

[[stances]]
proposition = "act"
position = "agree"
evidence = ["rec"]
`)},
		{Path: "d/experts/b.toml", Data: []byte(`id = "b"
name = "B"

[[claims]]
id = "no"
kind = "recommendation"
text = "Do not act."
attacks = ["a/rec"]

[[stances]]
proposition = "act"
position = "strongly-disagree"
evidence = ["no"]
`)},
	}
	c, err := New(parse(t, files), Options{}).Compare("a", "b")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 2 {
		t.Fatalf("Compare(a, b) has %d conflicts; want 2 (the policy stance and the attack)", len(c.Conflicts))
	}
	var got []string
	for _, p := range c.Conflicts[0].A.Premises {
		got = append(got, fmt.Sprintf("%d:%s", p.Depth, p.Claim.ID))
	}
	if want := []string{"1:near", "1:near2", "2:far"}; !slices.Equal(got, want) {
		t.Errorf("Compare(a, b).Conflicts[0].A.Premises = %v; want %v", got, want)
	}
	if x := c.Conflicts[1]; x.From.Ref != "b/no" || x.To.Ref != "a/rec" || x.A.Claims[0].Ref != "a/rec" || x.B.Claims[0].Ref != "b/no" {
		t.Errorf("Compare(a, b).Conflicts[1] = %s attacks %s with sides %s, %s; want b/no attacks a/rec, sides a/rec, b/no",
			x.From.Ref, x.To.Ref, x.A.Claims[0].Ref, x.B.Claims[0].Ref)
	}
}
