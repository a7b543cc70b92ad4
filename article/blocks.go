package article

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// block is one paragraph of the article: a line of its text.
type block struct {
	line    int    // 1-based line in the text
	raw     string // the line as written, trimmed
	text    string // the paragraph without its Markdown markers
	heading int    // its Markdown heading level ("## …"), 0 if none
	bold    string // a bold run that opens it ("**Jane Doe:** …"), without the stars
	rest    string // with bold: the text after the bold run
}

// blocks splits a text into its paragraphs, a line each, blank lines left out.
func blocks(s string) []block {
	var out []block
	lastLine := 0
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimSpace(strings.TrimLeft(line, "•·▪●"))
		if line == "" {
			continue
		}
		// A paragraph broken across lines: the line goes on one that does not end a
		// sentence, and it starts in lower case.
		if n := len(out); n > 0 && out[n-1].heading == 0 && out[n-1].line == lastLine && continues(out[n-1].text, line) {
			out[n-1].text += " " + line
			out[n-1].raw += " " + line
			lastLine = i + 1
			continue
		}
		lastLine = i + 1
		b := block{line: i + 1, text: line, raw: line}
		if m := pat().mdHeading.FindStringSubmatch(line); m != nil {
			b.heading = strings.IndexFunc(line, func(r rune) bool { return r != '#' })
			b.text = strings.TrimSpace(m[1])
		}
		if strings.HasPrefix(b.text, "> ") {
			b.text = strings.TrimSpace(b.text[2:])
		}
		if m := pat().boldLead.FindStringSubmatch(b.text); m != nil {
			b.bold = strings.TrimSpace(m[1])
			b.rest = strings.TrimSpace(m[2])
			b.text = strings.TrimSpace(b.bold + " " + b.rest)
			if strings.HasPrefix(b.rest, ":") {
				b.text = b.bold + b.rest
			}
		}
		b.text = strings.ReplaceAll(b.text, "**", "")
		out = append(out, b)
	}
	return out
}

// continues reports whether line goes on with the paragraph prev: prev does not end as a
// sentence or a speaker line does, and line starts with a lower-case letter.
func continues(prev, line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"'”’)]»`))
	if strings.ContainsRune(".!?:;…", last) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}

// patterns are the regular expressions of the reader, compiled on first use: every argmap
// process would otherwise pay for them at start-up, and only new --from and check --source
// read articles.
type patterns struct {
	mdHeading, boldLead *regexp.Regexp
	speech              *regexp.Regexp // verbs that end a lead-in's name or role ("Jane Doe, fellow at X, argues that")
	atOrg, possessive   *regexp.Regexp
	bio                 *regexp.Regexp // "is a senior fellow at …" after a name
	saidAfter           *regexp.Regexp // "…,” said Jane Doe." / "…,” Doe says."
	introOrg            *regexp.Regexp // "Brookings experts", "the institute's scholars"
	date                *regexp.Regexp
	party               *regexp.Regexp // "R-Mo.", "D-Md."
}

var pat = sync.OnceValue(func() *patterns {
	const verbs = `says|said|argues|argued|writes|wrote|notes|noted|explains|explained|warns|warned|believes|thinks|told|tells|adds|added|contends|predicts|observes|comments|suggests|points out|put it|agrees|disagrees|asserts|asked|asks|cautions|cautioned|insists|insisted|stresses|stressed|emphasizes|emphasised|emphasized|concludes|concluded|responds|responded|recalls|recalled|maintains|maintained|replies|replied`
	return &patterns{
		mdHeading:  regexp.MustCompile(`^#{1,6}\s+(.+?)\s*#*$`),
		boldLead:   regexp.MustCompile(`^\*\*([^*]+?)\*\*\s*(.*)$`),
		speech:     regexp.MustCompile(`(?i),?\s+\b(` + verbs + `)\b.*$`),
		atOrg:      regexp.MustCompile(`^(.*?)\s+at\s+(?:the\s+)?(\p{Lu}[^,;]*)$`),
		possessive: regexp.MustCompile(`^(.*?\b(?:of|with|at|for)\s+)(?:the\s+)?(\p{Lu}[\p{L}\p{N} .&-]*?)[’']s\s+(.+)$`),
		bio:        regexp.MustCompile(`^(?:,\s*|\s+)(?:is|was|serves as|has been|, who is)\s+(?:a|an|the)?\s*(.+?)(?:\.\s|\.$|;|$)`),
		saidAfter:  regexp.MustCompile(`[,.?!]['’”"]?\s+(?:(?:` + verbs + `)\s+(.{3,80}?)|(.{3,80}?)\s+(?:` + verbs + `)(?:\s+[\p{Lu}][\p{L} ]{1,40})?)[.:]?\s*(?:['‘“"]|$)`),
		introOrg:   regexp.MustCompile(`((?:\p{Lu}[\p{L}&’'-]*)(?:\s+(?:\p{Lu}[\p{L}&’'-]*|of|for|and|on))*)(?:[’']s)?\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}?(?:experts|scholars|analysts|fellows|specialists|researchers|economists|staff)\b`),
		party:      regexp.MustCompile(`^[A-Z]{1,3}\s*[-–]\s*[A-Z][A-Za-z.]{1,5}$`),
		date:       regexp.MustCompile(`\b(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}?,?\s*\d{4}\b`),
	}
})

// startsQuoted reports whether s opens with a quotation mark.
func startsQuoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '«' || r == '„' || r == '‘' || r == '「' || r == '\''
}

// unquote removes the quotation marks that open (and close) a quoted paragraph.
func unquote(s string) string {
	if !startsQuoted(s) {
		return s
	}
	_, n := utf8.DecodeRuneInString(s)
	s = s[n:]
	if r, n := utf8.DecodeLastRuneInString(s); r == '”' || r == '"' || r == '»' || r == '“' || r == '’' || r == '」' {
		s = s[:len(s)-n]
	}
	return strings.TrimSpace(s)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// headlineLike reports whether a paragraph reads as a headline, a label or a menu entry
// rather than prose: short, and not ending as a sentence does.
func headlineLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 14 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'”’)]»`))
	return last != '.' && last != '!' && last != ':' && last != ',' && last != ';' && last != '…'
}

// endsArticle reports whether a paragraph is the page's matter after the article: related
// links, sharing, tags, copyright.
func endsArticle(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"related", "read more", "more from", "share this", "subscribe", "sign up", "©", "copyright", "all rights reserved", "about the author", "further reading", "recommended", "you may also like", "tags:", "topics:", "comments"} {
		if strings.HasPrefix(l, p) {
			return headlineLike(s) || len(s) < 80
		}
	}
	return false
}
