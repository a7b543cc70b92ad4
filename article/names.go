package article

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A person's name is read from the start of a text: two to five words that are capitalised
// (or in capitals, or in a script without case), initials ("C."), and the particles names
// hold ("van", "al-"); an honorific before it ("Dr.", "Rep.") is left out, and so is a
// bracket right after it: a party ("(R-Mo.)"), a handle ("(@jdoe)"). A word that names an
// organisation or opens a sentence ("Institute", "The") is not part of a name.

// particles are the lower-case words that names may hold.
var particles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "den": true, "van": true,
	"von": true, "la": true, "le": true, "du": true, "dos": true, "das": true, "al": true,
	"el": true, "bin": true, "ibn": true, "ben": true, "y": true, "e": true, "di": true, "zu": true,
	"ter": true, "ten": true, "op": true, "abu": true, "bint": true,
}

// honorifics come before a name and are not part of it.
var honorifics = map[string]bool{
	"dr": true, "prof": true, "professor": true, "rep": true, "sen": true, "senator": true,
	"gov": true, "governor": true, "amb": true, "ambassador": true, "gen": true, "general": true,
	"adm": true, "admiral": true, "col": true, "lt": true, "maj": true, "capt": true, "mr": true,
	"mrs": true, "ms": true, "sir": true, "dame": true, "lord": true, "lady": true, "rev": true,
	"hon": true, "representative": true, "congressman": true, "congresswoman": true,
	"dean": true, "judge": true, "justice": true, "minister": true, "rabbi": true, "sheikh": true,
}

// notNames are capitalised words that do not belong to a person's name: sentence openers,
// the words of organisations, places and titles, months and days.
var notNames = toSet(`the a an this that these those there here in on at for and but or if when
while after before as it its we our their his her my i he she they what why how who where
which today yesterday tomorrow by from with of to so yet also still not no more most some
many all each every both either neither one two three four five six seven eight nine ten
first second third last next new past event editors editor note notes related read share
watch listen join subscribe follow more photo image video audio source sources update
institute institution university college school council center centre foundation forum
house states state united nations kingdom republic union department ministry government
party program programme policy project initiative office committee commission agency
bank fund group society association corporation company news times post journal review
press daily weekly magazine network report study studies analysis security defense defence
strategy studies studies affairs international national global world foreign public
north south east west middle central eastern western northern southern
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday q&a question questions answer
answers introduction conclusion summary background key takeaways takeaway bottom line
experts expert analysts scholars fellows panel reactions reaction response responses
senior junior fellow director professor president chair chairman chairwoman head analyst
researcher scholar former executive deputy vice chief associate assistant visiting
nonresident resident distinguished emeritus adjunct lecturer economist author founder
editorial contributing staff member members managing principal partner lead special
secretary spokesman spokeswoman spokesperson adviser advisor counsel officer manager
coordinator correspondent columnist reporter host
skip navigation main content menu search home log out sign desktop site digital print
edition real estate badge genre open mic weekend arena watch live listen share email
close follow comment comments top stories latest video photo gallery sport sports
business opinion politics local weather entertainment lifestyle travel food health
science technology arts culture books jobs cars homes games puzzles crossword events
contact help terms privacy about careers advertise archive feed tags topics sections
trending popular breaking shop store donate support membership rewards points level fan
super account profile settings newsletter podcast podcasts download app apps mobile
story continued below above advertisement sponsored page previous back view full text
images credit getty reuters ap afp materials past upcoming print email twitter facebook
linkedin whatsapp instagram youtube telegram reddit copy link`)

//go:embed givennames.txt
var givenNamesText string

// givenNames are common given names of many languages (givennames.txt): a name that opens
// with one is surely a person's.
var givenNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(givenNamesText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
})

// isGivenName reports whether w is a common given name.
func isGivenName(w string) bool {
	f := foldName(w)
	return len(f) == 1 && givenNames()[f[0]]
}

// roleWords open or make up a role ("senior fellow", "director of").
var roleWords = toSet(`senior junior fellow director professor president chair chairman chairwoman
head analyst researcher scholar former executive deputy vice chief associate assistant
visiting nonresident non-resident resident distinguished emeritus adjunct lecturer
economist author founder co-founder editor contributing staff member managing principal
partner lead special secretary spokesman spokeswoman spokesperson adviser advisor counsel
officer manager coordinator correspondent columnist reporter host ceo cofounder dean
ambassador general retired ret research fellows program programme professorial
distinguished doctoral phd candidate student expert specialist strategist consultant
commentator journalist writer historian lawyer attorney judge minister senator
representative governor mayor commissioner member whip leader speaker`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// nameAt reads a person's name at the start of s. It returns the name and the byte offset in
// s where the text after it starts (after a bracket that follows the name), or ok false.
func nameAt(s string) (name string, end int, ok bool) {
	pos := 0
	var parts []string
	skipSpace := func() {
		for pos < len(s) {
			r, n := utf8.DecodeRuneInString(s[pos:])
			if !unicode.IsSpace(r) {
				return
			}
			pos += n
		}
	}
	skipSpace()
	for len(parts) < 6 {
		wstart := pos
		for pos < len(s) {
			r, n := utf8.DecodeRuneInString(s[pos:])
			if unicode.IsSpace(r) || r == ',' || r == ':' || r == ';' || r == '(' || r == ')' || r == '|' || r == '–' || r == '—' || r == '“' || r == '"' || r == '*' {
				break
			}
			pos += n
		}
		w := s[wstart:pos]
		if w == "" {
			break
		}
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if len(parts) == 0 && honorifics[lw] {
			skipSpace()
			continue
		}
		// A name glued to what follows it, a lost line break: "DoeSenior", "DoeJane".
		if left, ok := glued(w); ok && len(parts) >= 1 && isNameWord(left) && !particles[strings.ToLower(left)] && !notNames[strings.ToLower(left)] && !isInitial(left) {
			parts = append(parts, left)
			break
		}
		if !isNameWord(w) || (notNames[lw] && !particles[lw] && !(len(parts) == 0 && isGivenName(w))) {
			pos = wstart
			break
		}
		if len(parts) == 0 && (particles[lw] && !strings.Contains(w, "-")) {
			pos = wstart
			break
		}
		parts = append(parts, w)
		after := pos
		skipSpace()
		if pos >= len(s) || strings.ContainsRune(",:;(|–—“\"*)", rune(s[pos])) || strings.HasPrefix(s[pos:], "–") || strings.HasPrefix(s[pos:], "—") || strings.HasPrefix(s[pos:], "“") {
			pos = after
			break
		}
	}
	// Drop trailing words that cannot end a name (a particle, an initial).
	for len(parts) > 0 {
		last := parts[len(parts)-1]
		r, _ := utf8.DecodeRuneInString(last)
		if particles[strings.ToLower(last)] || isInitial(last) || unicode.IsLower(r) {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	if len(parts) < 2 || len(parts) > 5 {
		return "", 0, false
	}
	// Where the name ends in s.
	end = 0
	for k, at := 0, 0; k < len(parts); k++ {
		i := strings.Index(s[at:], parts[k])
		at += i + len(parts[k])
		end = at
	}
	name = finishName(parts)
	// A bracket right after the name: a party or a handle is left out ("(R-Mo.)",
	// "(@jdoe)"), the name in another script is part of the name ("شبلي تلحمي (Shibley
	// Telhami)"); anything else (an organisation) is left to the caller.
	rest := s[end:]
	trimmed := strings.TrimLeft(rest, " ")
	if strings.HasPrefix(trimmed, "(") {
		if j := strings.IndexByte(trimmed, ')'); j > 0 && j < 80 {
			inner := trimmed[1:j]
			switch {
			case strings.HasPrefix(inner, "@") || pat().party.MatchString(inner):
				end += len(rest) - len(trimmed) + j + 1
			case isName(inner) && !strings.Contains(inner, "(") && glossOf(name, inner):
				name += " (" + inner + ")"
				end += len(rest) - len(trimmed) + j + 1
			}
		}
	}
	return name, end, true
}

// glossOf reports whether a bracket after a name gives the name again in another script.
func glossOf(name, inner string) bool {
	script := func(s string) bool { // whether s is in Latin letters
		for _, r := range s {
			if unicode.IsLetter(r) {
				return unicode.Is(unicode.Latin, r)
			}
		}
		return true
	}
	return script(name) != script(inner)
}

// finishName joins a name's words; a name in capitals ("JANE DOE") is given in title case.
func finishName(parts []string) string {
	caps := true
	for _, p := range parts {
		if p != strings.ToUpper(p) || p == strings.ToLower(p) || isInitial(p) {
			if !isInitial(p) {
				caps = false
			}
		}
	}
	if caps {
		for i, p := range parts {
			parts[i] = titleWord(p)
		}
	}
	return strings.Join(parts, " ")
}

// titleWord writes a word in capitals in title case: "O’NEILL" is "O’Neill", "LEVI-KATZ" is
// "Levi-Katz".
func titleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '’' || r == '\'' || r == '.'
	}
	return b.String()
}

func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" || !strings.HasSuffix(w+".", ".") {
		return false
	}
	for _, p := range strings.Split(w, ".") { // "J.R"
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isNameWord reports whether w can be a word of a name: capitalised, in capitals, an
// initial, a particle, or a word of a script without case.
func isNameWord(w string) bool {
	if w == "" || utf8.RuneCountInString(w) > 30 {
		return false
	}
	if isInitial(w) {
		return true
	}
	lw := strings.ToLower(w)
	if particles[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-") || strings.HasPrefix(lw, "bin-") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) || unicode.IsLower(r) {
		return false
	}
	letters := 0
	for _, c := range w {
		switch {
		case unicode.IsLetter(c) || unicode.Is(unicode.Mn, c):
			letters++
		case c == '-' || c == '\'' || c == '’' || c == '.':
		default:
			return false
		}
	}
	if strings.HasSuffix(w, ".") && !isInitial(w) { // "Policy." ends a sentence
		return false
	}
	return letters >= 2
}

// glued splits a word in which a name's last word runs into the next word, where a line
// break or bold was lost in copying: "DoeSenior" gives "Doe". Prefixes that names hold
// in the middle ("McDonald", "DeSantis", "O'Neill") are not splits.
func glued(w string) (string, bool) {
	prev := rune(0)
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			left := w[:i]
			switch left {
			case "Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "Fitz", "St", "Al", "El":
				prev = r
				continue
			}
			if utf8.RuneCountInString(left) >= 2 && utf8.RuneCountInString(w[i:]) >= 2 {
				return left, true
			}
		}
		prev = r
	}
	return "", false
}

// foldName prepares a name for matching: lower case, no accents, one kind of apostrophe and
// dash, honorifics and punctuation left out, one space between words.
func foldName(s string) []string {
	s, _, _ = transform.String(stripMarks, s)
	s = strings.ToLower(s)
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' }) {
		w = strings.Map(func(r rune) rune {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				return r
			case r == '-' || r == '‐' || r == '‑' || r == '–':
				return '-'
			}
			return -1
		}, w)
		w = strings.Trim(w, "-")
		if w == "" || (len(out) == 0 && honorifics[w]) {
			continue
		}
		out = append(out, w)
	}
	return out
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// SameName reports how well two written names match: 3 for the same name (ignoring case,
// accents, apostrophe and dash forms), 2 for the same first and last names with middle names
// or initials left out or given as initials, 1 for the same family name only, 0 for none.
func SameName(a, b string) int {
	x, y := foldName(a), foldName(b)
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	if strings.Join(x, " ") == strings.Join(y, " ") {
		return 3
	}
	if x[len(x)-1] != y[len(y)-1] {
		// "Al-Sayed" and "Sayed", "Levi-Katz" and "Katz"
		lx, ly := x[len(x)-1], y[len(y)-1]
		if !strings.HasSuffix(lx, "-"+ly) && !strings.HasSuffix(ly, "-"+lx) {
			return 0
		}
	}
	if len(x) >= 2 && len(y) >= 2 {
		fx, fy := x[0], y[0]
		if fx == fy || (len(fx) == 1 && strings.HasPrefix(fy, fx)) || (len(fy) == 1 && strings.HasPrefix(fx, fy)) {
			return 2
		}
		return 0 // another person of that family name
	}
	return 1
}
