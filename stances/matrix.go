package stances

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/argmap"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Order is how the rows (experts) and columns (propositions) of a matrix are ordered.
type Order string

// The orders.
const (
	ByFile    Order = "file"    // the debate's file order
	ByName    Order = "name"    // experts by family name (see SortKey), propositions by id
	ByCluster Order = "cluster" // hierarchical clustering, so that coalitions show as blocks
)

// Orders lists the valid orders, the default first.
func Orders() []Order { return []Order{ByCluster, ByFile, ByName} }

// ParseOrder reads an order's name; "" is the default, cluster.
func ParseOrder(s string) (Order, error) {
	if s == "" {
		return ByCluster, nil
	}
	for _, o := range Orders() {
		if string(o) == s {
			return o, nil
		}
	}
	names := make([]string, 0, 3)
	for _, o := range Orders() {
		names = append(names, string(o))
	}
	return "", fmt.Errorf("unknown order %q: want one of %s", s, strings.Join(names, ", "))
}

// Options tune a matrix.
type Options struct {
	// Order orders rows and columns; "" (and any name ParseOrder rejects) means ByCluster.
	Order Order
	// Transpose makes the writers put propositions in rows and experts in columns.
	Transpose bool
}

// Matrix is the experts × propositions stance matrix of a debate, with the pairwise
// agreement of its experts and the statistics of its propositions. New computes everything;
// a Matrix is read-only afterwards and safe for concurrent use.
type Matrix struct {
	d         *argmap.Debate
	order     Order
	transpose bool

	experts []*argmap.Expert      // file order
	props   []*argmap.Proposition // file order
	eIndex  map[string]int
	pIndex  map[string]int
	cells   [][]*argmap.Stance // [expert][proposition], file order
	rows    []int              // experts in display order: indices into experts
	cols    []int              // propositions in display order: indices into props
	pairs   []sums             // expert pairs, upper triangle in file order
	pstats  []PropositionStats // file order
}

// New builds the stance matrix of d. A nil debate gives an empty matrix.
func New(d *argmap.Debate, opt Options) *Matrix {
	if d == nil {
		d = &argmap.Debate{}
	}
	order, err := ParseOrder(string(opt.Order))
	if err != nil {
		order = ByCluster
	}
	m := &Matrix{
		d:         d,
		order:     order,
		transpose: opt.Transpose,
		experts:   d.Experts,
		props:     d.Propositions,
		eIndex:    make(map[string]int, len(d.Experts)),
		pIndex:    make(map[string]int, len(d.Propositions)),
	}
	for i, p := range m.props {
		m.pIndex[p.ID] = i
	}
	rows := make([][]entry, len(m.experts))
	m.cells = make([][]*argmap.Stance, len(m.experts))
	for i, e := range m.experts {
		m.eIndex[e.ID] = i
		m.cells[i] = make([]*argmap.Stance, len(m.props))
		for _, s := range e.Stances {
			j, ok := m.pIndex[s.Proposition]
			if !ok || m.cells[i][j] != nil {
				continue // not in a validated debate
			}
			m.cells[i][j] = s
			rows[i] = append(rows[i], entry{int32(j), int8(clampPos(s.Position))})
		}
		slices.SortFunc(rows[i], func(a, b entry) int { return int(a.at - b.at) })
	}
	byExpert := newGrid(len(m.experts), len(m.props), rows)
	m.pairs = byExpert.pairSums()
	m.pstats = m.propositionStats()

	m.rows = identity(len(m.experts))
	m.cols = identity(len(m.props))
	switch order {
	case ByName:
		m.rows = byName(m.experts)
		slices.SortStableFunc(m.cols, func(a, b int) int { return strings.Compare(m.props[a].ID, m.props[b].ID) })
	case ByCluster:
		m.rows = averageLinkage(len(m.experts), distances(len(m.experts), m.pairs))
		byProp := byExpert.transposed()
		m.cols = averageLinkage(len(m.props), distances(len(m.props), byProp.pairSums()))
	}
	return m
}

// byName returns the indices of the experts sorted by SortKey, then by full name, then by
// id, in the language-neutral Unicode collation (case and accents matter last, so "Élise"
// sorts with "Elise", not after "Z").
func byName(experts []*argmap.Expert) []int {
	col := collate.New(language.Und, collate.IgnoreCase)
	var buf collate.Buffer
	type key struct{ family, full []byte }
	keys := make([]key, len(experts))
	for i, e := range experts {
		keys[i] = key{
			append([]byte(nil), col.KeyFromString(&buf, SortKey(e))...),
			append([]byte(nil), col.KeyFromString(&buf, e.Name)...),
		}
		buf.Reset()
	}
	ix := identity(len(experts))
	slices.SortStableFunc(ix, func(a, b int) int {
		if c := bytes.Compare(keys[a].family, keys[b].family); c != 0 {
			return c
		}
		if c := bytes.Compare(keys[a].full, keys[b].full); c != 0 {
			return c
		}
		return strings.Compare(experts[a].ID, experts[b].ID)
	})
	return ix
}

// nameSuffixes are the words after a family name that SortKey skips.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true}

// SortKey is what the name order sorts an expert by: their sort_name when given, else the
// family name taken as the last word of their name, leaving out a parenthesis, punctuation
// and suffixes such as "Jr." or "III" ("C. Anthony Pfaff" sorts as "Pfaff", "Martin Luther
// King Jr." as "King"); their id when the name has no letters.
func SortKey(e *argmap.Expert) string {
	if e.SortName != "" {
		return e.SortName
	}
	name := e.Name
	if i := strings.IndexByte(name, '('); i > 0 { // "Shibley Telhami (شبلي تلحمي)"
		name = name[:i]
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	for k := len(words) - 1; k >= 0; k-- {
		w := strings.TrimFunc(words[k], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if w == "" || (nameSuffixes[strings.ToLower(w)] && k > 0) {
			continue
		}
		return w
	}
	return e.ID
}

func identity(n int) []int {
	ix := make([]int, n)
	for i := range ix {
		ix[i] = i
	}
	return ix
}

// Debate returns the debate the matrix was built from.
func (m *Matrix) Debate() *argmap.Debate { return m.d }

// Order returns the order of rows and columns.
func (m *Matrix) Order() Order { return m.order }

// Transposed reports whether the writers put propositions in rows.
func (m *Matrix) Transposed() bool { return m.transpose }

// Experts returns the experts in display order.
func (m *Matrix) Experts() []*argmap.Expert {
	out := make([]*argmap.Expert, len(m.rows))
	for k, i := range m.rows {
		out[k] = m.experts[i]
	}
	return out
}

// Propositions returns the propositions in display order.
func (m *Matrix) Propositions() []*argmap.Proposition {
	out := make([]*argmap.Proposition, len(m.cols))
	for k, j := range m.cols {
		out[k] = m.props[j]
	}
	return out
}

// Cell returns the stance of the i-th expert of Experts on the j-th proposition of
// Propositions, or nil when that expert does not address it.
func (m *Matrix) Cell(i, j int) *argmap.Stance { return m.cells[m.rows[i]][m.cols[j]] }

// Stance returns an expert's stance on a proposition by their ids, or nil when the expert
// does not address it or either id is unknown.
func (m *Matrix) Stance(expert, proposition string) *argmap.Stance {
	i, ok := m.eIndex[expert]
	j, ok2 := m.pIndex[proposition]
	if !ok || !ok2 {
		return nil
	}
	return m.cells[i][j]
}

// RowOrder returns the display order of the experts, as indices into Debate().Experts.
func (m *Matrix) RowOrder() []int { return slices.Clone(m.rows) }

// ColumnOrder returns the display order of the propositions, as indices into
// Debate().Propositions.
func (m *Matrix) ColumnOrder() []int { return slices.Clone(m.cols) }

func clampPos(p argmap.Position) argmap.Position { return min(max(p, -2), 2) }

// entry is a filled cell of a grid seen from its row (at is the column) or from its
// column (at is the row).
type entry struct {
	at int32
	v  int8 // the position, -2..2
}

// grid is a sparse matrix of positions: each row's filled cells by column, each column's
// filled cells by row, and where each row's cell sits in its column's list.
type grid struct {
	rows, cols int
	byRow      [][]entry
	byCol      [][]entry
	colPos     [][]int32 // colPos[i][e]: the index of byRow[i][e] in its column's list
}

// newGrid builds a grid from each row's cells, sorted by column, each column once.
func newGrid(rows, cols int, byRow [][]entry) *grid {
	g := &grid{rows: rows, cols: cols, byRow: byRow, byCol: make([][]entry, cols), colPos: make([][]int32, rows)}
	for i, row := range byRow {
		g.colPos[i] = make([]int32, len(row))
		for e, c := range row {
			g.colPos[i][e] = int32(len(g.byCol[c.at]))
			g.byCol[c.at] = append(g.byCol[c.at], entry{int32(i), c.v})
		}
	}
	return g
}

func (g *grid) transposed() *grid { return newGrid(g.cols, g.rows, g.byCol) }
