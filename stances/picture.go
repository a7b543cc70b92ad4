package stances

import (
	"fmt"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/dotlabel"
)

// The pictures of the matrix and of the agreement table are Graphviz documents holding one
// HTML-like table each, so that they are drawn by the same renderer, fonts and palette as the
// argument maps.

// DOT returns a picture of the matrix as Graphviz DOT: one row per expert (their colour on
// the name), one column per proposition (keyed P1, P2, … underneath), each cell filled with
// its position's colour and showing its symbol, * when inferred, · when not addressed.
func (m *Matrix) DOT() []byte {
	var b strings.Builder
	m.dotHead(&b)
	experts, props := m.Experts(), m.Propositions()
	rows, cols := len(experts), len(props)
	name := func(i int) string { return m.expertName(experts[i]) }
	head := func(j int) string { return m.propKey(m.cols[j]) } // keys follow file order, as in every writer
	cell := func(i, j int) *argmap.Stance { return m.Stance(experts[i].ID, props[j].ID) }
	if m.transpose {
		rows, cols = cols, rows
		name = func(i int) string { return m.propKey(m.cols[i]) }
		head = func(j int) string { return m.expertName(experts[j]) }
		cell = func(i, j int) *argmap.Stance { return m.Stance(experts[j].ID, props[i].ID) }
	}
	b.WriteString(`  matrix [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR="#BBBBBB">` + "\n")
	b.WriteString(`    <TR><TD BORDER="0"></TD>`)
	for j := 0; j < cols; j++ {
		fmt.Fprintf(&b, `<TD BGCOLOR="%s"><B>%s</B></TD>`, m.headColor(j), dotlabel.HTML(head(j)))
	}
	b.WriteString("</TR>\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, `    <TR><TD ALIGN="LEFT" BGCOLOR="%s"><B>%s</B></TD>`, m.rowColor(i), dotlabel.HTML(name(i)))
		for j := 0; j < cols; j++ {
			s := cell(i, j)
			if s == nil {
				fmt.Fprintf(&b, `<TD><FONT COLOR="#999999">%s</FONT></TD>`, notAddressed)
				continue
			}
			fmt.Fprintf(&b, `<TD BGCOLOR="%s"><FONT COLOR="%s"><B>%s</B></FONT></TD>`,
				PositionColor(s.Position), positionInk(s.Position), dotlabel.HTML(symbol(s)))
		}
		b.WriteString("</TR>\n")
	}
	b.WriteString("  </TABLE>>]\n")
	m.dotKey(&b)
	b.WriteString("}\n")
	return []byte(b.String())
}

// AgreementDOT returns a heat map of pairwise agreement as Graphviz DOT: each cell shows the
// share of shared propositions on which the two experts take the same side and n, coloured
// from vermillion (never) through grey to blue (always); pairs sharing fewer than MinShared
// propositions are marked "few", pairs sharing none are blank.
func (m *Matrix) AgreementDOT() []byte {
	var b strings.Builder
	m.dotHead(&b)
	experts := m.Experts()
	b.WriteString(`  matrix [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR="#BBBBBB">` + "\n")
	b.WriteString(`    <TR><TD BORDER="0"></TD>`)
	for _, e := range experts {
		fmt.Fprintf(&b, `<TD BGCOLOR="%s"><B>%s</B></TD>`, dotlabel.Tint(argmapColor(m, e), 0.35), dotlabel.HTML(m.expertName(e)))
	}
	b.WriteString("</TR>\n")
	for _, a := range experts {
		fmt.Fprintf(&b, `    <TR><TD ALIGN="LEFT" BGCOLOR="%s"><B>%s</B></TD>`, dotlabel.Tint(argmapColor(m, a), 0.35), dotlabel.HTML(m.expertName(a)))
		for _, e := range experts {
			if a.ID == e.ID {
				b.WriteString(`<TD BGCOLOR="#F4F4F4"></TD>`)
				continue
			}
			p, _ := m.Pair(a.ID, e.ID)
			if p.Shared == 0 || !p.Agreement.OK {
				b.WriteString(`<TD><FONT COLOR="#999999" POINT-SIZE="9">none shared</FONT></TD>`)
				continue
			}
			few := ""
			if p.Shared < MinShared {
				few = ", few"
			}
			fill, ink := agreementColor(p.Agreement.Value)
			fmt.Fprintf(&b, `<TD BGCOLOR="%s"><FONT COLOR="%s"><B>%.0f%%</B><BR/><FONT POINT-SIZE="8">n=%d%s</FONT></FONT></TD>`,
				fill, ink, 100*p.Agreement.Value, p.Shared, few)
		}
		b.WriteString("</TR>\n")
	}
	b.WriteString("  </TABLE>>]\n")
	b.WriteString(`  key [label=<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="3"><TR><TD ALIGN="LEFT" COLSPAN="3">Share of the propositions both address on which they take the same side; n = how many both address.</TD></TR><TR>`)
	for _, v := range []float64{0, 0.5, 1} {
		fill, ink := agreementColor(v)
		fmt.Fprintf(&b, `<TD BGCOLOR="%s"><FONT COLOR="%s">%.0f%%</FONT></TD>`, fill, ink, 100*v)
	}
	b.WriteString("</TR></TABLE>>]\n  matrix -> key [style=invis]\n}\n")
	return []byte(b.String())
}

func (m *Matrix) dotHead(b *strings.Builder) {
	b.WriteString("digraph stances {\n")
	fmt.Fprintf(b, "  graph [rankdir=TB, pad=0.25, nodesep=0.2, ranksep=0.2, bgcolor=\"#FFFFFF\", fontname=\"Helvetica\", fontsize=14, labelloc=t, label=<<B>%s</B>>]\n", dotlabel.HTML(m.d.Title))
	b.WriteString("  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11]\n")
}

// dotKey writes the propositions' key and the legend under the matrix.
func (m *Matrix) dotKey(b *strings.Builder) {
	b.WriteString(`  key [label=<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">`)
	for j, p := range m.Propositions() {
		fmt.Fprintf(b, `<TR><TD ALIGN="LEFT" VALIGN="TOP"><B>%s</B></TD><TD ALIGN="LEFT">%s</TD></TR>`, m.propKey(m.cols[j]), dotlabel.HTML(p.Text))
	}
	b.WriteString(`<TR><TD COLSPAN="2" ALIGN="LEFT"> </TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="2" CELLPADDING="3"><TR>`)
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		fmt.Fprintf(b, `<TD BGCOLOR="%s"><FONT COLOR="%s"><B>%s</B> %s</FONT></TD>`, PositionColor(p), positionInk(p), dotlabel.HTML(p.Symbol()), words(p))
	}
	fmt.Fprintf(b, `<TD>%s not addressed</TD><TD>* inferred</TD></TR></TABLE></TD></TR></TABLE>>]`+"\n", notAddressed)
	b.WriteString("  matrix -> key [style=invis]\n")
}

func (m *Matrix) rowColor(i int) string {
	if m.transpose {
		return "#EEEEEE"
	}
	return dotlabel.Tint(argmapColor(m, m.Experts()[i]), 0.35)
}

func (m *Matrix) headColor(j int) string {
	if m.transpose {
		return dotlabel.Tint(argmapColor(m, m.Experts()[j]), 0.35)
	}
	return "#EEEEEE"
}

func argmapColor(m *Matrix, e *argmap.Expert) string { return m.d.ExpertColor(e.ID) }

// expertName is an expert's row and column label: their name, after the badge that tells
// them apart where expert colours repeat.
func (m *Matrix) expertName(e *argmap.Expert) string { return m.d.ExpertLabel(e.ID) }

// agreementColor maps a share 0..1 to a fill and ink on the vermillion-grey-blue scale.
func agreementColor(v float64) (fill, ink string) {
	switch {
	case v >= 0.8:
		return positionColors[4], "#FFFFFF"
	case v >= 0.6:
		return positionColors[3], "#000000"
	case v > 0.4:
		return positionColors[2], "#000000"
	case v > 0.2:
		return positionColors[1], "#000000"
	}
	return positionColors[0], "#FFFFFF"
}
