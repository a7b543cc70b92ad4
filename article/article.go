// Package article finds who says what in an "experts react" article: the experts it quotes,
// each one's name, role and affiliation, and the part of the text that is theirs (their
// section), apart from the editor's introduction.
//
// It reads plain text or Markdown, one paragraph per line (blank lines are allowed), and
// knows the common layouts of such pieces:
//
//	Abbas Kadhim, director of the Iraq Initiative at the Atlantic Council:   a header line,
//	“The attack on Camp Taji is …”                                           then their paragraphs
//
//	Jane Doe, a fellow at Chatham House, argues that the strike was a mistake:   a lead-in
//	Jane Doe says the strike changes little:                                     sentence
//	Jane Doe (Chatham House): The strike was a mistake. …                        name and organisation
//	## Jane Doe, fellow at Chatham House                                         a Markdown heading
//	**Jane Doe:** The strike was a mistake.                                      a Q&A, name in bold
//
// A section runs from its header to the next expert's header; text after a heading or a bold
// line that names nobody (a question, "Further reading") belongs to no expert. When most of
// the experts' paragraphs are in quotation marks, paragraphs that are not are taken as the
// editor's and belong to no expert either. Several sections of one name make one expert.
package article

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MaxSize is the largest article Parse reads: the longest "experts react" pieces are a few
// tens of kilobytes.
const MaxSize = 2 << 20

// Article is what Parse found.
type Article struct {
	// Title is the article's first line when it is a Markdown title ("# …"), else "".
	Title string
	// Intro is the text before the first expert's header.
	Intro string
	// Experts are the experts in the order they first speak.
	Experts []Expert
	// Layout names the layout of the first header found, for reports.
	Layout string
}

// Expert is one expert's section.
type Expert struct {
	Name, Role, Affiliation string
	// Line is the line of the first header naming the expert (1-based).
	Line int
	// Paragraphs are the expert's words, quotation marks around a paragraph removed.
	Paragraphs []string
}

// Text returns the expert's words as one text, a paragraph a line.
func (e Expert) Text() string { return strings.Join(e.Paragraphs, "\n") }

// Sentences returns the expert's sentences, in order.
func (e Expert) Sentences() []string {
	var out []string
	for _, p := range e.Paragraphs {
		out = append(out, Sentences(p)...)
	}
	return out
}

// Errors that Parse returns.
var (
	ErrNoExperts = errors.New(`no experts found: argmap knows these layouts: a line "Name, role at Organisation:" before their paragraphs; a lead-in "Name says …:" or "Name, role, argues that …:"; "Name (Organisation): …"; a Markdown heading "## Name" per expert; a Q&A with "**Name:**" in bold`)
	ErrTooBig    = errors.New("the article is over 2 MiB: is it the right file?")
	ErrNotText   = errors.New("the article is not UTF-8 text")
)

// Parse finds the experts of an article.
func Parse(text []byte) (*Article, error) {
	if len(text) > MaxSize {
		return nil, ErrTooBig
	}
	if !utf8.Valid(text) || strings.ContainsRune(string(text), 0) {
		return nil, ErrNotText
	}
	s := strings.TrimPrefix(string(text), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	a := &Article{}
	var intro []string
	var cur *Expert  // the section being read; nil in the intro or after a non-expert break
	started := false // whether a header has been seen
	byName := map[string]int{}
	var paras []para // every paragraph of a section, to drop the editor's afterwards
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if i == 0 && strings.HasPrefix(line, "# ") {
			a.Title = strings.TrimSpace(strings.TrimPrefix(line, "# "))
			continue
		}
		h, isHeader := header(line)
		switch {
		case isHeader && h.name != "":
			k, ok := byName[h.name]
			if !ok {
				k = len(a.Experts)
				byName[h.name] = k
				a.Experts = append(a.Experts, Expert{Name: h.name, Role: h.role, Affiliation: h.affiliation, Line: i + 1})
				if a.Layout == "" {
					a.Layout = h.layout
				}
			}
			cur, started = &a.Experts[k], true
			if h.rest != "" {
				paras = append(paras, para{expert: k, text: h.rest, inline: true})
			}
			_ = cur
		case isHeader: // a heading or bold line that names no one
			cur = nil
			if !started {
				intro = append(intro, line)
			}
		case cur != nil:
			paras = append(paras, para{expert: byName[cur.Name], text: line})
		case !started:
			intro = append(intro, line)
		}
	}
	if len(a.Experts) == 0 {
		return nil, ErrNoExperts
	}
	a.Intro = strings.Join(intro, "\n")
	quoted := 0
	for _, p := range paras {
		if !p.inline && startsQuoted(p.text) {
			quoted++
		}
	}
	mostlyQuoted := quoted*2 > len(paras)
	for _, p := range paras {
		if mostlyQuoted && !p.inline && !startsQuoted(p.text) {
			continue // the editor's words between the quotes
		}
		a.Experts[p.expert].Paragraphs = append(a.Experts[p.expert].Paragraphs, unquote(p.text))
	}
	return a, nil
}

type para struct {
	expert int
	text   string
	inline bool // on the header's own line ("Name (Org): text")
}

// found is a header line's reading.
type found struct {
	name, role, affiliation string
	rest                    string // the expert's words on the header line itself
	layout                  string
}

// patterns are the regular expressions of header lines, compiled on first use: every argmap
// process would otherwise pay for them at start-up, and only new --from and check --source
// read articles.
type patterns struct {
	mdHeading, boldLead, parenOrg *regexp.Regexp
	speech                        *regexp.Regexp // verbs that end a lead-in's name or role ("Jane Doe, fellow at X, argues that")
	atOrg, possessive             *regexp.Regexp
	glossed                       *regexp.Regexp // a name followed by the same name in another script, in brackets
}

var pat = sync.OnceValue(func() *patterns {
	return &patterns{
		mdHeading:  regexp.MustCompile(`^#{2,6}\s+(.+?)\s*#*$`),
		boldLead:   regexp.MustCompile(`^\*\*([^*]+?)\*\*\s*(.*)$`),
		parenOrg:   regexp.MustCompile(`^([^():“”"]{3,80}?)\s+\(([^()]{2,120})\)\s*:\s*(.*)$`),
		speech:     regexp.MustCompile(`(?i),?\s+\b(says|said|argues|argued|writes|wrote|notes|noted|explains|explained|warns|warned|believes|thinks|told|tells|adds|added|contends|predicts|observes|comments|suggests|points out|put it|agrees|disagrees)\b.*$`),
		atOrg:      regexp.MustCompile(`^(.*?)\s+at\s+(?:the\s+)?(\p{Lu}[^,;]*)$`),
		possessive: regexp.MustCompile(`^(.*?\b(?:of|with|at|for)\s+)(?:the\s+)?(\p{Lu}[\p{L}\p{N} .&-]*?)[’']s\s+(.+)$`),
		glossed:    regexp.MustCompile(`^([^()]+?)\s*\(([^()]+)\)$`),
	}
})

// header reads a line as an expert's header. It reports ok with an empty name for a
// heading or bold line that names no one (a break in the text).
func header(line string) (f found, ok bool) {
	if m := pat().mdHeading.FindStringSubmatch(line); m != nil {
		f = nameRole(strings.TrimSuffix(m[1], ":"))
		f.layout = "a Markdown heading per expert"
		return f, true
	}
	if m := pat().boldLead.FindStringSubmatch(line); m != nil {
		inner := strings.TrimSpace(m[1])
		rest := strings.TrimSpace(m[2])
		if strings.HasSuffix(inner, ":") || strings.HasPrefix(rest, ":") {
			f = nameRole(strings.TrimSuffix(inner, ":"))
			f.rest = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
			f.layout = "a Q&A with names in bold"
			return f, true
		}
		return found{}, true // a bold question or subheading
	}
	if startsQuoted(line) {
		return found{}, false
	}
	if m := pat().parenOrg.FindStringSubmatch(line); m != nil && isName(m[1]) {
		return found{name: m[1], affiliation: strings.TrimSpace(m[2]), rest: m[3], layout: `"Name (Organisation): …"`}, true
	}
	if strings.HasSuffix(line, ":") && utf8.RuneCountInString(line) <= 300 {
		body := strings.TrimSuffix(line, ":")
		if name, after, ok := strings.Cut(body, ","); ok && isName(name) {
			f = nameRole(body)
			if pat().speech.MatchString(after) {
				f.layout = `a lead-in "Name, role, argues that …:"`
			} else {
				f.layout = `a line "Name, role at Organisation:"`
			}
			return f, true
		}
		if loc := pat().speech.FindStringIndex(body); loc != nil && isName(body[:loc[0]]) {
			return found{name: strings.TrimSpace(body[:loc[0]]), layout: `a lead-in "Name says …:"`}, true
		}
	}
	return found{}, false
}

// nameRole splits "Name, role at Organisation, says …" into its parts.
func nameRole(s string) found {
	s = strings.TrimSpace(s)
	name, role, _ := strings.Cut(s, ",")
	name = strings.TrimSpace(name)
	if !isName(name) {
		return found{}
	}
	role = strings.TrimSpace(pat().speech.ReplaceAllString(role, ""))
	role = strings.TrimSuffix(strings.TrimSpace(role), ",")
	for _, article := range []string{"a ", "an ", "the "} {
		role = strings.TrimPrefix(role, article)
	}
	role, affiliation := splitAffiliation(role)
	return found{name: name, role: capitalize(role), affiliation: affiliation}
}

// splitAffiliation takes the organisation out of a role: "director of the Iraq Initiative at
// the Atlantic Council" and "director of the Atlantic Council’s Iraq Initiative" both give
// ("director of the Iraq Initiative", "Atlantic Council").
func splitAffiliation(role string) (string, string) {
	if m := pat().atOrg.FindStringSubmatch(role); m != nil && m[1] != "" {
		return m[1], strings.TrimSpace(m[2])
	}
	if m := pat().possessive.FindStringSubmatch(role); m != nil {
		return m[1] + "the " + m[3], strings.TrimSpace(m[2])
	}
	return role, ""
}

// particles are the lower-case words that names may hold.
var particles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "den": true, "van": true,
	"von": true, "la": true, "le": true, "du": true, "dos": true, "das": true, "al": true,
	"el": true, "bin": true, "ibn": true, "ben": true, "y": true, "e": true, "di": true, "zu": true,
}

// isName reports whether s reads as a person's name: two to six words, each starting with a
// letter that is not lower case (scripts without case pass), or a particle ("van", "al-"),
// with no sentence punctuation.
func isName(s string) bool {
	s = strings.TrimSpace(s)
	if m := pat().glossed.FindStringSubmatch(s); m != nil { // "شبلي تلحمي (Shibley Telhami)"
		return isName(m[1]) && isName(m[2])
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 || strings.ContainsAny(s, ":;!?“”\"()[]*#") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.TrimRight(w, "-"))
		switch {
		case particles[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-"):
		case unicode.IsLetter(r) && !unicode.IsLower(r):
		default:
			return false
		}
	}
	last, _ := utf8.DecodeRuneInString(words[len(words)-1])
	return !unicode.IsLower(last)
}

func startsQuoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '«' || r == '„' || r == '‘' || r == '「'
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
