package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A layout is one way a roundup marks whose words follow (or precede): a header line, a bold
// name, an attribution after the text. Each is a small function that reads one paragraph as
// a speaker's line, or not; the reader tries them all on the whole article and keeps the
// layout that explains the article best. A new layout is one more entry in layouts, with a
// test case in testdata.

// place is where a layout puts the expert's words relative to their speaker line.
type place int

const (
	before place = iota // the speaker line opens the expert's part: "Jane Doe, fellow:" then paragraphs
	after               // the speaker line closes it: paragraphs, then "— Jane Doe, fellow"
	self                // the one paragraph is the part: "“…,” said Jane Doe."
)

// speaker is a paragraph read as a speaker's line.
type speaker struct {
	name, role, affiliation string
	rest                    string // the expert's own words on the same paragraph
	editor                  string // the editor's words on it (a lead-in, a bio): theirs for attribution only
}

type layout struct {
	name   string
	place  place
	weight float64 // how much a match of this layout is worth: a bare name line is weaker than a heading
	match  func(b block) (speaker, bool)
}

// layouts are the layouts the reader knows, in order of preference on a tie.
var layouts = []layout{
	{"a Markdown heading per expert", before, 1.0, headingLine},
	{"a Q&A with names in bold", before, 1.0, boldName},
	{`a line "Name, role at Organisation:" before their words`, before, 1.0, headerLine},
	{`"Name, role: what they said" on one line`, before, 0.95, inlineHeader},
	{`a lead-in "Name says …:" before their words`, before, 0.9, leadIn},
	{`a bio sentence "Name is a fellow at …" opening their part`, before, 0.8, bioLine},
	{`an attribution "— Name, role" after their words`, after, 1.0, dashAttribution},
	{"the name on a line of its own after their words", after, 0.8, nameLine},
	{`a bio sentence "Name is a fellow at …" after their words`, after, 0.8, bioLine},
	{`a quote with "said Name" in one paragraph`, self, 0.7, saidName},
	{"the first paragraph that names them (names given)", before, 0.6, nil},
}

// mentionLayout is the index of the layout of named experts' first mentions: it reads no
// paragraph by itself (its match is nil); candidates finds the mentions of the names given.
var mentionLayout = len(layouts) - 1

// headingLine: "## Jane Doe, senior fellow" (or an HTML heading).
func headingLine(b block) (speaker, bool) {
	if b.heading == 0 {
		return speaker{}, false
	}
	return header(b.text, false)
}

// boldName: "**Jane Doe:** The strike was a mistake." or "**Jane Doe, fellow**".
func boldName(b block) (speaker, bool) {
	if b.bold == "" {
		return speaker{}, false
	}
	inner := strings.TrimSuffix(strings.TrimSpace(b.bold), ":")
	sp, ok := header(inner, false)
	if !ok {
		return speaker{}, false
	}
	sp.rest = strings.TrimSpace(strings.TrimPrefix(b.rest, ":"))
	return sp, true
}

// headerLine: a line that holds a name and a role and nothing else, with or without a colon:
// "Jane Doe, senior fellow at X:", "Jane Doe | Fellow", "Jane Doe — fellow", "Jane
// DoeSenior Fellow, X:", "Daniel Byman, Senior Fellow, Center for Middle East PolicyFor
// readers …" (a lost line break: the words after it are the expert's).
func headerLine(b block) (speaker, bool) {
	if b.heading > 0 || b.bold != "" {
		return speaker{}, false
	}
	return header(b.text, true)
}

// header reads "Name[, role]" with an optional colon. plain is for a line that is not marked
// as a heading: it must not read as a sentence.
func header(s string, plain bool) (speaker, bool) {
	if startsQuoted(s) || utf8.RuneCountInString(s) > 300 {
		return speaker{}, false
	}
	name, end, ok := nameAt(s)
	if !ok {
		return speaker{}, false
	}
	rest := s[end:]
	// "Jane DoeJane Doe (@jdoe), role:" repeats the name where two lines were run together.
	if n2, e2, ok := nameAt(rest); ok && n2 == name {
		rest = rest[e2:]
	}
	sep := strings.TrimLeft(rest, " ")
	if sep != "" {
		r, _ := utf8.DecodeRuneInString(sep)
		switch {
		case strings.ContainsRune(",:|–—-(", r):
		case unicode.IsUpper(r) && end > 0 && !unicode.IsSpace(rune(s[end-1])) && rest == sep:
			// glued: "Jane DoeSenior Fellow"
		default:
			return speaker{}, false
		}
	}
	role := strings.TrimSpace(sep)
	var words string
	// A role glued to the expert's first sentence: "…Middle East PolicyFor readers …".
	if i := gluePoint(role); i > 0 {
		role, words = role[:i], role[i:]
	} else if plain {
		body := strings.TrimSuffix(role, ":")
		if pat().speech.MatchString(", " + strings.TrimLeft(body, ",:|–—- ")) {
			return speaker{}, false // a lead-in: "Jane Doe, fellow, argues that …:"
		}
		if len(strings.Fields(body)) > 40 || strings.HasSuffix(body, ".") && !strings.HasSuffix(body, ".)") && !abbrevEnd(body) {
			return speaker{}, false
		}
	} else if i := strings.Index(role, ":"); i >= 0 && i < len(role)-1 {
		role, words = role[:i], strings.TrimSpace(role[i+1:])
	}
	r, a := splitRole(role)
	return speaker{name: name, role: r, affiliation: a, rest: words}, true
}

func abbrevEnd(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(strings.TrimSuffix(strings.TrimLeft(f[len(f)-1], "("), "."))
	return abbreviations[w] || isInitial(f[len(f)-1])
}

// gluePoint finds where a role runs into the expert's first sentence: a lower-case letter
// followed by a capital inside a word, the capital starting a word of a sentence (the text
// after it has a lower-case word). It returns 0 when there is none.
func gluePoint(s string) int {
	prev := rune(0)
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			left := s[:i]
			lw := left[strings.LastIndexAny(left, " -")+1:]
			switch lw {
			case "Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du", "Fitz", "St", "Al", "El", "i", "e":
				prev = r
				continue
			}
			after := strings.Fields(s[i:])
			if len(after) >= 3 {
				return i
			}
		}
		prev = r
	}
	return 0
}

// inlineHeader: "Jane Doe, senior fellow, X: “The strike was a mistake.”" or
// "Jane Doe (X): The strike …" or "Robert Puentes: The speech covered …".
func inlineHeader(b block) (speaker, bool) {
	if b.heading > 0 || b.bold != "" || startsQuoted(b.text) {
		return speaker{}, false
	}
	head, words, ok := strings.Cut(b.text, ":")
	if !ok || len(strings.Fields(words)) < 3 || len(strings.Fields(head)) > 30 {
		return speaker{}, false
	}
	name, end, ok := nameAt(head)
	if !ok {
		return speaker{}, false
	}
	role := strings.TrimSpace(head[end:])
	if role != "" && !strings.ContainsRune(",(|–—-", []rune(role)[0]) {
		return speaker{}, false
	}
	if strings.ContainsAny(role, ".!?") && !abbrevEnd(role) && !strings.Contains(role, ".)") {
		return speaker{}, false
	}
	if pat().speech.MatchString(role) {
		return speaker{}, false
	}
	r, a := splitRole(role)
	return speaker{name: name, role: r, affiliation: a, rest: strings.TrimSpace(words)}, true
}

// leadIn: the editor's sentence that introduces the expert and ends in a colon, with any
// verb or none: "Jane Doe tackles the problem of …:", "Jane Doe on the speech:", "And Jane
// Doe examined …:", "Jane Doe, a fellow at X, argues that …:". The sentence may close the
// editor's paragraph. The words after the colon on the same line, if any, are the expert's.
func leadIn(b block) (speaker, bool) {
	if b.heading > 0 || startsQuoted(b.text) {
		return speaker{}, false
	}
	text := b.text
	colon := strings.LastIndex(text, ":")
	var words string
	switch {
	case strings.HasSuffix(text, ":"):
		text = strings.TrimSuffix(text, ":")
	case colon > 0 && startsQuoted(strings.TrimSpace(text[colon+1:])):
		text, words = text[:colon], strings.TrimSpace(text[colon+1:])
	default:
		return speaker{}, false
	}
	sents := Sentences(text)
	if len(sents) == 0 {
		return speaker{}, false
	}
	last := sents[len(sents)-1]
	// The first name in the sentence's first words.
	fields := strings.Fields(last)
	for k := 0; k < len(fields) && k < 12; k++ {
		at := strings.Index(last, fields[k])
		name, end, ok := nameAt(last[at:])
		if !ok {
			continue
		}
		sp := speaker{name: name, editor: strings.TrimSpace(b.text[:len(b.text)-len(words)]), rest: words}
		if k == 0 {
			if role, _, ok := strings.Cut(last[at+end:], ","); ok && role == "" {
				after := last[at+end+1:]
				if loc := pat().speech.FindStringIndex(after); loc != nil {
					sp.role, sp.affiliation = splitRole(after[:loc[0]])
				}
			}
		}
		return sp, true
	}
	return speaker{}, false
}

// bioLine: "Jane Doe is a senior fellow at X." or "JANE DOE is …", opening a paragraph; the
// rest of the paragraph is the expert's.
func bioLine(b block) (speaker, bool) {
	if b.heading > 0 || startsQuoted(b.text) {
		return speaker{}, false
	}
	name, end, ok := nameAt(b.text)
	if !ok {
		return speaker{}, false
	}
	m := pat().bio.FindStringSubmatchIndex(b.text[end:])
	if m == nil {
		return speaker{}, false
	}
	roleText := b.text[end+m[2] : end+m[3]]
	if !hasRoleWord(roleText) && !isOrganisation(roleText) {
		return speaker{}, false // "Sam Okafor was blunter."
	}
	first := Sentences(b.text)[0]
	r, a := splitRole(roleText)
	sp := speaker{name: name, role: r, affiliation: a, editor: first}
	sp.rest = strings.TrimSpace(strings.TrimPrefix(b.text, first))
	return sp, true
}

// dashAttribution: "— Jane Doe, senior fellow" or "—Jane Doe (@jdoe) March 1, 2017" on a
// line after the words, or at the end of the last paragraph: "… the end. — Jane Doe".
func dashAttribution(b block) (speaker, bool) {
	text := b.text
	var words string
	if !startsDash(text) {
		i := strings.LastIndexAny(text, "—―")
		if i <= 0 {
			return speaker{}, false
		}
		words, text = strings.TrimSpace(text[:i]), text[i:]
		if len(strings.Fields(words)) < 3 {
			return speaker{}, false
		}
	}
	text = strings.TrimLeft(text, "—―–- ")
	name, end, ok := nameAt(text)
	if !ok {
		return speaker{}, false
	}
	role := strings.TrimSpace(text[end:])
	role = strings.TrimSpace(pat().date.ReplaceAllString(role, ""))
	if role != "" && !strings.ContainsRune(",|–—-(", []rune(role)[0]) {
		if words != "" || len(strings.Fields(role)) > 3 {
			return speaker{}, false
		}
		role = ""
	}
	r, a := splitRole(role)
	return speaker{name: name, role: r, affiliation: a, rest: words}, true
}

func startsDash(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '—' || r == '―' || r == '–' || (r == '-' && strings.HasPrefix(s, "- "))
}

// nameLine: a paragraph that is only a name, or a name and a short role, with no sentence:
// under the words of an expert ("Romina Boccia").
func nameLine(b block) (speaker, bool) {
	if b.heading > 0 || b.bold != "" || !headlineLike(b.text) {
		return speaker{}, false
	}
	return header(b.text, true)
}

// saidName: a paragraph that quotes the expert and names them: "“…,” said Jane Doe.",
// "“…,” Jane Doe tells ABC News.", "…, writes Jane Doe." The whole paragraph is theirs.
func saidName(b block) (speaker, bool) {
	if b.heading > 0 {
		return speaker{}, false
	}
	if !mayReport(b.text) {
		return speaker{}, false
	}
	for _, m := range pat().saidAfter.FindAllStringSubmatch(b.text, 4) {
		cand := m[1]
		if cand == "" {
			cand = m[2]
		}
		cand = strings.TrimSpace(strings.TrimSuffix(cand, "."))
		name, end, ok := nameAt(cand)
		if !ok {
			continue
		}
		if rest := strings.TrimSpace(cand[end:]); rest != "" && !strings.HasPrefix(rest, ",") && m[1] != "" {
			continue
		}
		return speaker{name: name, rest: b.text}, true
	}
	return speaker{}, false
}

// hasRoleWord reports whether a text names a position: "senior fellow", "director of".
func hasRoleWord(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if roleWords[strings.Trim(w, ",.;:()")] {
			return true
		}
	}
	return false
}

// mayReport is a cheap test before saidName's expression: whether a paragraph has a verb of
// speech at all.
func mayReport(s string) bool {
	l := strings.ToLower(s)
	for _, v := range []string{"say", "said", "argue", "writ", "wrote", "note", "explain", "warn", "believe", "think",
		"told", "tell", "add", "contend", "predict", "observe", "comment", "suggest", "point", "put it", "agree",
		"assert", "ask", "caution", "insist", "stress", "emphasi", "conclude", "respond", "recall", "maintain", "repl"} {
		if strings.Contains(l, v) {
			return true
		}
	}
	return false
}

// splitRole reads a role written after a name: "director of the Iraq Initiative at the
// Atlantic Council" is ("Director of the Iraq Initiative", "Atlantic Council"), "Professor of
// politics, Cairo University" is ("Professor of politics", "Cairo University").
func splitRole(s string) (role, affiliation string) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ",:|–—- ")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	s = strings.TrimSuffix(s, ",")
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && !strings.Contains(s[1:len(s)-1], "(") {
		return "", strings.TrimSpace(s[1 : len(s)-1]) // "Jane Doe (Chatham House)"
	}
	s = strings.TrimSpace(pat().speech.ReplaceAllString(s, ""))
	s = strings.TrimSuffix(strings.TrimSpace(s), ",")
	for _, article := range []string{"a ", "an ", "the "} {
		s = strings.TrimPrefix(s, article)
	}
	if s == "" {
		return "", ""
	}
	role, affiliation = splitAffiliation(s)
	if affiliation == "" {
		if i := strings.LastIndex(role, ", "); i > 0 && isOrganisation(role[i+2:]) && !isOrganisation(role[:i]) {
			role, affiliation = role[:i], strings.TrimPrefix(role[i+2:], "the ")
		} else if i := strings.Index(role, " | "); i > 0 {
			role = role[:i] + ", " + role[i+3:]
		}
	}
	return capitalize(strings.TrimSpace(role)), strings.TrimSpace(affiliation)
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

// orgWords mark a phrase as an organisation's name.
var orgWords = toSet(`university universidad université universität institute institution council
center centre foundation school college forum corporation endowment association society
group bank fund agency ministry department office commission committee academy
laboratory lab brookings rand chatham carnegie hoover heritage cato csis aei ecfr iiss
cfr sipri lowy stimson wilson hudson atlantic times post journal news`)

func isOrganisation(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !strings.HasPrefix(s, "the ") {
		return false
	}
	for _, w := range words {
		if orgWords[strings.Trim(w, ",.’'s")] || orgWords[w] {
			return true
		}
	}
	return false
}
