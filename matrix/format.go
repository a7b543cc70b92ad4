package matrix

import (
	"fmt"
	"io"
	"strings"

	"github.com/argmap-dev/argmap/stances"
)

// Format is an output format of the writers.
type Format string

// The formats.
const (
	Table    Format = "table" // aligned text for the terminal
	Markdown Format = "md"    // GitHub Markdown
	CSV      Format = "csv"
	TSV      Format = "tsv"
	JSON     Format = "json"
	HTML     Format = "html" // a standalone page
	XLSX     Format = "xlsx" // an Excel workbook
)

// Formats lists the formats of the matrix and agreement writers, the default first. Cruxes
// and comparisons are written as Table, Markdown and JSON only.
func Formats() []Format { return []Format{Table, Markdown, CSV, TSV, JSON, HTML, XLSX} }

// ParseFormat reads a format's name; "" is Table.
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return Table, nil
	}
	var names []string
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown format %q: want one of %s", s, strings.Join(names, ", "))
}

// Binary reports whether the format's output is not text (and so not for a terminal).
func (f Format) Binary() bool { return f == XLSX }

// Write writes the matrix in the given format; color applies to Table only.
func (m *Writer) Write(w io.Writer, f Format, color bool) error {
	switch f {
	case Table, "":
		return m.WriteTable(w, color)
	case Markdown:
		return m.WriteMarkdown(w)
	case CSV:
		return m.WriteCSV(w, ',')
	case TSV:
		return m.WriteCSV(w, '\t')
	case JSON:
		return m.WriteJSON(w)
	case HTML:
		return m.WriteHTML(w)
	case XLSX:
		return m.WriteXLSX(w)
	}
	return fmt.Errorf("unknown format %q", f)
}

// WriteAgreement writes the expert × expert agreement in the given format; color applies to
// Table only.
func (m *Writer) WriteAgreement(w io.Writer, f Format, color bool) error {
	switch f {
	case Table, "":
		return m.WriteAgreementTable(w, color)
	case Markdown:
		return m.WriteAgreementMarkdown(w)
	case CSV:
		return m.WriteAgreementCSV(w, ',')
	case TSV:
		return m.WriteAgreementCSV(w, '\t')
	case JSON:
		return m.WriteAgreementJSON(w)
	case HTML:
		return m.WriteAgreementHTML(w)
	case XLSX:
		return m.WriteAgreementXLSX(w)
	}
	return fmt.Errorf("unknown format %q", f)
}

// WriteCruxesAs writes the cruxes as Table, Markdown or JSON.
func (m *Writer) WriteCruxesAs(w io.Writer, f Format, color bool) error {
	switch f {
	case Table, "":
		return m.WriteCruxes(w, false, color)
	case Markdown:
		return m.WriteCruxes(w, true, false)
	case JSON:
		return m.WriteCruxesJSON(w)
	}
	return fmt.Errorf("cruxes cannot be written as %s: use table, md or json", f)
}

// WriteComparison writes a comparison of two experts as Table, Markdown or JSON.
func WriteComparison(w io.Writer, c *stances.Comparison, f Format, color bool) error {
	switch f {
	case Table, "":
		return writeComparison(w, c, false, color)
	case Markdown:
		return writeComparison(w, c, true, false)
	case JSON:
		return writeComparisonJSON(w, c)
	}
	return fmt.Errorf("a comparison cannot be written as %s: use table, md or json", f)
}
