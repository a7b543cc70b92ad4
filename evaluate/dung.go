// Package evaluate asks which arguments of a debate still stand, treating each claim as an
// argument. (See docs/evaluate.md.)
//
// Three semantics are offered:
//
//   - support (the default): a bipolar framework with necessary support (see [Bipolar]). A
//     premise stands unless defeated; a conclusion or recommendation that has reasons
//     stands only while one of them stands and it is not defeated. Labels: in, defeated,
//     unsupported, undecided.
//   - grounded: Dung's (1995) most sceptical labelling over the attacks alone. A claim is in
//     when every claim attacking it is out, out when some claim attacking it is in, and
//     undecided otherwise (in a cycle of attacks that nothing settles). Linear time.
//   - preferred: the maximal admissible sets (a set is admissible when no member attacks
//     another and it counter-attacks every attacker of its members). Each preferred
//     extension is one coherent position a reader may take; every one of them contains the
//     grounded extension. Computed by backtracking over the claims the grounded labelling
//     leaves undecided, which is exponential in their number in the worst case: the search
//     refuses frameworks with more than MaxUndecided such claims.
package evaluate

import (
	"errors"
	"fmt"
	"slices"
)

// Label is a claim's status in a labelling.
type Label int8

// The labels.
const (
	Undecided Label = iota
	In
	Out         // grounded and preferred: an attacker is in
	Defeated    // support: an attacker stands
	Unsupported // support: every reason fell
)

func (l Label) String() string {
	return [...]string{"undecided", "in", "out", "defeated", "unsupported"}[l]
}

// MarshalText writes the label's name.
func (l Label) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Framework is an abstract argumentation framework over arguments 0..N-1: Attackers[a] lists
// the arguments that attack a.
type Framework struct {
	Attackers [][]int
	targets   [][]int
}

// NewFramework makes a framework of n arguments from attack pairs (from, to).
func NewFramework(n int, attacks [][2]int) *Framework {
	f := &Framework{Attackers: make([][]int, n), targets: make([][]int, n)}
	for _, a := range attacks {
		f.Attackers[a[1]] = append(f.Attackers[a[1]], a[0])
		f.targets[a[0]] = append(f.targets[a[0]], a[1])
	}
	return f
}

// N returns the number of arguments.
func (f *Framework) N() int { return len(f.Attackers) }

// Grounded returns the grounded labelling, in time linear in arguments and attacks.
func (f *Framework) Grounded() []Label {
	n := f.N()
	labels := make([]Label, n)
	alive := make([]int, n) // attackers not yet out
	var queue []int
	for a := range n {
		alive[a] = len(f.Attackers[a])
		if alive[a] == 0 {
			queue = append(queue, a)
		}
	}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		if labels[a] != Undecided {
			continue
		}
		labels[a] = In
		for _, t := range f.targets[a] {
			if labels[t] != Undecided {
				continue
			}
			labels[t] = Out
			for _, u := range f.targets[t] {
				alive[u]--
				if alive[u] == 0 && labels[u] == Undecided {
					queue = append(queue, u)
				}
			}
		}
	}
	return labels
}

// MaxUndecided bounds the preferred-extension search: the claims the grounded labelling
// leaves undecided are tried in and out, so the work can double with each.
const MaxUndecided = 24

// ErrTooHard is returned when the preferred-extension search would be too big.
var ErrTooHard = errors.New("too many claims in unsettled cycles of attack for the preferred semantics")

// Preferred returns the preferred extensions, each sorted, in lexicographic order.
func (f *Framework) Preferred() ([][]int, error) {
	g := f.Grounded()
	var base, open []int
	for a, l := range g {
		switch l {
		case In:
			base = append(base, a)
		case Undecided:
			open = append(open, a)
		}
	}
	if len(open) > MaxUndecided {
		return nil, fmt.Errorf("%w (%d; at most %d)", ErrTooHard, len(open), MaxUndecided)
	}
	in := make([]bool, f.N())
	for _, a := range base {
		in[a] = true
	}
	var admissible [][]int
	var try func(i int)
	try = func(i int) {
		if i == len(open) {
			if f.admissible(in) {
				admissible = append(admissible, members(in))
			}
			return
		}
		a := open[i]
		if !f.attacksWith(a, in) && !f.Attacks(a, a) {
			in[a] = true
			try(i + 1)
			in[a] = false
		}
		try(i + 1)
	}
	try(0)
	// Keep the maximal ones.
	var out [][]int
	for i, s := range admissible {
		maximal := true
		for j, t := range admissible {
			if i != j && len(t) > len(s) && subset(s, t) {
				maximal = false
				break
			}
		}
		if maximal {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, slices.Compare)
	return slices.CompactFunc(out, slices.Equal), nil
}

// Attacks reports whether a attacks b.
func (f *Framework) Attacks(a, b int) bool { return slices.Contains(f.Attackers[b], a) }

// attacksWith reports whether a attacks or is attacked by a member of the set.
func (f *Framework) attacksWith(a int, in []bool) bool {
	for _, b := range f.Attackers[a] {
		if in[b] {
			return true
		}
	}
	for _, t := range f.targets[a] {
		if in[t] {
			return true
		}
	}
	return false
}

// admissible reports whether a conflict-free set defends each of its members.
func (f *Framework) admissible(in []bool) bool {
	for a, ok := range in {
		if !ok {
			continue
		}
		for _, b := range f.Attackers[a] {
			defended := false
			for _, c := range f.Attackers[b] {
				if in[c] {
					defended = true
					break
				}
			}
			if !defended {
				return false
			}
		}
	}
	return true
}

func members(in []bool) []int {
	var s []int
	for a, ok := range in {
		if ok {
			s = append(s, a)
		}
	}
	return s
}

// subset reports whether sorted s is a subset of sorted t.
func subset(s, t []int) bool {
	j := 0
	for _, x := range s {
		for j < len(t) && t[j] < x {
			j++
		}
		if j == len(t) || t[j] != x {
			return false
		}
	}
	return true
}

// Favouring returns the grounded labelling extended in favour of some arguments: each of
// them that is still undecided is assumed in, in the order given, unless an argument that is
// in by then attacks it, and the labelling is propagated after each (what it attacks is out;
// what is then defended is in).
func (f *Framework) Favouring(favoured []int) []Label {
	labels := f.Grounded()
	for _, a := range favoured {
		if labels[a] != Undecided || f.Attacks(a, a) {
			continue
		}
		attackedByIn := false
		for _, b := range f.Attackers[a] {
			attackedByIn = attackedByIn || labels[b] == In
		}
		if attackedByIn {
			continue
		}
		labels[a] = In
		f.propagate(labels, []int{a})
	}
	return labels
}

// propagate spreads new in labels: their undecided targets go out, and undecided arguments
// whose attackers are then all out come in, unless they attack an argument that is in.
func (f *Framework) propagate(labels []Label, newIn []int) {
	queue := newIn
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		for _, t := range f.targets[a] {
			if labels[t] != Undecided {
				continue
			}
			labels[t] = Out
			for _, u := range f.targets[t] {
				if labels[u] != Undecided {
					continue
				}
				allOut := true
				for _, b := range f.Attackers[u] {
					allOut = allOut && labels[b] == Out
				}
				for _, v := range f.targets[u] {
					allOut = allOut && labels[v] != In // never in against an assumed claim
				}
				if allOut {
					labels[u] = In
					queue = append(queue, u)
				}
			}
		}
	}
}
