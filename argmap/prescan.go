package argmap

import (
	"bytes"
	"fmt"
)

// Limits on the shape of a TOML file. The schema never nests deeper than a value array in
// an array of tables, nor uses keys of more than two parts, so these bounds are generous;
// they exist because the decoder's time, memory and stack grow with nesting and key length
// (a 40 KB file of nested inline tables takes it seconds and gigabytes).
const (
	MaxNesting  = 16 // arrays and inline tables inside one another
	MaxKeyParts = 64 // parts of one dotted key or table header
)

// shape is the limits prescan enforces; tests use smaller ones.
type shape struct{ nesting, keyParts int }

var schemaShape = shape{MaxNesting, MaxKeyParts}

// prescan checks, before the decoder sees data, that no array or inline table nests deeper
// than lim.nesting and that no key or table header has more than lim.keyParts dotted parts.
// It reads data once, in constant memory, and understands comments and the four string
// forms, so brackets and dots inside them do not count. It does not check the syntax: what
// it cannot make sense of, it skips, and the decoder reports. It returns the byte offset of
// the first violation and a message, or ok.
func prescan(data []byte, lim shape) (off int, msg string, ok bool) {
	s := prescanner{data: data}
	var stack []byte // open '[' and '{' of the current value, at most lim.nesting
	keyMode := true  // expecting a key (start of a line at the top, or after '{' or ',' in an inline table)
	for s.i < len(data) {
		c := data[s.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n':
			s.i++
			if len(stack) == 0 {
				keyMode = true
			}
		case c == '#':
			s.skipComment()
		case keyMode && c == '[' && len(stack) == 0: // table header
			start := s.i
			for s.i < len(data) && data[s.i] == '[' {
				s.i++
			}
			if n := s.keyParts(']', lim.keyParts); n > lim.keyParts {
				return start, fmt.Sprintf("table header has more than %d dotted parts", lim.keyParts), false
			}
			for s.i < len(data) && data[s.i] == ']' {
				s.i++
			}
		case keyMode && c == '}' && len(stack) > 0: // empty inline table
			stack = stack[:len(stack)-1]
			s.i++
			keyMode = false
		case keyMode:
			start := s.i
			if n := s.keyParts('=', lim.keyParts); n > lim.keyParts {
				return start, fmt.Sprintf("key has more than %d dotted parts", lim.keyParts), false
			}
			if s.i < len(data) && data[s.i] == '=' {
				s.i++
				keyMode = false
			}
		case c == '"' || c == '\'':
			s.skipString()
		case c == '[' || c == '{':
			if len(stack) >= lim.nesting {
				return s.i, fmt.Sprintf("arrays and inline tables nested more than %d deep", lim.nesting), false
			}
			stack = append(stack, c)
			s.i++
			keyMode = c == '{'
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			s.i++
		case c == ',':
			keyMode = len(stack) > 0 && stack[len(stack)-1] == '{'
			s.i++
		default:
			s.i++
		}
	}
	return 0, "", true
}

type prescanner struct {
	data []byte
	i    int
}

func (s *prescanner) skipComment() {
	if j := bytes.IndexByte(s.data[s.i:], '\n'); j >= 0 {
		s.i += j
	} else {
		s.i = len(s.data)
	}
}

// keyParts reads a possibly dotted, possibly quoted key up to stop (not consumed), the end
// of the line or a comment, and returns its number of parts; it stops counting above max.
func (s *prescanner) keyParts(stop byte, max int) int {
	n := 1
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case stop, '\n', '#':
			return n
		case '"', '\'':
			s.skipString()
		case '.':
			n++
			s.i++
			if n > max {
				return n
			}
		default:
			s.i++
		}
	}
	return n
}

// skipString skips a basic, literal, or multi-line string starting at s.i. A single-line
// string that is not closed ends at the end of its line.
func (s *prescanner) skipString() {
	q := s.data[s.i]
	if bytes.HasPrefix(s.data[s.i:], []byte{q, q, q}) {
		s.i += 3
		for s.i < len(s.data) {
			c := s.data[s.i]
			if c == '\\' && q == '"' {
				s.i += 2
				continue
			}
			if c == q && bytes.HasPrefix(s.data[s.i:], []byte{q, q, q}) {
				s.i += 3
				for k := 0; k < 2 && s.i < len(s.data) && s.data[s.i] == q; k++ { // up to two quotes end the content
					s.i++
				}
				return
			}
			s.i++
		}
		s.i = len(s.data)
		return
	}
	s.i++
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '\\' && q == '"':
			s.i += 2
			continue
		case c == '\n':
			return
		case c == q:
			s.i++
			return
		}
		s.i++
	}
	s.i = min(s.i, len(s.data))
}

// offsetPos turns a byte offset of data into a 1-based line and byte column.
func offsetPos(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	return line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
}
