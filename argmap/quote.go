package argmap

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/article"
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

// checkQuoteLength warns about a quote longer than a sentence; subject is its claim's
// reference, or EXPERT/PROPOSITION for a stance's.
func (v *validator) checkQuoteLength(q string, at Pos, subject string) {
	words := len(strings.Fields(q))
	switch {
	case words > maxQuoteWords:
		v.diags.warnf(at, "long-quote", subject, "quote is %d words long: a quote is a short excerpt, one sentence at most", words)
	case sentences(q) > 1:
		v.diags.warnf(at, "multi-sentence-quote", subject, "quote spans more than one sentence: a quote is one sentence at most")
	}
}

// sentences counts the sentences of s by the rules the article reader splits an expert's
// words with (abbreviations and initials do not end one), so that check and new --from agree
// on what one sentence is.
func sentences(s string) int { return len(article.Sentences(NormalizeText(s))) }

// quotesInSource reports every quote that does not occur in the source text. When most
// quotes miss (more than half, and at least 3), the source is probably not the debate's:
// that is said once instead.
func (v *validator) quotesInSources(d *Debate, xs []*expertDecl, opt Options) {
	bySource := map[string][]quote{}
	for _, x := range xs {
		for _, cd := range x.claims {
			id := d.SourceOf(x.e, cd.c)
			bySource[id] = append(bySource[id], quote{NormalizeText(cd.c.Quote), cd.quoteAt, x.e})
		}
		for _, sd := range x.stances {
			id := d.SourceOf(x.e, nil)
			bySource[id] = append(bySource[id], quote{NormalizeText(sd.s.Quote), x.pos(sd.quoteAt), x.e})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(bySource)) {
		text, name := opt.Sources[id], opt.SourceNames[id]
		if text == "" && (id == "" || len(d.Sources) > 0 && id == d.Sources[0].ID) {
			text, name = opt.Source, opt.SourceName // the one source, or the first of several
		}
		if text != "" {
			v.quotesInSource(bySource[id], text, name)
		}
	}
}

// quotesInSource checks quotes against one source text.
func (v *validator) quotesInSource(quotes []quote, source, name string) {
	quotes = slices.DeleteFunc(quotes, func(q quote) bool { return q.q == "" })
	texts := make([]string, len(quotes))
	for i, q := range quotes {
		texts[i] = q.q
	}
	res := searchQuotes(NormalizeText(source), texts)
	missed := 0
	for _, r := range res {
		if !r.found {
			missed++
		}
	}
	if missed >= 3 && 2*missed > len(quotes) {
		if name == "" {
			name = "the source"
		}
		v.diags.add(whole(name), Error, "check that --source names the text the experts' reactions were published in",
			"%d of %d quotes do not occur in %s: it is probably not the debate's source", missed, len(quotes), name)
		return
	}
	for i, r := range res {
		if !r.found {
			v.diags.add(quotes[i].at, Error, quoteHint(texts[i], r.longest), "quote does not occur in the source")
		}
	}
	v.attribute(quotes, res, source, name)
}

// quote is a quote of the debate, normalised, with where it is and whose it is.
type quote struct {
	q      string
	at     Pos
	expert *Expert
}

// quoteHint says where quote q stops matching the source, given the length of its longest
// prefix that occurs there: the run of its first words that does occur.
func quoteHint(q string, longest int) string {
	if longest == len(q) {
		return "it occurs only inside longer words: quote whole words"
	}
	// Words are separated by single spaces in normalised text: the prefix ends at a space,
	// or the word after it is cut.
	end := strings.LastIndexByte(q[:longest+1], ' ')
	if end <= 0 {
		return "not even its first word occurs; is --source the right text?"
	}
	return fmt.Sprintf("the source has %q but not what follows it", q[:end])
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
