package stances

import (
	"cmp"
	"slices"

	"github.com/argmap-dev/argmap/argmap"
)

// Voice is one expert's stance in a list of who stands where.
type Voice struct {
	Expert *argmap.Expert
	Stance *argmap.Stance
}

// Crux is a proposition with the voices on each side: a crux when they take different sides,
// a consensus when they all take one.
type Crux struct {
	PropositionStats
	// Agree, Mixed and Disagree are the voices on each side, strongest position first, then
	// in file order.
	Agree, Mixed, Disagree []Voice
}

// voices returns the statistics of the j-th proposition (file order) with its voices.
func (m *Matrix) voices(j int) Crux {
	c := Crux{PropositionStats: m.pstats[j]}
	for i, e := range m.experts {
		s := m.cells[i][j]
		switch {
		case s == nil:
		case s.Position > 0:
			c.Agree = append(c.Agree, Voice{e, s})
		case s.Position < 0:
			c.Disagree = append(c.Disagree, Voice{e, s})
		default:
			c.Mixed = append(c.Mixed, Voice{e, s})
		}
	}
	// Stable sorts keep file order among equal positions.
	slices.SortStableFunc(c.Agree, func(a, b Voice) int { return cmp.Compare(b.Stance.Position, a.Stance.Position) })
	slices.SortStableFunc(c.Disagree, func(a, b Voice) int { return cmp.Compare(a.Stance.Position, b.Stance.Position) })
	return c
}

// Cruxes returns the divided propositions (see [Divided]), most divisive first; ties go to
// the proposition more experts address, then to file order.
func (m *Matrix) Cruxes() []Crux {
	var out []Crux
	for j, st := range m.pstats {
		if st.Consensus == Divided {
			out = append(out, m.voices(j))
		}
	}
	slices.SortStableFunc(out, func(a, b Crux) int {
		if c := cmp.Compare(b.Divisiveness, a.Divisiveness); c != 0 {
			return c
		}
		return cmp.Compare(b.Addressed, a.Addressed)
	})
	return out
}

// Consensus returns the propositions on which everyone who addresses them, two or more,
// takes one side (ConsensusAgree, ConsensusDisagree or ConsensusMixed), the one more experts
// address first, then in file order.
func (m *Matrix) Consensus() []Crux {
	var out []Crux
	for j, st := range m.pstats {
		if st.Consensus != Divided && st.Consensus != TooFew {
			out = append(out, m.voices(j))
		}
	}
	slices.SortStableFunc(out, func(a, b Crux) int { return cmp.Compare(b.Addressed, a.Addressed) })
	return out
}

// TooFew returns the statistics of the propositions fewer than two experts address, in file
// order: neither crux nor consensus.
func (m *Matrix) TooFew() []PropositionStats {
	var out []PropositionStats
	for _, st := range m.pstats {
		if st.Consensus == TooFew {
			out = append(out, st)
		}
	}
	return out
}
