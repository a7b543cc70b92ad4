package matrix

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// safeCell keeps a text cell from being read as a formula by a spreadsheet: a cell that
// begins with = + - @, a tab or a carriage return gets a leading single quote.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvStance writes a position as its name ("strongly-agree"), with * when inferred, and an
// empty cell when not addressed. Names never begin with a formula character, where the
// symbols (- --, + ++) and the integers (-1, -2) would.
func csvStance(s *argmap.Stance) string {
	if s == nil {
		return ""
	}
	if s.Inferred {
		return label(s.Position) + "*"
	}
	return label(s.Position)
}

func writeCSV(w io.Writer, comma rune, records [][]string) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	for _, r := range records {
		for i := range r {
			r[i] = safeCell(r[i])
		}
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	return cw.Error()
}

// WriteCSV writes the matrix as CSV (comma ',') or TSV (comma '\t', quoted the same way): a
// header of ids, then one row per expert (id, name, then one cell per proposition), or per
// proposition (id, text, then one cell per expert) when transposed. A cell holds the
// position's name, "agree", with * appended when inferred, and is empty when the expert does
// not address the proposition. Text that begins with = + - @, a tab or a carriage return gets
// a leading ' so that spreadsheets do not run it as a formula.
func (m *Writer) WriteCSV(w io.Writer, comma rune) error {
	experts, props := m.mx.Experts(), m.mx.Propositions()
	var records [][]string
	if !m.transpose {
		head := []string{"expert", "name"}
		for _, p := range props {
			head = append(head, p.ID)
		}
		records = append(records, head)
		for i, e := range experts {
			row := []string{e.ID, e.Name}
			for j := range props {
				row = append(row, csvStance(m.mx.Cell(i, j)))
			}
			records = append(records, row)
		}
	} else {
		head := []string{"proposition", "text"}
		for _, e := range experts {
			head = append(head, e.ID)
		}
		records = append(records, head)
		for j, p := range props {
			row := []string{p.ID, p.Text}
			for i := range experts {
				row = append(row, csvStance(m.mx.Cell(i, j)))
			}
			records = append(records, row)
		}
	}
	return writeCSV(w, comma, records)
}

// WriteAgreementCSV writes one row per pair of experts: a, b, shared, agree, differ, oppose,
// agreement (a share, 0-1), distance (0-4), kappa, note. An absent figure is an empty cell.
// Numbers are written as plain decimals (a negative kappa stays a number).
func (m *Writer) WriteAgreementCSV(w io.Writer, comma rune) error {
	records := [][]string{{"a", "b", "shared", "agree", "differ", "oppose", "agreement", "distance", "kappa", "note"}}
	for _, p := range m.mx.Pairs() {
		records = append(records, []string{p.A.ID, p.B.ID, strconv.Itoa(p.Shared), strconv.Itoa(p.Agree),
			strconv.Itoa(p.Differ), strconv.Itoa(p.Oppose), csvFigure(p.Agreement), csvFigure(p.Distance),
			csvFigure(p.Kappa), p.Note})
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	for _, r := range records {
		r[0], r[1], r[9] = safeCell(r[0]), safeCell(r[1]), safeCell(r[9])
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	return cw.Error()
}

func csvFigure(f stances.Figure) string {
	if !f.OK {
		return ""
	}
	return strconv.FormatFloat(stances.Round(f.Value, 4), 'f', -1, 64)
}
