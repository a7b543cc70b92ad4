// Package table writes aligned text tables for the terminal, measuring cells by their
// display width so that wide (East Asian) characters and emoji line up.
package table

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Table is a grid of cells with an optional header row.
type Table struct {
	Header []string
	Rows   [][]string
	// Right lists the columns that are right-aligned (numbers).
	Right map[int]bool
	// Color makes the header bold with ANSI escapes.
	Color bool
}

// Width returns the display width of s in a terminal.
func Width(s string) int { return runewidth.StringWidth(s) }

// Write writes the table with two spaces between columns and no trailing spaces.
func (t *Table) Write(w io.Writer) error {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	measure := func(row []string) {
		for i, c := range row {
			widths[i] = max(widths[i], Width(clean(c)))
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	var b strings.Builder
	line := func(row []string, bold bool) {
		var l strings.Builder
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(row) {
				c = clean(row[i])
			}
			pad := strings.Repeat(" ", widths[i]-Width(c))
			if i > 0 {
				l.WriteString("  ")
			}
			if t.Right[i] {
				l.WriteString(pad + c)
			} else {
				l.WriteString(c + pad)
			}
		}
		s := strings.TrimRight(l.String(), " ")
		if bold && t.Color {
			s = "\x1b[1m" + s + "\x1b[0m"
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if len(t.Header) > 0 {
		line(t.Header, true)
	}
	for _, r := range t.Rows {
		line(r, false)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clean replaces control characters (newlines, tabs, escapes) so that a cell stays on one
// line and cannot inject terminal escape sequences.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}
