package argmap

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuoteWords is the length above which a quote is no longer "a short excerpt".
const maxQuoteWords = 45

// NormalizeText prepares text for quote matching: curly quotes become straight, dashes
// become '-', the ellipsis becomes "...", and runs of white space become one space (none
// around a dash).
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, lastDash := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		r = normalized(r)
		if space && b.Len() > 0 && r != '-' && !lastDash {
			b.WriteByte(' ')
		}
		space, lastDash = false, r == '-'
		if r == '…' {
			b.WriteString("...")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normalized maps curly quotes to straight ones and dashes to '-'; the ellipsis is left for
// NormalizeText to spell out.
func normalized(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`':
		return '\''
	case '“', '”', '„', '‟', '″':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return r
}

func (v *validator) checkQuoteLength(q string, at Pos) {
	words := len(strings.Fields(q))
	switch {
	case words > maxQuoteWords:
		v.diags.warnf(at, "quote is %d words long: a quote is a short excerpt, one sentence at most", words)
	case sentences(q) > 1:
		v.diags.warnf(at, "quote spans more than one sentence: a quote is one sentence at most")
	}
}

// sentences counts sentences in s, roughly: a '.', '!' or '?' followed by a space and a
// capital letter ends one, unless the word before it is a short abbreviation ("Gen.").
func sentences(s string) int {
	words := strings.Fields(NormalizeText(s))
	n := 1
	for i := 0; i+1 < len(words); i++ {
		w := strings.TrimRight(words[i], `"')`)
		if w == "" || !strings.ContainsAny(w[len(w)-1:], ".!?") {
			continue
		}
		next := strings.TrimLeft(words[i+1], `"'(`)
		if next == "" || !unicode.IsUpper([]rune(next)[0]) {
			continue
		}
		if core := strings.TrimRight(w, ".!?"); len(core) <= 3 && core != "" && unicode.IsUpper([]rune(core)[0]) {
			continue // "Maj.", "Gen.", "U.S."
		}
		n++
	}
	return n
}

// quotesInSource reports every quote that does not occur in the source text.
func (v *validator) quotesInSource(xs []*expertDecl, source string) {
	src := NormalizeText(source)
	check := func(q string, at Pos) {
		nq := NormalizeText(q)
		if nq == "" || containsWords(src, nq) {
			return
		}
		v.diags.add(at, Error, quoteHint(src, nq), "quote does not occur in the source")
	}
	for _, x := range xs {
		for _, cd := range x.claims {
			if cd.c.Quote != "" {
				check(cd.c.Quote, cd.quoteAt)
			}
		}
		for _, sd := range x.stances {
			if sd.s.Quote != "" {
				check(sd.s.Quote, sd.quoteAt)
			}
		}
	}
}

// quoteHint says where a quote stops matching the source: the longest run of its first
// words that does occur.
func quoteHint(src, q string) string {
	if strings.Contains(src, q) {
		return "it occurs only inside longer words: quote whole words"
	}
	words := strings.Fields(q)
	lo, hi := 0, len(words) // words[:lo] occurs; words[:hi+1] may not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(src, strings.Join(words[:mid], " ")) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "not even its first word occurs; is --source the right text?"
	}
	return fmt.Sprintf("the source has %q but not what follows it", strings.Join(words[:lo], " "))
}

// containsWords reports whether q occurs in src without starting or ending inside a word:
// "ear to have" does not match "appear to have".
func containsWords(src, q string) bool {
	for from := 0; ; {
		i := strings.Index(src[from:], q)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(q)
		before, _ := utf8.DecodeLastRuneInString(src[:i])
		after, _ := utf8.DecodeRuneInString(src[j:])
		first, _ := utf8.DecodeRuneInString(q)
		last, _ := utf8.DecodeLastRuneInString(q)
		startsInWord := i > 0 && isWordRune(before) && isWordRune(first)
		endsInWord := j < len(src) && isWordRune(after) && isWordRune(last)
		if !startsInWord && !endsInWord {
			return true
		}
		_, size := utf8.DecodeRuneInString(src[i:])
		from = i + size
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
