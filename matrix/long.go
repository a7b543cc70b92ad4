package matrix

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// The long ("tidy") form of the matrix: one row per expert and proposition the expert
// addresses, each variable in its own column, the shape pandas, R and pivot tables read
// directly. A pair the expert does not address has no row: "not addressed" is not a position,
// and an empty row would be read as one (or as missing data to impute).

var longHeader = []string{"expert", "name", "proposition", "position", "value", "inferred", "confidence", "quote"}

// longCells calls f with every addressed cell, expert by expert in display order, each
// expert's propositions in display order.
func (m *Writer) longCells(f func(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) error) error {
	for _, i := range m.rows {
		for _, j := range m.cols {
			if s := m.cells[i][j]; s != nil {
				if err := f(m.experts[i], m.props[j], s); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func confidence(s *argmap.Stance) string {
	if s.Confidence > 0 {
		return strconv.Itoa(s.Confidence)
	}
	return ""
}

// WriteLong writes the matrix in long form, one row per expert and proposition the expert
// addresses (a pair not addressed has no row): expert (id), name, proposition (id),
// position (its name, "strongly-agree"), value (-2 to 2), inferred (true or false),
// confidence (1-10, empty or null when not given) and quote. As Table, Markdown, CSV, TSV
// or JSON (an array of objects with those keys); the order is the display order, expert by
// expert.
func (m *Writer) WriteLong(w io.Writer, f Format, color bool) error {
	switch f {
	case CSV, TSV:
		cw := csv.NewWriter(w)
		if f == TSV {
			cw.Comma = '\t'
		}
		if err := cw.Write(longHeader); err != nil {
			return err
		}
		err := m.longCells(func(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) error {
			// Only text is guarded against formulas: value is a number, and stays one.
			return cw.Write([]string{safeCell(e.ID), safeCell(e.Name), safeCell(p.ID), label(s.Position),
				strconv.Itoa(int(clampPos(s.Position))), strconv.FormatBool(s.Inferred), confidence(s), safeCell(s.Quote)})
		})
		if err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	case JSON:
		jw := newJSONWriter(w)
		jw.raw("[")
		first := true
		err := m.longCells(func(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) error {
			if !first {
				jw.raw(",")
			}
			first = false
			jw.raw("\n  {\"expert\":")
			jw.str(e.ID)
			jw.raw(",\"name\":")
			jw.str(e.Name)
			jw.raw(",\"proposition\":")
			jw.str(p.ID)
			jw.raw(",\"position\":")
			jw.str(label(s.Position))
			jw.raw(fmt.Sprintf(",\"value\":%d,\"inferred\":%t,\"confidence\":", clampPos(s.Position), s.Inferred))
			if s.Confidence > 0 {
				jw.int(s.Confidence)
			} else {
				jw.raw("null")
			}
			jw.raw(",\"quote\":")
			if s.Quote != "" {
				jw.str(s.Quote)
			} else {
				jw.raw("null")
			}
			jw.raw("}")
			return jw.err
		})
		if err != nil {
			return err
		}
		if !first {
			jw.raw("\n")
		}
		jw.raw("]\n")
		return jw.flush()
	case Markdown:
		var b strings.Builder
		mdRow(&b, longHeader...)
		mdRow(&b, "---", "---", "---", "---", "--:", "---", "--:", "---")
		m.longCells(func(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) error {
			mdRow(&b, "`"+e.ID+"`", md(e.Name), "`"+p.ID+"`", label(s.Position), strconv.Itoa(int(clampPos(s.Position))),
				strconv.FormatBool(s.Inferred), confidence(s), md(s.Quote))
			return nil
		})
		_, err := io.WriteString(w, b.String())
		return err
	case Table, "":
		t := &ttable{right: map[int]bool{4: true, 6: true}}
		for _, h := range longHeader {
			t.header = append(t.header, strings.ToUpper(h))
		}
		m.longCells(func(e *argmap.Expert, p *argmap.Proposition, s *argmap.Stance) error {
			pos := tcell{label(s.Position), positionSGR[clampPos(s.Position)+2]}
			t.rows = append(t.rows, []tcell{m.expertCell(e), plain(e.Name), plain(p.ID), pos,
				plain(strconv.Itoa(int(clampPos(s.Position)))), plain(strconv.FormatBool(s.Inferred)), plain(confidence(s)), plain(s.Quote)})
			return nil
		})
		var b strings.Builder
		t.write(&b, color)
		_, err := io.WriteString(w, b.String())
		return err
	}
	return fmt.Errorf("the long form cannot be written as %s: use table, md, csv, tsv or json", f)
}
