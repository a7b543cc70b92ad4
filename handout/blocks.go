package handout

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap-dev/argmap/argmap"
)

// blockKind is what a block of the document is.
type blockKind int

const (
	headingBlock blockKind = iota
	paraBlock
	listBlock
	tableBlock
	mapBlock // the whole-debate map, with text as its caption; only the key has one
)

// block is one piece of a handout, in reading order. Its texts are plain: each writer
// escapes them for its format.
type block struct {
	kind  blockKind
	level int    // heading: 1 to 3
	text  string // heading, paragraph, map caption
	items []item
	head  []string
	rows  [][]string
	grid  bool // a table with the analysts in the columns after the first
}

// item is a list entry: its label (a statement number, "P3") and text.
type item struct{ label, text string }

func heading(level int, text string) block {
	return block{kind: headingBlock, level: level, text: text}
}
func para(text string) block  { return block{kind: paraBlock, text: text} }
func list(items []item) block { return block{kind: listBlock, items: items} }

// listOr is a list of items, or the paragraph none when there are no items.
func listOr(items []item, none string) block {
	if len(items) == 0 {
		return para(none)
	}
	return list(items)
}
func table(head []string, rows [][]string, grid bool) block {
	return block{kind: tableBlock, head: head, rows: rows, grid: grid}
}

// redactor replaces the experts' names, the words of their names, their sort names, ids and
// affiliations in a text: a name by "Analyst X", an affiliation by "[affiliation]". Matches
// ignore case and must not sit inside a longer word ("Hof" is replaced, "Hofmann" is not).
type redactor struct {
	keys []*regexp.Regexp // anchored, case-insensitive, longest name first
	to   []string
}

// minWord is the shortest word of a name that is redacted on its own: shorter ones ("Al",
// "de") are too common to replace.
const minWord = 3

func newRedactor(experts []*argmap.Expert, letter map[string]string) *redactor {
	repl := map[string]string{} // lower-cased name -> replacement
	set := func(s, to string) {
		s = strings.Join(strings.Fields(s), " ")
		if utf8.RuneCountInString(s) < minWord {
			return
		}
		k := strings.ToLower(s)
		if _, ok := repl[k]; !ok {
			repl[k] = to
		}
	}
	// Whole names first: a word shared by two experts' names goes to the first who has it.
	for _, e := range experts {
		to := "Analyst " + letter[e.ID]
		set(e.Name, to)
		set(e.SortName, to)
		set(e.ID, to)
		set(strings.ReplaceAll(e.ID, "-", " "), to)
	}
	for _, e := range experts {
		to := "Analyst " + letter[e.ID]
		for _, w := range strings.FieldsFunc(e.Name+" "+e.SortName+" "+e.ID, func(r rune) bool {
			return !wordRune(r) && r != '\'' && r != '\u2019'
		}) {
			set(w, to)
		}
	}
	for _, e := range experts {
		set(e.Affiliation, "[affiliation]")
	}
	keys := make([]string, 0, len(repl))
	for k := range repl {
		keys = append(keys, k)
	}
	// Longest first, so that a full name wins over its words.
	slices.SortFunc(keys, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	r := &redactor{}
	for _, k := range keys {
		r.keys = append(r.keys, regexp.MustCompile(`^(?i:`+flexible(k)+`)`))
		r.to = append(r.to, repl[k])
	}
	return r
}

// flexible is a regular expression for s with any run of spaces matching any white space.
func flexible(s string) string {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(parts, `\s+`)
}

// apply returns s with the names replaced. At each start of a word it tries the names,
// longest first, and takes the first that ends at the end of a word.
func (r *redactor) apply(s string) string {
	if len(r.keys) == 0 {
		return s
	}
	var b strings.Builder
	last, prev := 0, rune(' ')
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if wordRune(c) && !wordRune(prev) {
			if n, to := r.match(s[i:]); n > 0 {
				b.WriteString(s[last:i])
				b.WriteString(to)
				i += n
				last = i
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
				continue
			}
		}
		prev = c
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func (r *redactor) match(s string) (int, string) {
	for i, re := range r.keys {
		l := re.FindStringIndex(s)
		if l == nil {
			continue
		}
		if after, _ := utf8.DecodeRuneInString(s[l[1]:]); !wordRune(after) {
			return l[1], r.to[i]
		}
	}
	return 0, ""
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
