package matrix

import (
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// Writer writes one stance matrix (stances.Matrix) in the formats: the matrix, its agreement
// table, its cruxes and consensus, as text, Markdown, CSV, HTML, JSON, xlsx and pictures.
// It reads the matrix only; a Writer is safe for concurrent use.
type Writer struct {
	mx        *stances.Matrix
	d         *argmap.Debate
	order     stances.Order
	transpose bool

	experts []*argmap.Expert           // file order
	props   []*argmap.Proposition      // file order
	cells   [][]*argmap.Stance         // [expert][proposition], file order
	rows    []int                      // experts in display order: indices into experts
	cols    []int                      // propositions in display order: indices into props
	pstats  []stances.PropositionStats // file order
}

// New returns the writer of mx.
func New(mx *stances.Matrix) *Writer {
	d := mx.Debate()
	w := &Writer{
		mx: mx, d: d, order: mx.Order(), transpose: mx.Transposed(),
		experts: d.Experts, props: d.Propositions,
		rows: mx.RowOrder(), cols: mx.ColumnOrder(),
	}
	w.cells = make([][]*argmap.Stance, len(w.experts))
	for i, e := range w.experts {
		w.cells[i] = make([]*argmap.Stance, len(w.props))
		for j, p := range w.props {
			w.cells[i][j] = mx.Stance(e.ID, p.ID)
		}
	}
	w.pstats = make([]stances.PropositionStats, len(w.props))
	for k, st := range mx.PropositionStats() {
		w.pstats[w.cols[k]] = st
	}
	return w
}

// Matrix returns the matrix the writer writes.
func (m *Writer) Matrix() *stances.Matrix { return m.mx }

// pairOf returns the pair of experts i and j (file indices), A being i.
func (m *Writer) pairOf(i, j int) stances.Pair { return m.mx.PairAt(i, j) }

// expertKey and propKey are the short labels of table columns: E and P with the 1-based
// file-order number, the same whatever the order.
func (m *Writer) expertKey(i int) string { return fmt.Sprintf("E%d", i+1) }
func (m *Writer) propKey(j int) string   { return fmt.Sprintf("P%d", j+1) }
