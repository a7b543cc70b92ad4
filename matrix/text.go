package matrix

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/table"
	"github.com/argmap-dev/argmap/stances"
)

// tcell is a cell of a terminal table: its text and the ANSI SGR parameters it is shown with
// when colour is on.
type tcell struct{ text, sgr string }

func plain(s string) tcell { return tcell{text: s} }

// ttable is a terminal table whose cells may carry colour. Cells are measured by display
// width (wide characters, emoji) before colour is added, so colour never breaks alignment.
type ttable struct {
	header []string
	rows   [][]tcell
	right  map[int]bool
}

func (t *ttable) write(b *strings.Builder, color bool) {
	cols := len(t.header)
	for _, r := range t.rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for i, h := range t.header {
		widths[i] = table.Width(termText(h))
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], table.Width(termText(c.text)))
		}
	}
	line := func(cells []tcell, bold bool) {
		var l strings.Builder
		pending := 0 // spaces owed before the next non-empty cell, so lines end without them
		for i := 0; i < cols; i++ {
			var c tcell
			if i < len(cells) {
				c = cells[i]
			}
			text := termText(c.text)
			pad := widths[i] - table.Width(text)
			if i > 0 {
				pending += 2
			}
			if t.right[i] {
				pending += pad
				pad = 0
			}
			if text != "" {
				l.WriteString(strings.Repeat(" ", pending))
				pending = 0
				if color && c.sgr != "" {
					l.WriteString("\x1b[" + c.sgr + "m" + text + "\x1b[0m")
				} else {
					l.WriteString(text)
				}
			}
			pending += pad
		}
		s := l.String()
		if bold && color && s != "" {
			s = "\x1b[1m" + s + "\x1b[0m"
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if len(t.header) > 0 {
		hs := make([]tcell, len(t.header))
		for i, h := range t.header {
			hs[i] = plain(h)
		}
		line(hs, true)
	}
	for _, r := range t.rows {
		line(r, false)
	}
}

// oneLine folds line breaks, tabs and other control characters (terminal escapes included)
// into spaces, so that a cell stays on one line and cannot drive the terminal.
// termText makes s safe on one line of a terminal: control and bidirectional control
// characters (U+202E would turn the rest of the line around) show as <U+XXXX>.
func termText(s string) string { return table.Clean(oneLine(s)) }

func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
	}), " ")
}

func stanceCell(s *argmap.Stance) tcell {
	if s == nil {
		return tcell{notAddressed, dimSGR}
	}
	return tcell{symbol(s), positionSGR[clampPos(s.Position)+2]}
}

func (m *Writer) expertCell(e *argmap.Expert) tcell {
	id := e.ID
	if b := m.d.ExpertBadge(e.ID); b != "" {
		id = "[" + b + "] " + id // colours repeat past the palette
	}
	return tcell{id, hexSGR(m.d.ExpertColor(e.ID))}
}

// legend is the line that explains the symbols.
func legend(color bool) string {
	var parts []string
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		sym := p.Symbol()
		if color {
			sym = "\x1b[" + positionSGR[p+2] + "m" + sym + "\x1b[0m"
		}
		parts = append(parts, sym+" "+words(p))
	}
	dot := notAddressed
	if color {
		dot = "\x1b[" + dimSGR + "m" + dot + "\x1b[0m"
	}
	parts = append(parts, dot+" not addressed", "* inferred")
	return strings.Join(parts, "  ")
}

// WriteTable writes the matrix for the terminal: one symbol per cell (++ + ~ - --, * when
// inferred, · when not addressed), columns labelled P1… (or E1… when transposed) by file
// order with a key underneath, and a legend. color adds ANSI colours: positions on the
// diverging scale, experts in their colours, a bold header.
func (m *Writer) WriteTable(w io.Writer, color bool) error {
	var b strings.Builder
	experts, props := m.mx.Experts(), m.mx.Propositions()
	t := &ttable{}
	if !m.transpose {
		t.header = []string{"EXPERT", "NAME"}
		for _, j := range m.cols {
			t.header = append(t.header, m.propKey(j))
		}
		for i, e := range experts {
			row := []tcell{m.expertCell(e), plain(e.Name)}
			for j := range props {
				row = append(row, stanceCell(m.mx.Cell(i, j)))
			}
			t.rows = append(t.rows, row)
		}
	} else {
		t.header = []string{"KEY", "PROPOSITION"}
		for _, i := range m.rows {
			t.header = append(t.header, m.expertKey(i))
		}
		for j, p := range props {
			row := []tcell{plain(m.propKey(m.cols[j])), plain(p.ID)}
			for i := range experts {
				row = append(row, stanceCell(m.mx.Cell(i, j)))
			}
			t.rows = append(t.rows, row)
		}
	}
	if len(experts) == 0 || len(props) == 0 {
		b.WriteString(m.emptyNote() + "\n")
	} else {
		t.write(&b, color)
	}
	b.WriteByte('\n')
	if m.transpose {
		key := &ttable{}
		for _, i := range m.rows {
			e := m.experts[i]
			key.rows = append(key.rows, []tcell{plain(m.expertKey(i)), m.expertCell(e), plain(e.Name)})
		}
		key.write(&b, color)
		b.WriteByte('\n')
	}
	key := &ttable{}
	for _, j := range m.cols {
		p := m.props[j]
		key.rows = append(key.rows, []tcell{plain(m.propKey(j)), plain(p.ID), plain(p.Text)})
	}
	key.write(&b, color)
	if len(props) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(legend(color) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (m *Writer) emptyNote() string {
	switch {
	case len(m.experts) == 0 && len(m.props) == 0:
		return "(no experts and no propositions)"
	case len(m.experts) == 0:
		return "(no experts)"
	case len(m.props) == 0:
		return "(no propositions)"
	}
	return ""
}

// agreementCell is a cell of the agreement grid: "agree/shared" (n, the shared propositions,
// always shown), with " few" when they share fewer than stances.MinShared, so that 1/1 does not read
// as full agreement; · when the two share no proposition. The diagonal is left blank.
func agreementCell(p stances.Pair) (string, argmap.Position, bool) {
	if p.Shared == 0 {
		return notAddressed, 0, false
	}
	text := strconv.Itoa(p.Agree) + "/" + strconv.Itoa(p.Shared)
	if p.Shared < stances.MinShared {
		text += " " + fewMark
	}
	return text, agreementPosition(p.Agreement.Value), true
}

// fewMark flags, in the agreement grids, a pair that shares fewer than stances.MinShared propositions.
const fewMark = "few"

// WriteAgreementTable writes the expert × expert agreement for the terminal: a grid whose
// cells read "same side / shared propositions", then every pair with its figures.
func (m *Writer) WriteAgreementTable(w io.Writer, color bool) error {
	var b strings.Builder
	experts := m.mx.Experts()
	if len(experts) < 2 {
		b.WriteString("(agreement needs at least two experts)\n")
	} else {
		grid := &ttable{header: []string{"KEY", "EXPERT", "NAME"}}
		for _, i := range m.rows {
			grid.header = append(grid.header, m.expertKey(i))
		}
		grid.right = map[int]bool{}
		for x, i := range m.rows {
			grid.right[3+x] = true
			row := []tcell{plain(m.expertKey(i)), m.expertCell(m.experts[i]), plain(m.experts[i].Name)}
			for _, j := range m.rows {
				if i == j {
					row = append(row, plain(""))
					continue
				}
				p := m.pairOf(i, j)
				text, pos, ok := agreementCell(p)
				sgr := dimSGR
				if ok {
					sgr = positionSGR[pos+2]
				}
				if ok && p.Shared < stances.MinShared {
					sgr = dimSGR + ";" + sgr // faded, as in the heat map
				}
				row = append(row, tcell{text, sgr})
			}
			grid.rows = append(grid.rows, row)
		}
		grid.write(&b, color)
		b.WriteByte('\n')
		pairs := &ttable{
			header: []string{"A", "B", "SHARED", "AGREE", "DIFFER", "OPPOSE", "AGREEMENT", "DISTANCE", "KAPPA", "NOTE"},
			right:  map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true},
		}
		for _, p := range m.mx.Pairs() {
			pairs.rows = append(pairs.rows, []tcell{m.expertCell(p.A), m.expertCell(p.B),
				plain(strconv.Itoa(p.Shared)), plain(strconv.Itoa(p.Agree)), plain(strconv.Itoa(p.Differ)),
				plain(strconv.Itoa(p.Oppose)), plain(p.Agreement.Percent()), plain(p.Distance.Format(2)),
				plain(p.Kappa.Format(2)), plain(p.Note)})
		}
		pairs.write(&b, color)
		b.WriteByte('\n')
	}
	b.WriteString(agreementLegend + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

var agreementLegend = fmt.Sprintf("Grid: propositions on which the two take the same side / n, the propositions both address (· none; %q and faded when n < %d). "+
	"Agreement: same side (mixed only with mixed). Distance: mean |difference| of positions, 0-4. "+
	"Kappa: Cohen's kappa with quadratic weights, from %d shared propositions on which each expert varies.", fewMark, stances.MinShared, stances.MinShared)
