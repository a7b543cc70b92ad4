// Package table writes aligned text tables for the terminal, measuring cells by their
// display width so that wide (East Asian) characters and emoji line up.
package table

import (
	"fmt"
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
			widths[i] = max(widths[i], Width(Clean(c)))
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
				c = Clean(row[i])
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

// Clean makes s safe to print on one line of a terminal: line breaks and tabs become
// spaces; other control characters (C0, DEL, C1: escape sequences) and the bidirectional
// controls (U+202E turns the rest of a line around) become visible escapes like <U+202E>.
// Machine-readable outputs (JSON, CSV) keep the text as it is.
func Clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || IsBidiControl(r) || r == 0x2028 || r == 0x2029
	}) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || IsBidiControl(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsBidiControl reports whether r is one of the Unicode bidirectional formatting
// characters (marks, embeddings, overrides, isolates), which reorder the text around them.
func IsBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
