package argmap

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// node is one TOML table being read into the model. Every accessor records the key as known,
// so that finish can report the keys nobody asked for.
type node struct {
	f     *fileCtx
	table string // "" for the root, else the dotted table name
	n     int    // which element of an array of tables
	m     map[string]any
	known []string
}

type fileCtx struct {
	path  string
	ix    *index
	diags *Diagnostics
}

func (f *fileCtx) pos(l loc) Pos { return Pos{Path: f.path, Line: l.line, Col: l.col} }

// decodeTOML parses data into a map, or reports a positioned syntax error.
func decodeTOML(path string, data string, diags *Diagnostics) (m map[string]any, ok bool) {
	defer func() {
		if r := recover(); r != nil { // the decoder must never take the process down
			diags.errorf(Pos{Path: path, Line: 1, Col: 1}, "cannot parse TOML: %v", r)
			m, ok = nil, false
		}
	}()
	if _, err := toml.Decode(data, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := cleanTOMLMessage(pe.Message)
			diags.errorf(syntaxPos(path, data, pe.Position.Start, msg), "TOML syntax: %s", msg)
		} else {
			diags.errorf(whole(path), "TOML syntax: %v", err)
		}
		return nil, false
	}
	return m, true
}

// syntaxPos turns the byte offset of a syntax error into a line and column. The decoder's
// own line counter can be one past the offset; the offset is what points at the problem.
// An offset on blank space moves to the next character of the line; a duplicate key points
// at the start of its line, where the key is.
func syntaxPos(path string, data string, off int, msg string) Pos {
	off = min(max(off, 0), len(data))
	for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
		off++
	}
	line := 1 + strings.Count(data[:off], "\n")
	start := strings.LastIndexByte(data[:off], '\n') + 1
	if strings.Contains(msg, "has already been defined") {
		off = start
		for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
			off++
		}
	}
	return Pos{Path: path, Line: line, Col: off - start + 1}
}

// firstControl returns the position of the first control character TOML forbids (all but
// tab, newline, and a carriage return before a newline), or ok false.
func firstControl(data []byte) (line, col int, c byte, ok bool) {
	line, col = 1, 1
	for i, b := range data {
		switch {
		case b == '\n':
			line, col = line+1, 1
			continue
		case b == '\t', b == '\r' && i+1 < len(data) && data[i+1] == '\n':
		case b < 0x20 || b == 0x7f:
			return line, col, b, true
		}
		col++
	}
	return 0, 0, 0, false
}

func cleanTOMLMessage(s string) string {
	s = strings.TrimPrefix(s, "toml: ")
	if s == "" {
		return "invalid TOML"
	}
	return s
}

func (n *node) at(key string) Pos { return n.f.pos(n.f.ix.key(n.table, n.n, key)) }

func (n *node) valAt(key string) Pos { return n.f.pos(n.f.ix.value(n.table, n.n, key)) }

func (n *node) here() Pos { return n.f.pos(n.f.ix.header(n.table, n.n)) }

func (n *node) elemAt(key string, i int) Pos { return n.f.pos(n.f.ix.elem(n.table, n.n, key, i)) }

func (n *node) name(key string) string {
	if n.table == "" {
		return key
	}
	return n.table + "." + key
}

func (n *node) get(key string, required bool) (any, bool) {
	n.known = append(n.known, key)
	v, ok := n.m[key]
	if !ok && required {
		n.f.diags.errorf(n.here(), "missing required key %q", n.name(key))
	}
	return v, ok
}

func (n *node) typeError(key string, want string, v any) {
	n.f.diags.errorf(n.valAt(key), "%s must be %s, not %s", n.name(key), want, tomlType(v))
}

// str reads a string; a required string must not be blank.
func (n *node) str(key string, required bool) (string, Pos) {
	v, ok := n.get(key, required)
	if !ok {
		return "", n.here()
	}
	s, ok := v.(string)
	if !ok {
		n.typeError(key, "a string", v)
		return "", n.valAt(key)
	}
	if required && strings.TrimSpace(s) == "" {
		n.f.diags.errorf(n.valAt(key), "%s must not be empty", n.name(key))
	}
	return s, n.valAt(key)
}

// bounded reads an optional string of at most max characters; a longer one is an error at
// its value, with hint.
func (n *node) bounded(key string, max int, hint string) string {
	s, at := n.str(key, false)
	if l := utf8.RuneCountInString(s); l > max {
		n.f.diags.add(at, Error, hint, "%s is %d characters long, over the limit of %d", n.name(key), l, max)
		return ""
	}
	return s
}

// points reads key_points: at most MaxKeyPoints strings, none blank, each at most
// MaxKeyPoint characters.
func (n *node) points(key string) []string {
	var out []string
	ts := n.strs(key)
	if len(ts) > MaxKeyPoints {
		n.f.diags.add(n.valAt(key), Error, "the bottom line is for a few points; put the rest in description", "%s has %d points, over the limit of %d", n.name(key), len(ts), MaxKeyPoints)
		return nil
	}
	for i, t := range ts {
		switch l := utf8.RuneCountInString(t.s); {
		case strings.TrimSpace(t.s) == "":
			n.f.diags.errorf(t.at, "%s[%d] must not be empty", n.name(key), i)
		case l > MaxKeyPoint:
			n.f.diags.add(t.at, Error, "a key point is one sentence", "%s[%d] is %d characters long, over the limit of %d", n.name(key), i, l, MaxKeyPoint)
		default:
			out = append(out, t.s)
		}
	}
	return out
}

func (n *node) boolean(key string) bool {
	v, ok := n.get(key, false)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		n.typeError(key, "true or false", v)
	}
	return b
}

// integer reads an integer; ok is false when it is absent or of the wrong type.
func (n *node) integer(key string) (int64, bool) {
	v, ok := n.get(key, false)
	if !ok {
		return 0, false
	}
	i, ok := v.(int64)
	if !ok {
		n.typeError(key, "an integer", v)
	}
	return i, ok
}

// date reads a TOML date or a "YYYY-MM-DD" string.
func (n *node) date(key string) string {
	v, ok := n.get(key, false)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.DateOnly)
	case string:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			n.f.diags.add(n.valAt(key), Error, "write 2020-03-11", "%s must be a date (YYYY-MM-DD), not %q", n.name(key), v)
			return ""
		}
		return v
	}
	n.typeError(key, "a date", v)
	return ""
}

// text is a string value with the position of its first character.
type text struct {
	s  string
	at Pos
}

// strs reads an array of strings, each with its position.
func (n *node) strs(key string) []text {
	v, ok := n.get(key, false)
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		n.typeError(key, "an array of strings", v)
		return nil
	}
	var out []text
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			n.f.diags.errorf(n.elemAt(key, i), "%s[%d] must be a string, not %s", n.name(key), i, tomlType(e))
			continue
		}
		out = append(out, text{s, n.elemAt(key, i)})
	}
	return out
}

// subtable reads a sub-table.
func (n *node) subtable(key string) (*node, bool) {
	v, ok := n.get(key, false)
	if !ok {
		return nil, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		n.typeError(key, "a table", v)
		return nil, false
	}
	return &node{f: n.f, table: n.name(key), m: m}, true
}

// tables reads an array of tables ([[key]]).
func (n *node) tables(key string) []*node {
	v, ok := n.get(key, false)
	if !ok {
		return nil
	}
	var ms []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		ms = v
	case []any:
		for i, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				n.f.diags.errorf(n.at(key), "%s[%d] must be a table, not %s", n.name(key), i, tomlType(e))
				continue
			}
			ms = append(ms, m)
		}
	default:
		n.f.diags.add(n.valAt(key), Error, fmt.Sprintf("write [[%s]] tables", n.name(key)), "%s must be an array of tables, not %s", n.name(key), tomlType(v))
		return nil
	}
	// The tables' nodes and their lists of keys read come from one allocation each: a debate
	// has thousands of [[stances]].
	const keysPerTable = 8
	nodes := make([]node, len(ms))
	known := make([]string, 0, keysPerTable*len(ms))
	name := n.name(key)
	out := make([]*node, len(ms))
	for i, m := range ms {
		nodes[i] = node{f: n.f, table: name, n: i, m: m, known: known[i*keysPerTable : i*keysPerTable : (i+1)*keysPerTable]}
		out[i] = &nodes[i]
	}
	return out
}

// finish reports every key of the table that no accessor asked for.
func (n *node) finish() {
	var unknown []string
	for k := range n.m {
		if !slices.Contains(n.known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		hint := didYouMean(k, n.known)
		if hint == "" {
			hint = "valid keys: " + strings.Join(n.known, ", ")
		}
		n.f.diags.add(n.at(k), Error, hint, "unknown key %q", n.name(k))
	}
}

func tomlType(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "a special float"
		}
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date/time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}
