package argmap

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

// suggestBudget bounds the work of "did you mean" hints in one debate: the number of
// edit-distance cells computed beyond each reference's nearest neighbours (about 0.1 s).
// Without it, n dangling references among n claims cost n² comparisons (20,000 of each:
// minutes).
const suggestBudget = 40_000_000

// suggestNeighbours is how many candidates on each side of a misspelt id, in sorted order,
// are always compared with it: a typo after the first letters keeps them.
const suggestNeighbours = 8

// suggester finds the candidate nearest to a misspelt id among many, in bounded time. It
// gives what [Suggest] gives while the shared budget lasts; after that, it compares only
// the sorted neighbours.
type suggester struct {
	sorted []string
	byLen  map[int][]string // the candidates of each length, sorted
	budget *int
}

func newSuggester(candidates []string, budget *int) *suggester {
	s := &suggester{sorted: slices.Sorted(slices.Values(candidates)), byLen: map[int][]string{}, budget: budget}
	for _, c := range s.sorted {
		s.byLen[len(c)] = append(s.byLen[len(c)], c)
	}
	return s
}

func (s *suggester) suggest(q string) string {
	best, bestD := "", -1
	consider := func(c string) {
		limit := max(1, min(len(q), len(c))/3)
		d := editDistanceWithin(q, c, limit)
		if d <= limit && (bestD < 0 || d < bestD || (d == bestD && c < best)) {
			best, bestD = c, d
		}
	}
	i := sort.SearchStrings(s.sorted, q)
	for _, c := range s.sorted[max(0, i-suggestNeighbours):min(len(s.sorted), i+suggestNeighbours)] {
		consider(c)
	}
	// The edit distance is at least the difference in length: only near lengths can be close.
	limit := max(1, len(q)/3)
	for n := max(0, len(q)-limit); n <= len(q)+limit; n++ {
		for _, c := range s.byLen[n] {
			cost := (len(q) + 1) * (len(c) + 1)
			if *s.budget < cost {
				return best
			}
			*s.budget -= cost
			consider(c)
		}
	}
	return best
}

// hint returns a "did you mean" hint for q, or "" when no candidate is close.
func (s *suggester) hint(q string) string {
	if best := s.suggest(q); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return ""
}

// suggesters builds each list's suggester once, sharing one budget.
type suggesters struct {
	budget         int
	experts, props *suggester
	claims         map[*expertDecl]*suggester
}

func (v *validator) expertHints() *suggester {
	if v.hints.experts == nil {
		v.hints.experts = newSuggester(v.expertIDs, &v.hints.budget)
	}
	return v.hints.experts
}

func (v *validator) propHints() *suggester {
	if v.hints.props == nil {
		v.hints.props = newSuggester(v.propIDs, &v.hints.budget)
	}
	return v.hints.props
}

// claimHints returns the suggester of an expert file's claim ids.
func (v *validator) claimHints(x *expertDecl) *suggester {
	s, ok := v.hints.claims[x]
	if !ok {
		s = newSuggester(slices.Collect(maps.Keys(x.ids)), &v.hints.budget)
		v.hints.claims[x] = s
	}
	return s
}
