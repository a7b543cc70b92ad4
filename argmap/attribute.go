package argmap

import (
	"slices"
	"strings"

	"github.com/argmap-dev/argmap/article"
)

// attribute checks that every quote found in the source lies in its own expert's part of
// it. The parts are found by the names of the experts whose quotes come from this source
// (article.ParseWith), whatever the article's layout, so attribution never depends on
// recognising it. A quote found only in another expert's part is an error naming whose part
// it is in; a quote in the editor's lead-in that introduces its own expert is theirs; a
// quote in the introduction or in text no one could be assigned is a warning. An expert
// whose part cannot be found is named once, and their quotes stay checked against the whole
// text only.
func (v *validator) attribute(quotes []quote, found []quoteResult, source, name string) {
	if name == "" {
		name = "the source"
	}
	if !slices.ContainsFunc(found, func(r quoteResult) bool { return r.found }) {
		return // nothing to attribute
	}
	var names []string
	seen := map[*Expert]bool{}
	for _, q := range quotes {
		if !seen[q.expert] {
			seen[q.expert] = true
			names = append(names, q.expert.Name)
		}
	}
	a, err := article.ParseWith([]byte(source), article.Options{Names: names})
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
	// in[k][i]: quote i occurs in part k; after the experts come the introduction and the
	// text no one could be assigned.
	in := make([][]quoteResult, len(a.Experts)+2)
	for k, e := range a.Experts {
		in[k] = searchQuotes(NormalizeText(e.Text()+"\n"+strings.Join(e.Editor, "\n")), texts)
	}
	intro, loose := len(a.Experts), len(a.Experts)+1
	in[intro] = searchQuotes(NormalizeText(a.Intro), texts)
	var rest []string
	for _, u := range a.Unassigned {
		rest = append(rest, u.Text)
	}
	in[loose] = searchQuotes(NormalizeText(strings.Join(rest, "\n")), texts)

	section := map[*Expert]int{}
	told := map[*Expert]bool{}
	for i, q := range quotes {
		if !found[i].found {
			continue
		}
		k, ok := section[q.expert]
		if !ok && !told[q.expert] {
			k = a.Expert(q.expert.Name)
			if k < 0 {
				told[q.expert] = true
				v.diags.warnf(whole(name), "attribution-unchecked", q.expert.ID,
					"%s has no part of %s's that argmap can find: their quotes are checked against the whole text only", name, q.expert.Name)
				continue
			}
			section[q.expert] = k
		}
		if told[q.expert] || in[k][i].found {
			continue
		}
		switch owner := whose(in, i); {
		case owner == intro:
			v.diags.warnf(q.at, "quote-from-introduction", q.expert.ID,
				"quote comes from the editor's introduction, not from %s's part", q.expert.Name)
		case owner == loose:
			v.diags.warnf(q.at, "quote-unassigned", q.expert.ID,
				"quote comes from text of %s that argmap could not assign to any expert, not from %s's part", name, q.expert.Name)
		case owner >= 0:
			v.diags.add(q.at, Error, "move the claim to "+a.Experts[owner].Name+"'s file, or quote "+q.expert.Name,
				"quote is not %s's: this is in %s's part of %s", q.expert.Name, a.Experts[owner].Name, name)
		default:
			v.diags.add(q.at, Error, "quote one passage of "+q.expert.Name+"'s part",
				"quote is not within %s's part of %s", q.expert.Name, name)
		}
	}
}

// whose returns the part that holds quote i, or -1.
func whose(in [][]quoteResult, i int) int {
	for k := range in {
		if in[k][i].found {
			return k
		}
	}
	return -1
}
