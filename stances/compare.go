package stances

import (
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
)

// PolicyTag was the tag that marked the propositions that call for action.
//
// Deprecated: a proposition's kind says so (argmap.Proposition.IsPolicy), which also reads
// this tag in old debates.
const PolicyTag = "policy"

// PremiseDepth is how far Compare follows support back from a recommendation: 1 is the
// claims that support it directly, 2 adds the claims that support those.
const PremiseDepth = 2

// Comparison is what separates and unites two experts.
type Comparison struct {
	A, B *argmap.Expert
	Pair Pair
	// Agree, Differ and Oppose are the shared propositions on which the two take the same
	// side, exactly one is mixed, and they take opposite sides, in file order.
	Agree, Differ, Oppose []Shared
	// OnlyA and OnlyB are the propositions only one of them addresses, in file order.
	OnlyA, OnlyB []Single
	// Conflicts are their opposing recommendations: first opposite stances on policy
	// propositions in file order, then attacks between their claims that involve a
	// recommendation, A's attacks first, each in claim order.
	Conflicts []Conflict
	// Attacks are every direct attack between the two experts' claims, whatever the kinds of
	// the claims: A's claims attacking B's first, then B's attacking A's, in claim order.
	Attacks []Attack
}

// Attack is a claim of one expert that attacks a claim of the other.
type Attack struct {
	From, To *argmap.Claim
}

// Shared is a proposition both experts address, with their stances.
type Shared struct {
	Proposition *argmap.Proposition
	A, B        *argmap.Stance
}

// Single is a proposition only one of the two experts addresses, with that expert's stance.
type Single struct {
	Proposition *argmap.Proposition
	Stance      *argmap.Stance
}

// Conflict is one place where the two experts' recommendations oppose: either opposite
// stances on a policy proposition (Proposition is set), or a claim of one attacking a claim
// of the other where at least one of the two is a recommendation (From and To are set).
type Conflict struct {
	Proposition *argmap.Proposition
	From, To    *argmap.Claim
	A, B        Side
}

// Side is one expert's part in a conflict.
type Side struct {
	// Stance is the expert's stance on the policy proposition; nil for an attack.
	Stance *argmap.Stance
	// Claims are, for a policy proposition, the recommendations among the stance's evidence
	// (all of its evidence when none is a recommendation); for an attack, the expert's claim
	// that attacks or is attacked.
	Claims []*argmap.Claim
	// Premises are the claims that support Claims, up to PremiseDepth steps back, nearest
	// first.
	Premises []Premise
}

// Premise is a claim behind a side, Depth support steps away from it.
type Premise struct {
	Claim *argmap.Claim
	Depth int
}

// Compare compares the experts with ids a and b.
func (m *Matrix) Compare(a, b string) (*Comparison, error) {
	ids := make([]string, len(m.experts))
	for i, e := range m.experts {
		ids[i] = e.ID
	}
	find := func(id string) (int, error) {
		i, ok := m.eIndex[id]
		if !ok {
			if s := argmap.Suggest(id, ids); s != "" {
				return 0, fmt.Errorf("no expert %q (did you mean %q?)", id, s)
			}
			return 0, fmt.Errorf("no expert %q", id)
		}
		return i, nil
	}
	i, err := find(a)
	if err != nil {
		return nil, err
	}
	j, err := find(b)
	if err != nil {
		return nil, err
	}
	if i == j {
		return nil, fmt.Errorf("cannot compare expert %q with itself", a)
	}
	c := &Comparison{A: m.experts[i], B: m.experts[j], Pair: m.pairOf(i, j)}
	for k, p := range m.props {
		sa, sb := m.cells[i][k], m.cells[j][k]
		switch {
		case sa == nil && sb == nil:
		case sb == nil:
			c.OnlyA = append(c.OnlyA, Single{p, sa})
		case sa == nil:
			c.OnlyB = append(c.OnlyB, Single{p, sb})
		default:
			sh := Shared{p, sa, sb}
			x, y := sign(int32(sa.Position)), sign(int32(sb.Position))
			switch {
			case x == y:
				c.Agree = append(c.Agree, sh)
			case x == 0 || y == 0:
				c.Differ = append(c.Differ, sh)
			default:
				c.Oppose = append(c.Oppose, sh)
			}
		}
	}
	sup := m.supporters()
	for _, sh := range c.Oppose {
		if !sh.Proposition.IsPolicy() {
			continue
		}
		c.Conflicts = append(c.Conflicts, Conflict{
			Proposition: sh.Proposition,
			A:           m.policySide(sh.A, sup),
			B:           m.policySide(sh.B, sup),
		})
	}
	attacks := func(x, y *argmap.Expert, xFirst bool) {
		for _, from := range x.Claims {
			for _, ref := range from.Attacks {
				to, ok := m.d.Claim(ref)
				if !ok || to.Expert != y.ID {
					continue
				}
				c.Attacks = append(c.Attacks, Attack{From: from, To: to})
				if from.Kind != argmap.Recommendation && to.Kind != argmap.Recommendation {
					continue
				}
				sx := Side{Claims: []*argmap.Claim{from}, Premises: premises([]*argmap.Claim{from}, sup)}
				sy := Side{Claims: []*argmap.Claim{to}, Premises: premises([]*argmap.Claim{to}, sup)}
				if !xFirst {
					sx, sy = sy, sx
				}
				c.Conflicts = append(c.Conflicts, Conflict{From: from, To: to, A: sx, B: sy})
			}
		}
	}
	attacks(c.A, c.B, true)
	attacks(c.B, c.A, false)
	return c, nil
}

// supporters maps each claim reference to the claims that support it, in file order.
func (m *Matrix) supporters() map[string][]*argmap.Claim {
	sup := map[string][]*argmap.Claim{}
	for _, e := range m.experts {
		for _, c := range e.Claims {
			for _, ref := range c.Supports {
				sup[ref] = append(sup[ref], c)
			}
		}
	}
	return sup
}

func (m *Matrix) policySide(s *argmap.Stance, sup map[string][]*argmap.Claim) Side {
	side := Side{Stance: s}
	var all []*argmap.Claim
	for _, ref := range s.Evidence {
		c, ok := m.d.Claim(ref)
		if !ok {
			continue
		}
		all = append(all, c)
		if c.Kind == argmap.Recommendation {
			side.Claims = append(side.Claims, c)
		}
	}
	if len(side.Claims) == 0 {
		side.Claims = all
	}
	side.Premises = premises(side.Claims, sup)
	return side
}

// premises returns the claims that support the given ones, breadth first up to PremiseDepth
// steps, each once, leaving out the given claims.
func premises(claims []*argmap.Claim, sup map[string][]*argmap.Claim) []Premise {
	seen := map[string]bool{}
	for _, c := range claims {
		seen[c.Ref] = true
	}
	var out []Premise
	level := claims
	for depth := 1; depth <= PremiseDepth && len(level) > 0; depth++ {
		var nextLevel []*argmap.Claim
		for _, c := range level {
			for _, s := range sup[c.Ref] {
				if seen[s.Ref] {
					continue
				}
				seen[s.Ref] = true
				out = append(out, Premise{s, depth})
				nextLevel = append(nextLevel, s)
			}
		}
		level = nextLevel
	}
	return out
}
