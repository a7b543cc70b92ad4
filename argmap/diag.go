package argmap

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"encoding/json"
	"fmt"
	"github.com/argmap-dev/argmap/internal/table"
	"slices"
	"sort"
	"strings"
)

// Severity says whether a diagnostic makes the debate invalid.
type Severity int

const (
	// Error makes a debate invalid.
	Error Severity = iota
	// Warning points at something that is probably a curation mistake.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a position in a file: 1-based line and byte column. A problem with a whole file or
// folder sits at 1:1.
type Pos struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return DisplayPath(p.Path)
	}
	return fmt.Sprintf("%s:%d:%d", DisplayPath(p.Path), p.Line, p.Col)
}

// DisplayPath returns path as it is, or quoted in Go syntax (strconv.Quote) when it holds
// a control character, a bidirectional control or bytes that are not UTF-8: a file name
// with a newline could otherwise forge a line of diagnostics, and U+202E reorder one.
func DisplayPath(path string) string {
	if !utf8.ValidString(path) || strings.ContainsFunc(path, func(r rune) bool {
		return unicode.IsControl(r) || table.IsBidiControl(r) || r == 0x2028 || r == 0x2029
	}) {
		return strconv.Quote(path)
	}
	return path
}

// Diagnostic is one problem found in a debate.
type Diagnostic struct {
	Pos
	Severity Severity `json:"severity"`
	// Code names the kind of a warning ("unaddressed-proposition"); it is stable, and
	// debate.toml can allow it (see docs/schema.md). Errors have none.
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	// Hint, when not empty, suggests a fix ("did you mean "p8"?").
	Hint string `json:"hint,omitempty"`
	// Subject is what a warning is about (a proposition, expert or claim reference), for
	// allowing it for that item only ("unaddressed-proposition:troops-stay").
	Subject string `json:"subject,omitempty"`
	// Allowed marks a warning debate.toml acknowledges: it is counted, not shown.
	Allowed bool `json:"-"`
}

// The warning codes, in the order docs/schema.md lists them.
var warningCodes = []string{
	"unaddressed-proposition", "expert-without-stance", "unsupported-recommendation", "support-cycle",
	"implicit-with-quote", "long-quote", "multi-sentence-quote", "duplicate-reference",
	"no-propositions", "no-experts", "ignored-file", "deprecated-policy-tag",
	"quote-from-introduction", "attribution-unchecked",
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	if d.Code != "" {
		b.WriteString("[" + d.Code + "]")
	}
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Diagnostics is a list of problems, sorted by [Diagnostics.Sort].
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and of warnings shown (not allowed).
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		switch {
		case d.Severity == Error:
			errors++
		case !d.Allowed:
			warnings++
		}
	}
	return errors, warnings
}

// Shown returns the diagnostics to show: all but the warnings debate.toml allows, and how
// many were allowed.
func (ds Diagnostics) Shown() (shown Diagnostics, allowed int) {
	shown = Diagnostics{}
	for _, d := range ds {
		if d.Allowed {
			allowed++
		} else {
			shown = append(shown, d)
		}
	}
	return shown, allowed
}

// Sort orders the diagnostics by path, line, column, then severity and message, and drops
// exact duplicates.
func (ds *Diagnostics) Sort() {
	s := *ds
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*ds = out
}

// MarshalJSON writes an empty list as [] rather than null.
func (ds Diagnostics) MarshalJSON() ([]byte, error) {
	if ds == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Diagnostic(ds))
}

func (ds *Diagnostics) add(p Pos, sev Severity, hint, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: p, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (ds *Diagnostics) errorf(p Pos, format string, args ...any) {
	ds.add(p, Error, "", format, args...)
}

// warnf adds a warning of the given code about subject (see Diagnostic).
func (ds *Diagnostics) warnf(p Pos, code, subject, format string, args ...any) {
	ds.warn(p, code, subject, "", format, args...)
}

// warn adds a warning with a hint.
func (ds *Diagnostics) warn(p Pos, code, subject, hint, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: p, Severity: Warning, Code: code, Subject: subject, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// didYouMean returns a hint naming the candidate closest to s, or "" when none is close.
func didYouMean(s string, candidates []string) string {
	if best := Suggest(s, candidates); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return ""
}

// Suggest returns the candidate closest to s by edit distance, or "" when none is close
// enough to be a likely typo. Ties go to the candidate that sorts first.
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(s, c)
		limit := max(1, min(len(s), len(c))/3)
		if d <= limit && (bestD < 0 || d < bestD || (d == bestD && c < best)) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b, counted in bytes:
// insertions, deletions, substitutions and swaps of neighbours cost 1.
func editDistance(a, b string) int { return editDistanceWithin(a, b, max(len(a), len(b))) }

// editDistanceWithin is editDistance when that is at most k, and some number above k
// otherwise; it stops as soon as the distance must exceed k.
func editDistanceWithin(a, b string, k int) int {
	if len(a) > 256 || len(b) > 256 {
		return max(len(a), len(b))
	}
	if d := len(a) - len(b); d > k || -d > k {
		return k + 1
	}
	// d[i][j] is the distance between a[:i] and b[:j]; three rows suffice.
	var buf [3 * 65]int
	rows := buf[:0]
	if len(b) >= 65 {
		rows = make([]int, 0, 3*(len(b)+1))
	}
	rows = rows[:3*(len(b)+1)]
	n := len(b) + 1
	prev2, prev, cur := rows[:n:n], rows[n:2*n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// A swap reaches back two rows, so stop only when two rows in a row exceed k.
		if rowMin > k && i > 1 && slices.Min(prev) > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// whole is the position of a problem with a whole file or folder: its first line.
func whole(path string) Pos { return Pos{Path: path, Line: 1, Col: 1} }
