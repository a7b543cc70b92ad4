// Package ids makes debate ids (lower-case ASCII letters, digits, '-' and '_', at most 64)
// from names and texts, unique among those already used.
package ids

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Expert makes an expert id from a name: the family name (the last word; for a name glossed
// in brackets, "شبلي تلحمي (Shibley Telhami)", the gloss's), or fallback when that has no
// ASCII letter or digit.
func Expert(name, fallback string, used map[string]bool) string {
	if open := strings.LastIndex(name, "("); open >= 0 && strings.HasSuffix(name, ")") {
		name = name[open+1 : len(name)-1]
	}
	words := strings.Fields(name)
	base := ""
	if len(words) > 0 {
		base = Fold(words[len(words)-1])
	}
	return Unique(base, fallback, used)
}

// Slug makes an id from the first words of a text: "Iraq is returning to insurgency"
// gives "iraq-is-returning-to".
func Slug(text string, words int, fallback string, used map[string]bool) string {
	var parts []string
	for _, w := range strings.Fields(text) {
		if f := Fold(w); f != "" {
			parts = append(parts, f)
		}
		if len(parts) == words {
			break
		}
	}
	return Unique(strings.Join(parts, "-"), fallback, used)
}

// Unique returns base (or fallback when base is empty), with "-2", "-3"… when it is used,
// and marks it used.
func Unique(base, fallback string, used map[string]bool) string {
	if base == "" {
		base = fallback
	}
	if len(base) > 60 {
		base = strings.TrimRight(base[:60], "-")
	}
	id := base
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Fold folds a word to id characters: "O’Neill" gives "oneill", "Jürgen" "jurgen",
// "El-Sayed" "el-sayed".
func Fold(w string) string {
	w, _, _ = transform.String(stripMarks, strings.ToLower(w))
	var b strings.Builder
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' && b.Len() > 0:
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "-")
}
