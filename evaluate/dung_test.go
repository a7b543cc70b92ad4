package evaluate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fw builds a framework from "a>b" pairs over single-letter arguments a, b, c, ...
func fw(n int, attacks string) *Framework {
	var pairs [][2]int
	for _, p := range strings.Fields(attacks) {
		pairs = append(pairs, [2]int{int(p[0] - 'a'), int(p[2] - 'a')})
	}
	return NewFramework(n, pairs)
}

func labelString(ls []Label) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteByte("UIO"[l])
	}
	return b.String()
}

func extString(exts [][]int) string {
	var parts []string
	for _, e := range exts {
		var s strings.Builder
		for _, a := range e {
			s.WriteByte(byte('a' + a))
		}
		parts = append(parts, "{"+s.String()+"}")
	}
	return strings.Join(parts, " ")
}

func TestTextbookFrameworks(t *testing.T) {
	cases := []struct {
		name      string
		n         int
		attacks   string
		grounded  string // one letter per argument: I in, O out, U undecided
		preferred string
	}{
		{"no attacks", 3, "", "III", "{abc}"},
		{"reinstatement chain", 3, "b>a c>b", "IOI", "{ac}"},
		{"long chain", 5, "b>a c>b d>c e>d", "IOIOI", "{ace}"},
		{"even cycle (Nixon diamond)", 2, "a>b b>a", "UU", "{a} {b}"},
		{"odd cycle", 3, "a>b b>c c>a", "UUU", "{}"},
		{"self-attack", 1, "a>a", "U", "{}"},
		{"self-attacker attacks another", 2, "a>a a>b", "UU", "{}"},
		{"unattacked defeats a self-attacker's victim", 3, "a>a a>b c>a", "OII", "{bc}"},
		{"odd cycle attacks an outsider", 4, "a>b b>c c>a c>d", "UUUU", "{}"},
		// Dung 1995: two arguments attacking each other and both attacking a third, which
		// attacks a fourth: the fourth is in every preferred extension but not grounded.
		{"floating reinstatement", 4, "a>b b>a a>c b>c c>d", "UUUU", "{ad} {bd}"},
		{"even cycle with a defender", 3, "a>b b>a c>b", "IOI", "{ac}"},
	}
	for _, c := range cases {
		f := fw(c.n, c.attacks)
		if got := labelString(f.Grounded()); got != c.grounded {
			t.Errorf("%s: grounded %s, want %s", c.name, got, c.grounded)
		}
		pref, err := f.Preferred()
		if err != nil {
			t.Fatal(err)
		}
		if got := extString(pref); got != c.preferred {
			t.Errorf("%s: preferred %s, want %s", c.name, got, c.preferred)
		}
	}
}

// bruteForce computes the grounded extension as the least fixed point of the characteristic
// function and the preferred extensions by checking every subset.
func bruteForce(f *Framework) (grounded []bool, preferred [][]int) {
	n := f.N()
	defends := func(s []bool, a int) bool {
		for _, b := range f.Attackers[a] {
			ok := false
			for _, c := range f.Attackers[b] {
				ok = ok || s[c]
			}
			if !ok {
				return false
			}
		}
		return true
	}
	g := make([]bool, n)
	for {
		next := make([]bool, n)
		for a := range n {
			next[a] = defends(g, a)
		}
		if slices.Equal(next, g) {
			break
		}
		g = next
	}
	var adm [][]int
	for mask := 0; mask < 1<<n; mask++ {
		s := make([]bool, n)
		for a := range n {
			s[a] = mask&(1<<a) != 0
		}
		ok := true
		for a := range n {
			for _, b := range f.Attackers[a] {
				if s[a] && s[b] {
					ok = false
				}
			}
			if s[a] && !defends(s, a) {
				ok = false
			}
		}
		if ok {
			adm = append(adm, members(s))
		}
	}
	for i, s := range adm {
		max := true
		for j, t := range adm {
			if i != j && len(t) > len(s) && subset(s, t) {
				max = false
			}
		}
		if max {
			preferred = append(preferred, s)
		}
	}
	slices.SortFunc(preferred, slices.Compare)
	return g, preferred
}

func TestAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		n := 1 + r.IntN(8)
		var pairs [][2]int
		for a := range n {
			for b := range n {
				if r.Float64() < 0.25 {
					pairs = append(pairs, [2]int{a, b})
				}
			}
		}
		f := NewFramework(n, pairs)
		wantG, wantP := bruteForce(f)
		g := f.Grounded()
		for a := range n {
			if (g[a] == In) != wantG[a] {
				t.Fatalf("framework %d %v: grounded %s, brute force in-set %v", i, pairs, labelString(g), wantG)
			}
			// Out is exactly "attacked by the grounded extension".
			attacked := false
			for _, b := range f.Attackers[a] {
				attacked = attacked || wantG[b]
			}
			if (g[a] == Out) != attacked {
				t.Fatalf("framework %d %v: %c labelled %s", i, pairs, 'a'+a, g[a])
			}
		}
		p, err := f.Preferred()
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(p) != fmt.Sprint(wantP) {
			t.Fatalf("framework %d %v: preferred %v, brute force %v", i, pairs, p, wantP)
		}
	}
}

func TestFavouring(t *testing.T) {
	// An even cycle: favouring a puts a in and b out; favouring b the other way.
	f := fw(3, "a>b b>a b>c")
	if got := labelString(f.Favouring([]int{0})); got != "IOI" {
		t.Errorf("favouring a: %s, want IOI (c reinstated)", got)
	}
	if got := labelString(f.Favouring([]int{1})); got != "OIO" {
		t.Errorf("favouring b: %s, want OIO", got)
	}
	// A favoured argument attacked by an in argument stays out.
	if got := labelString(fw(2, "b>a").Favouring([]int{0})); got != "OI" {
		t.Errorf("favouring a beaten claim: %s", got)
	}
	// An odd cycle: favouring a makes it in, c out, b in? b is attacked by a (in): out.
	if got := labelString(fw(3, "a>b b>c c>a").Favouring([]int{0})); got != "IOU" {
		t.Errorf("favouring in an odd cycle: %s, want IOU", got)
	}
}

func TestPreferredRefusesHugeSearch(t *testing.T) {
	// MaxUndecided+2 arguments in one even cycle each... pairs of mutual attacks.
	var pairs [][2]int
	n := 2 * (MaxUndecided/2 + 1)
	for a := 0; a < n; a += 2 {
		pairs = append(pairs, [2]int{a, a + 1}, [2]int{a + 1, a})
	}
	if _, err := NewFramework(n, pairs).Preferred(); err == nil {
		t.Errorf("no error for %d undecided arguments", n)
	}
}

func BenchmarkGrounded10000(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 10000
	var pairs [][2]int
	for range n / 4 { // a debate's density: a quarter as many attacks as claims
		pairs = append(pairs, [2]int{r.IntN(n), r.IntN(n)})
	}
	f := NewFramework(n, pairs)
	for b.Loop() {
		f.Grounded()
	}
}
