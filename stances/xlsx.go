package stances

import (
	"io"
	"strings"
	"time"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbooks.
const (
	SheetStances   = "Stances"
	SheetAgreement = "Agreement"
	SheetPairs     = "Pairs"
	SheetLegend    = "Legend"
)

// Number formats of position cells: the value stays a number from -2 to 2 (so that sums and
// averages work, and an empty cell is "not addressed", never 0), shown signed, mixed as ~, and
// with * when inferred.
const (
	positionFormat = `+0;-0;~`
	inferredFormat = `+0\*;-0\*;~\*`
)

// book builds a workbook, keeping the first error so that the steps read straight.
type book struct {
	m        *Matrix
	f        *excelize.File
	err      error
	header   int
	text     int
	position [5][2]int // [position+2][inferred]
	share    [5]int    // agreement shares by bucket, as percentages
	expert   map[string]int
	sheets   int
}

func newBook(m *Matrix) *book {
	b := &book{m: m, f: excelize.NewFile(), expert: map[string]int{}}
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
		b.share[p+2] = b.style(&excelize.Style{
			Fill:      solid(PositionColor(p)),
			Font:      &excelize.Font{Color: strings.TrimPrefix(positionInk(p), "#")},
			Alignment: &excelize.Alignment{Horizontal: "center"},
			NumFmt:    9, // 0%
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

// sheet starts a sheet: the workbook's first sheet is renamed, later ones added.
func (b *book) sheet(name string) {
	if b.sheets == 0 {
		b.check(b.f.SetSheetName("Sheet1", name))
	} else {
		_, err := b.f.NewSheet(name)
		b.check(err)
	}
	b.sheets++
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row) // col, row >= 1 here
	return s
}

// set writes a value (a string is always text, never a formula) with a style (0: none).
func (b *book) set(sheet string, col, row int, v any, style int) {
	if b.err != nil {
		return
	}
	c := cellName(col, row)
	switch v := v.(type) {
	case string:
		b.check(b.f.SetCellStr(sheet, c, v))
	case nil:
	default:
		b.check(b.f.SetCellValue(sheet, c, v))
	}
	if style != 0 {
		b.check(b.f.SetCellStyle(sheet, c, c, style))
	}
}

func (b *book) width(sheet string, col int, w float64) {
	name, err := excelize.ColumnNumberToName(col)
	b.check(err)
	if err == nil {
		b.check(b.f.SetColWidth(sheet, name, name, w))
	}
}

func (b *book) freeze(sheet string, cols, rows int) {
	if cols == 0 && rows == 0 {
		return
	}
	b.check(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows,
		TopLeftCell: cellName(cols+1, rows+1), ActivePane: "bottomRight"}))
}

func (b *book) headerRow(sheet string, cells ...string) {
	for i, c := range cells {
		b.set(sheet, i+1, 1, c, b.header)
	}
}

func (b *book) stanceCell(sheet string, col, row int, s *argmap.Stance) {
	if s == nil {
		return // empty: not addressed
	}
	k := 0
	if s.Inferred {
		k = 1
	}
	b.set(sheet, col, row, int(clampPos(s.Position)), b.position[clampPos(s.Position)+2][k])
}

func (b *book) expertName(sheet string, col, row int, e *argmap.Expert) {
	b.set(sheet, col, row, e.Name, b.expert[b.m.d.ExpertColor(e.ID)])
}

func (b *book) stances() {
	m, sh := b.m, SheetStances
	b.sheet(sh)
	experts, props := m.Experts(), m.Propositions()
	if !m.transpose {
		b.headerRow(sh, "expert", "name")
		for j, p := range props {
			b.set(sh, 3+j, 1, p.ID, b.header)
		}
		for i, e := range experts {
			b.set(sh, 1, 2+i, e.ID, 0)
			b.expertName(sh, 2, 2+i, e)
			for j := range props {
				b.stanceCell(sh, 3+j, 2+i, m.Cell(i, j))
			}
		}
		b.width(sh, 2, 24)
	} else {
		b.headerRow(sh, "proposition", "text")
		for i, e := range experts {
			b.set(sh, 3+i, 1, e.ID, b.expert[m.d.ExpertColor(e.ID)])
		}
		for j, p := range props {
			b.set(sh, 1, 2+j, p.ID, 0)
			b.set(sh, 2, 2+j, p.Text, b.text)
			for i := range experts {
				b.stanceCell(sh, 3+i, 2+j, m.Cell(i, j))
			}
		}
		b.width(sh, 2, 60)
	}
	b.width(sh, 1, 24)
	b.freeze(sh, 2, 1)
}

func (b *book) agreement() {
	m, sh := b.m, SheetAgreement
	b.sheet(sh)
	b.headerRow(sh, "expert", "name")
	for x, i := range m.rows {
		b.set(sh, 3+x, 1, m.experts[i].ID, b.header)
	}
	for y, i := range m.rows {
		b.set(sh, 1, 2+y, m.experts[i].ID, 0)
		b.expertName(sh, 2, 2+y, m.experts[i])
		for x, j := range m.rows {
			if i == j {
				continue
			}
			if p := m.pairOf(i, j); p.Agreement.OK {
				b.set(sh, 3+x, 2+y, round4(p.Agreement.Value), b.share[agreementPosition(p.Agreement.Value)+2])
			}
		}
	}
	b.width(sh, 1, 16)
	b.width(sh, 2, 24)
	b.freeze(sh, 2, 1)

	sh = SheetPairs
	b.sheet(sh)
	b.headerRow(sh, "a", "b", "shared", "agree", "differ", "oppose", "agreement", "distance", "kappa", "note")
	for r, p := range m.Pairs() {
		row := []any{p.A.ID, p.B.ID, p.Shared, p.Agree, p.Differ, p.Oppose, xlsxFigure(p.Agreement), xlsxFigure(p.Distance), xlsxFigure(p.Kappa), p.Note}
		for c, v := range row {
			b.set(sh, 1+c, 2+r, v, 0)
		}
	}
	b.freeze(sh, 0, 1)
}

func xlsxFigure(f Figure) any {
	if !f.OK {
		return nil
	}
	return round4(f.Value)
}

func (b *book) legend(stances bool) {
	m, sh := b.m, SheetLegend
	b.sheet(sh)
	row := 1
	if stances {
		b.headerRow(sh, "cell", "position", "meaning")
		for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
			row++
			b.set(sh, 1, row, int(p), b.position[p+2][0])
			b.set(sh, 2, row, label(p), 0)
			b.set(sh, 3, row, words(p)+" ("+PositionColor(p)+")", 0)
		}
		row++
		b.set(sh, 1, row, 1, b.position[argmap.Agree+2][1])
		b.set(sh, 3, row, "italic with *: inferred (implied rather than stated)", 0)
		row++
		b.set(sh, 3, row, "empty: not addressed (never 0)", 0)
	} else {
		b.headerRow(sh, "agreement", "", "meaning")
		for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
			row++
			share := [...]float64{0.1, 0.3, 0.5, 0.7, 0.9}[p+2]
			b.set(sh, 1, row, share, b.share[p+2])
			b.set(sh, 3, row, [...]string{"20% or less", "21-40%", "41-59%", "60-79%", "80% or more"}[p+2]+
				" of shared propositions on the same side", 0)
		}
		row++
		b.set(sh, 3, row, "empty: no shared proposition", 0)
		row++
		b.set(sh, 3, row, agreementLegend, 0)
	}
	row += 2
	b.set(sh, 1, row, "expert", b.header)
	b.set(sh, 2, row, "name", b.header)
	b.set(sh, 3, row, "role", b.header)
	b.set(sh, 4, row, "affiliation", b.header)
	for _, e := range m.Experts() {
		row++
		b.set(sh, 1, row, e.ID, 0)
		b.expertName(sh, 2, row, e)
		b.set(sh, 3, row, e.Role, 0)
		b.set(sh, 4, row, e.Affiliation, 0)
	}
	if stances {
		row += 2
		b.set(sh, 1, row, "proposition", b.header)
		b.set(sh, 2, row, "tags", b.header)
		b.set(sh, 3, row, "text", b.header)
		for _, p := range m.Propositions() {
			row++
			b.set(sh, 1, row, p.ID, 0)
			b.set(sh, 2, row, strings.Join(p.Tags, ", "), 0)
			b.set(sh, 3, row, p.Text, 0)
		}
	}
	b.width(sh, 1, 28)
	b.width(sh, 2, 24)
	b.width(sh, 3, 80)
}

func (b *book) write(w io.Writer) error {
	defer b.f.Close()
	if b.err != nil {
		return b.err
	}
	b.f.SetActiveSheet(0)
	_, err := b.f.WriteTo(w)
	return err
}

// WriteXLSX writes the matrix as an Excel workbook: sheet Stances (positions as numbers -2 to
// 2 on coloured fills, shown +2 +1 ~ -1 -2, italic with * when inferred, empty when not
// addressed; names on their expert's colour), Agreement and Pairs (as WriteAgreementXLSX),
// and Legend (the scale, the experts and the propositions). The bytes are the same for the
// same matrix: the document's timestamps are the debate's date.
func (m *Matrix) WriteXLSX(w io.Writer) error {
	b := newBook(m)
	b.stances()
	b.agreement()
	b.legend(true)
	return b.write(w)
}

// WriteAgreementXLSX writes the expert × expert agreement as an Excel workbook: sheet
// Agreement (the share of shared propositions on the same side, coloured), Pairs (every
// figure of every pair; an absent figure is an empty cell) and Legend.
func (m *Matrix) WriteAgreementXLSX(w io.Writer) error {
	b := newBook(m)
	b.agreement()
	b.legend(false)
	return b.write(w)
}
