package stances

import (
	"encoding/json"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/argmap-dev/argmap/argmap"
)

// MinShared is the number of shared propositions a pair of experts needs for Kappa; a pair
// that shares fewer (but at least one) is noted "few shared propositions".
const MinShared = 3

// Notes on a pair whose figures are partly or wholly absent.
const (
	NoteNoShared    = "no shared propositions"
	NoteFewShared   = "few shared propositions"
	NoteNoVariation = "no variation" // an expert gives one position on every shared proposition
)

// Figure is a statistic that may be undefined (a division by zero, too little data). An
// undefined figure is never NaN: OK is false and JSON writes null.
type Figure struct {
	Value float64
	OK    bool
}

func figure(v float64) Figure { return Figure{Value: v, OK: true} }

// MarshalJSON writes the value rounded to 4 decimal places, or null.
func (f Figure) MarshalJSON() ([]byte, error) {
	if !f.OK || math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(round4(f.Value))
}

// Format writes the value with the given number of decimals, or "—" when undefined.
func (f Figure) Format(decimals int) string {
	if !f.OK {
		return "—"
	}
	return strconv.FormatFloat(Round(f.Value, decimals), 'f', decimals, 64)
}

// Percent writes the value as a whole percentage, or "—".
func (f Figure) Percent() string {
	if !f.OK {
		return "—"
	}
	return strconv.FormatFloat(Round(100*f.Value, 0), 'f', 0, 64) + "%"
}

// Round rounds v to the given number of decimal places, never to -0: the figures of every
// output are rounded by it.
func Round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func round4(v float64) float64 { return Round(v, 4) }

// sums are the integer sums over the propositions two experts both address (or the experts
// two propositions share) from which every pair figure follows exactly.
type sums struct {
	n, same, differ, oppose int32
	abs                     int32 // Σ|a-b|
	sq                      int32 // Σ(a-b)²
	sa, sb, saa, sbb        int32 // Σa, Σb, Σa², Σb²
}

// tri returns the index of pair (i, j), i < j, in an upper triangle of n items.
func tri(n, i, j int) int { return i*n - i*(i+1)/2 + j - i - 1 }

// pairSums returns the sums of every pair of rows, upper triangle in row order. For each row
// i it walks i's cells and, for each, the later rows that fill the same column, counting the
// joint distribution of positions of i and every later row (work: the sum over columns of
// the square of their filled cells, not rows² × columns); the sums are read from it. Rows are
// shared out among GOMAXPROCS workers; each pair has its own slot, so the result does not
// depend on timing.
func (g *grid) pairSums() []sums {
	n := g.rows
	out := make([]sums, n*(n-1)/2)
	row := func(i int, h [][25]int32) {
		for e, c := range g.byRow[i] {
			x := int(c.v+2) * 5
			for _, r := range g.byCol[c.at][g.colPos[i][e]+1:] {
				h[r.at][x+int(r.v+2)]++
			}
		}
		for j := i + 1; j < n; j++ {
			out[tri(n, i, j)] = fromJoint(&h[j])
			h[j] = [25]int32{}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), n/64)
	if workers < 2 {
		h := make([][25]int32, n)
		for i := range n {
			row(i, h)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			h := make([][25]int32, n)
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				row(i, h)
			}
		})
	}
	wg.Wait()
	return out
}

// fromJoint reads the sums from a joint distribution: h[5x+y] counts the cells where the
// first row holds position x-2 and the second y-2.
func fromJoint(h *[25]int32) sums {
	var s sums
	var rx, cy [5]int32 // margins: how often each row takes each position
	for x := int32(0); x < 5; x++ {
		for y := int32(0); y < 5; y++ {
			c := h[5*x+y]
			d := x - y
			s.sq += c * d * d
			s.abs += c * max(d, -d)
			rx[x] += c
			cy[y] += c
		}
	}
	for v := int32(0); v < 5; v++ {
		p := v - 2
		s.n += rx[v]
		s.sa += rx[v] * p
		s.sb += cy[v] * p
		s.saa += rx[v] * p * p
		s.sbb += cy[v] * p * p
	}
	// Positions 0 and 1 are disagree, 2 mixed, 3 and 4 agree.
	s.same = h[0] + h[1] + h[5] + h[6] + h[12] + h[18] + h[19] + h[23] + h[24]
	s.oppose = h[3] + h[4] + h[8] + h[9] + h[15] + h[16] + h[20] + h[21]
	s.differ = s.n - s.same - s.oppose
	return s
}

func sign(x int32) int32 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// distances returns the full n × n clustering distance matrix of the pairs: (Σ|a-b|/4 + 1/2)
// / (n+1) over the n shared cells; 1/2 for a pair that shares none.
func distances(n int, pairs []sums) []float64 {
	d := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := pairs[tri(n, i, j)]
			v := float64(s.abs+2) / float64(4*(s.n+1))
			d[i*n+j], d[j*n+i] = v, v
		}
	}
	return d
}

// Pair is the agreement of two experts over the propositions both address. A comes before B
// in the order the pair was asked for.
type Pair struct {
	A, B *argmap.Expert
	// Shared is how many propositions both address; Agree, Differ and Oppose split them into
	// same side, exactly one mixed, and opposite sides.
	Shared, Agree, Differ, Oppose int
	// Agreement is Agree/Shared.
	Agreement Figure
	// Distance is the mean absolute difference of positions, 0 to 4.
	Distance Figure
	// Kappa is the quadratic-weighted Cohen's kappa; see the package documentation.
	Kappa Figure
	// Note says why a figure is absent (NoteNoShared, NoteFewShared, NoteNoVariation), or is "".
	Note string
}

// pair computes the figures of the sums of experts a and b.
func pair(a, b *argmap.Expert, s sums) Pair {
	p := Pair{A: a, B: b, Shared: int(s.n), Agree: int(s.same), Differ: int(s.differ), Oppose: int(s.oppose)}
	if s.n == 0 {
		p.Note = NoteNoShared
		return p
	}
	n := float64(s.n)
	p.Agreement = figure(float64(s.same) / n)
	p.Distance = figure(float64(s.abs) / n)
	if s.n < MinShared {
		p.Note = NoteFewShared
		return p
	}
	// Kappa = 1 - O/E with O = Σ(a-b)²/n and E = (1/n²)ΣᵢΣⱼ(aᵢ-bⱼ)² = (nΣa² + nΣb² -
	// 2ΣaΣb)/n². Each expert varies exactly when n·Σx² > (Σx)², and then E > 0.
	na, nb := int64(s.n)*int64(s.saa)-int64(s.sa)*int64(s.sa), int64(s.n)*int64(s.sbb)-int64(s.sb)*int64(s.sb)
	if na <= 0 || nb <= 0 {
		p.Note = NoteNoVariation
		return p
	}
	e := int64(s.n)*int64(s.saa) + int64(s.n)*int64(s.sbb) - 2*int64(s.sa)*int64(s.sb)
	p.Kappa = figure(1 - float64(int64(s.n)*int64(s.sq))/float64(e))
	return p
}

// Pairs returns the agreement of every pair of experts, each pair once, A before B in display
// order, in display order.
func (m *Matrix) Pairs() []Pair {
	n := len(m.rows)
	out := make([]Pair, 0, n*(n-1)/2)
	for x := 0; x < n; x++ {
		for y := x + 1; y < n; y++ {
			out = append(out, m.pairOf(m.rows[x], m.rows[y]))
		}
	}
	return out
}

// Pair returns the agreement of the experts with ids a and b (in that order); ok is false when
// either is unknown or they are the same expert.
func (m *Matrix) Pair(a, b string) (p Pair, ok bool) {
	i, ok1 := m.eIndex[a]
	j, ok2 := m.eIndex[b]
	if !ok1 || !ok2 || i == j {
		return Pair{}, false
	}
	return m.pairOf(i, j), true
}

// PairAt returns the pair of experts i and j, as indices into Debate().Experts, A being i.
// It panics when i or j is out of range or i == j.
func (m *Matrix) PairAt(i, j int) Pair { return m.pairOf(i, j) }

// pairOf returns the pair of experts i and j (file indices), A being i.
func (m *Matrix) pairOf(i, j int) Pair {
	if i < j {
		return pair(m.experts[i], m.experts[j], m.pairs[tri(len(m.experts), i, j)])
	}
	s := m.pairs[tri(len(m.experts), j, i)]
	s.sa, s.sb, s.saa, s.sbb = s.sb, s.sa, s.sbb, s.saa
	return pair(m.experts[i], m.experts[j], s)
}

// Consensus values of a proposition.
const (
	ConsensusAgree    = "agree"    // everyone who addresses it agrees
	ConsensusDisagree = "disagree" // everyone who addresses it disagrees
	ConsensusMixed    = "mixed"    // everyone who addresses it is mixed
	Divided           = "divided"  // they take different sides
	TooFew            = "too-few"  // fewer than two address it
)

// PropositionStats describes how a proposition divides the experts who address it.
type PropositionStats struct {
	Proposition *argmap.Proposition
	// Addressed is how many experts take a stance on it; Agree, Mixed and Disagree split them
	// by side.
	Addressed, Agree, Mixed, Disagree int
	// Mean is the mean position, absent when nobody addresses it.
	Mean Figure
	// Consensus is ConsensusAgree, ConsensusDisagree, ConsensusMixed, Divided or TooFew.
	Consensus string
	// Divisiveness is the population variance of positions divided by 4: 0 to 1, and 0 when
	// fewer than two address it.
	Divisiveness float64
}

func (m *Matrix) propositionStats() []PropositionStats {
	out := make([]PropositionStats, len(m.props))
	for j, p := range m.props {
		st := PropositionStats{Proposition: p, Consensus: TooFew}
		var sum, sq int
		for i := range m.experts {
			s := m.cells[i][j]
			if s == nil {
				continue
			}
			x := int(s.Position)
			st.Addressed++
			sum += x
			sq += x * x
			switch {
			case x > 0:
				st.Agree++
			case x < 0:
				st.Disagree++
			default:
				st.Mixed++
			}
		}
		n := st.Addressed
		if n > 0 {
			st.Mean = figure(float64(sum) / float64(n))
		}
		if n >= 2 {
			st.Divisiveness = float64(n*sq-sum*sum) / float64(4*n*n)
			switch n {
			case st.Agree:
				st.Consensus = ConsensusAgree
			case st.Disagree:
				st.Consensus = ConsensusDisagree
			case st.Mixed:
				st.Consensus = ConsensusMixed
			default:
				st.Consensus = Divided
			}
		}
		out[j] = st
	}
	return out
}

// PropositionStats returns the statistics of every proposition, in display order.
func (m *Matrix) PropositionStats() []PropositionStats {
	out := make([]PropositionStats, len(m.cols))
	for k, j := range m.cols {
		out[k] = m.pstats[j]
	}
	return out
}
