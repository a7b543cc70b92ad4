// Package article finds who says what in an "experts react" article: the experts it quotes,
// each one's name, role and affiliation, and the part of the text that is theirs, apart
// from the editor's introduction, the editor's lead-ins and what belongs to no one.
//
// It reads plain text or Markdown, one paragraph per line (blank lines are allowed); a saved
// web page is first turned into such text by [FromHTML]. A roundup repeats one layout per
// expert, and the reader looks for that repetition: each of its layouts (see layouts.go)
// reads paragraphs as speaker lines, such as
//
//	Abbas Kadhim, director of the Iraq Initiative at the Atlantic Council:   a header line
//	Jane Doe | Senior Fellow, Chatham House                                 (colon or not)
//	Jane Doe tackles the problem of …:                                       an editor's lead-in
//	## Jane Doe, fellow at Chatham House                                     a heading
//	**Jane Doe:** The strike was a mistake.                                  a Q&A, name in bold
//	Jane Doe, fellow, X: “The strike was a mistake.”                          words on the line
//	JANE DOE is a senior fellow at X. …                                      a bio sentence
//	“…” — Jane Doe, fellow                                                   an attribution after
//	“The strike was a mistake,” said Jane Doe.                               a quote that names them
//
// and the reader keeps the layout, or the layouts placing the words on the same side, that
// explain the article best: the most experts, each with words of their own. When the user
// names the experts ([Options.Names]), their parts are found by those names, whatever the
// layout. Nothing is merged silently: a paragraph inside an expert's part that reads as
// another person's speaker line is left unassigned and reported in [Article.Notes].
package article

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest text Parse reads: the longest "experts react" pieces are a few
// tens of kilobytes; a saved web page may be larger (see MaxPageSize).
const MaxSize = 2 << 20

// Article is what Parse found.
type Article struct {
	// Title is the article's first line when it is a Markdown title ("# …"), else "".
	Title string
	// Intro is the editor's text before the first expert's part.
	Intro string
	// Experts are the experts in the order they first speak.
	Experts []Expert
	// Layout names the layout of the experts' speaker lines, for reports.
	Layout string
	// Unassigned are the paragraphs after the introduction that belong to no expert: the
	// editor's words between parts, headings that name no one, what could not be placed.
	Unassigned []Span
	// Notes say what the reader is unsure of, with the lines concerned.
	Notes []string
	// Missing are the names given in Options.Names that the reader found no part for.
	Missing []string
}

// Span is a paragraph of the text and its line.
type Span struct {
	Line int
	Text string
}

// Expert is one expert and their part of the article.
type Expert struct {
	Name, Role, Affiliation string
	// Line is the line of the first speaker line naming the expert (1-based); Lines are the
	// first and last lines of each of their parts.
	Line  int
	Lines [][2]int
	// Layout is the layout the expert was found in.
	Layout string
	// Paragraphs are the expert's words, quotation marks around a paragraph removed.
	Paragraphs []string
	// Editor are the editor's words in the expert's part: the lead-in that introduces them,
	// a bio, reported speech ("Doe says …"). They are the expert's for attribution, but not
	// their words.
	Editor []string
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

// Options tune Parse.
type Options struct {
	// Names are the experts' names as the user gives them: the reader then finds each one's
	// part by the name, whatever the layout, and reports the names it could not place.
	Names []string
	// Affiliation is the organisation of experts whose part gives none (the publisher of
	// a think tank's roundup), when known.
	Affiliation string
}

// Errors that Parse returns.
var (
	ErrNoExperts = errors.New(`no experts found: argmap tried these layouts: ` + layoutNames() + `; name the experts with --expert "Name" (repeatable) or --experts FILE`)
	ErrTooBig    = fmt.Errorf("the article is over %d MiB: is it the right file?", MaxSize>>20)
	ErrNotText   = errors.New("the article is not UTF-8 text")
)

func layoutNames() string {
	names := make([]string, len(layouts))
	for i, l := range layouts {
		names[i] = l.name
	}
	return strings.Join(names, "; ")
}

// Parse finds the experts of an article by its layout.
func Parse(text []byte) (*Article, error) { return ParseWith(text, Options{}) }

// ParseWith finds the experts of an article, by the names given in opt or else by its layout.
func ParseWith(text []byte, opt Options) (*Article, error) {
	if len(text) > MaxSize {
		return nil, ErrTooBig
	}
	if !utf8.Valid(text) || strings.ContainsRune(string(text), 0) {
		return nil, ErrNotText
	}
	s := strings.TrimPrefix(string(text), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	bs := blocks(s)
	a := &Article{}
	if len(bs) > 0 && bs[0].heading == 1 && bs[0].line == 1 {
		a.Title = bs[0].text
		bs = bs[1:]
	}
	cands := candidates(bs, opt.Names)
	best := chooseTemplate(bs, cands, opt.Names)
	if best == nil || len(best.experts) == 0 {
		if len(opt.Names) > 0 {
			return nil, fmt.Errorf("none of the experts named (%s) could be placed in the article", strings.Join(opt.Names, ", "))
		}
		return nil, ErrNoExperts
	}
	best.fill(a, bs, opt)
	return a, nil
}

// cand is a paragraph read as a speaker line by one layout.
type cand struct {
	at     int // index of the block
	layout int
	sp     speaker
	sure   float64 // how surely the name is a person's, 0.3 to 1
}

// candidates reads every paragraph with every layout. With names, only speaker lines of
// those names count, and a paragraph that opens with one of the names is a candidate too.
func candidates(bs []block, names []string) [][]cand {
	out := make([][]cand, len(layouts))
	for li, l := range layouts {
		if l.match == nil {
			continue
		}
		for i, b := range bs {
			sp, ok := l.match(b)
			if !ok {
				continue
			}
			if len(names) > 0 {
				k := matchName(sp.name, names)
				if k < 0 {
					continue
				}
				sp.name = names[k]
			}
			out[li] = append(out[li], cand{i, li, sp, 0})
		}
	}
	// With names given, each one's first mention starts a part too: the sentences that
	// name them are the editor's, the others theirs.
	for k, n := range names {
		for i, b := range bs {
			if b.heading > 0 || !mentions(b.text, n) {
				continue
			}
			sp := speaker{name: names[k]}
			var own, editor []string
			for _, sent := range Sentences(b.text) {
				if mentions(sent, n) {
					editor = append(editor, sent)
				} else {
					own = append(own, sent)
				}
			}
			sp.editor, sp.rest = strings.Join(editor, " "), strings.Join(own, " ")
			out[mentionLayout] = append(out[mentionLayout], cand{i, mentionLayout, sp, 0})
			break
		}
	}
	slices.SortFunc(out[mentionLayout], func(x, y cand) int { return x.at - y.at })
	// How sure each name is: a role, a given name, the family name said again elsewhere.
	count := map[string]int{}
	for _, b := range bs {
		for _, w := range strings.Fields(b.text) {
			if r, _ := utf8.DecodeRuneInString(w); r >= 'a' && r <= 'z' {
				continue // only capitalised words can be family names
			}
			for _, f := range foldName(w) {
				count[f]++
			}
		}
	}
	for li := range out {
		for k := range out[li] {
			c := &out[li][k]
			c.sure = sureness(c.sp, count, len(names) > 0)
		}
	}
	return out
}

// mentions reports whether a text names the person: their whole name or their first and
// family names, ignoring case, accents and punctuation.
func mentions(text, name string) bool {
	want := foldName(name)
	if len(want) == 0 {
		return false
	}
	words := foldName(text)
	for i := range words {
		if words[i] != want[0] {
			continue
		}
		if len(want) == 1 {
			return true
		}
		// The family name within the next few words: middle names and initials may come
		// between.
		for j := i + 1; j < len(words) && j <= i+len(want)+1; j++ {
			if words[j] == want[len(want)-1] {
				return true
			}
		}
	}
	return false
}

// sureness says how surely a speaker line's name is a person's; count holds how often each
// capitalised word occurs in the article.
func sureness(sp speaker, count map[string]int, named bool) float64 {
	f := foldName(sp.name)
	switch {
	case named, sp.role != "" || sp.affiliation != "", len(f) > 0 && givenNames()[f[0]]:
		return 1
	case len(f) > 0 && count[f[len(f)-1]] >= 2:
		return 0.8
	}
	return 0.4
}

// matchName returns the index of the name in names that is the same person as name: the
// best match, a family name alone only when one name has it.
func matchName(name string, names []string) int {
	best, bestScore, ties := -1, 0, 0
	for k, n := range names {
		switch s := SameName(name, n); {
		case s > bestScore:
			best, bestScore, ties = k, s, 0
		case s == bestScore && s > 0:
			ties++
		}
	}
	if ties > 0 {
		return -1
	}
	return best
}

// template is a reading of the article: the layouts it uses and the parts they give.
type template struct {
	layouts []int
	place   place
	parts   []part
	experts []string // distinct names, in order of first part
	score   float64
}

// part is one expert's part: a speaker line and the paragraphs it covers.
type part struct {
	c          cand
	first, end int // blocks [first, end) hold the expert's words and the editor's among them
}

// chooseTemplate tries every layout and every same-side combination a greedy search finds,
// and returns the reading with the best score.
func chooseTemplate(bs []block, cands [][]cand, names []string) *template {
	var best *template
	for li := range layouts {
		if len(cands[li]) == 0 {
			continue
		}
		t := segment(bs, cands, []int{li})
		for improved := true; improved; {
			improved = false
			for lj := range layouts {
				if slices.Contains(t.layouts, lj) || layouts[lj].place != layouts[li].place || len(cands[lj]) == 0 {
					continue
				}
				u := segment(bs, cands, append(slices.Clone(t.layouts), lj))
				if u.score > t.score+0.01 {
					t, improved = u, true
				}
			}
		}
		if best == nil || t.score > best.score+1e-9 {
			best = t
		}
	}
	return best
}

// segment reads the article with the given layouts: the parts they give, and a score.
func segment(bs []block, cands [][]cand, use []int) *template {
	t := &template{layouts: use, place: layouts[use[0]].place}
	at := map[int]cand{} // block -> its speaker line, the first layout in use that reads it
	for _, li := range use {
		for _, c := range cands[li] {
			if _, ok := at[c.at]; !ok {
				at[c.at] = c
			}
		}
	}
	var idx []int
	for i := range at {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	switch t.place {
	case before:
		for k, i := range idx {
			end := len(bs)
			if k+1 < len(idx) {
				end = idx[k+1]
			}
			// An explicit heading or bold line that names no one, or the page's matter after
			// the article, ends the part.
			for j := i + 1; j < end; j++ {
				if bs[j].heading > 0 || (bs[j].bold != "" && bs[j].rest == "") || endsArticle(bs[j].text) {
					end = j
					break
				}
			}
			t.parts = append(t.parts, part{c: at[i], first: i + 1, end: end})
		}
	case after:
		prev := -1
		for _, i := range idx {
			// The words run back from the attribution to the previous one or a break: a
			// heading, a headline-like line, a question, a line ending in a colon.
			first := i
			for j := i - 1; j > prev; j-- {
				if isBreak(bs[j]) {
					break
				}
				first = j
			}
			if prev < 0 && first < i {
				// Before the first attribution, without a break, keep only the closest
				// paragraph: the rest is the editor's introduction.
				broke := false
				for j := i - 1; j >= 0; j-- {
					if isBreak(bs[j]) {
						broke = true
						break
					}
				}
				if !broke {
					first = i - 1
				}
			}
			t.parts = append(t.parts, part{c: at[i], first: first, end: i})
			prev = i
		}
	case self:
		for _, i := range idx {
			t.parts = append(t.parts, part{c: at[i], first: i, end: i})
		}
	}
	seen := map[string]bool{}
	worth := 0.0
	for _, p := range t.parts {
		key := strings.Join(foldName(p.c.sp.name), " ")
		if !seen[key] {
			seen[key] = true
			t.experts = append(t.experts, p.c.sp.name)
		}
		words := p.c.sp.rest != ""
		for j := p.first; j < p.end && !words; j++ {
			words = !headlineLike(bs[j].text) && j != p.c.at
		}
		w := layouts[p.c.layout].weight * p.c.sure
		if words {
			worth += w
		} else {
			worth -= 0.5 * w
		}
	}
	t.score = worth
	return t
}

// isBreak reports whether a paragraph separates one expert's words from the text before them
// in a layout that names the expert after their words.
func isBreak(b block) bool {
	return b.heading > 0 || b.bold != "" && b.rest == "" || headlineLike(b.text) ||
		strings.HasSuffix(b.text, "?") && !startsQuoted(b.text) || strings.HasSuffix(b.text, ":")
}

// fill writes the template's reading into a.
func (t *template) fill(a *Article, bs []block, opt Options) {
	var names []string
	for _, li := range t.layouts {
		names = append(names, layouts[li].name)
	}
	a.Layout = strings.Join(names, "; ")
	owner := make([]int, len(bs)) // block -> expert+1, 0 for none, -1 for the editor's in a part
	byName := map[string]int{}
	introEnd := len(bs)
	if len(t.parts) > 0 {
		introEnd = min(t.parts[0].first, t.parts[0].c.at)
	}
	for _, p := range t.parts {
		key := strings.Join(foldName(p.c.sp.name), " ")
		k, ok := byName[key]
		if !ok {
			k = len(a.Experts)
			byName[key] = k
			a.Experts = append(a.Experts, Expert{Name: p.c.sp.name, Role: p.c.sp.role, Affiliation: p.c.sp.affiliation,
				Line: bs[p.c.at].line, Layout: layouts[p.c.layout].name})
		}
		e := &a.Experts[k]
		if e.Role == "" {
			e.Role = p.c.sp.role
		}
		if e.Affiliation == "" {
			e.Affiliation = p.c.sp.affiliation
		}
		lo, hi := min(p.first, p.c.at), max(p.end-1, p.c.at)
		e.Lines = append(e.Lines, [2]int{bs[lo].line, bs[hi].line})
		if p.c.sp.editor != "" {
			e.Editor = append(e.Editor, p.c.sp.editor)
		}
		var paras []string
		for j := p.first; j < p.end; j++ {
			if j == p.c.at {
				continue
			}
			b := bs[j]
			if other, ok := otherSpeaker(b, e.Name, opt.Names); ok {
				a.Notes = append(a.Notes, fmt.Sprintf("line %d looks like another speaker (%s): not assigned to %s", b.line, other, e.Name))
				owner[j] = 0
				// The rest of the part is that speaker's, not this one's.
				for ; j < p.end; j++ {
					a.Unassigned = append(a.Unassigned, Span{bs[j].line, bs[j].text})
					owner[j] = -2
				}
				break
			}
			if t.place == before && headlineLike(b.text) && !startsQuoted(b.text) {
				owner[j] = -1
				continue // "Story continued below", a caption
			}
			owner[j] = k + 1
			paras = append(paras, b.text)
		}
		if p.c.sp.rest != "" {
			if t.place == after {
				paras = append(paras, p.c.sp.rest)
			} else {
				paras = append([]string{p.c.sp.rest}, paras...)
			}
		}
		owner[p.c.at] = k + 1
		for _, para := range paras {
			if reported(para, e.Name) {
				e.Editor = append(e.Editor, para)
				continue
			}
			e.Paragraphs = append(e.Paragraphs, para)
		}
	}
	// When most of the experts' paragraphs are in quotation marks, those that are not are
	// the editor's.
	total, quoted := 0, 0
	for _, e := range a.Experts {
		for _, p := range e.Paragraphs {
			total++
			if startsQuoted(p) {
				quoted++
			}
		}
	}
	for k := range a.Experts {
		e := &a.Experts[k]
		var keep []string
		for _, p := range e.Paragraphs {
			switch {
			case t.place != self && quoted*2 > total && !startsQuoted(p):
				e.Editor = append(e.Editor, p)
			default:
				keep = append(keep, unquote(p))
			}
		}
		e.Paragraphs = keep
	}
	var intro []string
	for j := 0; j < introEnd; j++ {
		intro = append(intro, bs[j].raw)
	}
	a.Intro = strings.Join(intro, "\n")
	for j := introEnd; j < len(bs); j++ {
		if owner[j] == 0 {
			a.Unassigned = append(a.Unassigned, Span{bs[j].line, bs[j].text})
		}
	}
	slices.SortFunc(a.Unassigned, func(x, y Span) int { return x.Line - y.Line })
	a.Unassigned = slices.CompactFunc(a.Unassigned, func(x, y Span) bool { return x.Line == y.Line })
	// The affiliation given once for all: "Brookings experts", "our institute's scholars".
	org := opt.Affiliation
	if o := introAffiliation(a.Title + "\n" + a.Intro); o != "" {
		org = o
	}
	if org != "" {
		for k := range a.Experts {
			if a.Experts[k].Affiliation == "" {
				a.Experts[k].Affiliation = org
			}
		}
	}
	for _, n := range opt.Names {
		if a.Expert(n) < 0 {
			a.Missing = append(a.Missing, n)
		}
	}
}

// Expert returns the index in a.Experts of the expert of that name, as people write names
// (case, accents, middle names and initials aside; the family name alone when only one
// expert has it), or -1.
func (a *Article) Expert(name string) int { return matchName(name, a.expertNames()) }

func (a *Article) expertNames() []string {
	out := make([]string, len(a.Experts))
	for i, e := range a.Experts {
		out[i] = e.Name
	}
	return out
}

// otherSpeaker reports whether a paragraph inside an expert's part reads as the speaker line
// of someone else: a header or a bold name in any layout, with another name.
func otherSpeaker(b block, name string, names []string) (string, bool) {
	for _, f := range []func(block) (speaker, bool){headingLine, boldName, headerLine} {
		sp, ok := f(b)
		if !ok || SameName(sp.name, name) > 0 {
			continue
		}
		if len(names) > 0 && matchName(sp.name, names) < 0 {
			continue // with names given, only those are speakers
		}
		if sp.role == "" && sp.affiliation == "" && b.heading == 0 && b.bold == "" {
			continue // a bare name line inside a part: a caption, a byline
		}
		desc := sp.name
		if sp.role != "" {
			desc += ", " + sp.role
		}
		return desc, true
	}
	return "", false
}

// reported reports whether a paragraph is the editor's words about the expert rather than
// theirs: "Doe was …", "He says …", unquoted.
func reported(p, name string) bool {
	if startsQuoted(p) {
		return false
	}
	f := strings.Fields(p)
	if len(f) < 2 {
		return false
	}
	first := strings.Trim(f[0], ",")
	fn := foldName(name)
	subject := first == "He" || first == "She" || first == "They" ||
		len(fn) > 0 && strings.Join(foldName(first), "") == fn[len(fn)-1] ||
		len(f) >= 3 && SameName(f[0]+" "+f[1], name) >= 2
	if !subject {
		return false
	}
	verb := strings.ToLower(f[1])
	if len(f) >= 3 && SameName(f[0]+" "+f[1], name) >= 2 {
		verb = strings.ToLower(f[2])
	}
	switch strings.Trim(verb, ",") {
	case "is", "was", "has", "had", "says", "said", "argues", "argued", "notes", "noted", "adds", "added",
		"believes", "thinks", "warns", "warned", "explains", "explained", "writes", "wrote", "serves", "served", "told", "tells":
		return true
	}
	return false
}

// introAffiliation finds the organisation the introduction names for all the experts:
// "Brookings experts", "Heritage Foundation experts weighed in", "our Chatham House
// colleagues"; "" when it names none.
func introAffiliation(intro string) string {
	for _, m := range pat().introOrg.FindAllStringSubmatch(intro, -1) {
		org := strings.TrimSpace(m[1])
		words := strings.Fields(org)
		for len(words) > 0 && notNames[strings.ToLower(words[0])] && !orgWords[strings.ToLower(words[0])] {
			words = words[1:] // "We asked Brookings …"
		}
		for len(words) > 0 {
			w := strings.ToLower(words[len(words)-1])
			if w == "of" || w == "for" || w == "and" || w == "on" {
				words = words[:len(words)-1]
				continue
			}
			break
		}
		if len(words) == 0 || len(words) > 6 {
			continue
		}
		org = strings.TrimSuffix(strings.TrimSuffix(strings.Join(words, " "), "’s"), "'s")
		switch strings.ToLower(org) {
		case "many", "several", "some", "our", "the", "five", "three", "four", "two", "six", "seven", "korea", "foreign":
			continue
		}
		return org
	}
	return ""
}

// isName reports whether s reads as a person's name.
func isName(s string) bool {
	name, end, ok := nameAt(s)
	return ok && name != "" && strings.TrimSpace(s[end:]) == ""
}
