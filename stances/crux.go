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

// Crux is a proposition on which the experts who address it take different sides.
type Crux struct {
	PropositionStats
	// Agree, Mixed and Disagree are the voices on each side, strongest position first, then
	// in file order.
	Agree, Mixed, Disagree []Voice
}

// Cruxes returns the divided propositions (see [Divided]), most divisive first; ties go to
// the proposition more experts address, then to file order.
func (m *Matrix) Cruxes() []Crux {
	var out []Crux
	for j, st := range m.pstats {
		if st.Consensus != Divided {
			continue
		}
		c := Crux{PropositionStats: st}
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
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Crux) int {
		if c := cmp.Compare(b.Divisiveness, a.Divisiveness); c != 0 {
			return c
		}
		return cmp.Compare(b.Addressed, a.Addressed)
	})
	return out
}
