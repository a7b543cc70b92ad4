package matrix

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// The statistics of the propositions, as the matrix writers show them with --stats: how many
// experts address each, on which side, the mean position, the consensus and the
// divisiveness.

var propStatsHeader = []string{"Key", "Proposition", "Addressed", "Agree", "Mixed", "Disagree", "Mean", "Consensus", "Divisiveness"}

// propStatsRow returns a proposition's row of figures, after its key and id.
func propStatsRow(st stances.PropositionStats) []string {
	return []string{strconv.Itoa(st.Addressed), strconv.Itoa(st.Agree), strconv.Itoa(st.Mixed),
		strconv.Itoa(st.Disagree), st.Mean.Format(2), st.Consensus, strconv.FormatFloat(stances.Round(st.Divisiveness, 2), 'f', 2, 64)}
}

// consensusPosition places a consensus on the position scale, to colour it; ok is false for
// divided and too-few.
func consensusPosition(c string) (argmap.Position, bool) {
	switch c {
	case stances.ConsensusAgree:
		return argmap.Agree, true
	case stances.ConsensusDisagree:
		return argmap.Disagree, true
	case stances.ConsensusMixed:
		return argmap.Mixed, true
	}
	return 0, false
}

var propStatsLegend = "Consensus: everyone who addresses the proposition (two or more) takes that side; divided: they take different sides; " +
	"too-few: fewer than two address it. Divisiveness: variance of the positions / 4, from 0 (all at one point) to 1 (an even split between the extremes)."

func (m *Writer) propStatsTable(b *strings.Builder, color bool) {
	t := &ttable{right: map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 8: true}}
	for _, h := range propStatsHeader {
		t.header = append(t.header, strings.ToUpper(h))
	}
	for k, st := range m.mx.PropositionStats() {
		row := []tcell{plain(m.propKey(m.cols[k])), plain(st.Proposition.ID)}
		for _, s := range propStatsRow(st) {
			row = append(row, plain(s))
		}
		if p, ok := consensusPosition(st.Consensus); ok {
			row[7].sgr = positionSGR[p+2]
		}
		t.rows = append(t.rows, row)
	}
	t.write(b, color)
	b.WriteString("\n" + propStatsLegend + "\n")
}

func (m *Writer) propStatsMarkdown(b *strings.Builder) {
	mdRow(b, propStatsHeader...)
	mdRow(b, "---", "---", "--:", "--:", "--:", "--:", "--:", "---", "--:")
	for k, st := range m.mx.PropositionStats() {
		mdRow(b, append([]string{m.propKey(m.cols[k]), "`" + st.Proposition.ID + "`"}, propStatsRow(st)...)...)
	}
	b.WriteString("\n" + md(propStatsLegend) + "\n")
}

func (m *Writer) propStatsHTML() htmlTable {
	t := htmlTable{Caption: "Propositions", Head: propStatsHeader}
	for k, st := range m.mx.PropositionStats() {
		row := []htmlCell{{Text: m.propKey(m.cols[k]), Title: st.Proposition.Text}, {Text: st.Proposition.ID, Title: st.Proposition.Text}}
		for _, s := range propStatsRow(st) {
			row = append(row, htmlCell{Text: s, Class: "n"})
		}
		row[7].Class = ""
		if p, ok := consensusPosition(st.Consensus); ok {
			row[7].Class = "c " + positionClass(p)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// WriteWithStats writes the matrix followed by its statistics: for Table and Markdown, the
// agreement of every pair (as WriteAgreement), the statistics of every proposition with its
// consensus and divisiveness, and the cruxes and consensus (as WriteCruxes); HTML adds the
// tables of propositions and of pairs to the page. JSON and XLSX always hold every
// statistic, so they are written as by Write. CSV and TSV hold one table and are refused.
func (m *Writer) WriteWithStats(w io.Writer, f Format, color bool) error {
	switch f {
	case Table, "", Markdown:
		md := f == Markdown
		if md {
			color = false
		}
		if err := m.Write(w, f, color); err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString("\n")
		if err := m.WriteAgreement(&b, f, color); err != nil {
			return err
		}
		b.WriteString("\n")
		if md {
			m.propStatsMarkdown(&b)
		} else {
			m.propStatsTable(&b, color)
		}
		b.WriteString("\n")
		if err := m.WriteCruxes(&b, md, color); err != nil {
			return err
		}
		_, err := io.WriteString(w, b.String())
		return err
	case HTML:
		return m.writeHTML(w, true)
	case JSON, XLSX:
		return m.Write(w, f, color)
	}
	return fmt.Errorf("the statistics cannot be written as %s: use table, md, html, json or xlsx", f)
}
