package matrix

import (
	"io"
	"strings"
	"time"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/argmap-dev/argmap/stances"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbooks.
const (
	SheetStances      = "Stances"
	SheetAgreement    = "Agreement"
	SheetPairs        = "Pairs"
	SheetPropositions = "Propositions"
	SheetLegend       = "Legend"
)

// Number formats of position cells: the value stays a number from -2 to 2 (so that sums and
// averages work, and an empty cell is "not addressed", never 0), shown signed, mixed as ~, and
// with * when inferred.
const (
	positionFormat = `+0;-0;~`
	inferredFormat = `+0\*;-0\*;~\*`
)

// book builds a workbook, keeping the first error so that the steps read straight. Every
// sheet is written row by row with excelize's StreamWriter, so that a panel of hundreds of
// experts (124,750 pairs) is not first built as a tree of cells in memory.
type book struct {
	m        *Writer
	f        *excelize.File
	err      error
	header   int
	text     int
	position [5][2]int // [position+2][inferred]
	share    [5][2]int // agreement shares by bucket, as percentages: [bucket][few shared]
	expert   map[string]int
}

func newBook(m *Writer, sheets ...string) *book {
	b := &book{m: m, f: excelize.NewFile(), expert: map[string]int{}}
	b.f.SetZipWriter(newOrderedZip)
	b.header = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	b.text = b.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	for p := argmap.StronglyDisagree; p <= argmap.StronglyAgree; p++ {
		for k, format := range []string{positionFormat, inferredFormat} {
			b.position[p+2][k] = b.style(&excelize.Style{
				Fill:         solid(PositionColor(p)),
				Font:         &excelize.Font{Color: strings.TrimPrefix(positionInk(p), "#"), Bold: p == argmap.StronglyAgree || p == argmap.StronglyDisagree, Italic: k == 1},
				Alignment:    &excelize.Alignment{Horizontal: "center"},
				CustomNumFmt: &format,
			})
		}
		b.share[p+2][0] = b.style(&excelize.Style{
			Fill:      solid(PositionColor(p)),
			Font:      &excelize.Font{Color: strings.TrimPrefix(positionInk(p), "#")},
			Alignment: &excelize.Alignment{Horizontal: "center"},
			NumFmt:    9, // 0%
		})
		// A pair that shares too few propositions: faded and italic, as in the heat map.
		b.share[p+2][1] = b.style(&excelize.Style{
			Fill:      solid(dotlabel.Tint(PositionColor(p), 0.3)),
			Font:      &excelize.Font{Color: "555555", Italic: true},
			Alignment: &excelize.Alignment{Horizontal: "center"},
			NumFmt:    9,
		})
	}
	for _, e := range m.experts {
		c := m.d.ExpertColor(e.ID)
		if _, ok := b.expert[c]; !ok {
			b.expert[c] = b.style(&excelize.Style{Fill: solid(c)})
		}
	}
	// A fixed timestamp (the debate's date, or 1980-01-01) keeps the bytes the same from run
	// to run.
	stamp := "1980-01-01T00:00:00Z"
	if t, err := time.Parse(time.DateOnly, m.d.Date); err == nil {
		stamp = t.Format(time.RFC3339)
	}
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title: oneLine(m.d.Title), Creator: "argmap", LastModifiedBy: "argmap", Created: stamp, Modified: stamp,
	}))
	for i, name := range sheets {
		if i == 0 {
			b.check(b.f.SetSheetName("Sheet1", name))
		} else {
			_, err := b.f.NewSheet(name)
			b.check(err)
		}
	}
	return b
}

func solid(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(hex, "#")}}
}

func (b *book) check(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

// sheet streams the rows of one sheet.
type sheet struct {
	b   *book
	sw  *excelize.StreamWriter
	row int // the last row written
}

// stream starts writing a sheet made by newBook: column widths (1-based column: width) and
// frozen columns and rows come first, as the StreamWriter wants them.
func (b *book) stream(name string, widths map[int]float64, freezeCols, freezeRows int) *sheet {
	s := &sheet{b: b}
	if b.err != nil {
		return s
	}
	sw, err := b.f.NewStreamWriter(name)
	if b.check(err); err != nil {
		return s
	}
	s.sw = sw
	for col := 1; col <= 8; col++ {
		if w, ok := widths[col]; ok {
			b.check(sw.SetColWidth(col, col, w))
		}
	}
	if freezeCols > 0 || freezeRows > 0 {
		b.check(sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: freezeRows,
			TopLeftCell: cellName(freezeCols+1, freezeRows+1), ActivePane: "bottomRight"}))
	}
	return s
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row) // col, row >= 1 here
	return s
}

// add writes the next row. A cell is nil (empty), a string (always text, never a formula), a
// number, or an excelize.Cell with a style.
func (s *sheet) add(cells ...any) {
	s.row++
	if s.b.err != nil || s.sw == nil {
		return
	}
	s.b.check(s.sw.SetRow(cellName(1, s.row), cells))
}

// skip leaves n rows empty.
func (s *sheet) skip(n int) { s.row += n }

func (s *sheet) close() {
	if s.b.err == nil && s.sw != nil {
		s.b.check(s.sw.Flush())
	}
}

func styled(v any, style int) any { return excelize.Cell{StyleID: style, Value: v} }

func (b *book) headers(cells ...string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = styled(c, b.header)
	}
	return out
}

func (b *book) stanceCell(s *argmap.Stance) any {
	if s == nil {
		return nil // empty: not addressed
	}
	k := 0
	if s.Inferred {
		k = 1
	}
	return styled(int(clampPos(s.Position)), b.position[clampPos(s.Position)+2][k])
}

func (b *book) expertName(e *argmap.Expert) any {
	return styled(e.Name, b.expert[b.m.d.ExpertColor(e.ID)])
}

func (b *book) stances() {
	m := b.m
	experts, props := m.mx.Experts(), m.mx.Propositions()
	if !m.transpose {
		s := b.stream(SheetStances, map[int]float64{1: 24, 2: 24}, 2, 1)
		head := b.headers("expert", "name")
		for _, p := range props {
			head = append(head, styled(p.ID, b.header))
		}
		s.add(head...)
		row := make([]any, 2+len(props))
		for i, e := range experts {
			row[0], row[1] = e.ID, b.expertName(e)
			for j := range props {
				row[2+j] = b.stanceCell(m.mx.Cell(i, j))
			}
			s.add(row...)
		}
		s.close()
		return
	}
	s := b.stream(SheetStances, map[int]float64{1: 24, 2: 60}, 2, 1)
	head := b.headers("proposition", "text")
	for _, e := range experts {
		head = append(head, styled(e.ID, b.expert[m.d.ExpertColor(e.ID)]))
	}
	s.add(head...)
	row := make([]any, 2+len(experts))
	for j, p := range props {
		row[0], row[1] = p.ID, styled(p.Text, b.text)
		for i := range experts {
			row[2+i] = b.stanceCell(m.mx.Cell(i, j))
		}
		s.add(row...)
	}
	s.close()
}

func (b *book) agreement() {
	m := b.m
	s := b.stream(SheetAgreement, map[int]float64{1: 16, 2: 24}, 2, 1)
	head := b.headers("expert", "name")
	for _, i := range m.rows {
		head = append(head, styled(m.experts[i].ID, b.header))
	}
	s.add(head...)
	row := make([]any, 2+len(m.rows))
	for _, i := range m.rows {
		row[0], row[1] = m.experts[i].ID, b.expertName(m.experts[i])
		for x, j := range m.rows {
			row[2+x] = nil
			if i == j {
				continue
			}
			if p := m.pairOf(i, j); p.Agreement.OK {
				few := 0
				if p.Shared < stances.MinShared {
					few = 1
				}
				row[2+x] = styled(stances.Round(p.Agreement.Value, 4), b.share[agreementPosition(p.Agreement.Value)+2][few])
			}
		}
		s.add(row...)
	}
	s.close()

	s = b.stream(SheetPairs, nil, 0, 1)
	s.add(b.headers("a", "b", "shared", "agree", "differ", "oppose", "agreement", "distance", "kappa", "note")...)
	n := len(m.rows)
	for x := range n {
		for y := x + 1; y < n; y++ {
			p := m.pairOf(m.rows[x], m.rows[y])
			var note any
			if p.Note != "" {
				note = p.Note
			}
			s.add(p.A.ID, p.B.ID, p.Shared, p.Agree, p.Differ, p.Oppose, xlsxFigure(p.Agreement), xlsxFigure(p.Distance), xlsxFigure(p.Kappa), note)
		}
	}
	s.close()
}

func (b *book) propositions() {
	s := b.stream(SheetPropositions, map[int]float64{1: 28}, 1, 1)
	s.add(b.headers("proposition", "addressed", "agree", "mixed", "disagree", "mean", "consensus", "divisiveness")...)
	for _, st := range b.m.mx.PropositionStats() {
		s.add(st.Proposition.ID, st.Addressed, st.Agree, st.Mixed, st.Disagree, xlsxFigure(st.Mean), st.Consensus, stances.Round(st.Divisiveness, 4))
	}
	s.close()
}

func xlsxFigure(f stances.Figure) any {
	if !f.OK {
		return nil
	}
	return stances.Round(f.Value, 4)
}

func (b *book) legend(stances bool) {
	m := b.m
	s := b.stream(SheetLegend, map[int]float64{1: 28, 2: 24, 3: 80}, 0, 0)
	if stances {
		s.add(b.headers("cell", "position", "meaning")...)
		for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
			s.add(styled(int(p), b.position[p+2][0]), label(p), words(p)+" ("+PositionColor(p)+")")
		}
		s.add(styled(1, b.position[argmap.Agree+2][1]), nil, "italic with *: inferred (implied rather than stated)")
		s.add(nil, nil, "empty: not addressed (never 0)")
	} else {
		s.add(b.headers("agreement", "", "meaning")...)
		for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
			share := [...]float64{0.1, 0.3, 0.5, 0.7, 0.9}[p+2]
			s.add(styled(share, b.share[p+2][0]), nil, [...]string{"0-20%", "20-40%", "40-60%", "60-80%", "80-100%"}[p+2]+
				" of shared propositions on the same side (a share on a bound takes the colour farther from 50%)")
		}
		s.add(styled(1.0, b.share[argmap.StronglyAgree+2][1]), nil, "faded and italic: the two share fewer than 3 propositions")
		s.add(nil, nil, "empty: no shared proposition")
		s.add(nil, nil, agreementLegend)
	}
	s.skip(1)
	s.add(b.headers("expert", "name", "role", "affiliation")...)
	for _, e := range m.mx.Experts() {
		s.add(e.ID, b.expertName(e), e.Role, e.Affiliation)
	}
	if stances {
		s.skip(1)
		s.add(b.headers("proposition", "tags", "text")...)
		for _, p := range m.mx.Propositions() {
			s.add(p.ID, strings.Join(p.Tags, ", "), p.Text)
		}
	}
	s.close()
}

func (b *book) write(w io.Writer) error {
	defer b.f.Close()
	if b.err != nil {
		return b.err
	}
	// The first sheet is the active one already; SetActiveSheet would read every streamed
	// sheet back.
	_, err := b.f.WriteTo(w)
	return err
}

// WriteXLSX writes the matrix as an Excel workbook: sheet Stances (positions as numbers -2 to
// 2 on coloured fills, shown +2 +1 ~ -1 -2, italic with * when inferred, empty when not
// addressed; names on their expert's colour), Agreement and Pairs (as WriteAgreementXLSX),
// Propositions (each proposition's statistics, consensus and divisiveness) and Legend (the
// scale, the experts and the propositions). The bytes are the same for the same matrix: the
// document's timestamps are the debate's date.
func (m *Writer) WriteXLSX(w io.Writer) error {
	b := newBook(m, SheetStances, SheetAgreement, SheetPairs, SheetPropositions, SheetLegend)
	b.stances()
	b.agreement()
	b.propositions()
	b.legend(true)
	return b.write(w)
}

// WriteAgreementXLSX writes the expert × expert agreement as an Excel workbook: sheet
// Agreement (the share of shared propositions on the same side, coloured; faded and italic
// when the two share fewer than stances.MinShared), Pairs (every figure of every pair; an absent
// figure is an empty cell) and Legend.
func (m *Writer) WriteAgreementXLSX(w io.Writer) error {
	b := newBook(m, SheetAgreement, SheetPairs, SheetLegend)
	b.agreement()
	b.legend(false)
	return b.write(w)
}
