package argmap

import (
	"slices"
	"strings"
)

// The TOML decoder reports positions for syntax errors only. index remembers where every
// table header, key and string literal of a well-formed TOML file sits, so that a problem
// found later (a dangling reference, a wrong type) points at its own line and column.
//
// It understands the subset of layout that matters here: [table] and [[array]] headers, one
// key = value per line, values spanning lines inside brackets, and all four string forms.
// Values written as inline tables are located by their key only.

// loc is a 1-based line and byte column.
type loc struct{ line, col int }

// keyLoc is where a key sits, where its value starts, and, for an array, where each element
// starts, in order.
type keyLoc struct {
	name       string
	at         loc
	val        loc
	elem, elen int32 // the array's elements: index.elems[elem : elem+elen]
}

// tableLoc is one table: the root, a [table], or one element of an [[array]].
type tableLoc struct {
	header     loc
	keys       []keyLoc         // in file order, each name once
	byName     map[string]int32 // index into keys, made on the first lookup in a big table
	start, end int              // where keys lie in the scan's one list of keys
}

// smallTable is how many keys a table may hold before lookups go through a map: a debate's
// tables hold a handful, and a scan of those is cheaper than a map per table.
const smallTable = 16

// find returns the key called name.
func (t *tableLoc) find(name string) (*keyLoc, bool) {
	if len(t.keys) <= smallTable {
		for i := range t.keys {
			if t.keys[i].name == name {
				return &t.keys[i], true
			}
		}
		return nil, false
	}
	if t.byName == nil {
		t.byName = make(map[string]int32, len(t.keys))
		for i, k := range t.keys {
			t.byName[k.name] = int32(i)
		}
	}
	i, ok := t.byName[name]
	if !ok {
		return nil, false
	}
	return &t.keys[i], true
}

type index struct {
	root   *tableLoc
	tables map[string][]*tableLoc // by dotted header name, in file order
	elems  []loc                  // where array elements start, for all keys
}

// key returns where key sits in the n-th table called name ("" is the root table). It
// falls back to the table header, then to a dotted key at the root, then to line 1.
func (ix *index) key(name string, n int, key string) loc {
	t := ix.table(name, n)
	if t != nil {
		if k, ok := t.find(key); ok {
			return k.at
		}
	}
	full := key
	if name != "" {
		full = name + "." + key
	}
	if ts := ix.tables[full]; len(ts) > 0 { // [name.key] or [[name.key]]
		return ts[0].header
	}
	if l, ok := ix.dotted(t, full, key); ok { // key.more = ... or [name.key.more]
		return l
	}
	if name == "" {
		return loc{1, 1}
	}
	if k, ok := ix.root.find(full); ok { // dotted key at the root
		return k.at
	}
	if t != nil {
		return t.header
	}
	if k, ok := ix.root.find(name); ok { // inline table
		return k.at
	}
	return loc{1, 1}
}

// dotted returns the first place that defines key through a longer dotted name: a dotted
// key "key.more" in table t, or a header [full.more].
func (ix *index) dotted(t *tableLoc, full, key string) (loc, bool) {
	var best loc
	found := false
	consider := func(l loc) {
		if !found || l.line < best.line || (l.line == best.line && l.col < best.col) {
			best, found = l, true
		}
	}
	if t != nil {
		for _, kl := range t.keys {
			if strings.HasPrefix(kl.name, key+".") {
				consider(kl.at)
			}
		}
	}
	for name, ts := range ix.tables {
		if strings.HasPrefix(name, full+".") && len(ts) > 0 {
			consider(ts[0].header)
		}
	}
	return best, found
}

// value returns where key's value starts in the n-th table called name, or where the key
// sits when that is not known.
func (ix *index) value(name string, n int, key string) loc {
	if t := ix.table(name, n); t != nil {
		if k, ok := t.find(key); ok {
			return k.val
		}
	}
	return ix.key(name, n, key)
}

// elem returns where the i-th element of key's array value starts, or where the key sits.
func (ix *index) elem(name string, n int, key string, i int) loc {
	if t := ix.table(name, n); t != nil {
		if k, ok := t.find(key); ok && i >= 0 && i < int(k.elen) {
			return ix.elems[int(k.elem)+i]
		}
	}
	return ix.key(name, n, key)
}

// header returns where the n-th table called name starts.
func (ix *index) header(name string, n int) loc {
	if t := ix.table(name, n); t != nil && name != "" {
		return t.header
	}
	if k, ok := ix.root.find(name); ok {
		return k.at
	}
	return loc{1, 1}
}

func (ix *index) table(name string, n int) *tableLoc {
	if name == "" {
		return ix.root
	}
	ts := ix.tables[name]
	if n < 0 || n >= len(ts) {
		return nil
	}
	return ts[n]
}

type lineScanner struct {
	src       string
	i         int
	line, col int
}

func (s *lineScanner) eof() bool { return s.i >= len(s.src) }

func (s *lineScanner) peek(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func (s *lineScanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	s.i++
}

func (s *lineScanner) at() loc { return loc{s.line, s.col} }

func (s *lineScanner) hasPrefix(p string) bool {
	return strings.HasPrefix(s.src[s.i:], p)
}

func (s *lineScanner) skipToEOL() {
	for !s.eof() && s.peek(0) != '\n' {
		s.next()
	}
}

// buildIndex scans src, which must be TOML the decoder accepted.
func buildIndex(src string) *index {
	ix := &index{root: &tableLoc{header: loc{1, 1}}, tables: map[string][]*tableLoc{}}
	s := &lineScanner{src: src, line: 1, col: 1}
	cur := ix.root
	// A table's keys follow its header up to the next one: all keys go into one list, and
	// each table gets its part of it at the end (one growing list, not one per table).
	all := make([]keyLoc, 0, strings.Count(src, "=")) // at most one key per '='
	var seen keySet
	tables := []*tableLoc{ix.root}
	for !s.eof() {
		switch c := s.peek(0); {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			s.next()
		case c == '#':
			s.skipToEOL()
		case c == '[':
			start := s.at()
			for s.peek(0) == '[' {
				s.next()
			}
			name := s.readKey(']')
			cur.end = len(all)
			seen = keySet{}
			t := &tableLoc{header: start, start: len(all)}
			ix.tables[name] = append(ix.tables[name], t)
			tables = append(tables, t)
			cur = t
			s.skipToEOL()
		default:
			start := s.at()
			name := s.readKey('=')
			if s.peek(0) != '=' { // not TOML we understand: give up on this line
				s.skipToEOL()
				continue
			}
			s.next()
			for s.peek(0) == ' ' || s.peek(0) == '\t' {
				s.next()
			}
			k := keyLoc{name: name, at: start, val: s.at()}
			k.elem = int32(len(ix.elems))
			ix.elems = s.scanValue(ix.elems)
			k.elen = int32(len(ix.elems)) - k.elem
			if !seen.has(all[cur.start:], name) {
				all = append(all, k)
			}
		}
	}
	cur.end = len(all)
	all = slices.Clip(all)
	for _, t := range tables {
		t.keys = all[t.start:t.end:t.end]
	}
	return ix
}

// keySet answers whether a table already holds a key: by a scan while the table is small, by
// a map once it is big (a hostile file may put many thousands of keys in one table).
type keySet struct{ m map[string]bool }

// has reports whether name is among keys, the table's keys so far, which the caller then
// extends by name if it is not.
func (k *keySet) has(keys []keyLoc, name string) bool {
	if k.m == nil && len(keys) <= smallTable {
		return slices.ContainsFunc(keys, func(o keyLoc) bool { return o.name == name })
	}
	if k.m == nil {
		k.m = make(map[string]bool, 2*len(keys))
		for _, o := range keys {
			k.m[o.name] = true
		}
	}
	if k.m[name] {
		return true
	}
	k.m[name] = true
	return false
}

// readKey reads a possibly dotted, possibly quoted key up to stop (not consumed) or the end
// of the line, and returns it with quotes and spaces removed and parts joined by dots.
func (s *lineScanner) readKey(stop byte) string {
	if k, ok := s.bareKey(stop); ok {
		return k
	}
	var parts []string
	var b strings.Builder
	for !s.eof() {
		c := s.peek(0)
		switch {
		case c == stop || c == '\n' || c == '#':
			return strings.Join(append(parts, b.String()), ".")
		case c == '"' || c == '\'':
			s.next()
			for !s.eof() && s.peek(0) != c && s.peek(0) != '\n' {
				if c == '"' && s.peek(0) == '\\' {
					s.next()
				}
				b.WriteByte(s.peek(0))
				s.next()
			}
			s.next()
		case c == '.':
			parts = append(parts, b.String())
			b.Reset()
			s.next()
		case c == ' ' || c == '\t':
			s.next()
		default:
			b.WriteByte(c)
			s.next()
		}
	}
	return strings.Join(append(parts, b.String()), ".")
}

// bareKey reads a key of bare parts (letters, digits, '-', '_', dots) up to stop, optionally
// followed by blanks, as one string. It consumes nothing unless it reports ok.
func (s *lineScanner) bareKey(stop byte) (string, bool) {
	end := s.i
	for end < len(s.src) && isBare(s.src[end]) {
		end++
	}
	rest := end
	for rest < len(s.src) && (s.src[rest] == ' ' || s.src[rest] == '\t') {
		rest++
	}
	if end == s.i || rest >= len(s.src) || s.src[rest] != stop || s.src[s.i] == '.' || s.src[end-1] == '.' || strings.Contains(s.src[s.i:end], "..") {
		return "", false
	}
	key := s.src[s.i:end]
	s.col += rest - s.i // no newline in between
	s.i = rest
	return key, true
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// scanValue reads a value up to the end of its (last) line, appending to elems where the
// elements of a top-level array start.
func (s *lineScanner) scanValue(elems []loc) []loc {
	depth := 0
	expect := false // inside the array, after '[' or ',': the next value starts an element
	for !s.eof() {
		c := s.peek(0)
		if expect && depth == 1 && !strings.ContainsRune(" \t\r\n#],", rune(c)) {
			elems = append(elems, s.at())
			expect = false
		}
		switch c {
		case '\n':
			s.next()
			if depth <= 0 {
				return elems
			}
		case '#':
			s.skipToEOL()
		case '[', '{':
			depth++
			expect = depth == 1 && c == '['
			s.next()
		case ']', '}':
			depth--
			s.next()
		case ',':
			expect = depth == 1
			s.next()
		case '"', '\'':
			s.skipString(c)
		default:
			s.next()
		}
	}
	return elems
}

func (s *lineScanner) skipString(q byte) {
	triple := `"""`
	if q == '\'' {
		triple = "'''"
	}
	if s.hasPrefix(triple) {
		s.next()
		s.next()
		s.next()
		for !s.eof() {
			if q == '"' && s.peek(0) == '\\' {
				s.next()
				s.next()
				continue
			}
			if s.hasPrefix(triple) {
				s.next()
				s.next()
				s.next()
				for s.peek(0) == q { // up to two quotes may end the content
					s.next()
				}
				return
			}
			s.next()
		}
		return
	}
	s.next()
	for !s.eof() && s.peek(0) != '\n' {
		c := s.peek(0)
		if q == '"' && c == '\\' {
			s.next()
			s.next()
			continue
		}
		s.next()
		if c == q {
			return
		}
	}
}
