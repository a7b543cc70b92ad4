package argmap

import (
	"slices"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/article"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// attribute checks that every quote found in the source lies in its own expert's section
// of it, as the article package finds the sections (the layouts of "experts react" pieces).
// A quote in another expert's section is an error that names whose section it is in; a quote
// from the editor's introduction a warning. When the sections cannot be found, or an expert
// has none, it says so once and the quotes stay checked against the whole text only.
func (v *validator) attribute(quotes []quote, found []quoteResult, source, name string) {
	if name == "" {
		name = "the source"
	}
	if !slices.ContainsFunc(found, func(r quoteResult) bool { return r.found }) {
		return // nothing to attribute
	}
	a, err := article.Parse([]byte(source))
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, ":"); i > 0 {
			msg = msg[:i]
		}
		v.diags.warnf(whole(name), "attribution-unchecked", "", "cannot tell who says what in %s (%s): quotes are checked against the whole text only", name, msg)
		return
	}
	texts := make([]string, len(quotes))
	for i, q := range quotes {
		texts[i] = q.q
	}
	// in[k][i]: quote i occurs in section k (the introduction is the last).
	in := make([][]quoteResult, len(a.Experts)+1)
	for k, e := range a.Experts {
		in[k] = searchQuotes(NormalizeText(e.Text()), texts)
	}
	intro := len(a.Experts)
	in[intro] = searchQuotes(NormalizeText(a.Intro), texts)

	section := map[*Expert]int{}
	told := map[*Expert]bool{}
	for i, q := range quotes {
		if !found[i].found {
			continue
		}
		k, ok := section[q.expert]
		if !ok && !told[q.expert] {
			k = matchSection(q.expert.Name, a.Experts)
			if k < 0 {
				told[q.expert] = true
				v.diags.warnf(whole(name), "attribution-unchecked", q.expert.ID,
					"%s has no section of %s's in it: their quotes are checked against the whole text only", name, q.expert.Name)
				continue
			}
			section[q.expert] = k
		}
		if told[q.expert] || in[k][i].found {
			continue
		}
		switch owner := whose(in, i, intro); {
		case owner == intro:
			v.diags.warnf(q.at, "quote-from-introduction", q.expert.ID,
				"quote comes from the editor's introduction, not from %s's section", q.expert.Name)
		case owner >= 0:
			v.diags.add(q.at, Error, "move the claim to "+a.Experts[owner].Name+"'s file, or quote "+q.expert.Name,
				"quote is not %s's: this is in %s's section of %s", q.expert.Name, a.Experts[owner].Name, name)
		default:
			v.diags.add(q.at, Error, "quote one passage of "+q.expert.Name+"'s section",
				"quote is not within %s's section of %s", q.expert.Name, name)
		}
	}
}

// whose returns the section that holds quote i, or -1.
func whose(in [][]quoteResult, i, intro int) int {
	for k := range in {
		if in[k][i].found {
			return k
		}
	}
	return -1
}

// matchSection finds an expert's section by name: the same name, ignoring case, accents
// and punctuation; else the one section with the same family name (the last word).
func matchSection(name string, experts []article.Expert) int {
	key := func(s string) []string {
		var words []string
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if f := foldWord(w); f != "" {
				words = append(words, f)
			}
		}
		return words
	}
	want := key(name)
	if len(want) == 0 {
		return -1
	}
	for k, e := range experts {
		if strings.Join(key(e.Name), " ") == strings.Join(want, " ") {
			return k
		}
	}
	match := -1
	for k, e := range experts {
		if got := key(e.Name); len(got) > 0 && got[len(got)-1] == want[len(want)-1] {
			if match >= 0 {
				return -1 // two of that family name: do not guess
			}
			match = k
		}
	}
	return match
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldWord keeps a word's letters and digits, in any script, without accents.
func foldWord(w string) string {
	w, _, _ = transform.String(stripMarks, w)
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, w)
}
