package article

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// corpusWant is an article's expected reading (testdata/corpus/NAME.want.toml).
type corpusWant struct {
	URL, Publisher, Layout string
	Title, Site, Date      string
	Canonical              string
	Experts                []struct {
		Name, Role, Affiliation string
		Sentences               int
	}
}

type corpusResult struct {
	name                         string
	want, found, exact, spurious int
	roles, affiliations, sents   int
	ok                           bool
}

// readCorpus reads every article of the corpus with Parse and compares it with its expected
// reading.
func readCorpus(t *testing.T) []corpusResult {
	wants, _ := filepath.Glob("testdata/corpus/*.want.toml")
	if len(wants) == 0 {
		t.Fatal("no corpus")
	}
	var out []corpusResult
	for _, wf := range wants {
		base := strings.TrimSuffix(wf, ".want.toml")
		var w corpusWant
		if _, err := toml.DecodeFile(wf, &w); err != nil {
			t.Fatalf("%s: %v", wf, err)
		}
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			b, err2 := os.ReadFile(base + ".html")
			if err2 != nil {
				t.Fatalf("%s: no .txt or .html", base)
			}
			s, err := FromHTML(b)
			if err != nil {
				t.Fatalf("%s: %v", base, err)
			}
			text = []byte(s)
		}
		r := corpusResult{name: filepath.Base(base), want: len(w.Experts)}
		a, err := Parse(text)
		if err == nil {
			r.found = len(a.Experts)
			used := map[int]bool{}
			for _, we := range w.Experts {
				for k, e := range a.Experts {
					if used[k] || e.Name != we.Name {
						continue
					}
					used[k] = true
					r.exact++
					if sameText(e.Role, we.Role) {
						r.roles++
					}
					if sameText(e.Affiliation, we.Affiliation) {
						r.affiliations++
					}
					if len(e.Sentences()) == we.Sentences {
						r.sents++
					}
					break
				}
			}
			r.spurious = r.found - r.exact
		}
		r.ok = r.exact == r.want && r.spurious == 0
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func sameText(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = strings.TrimPrefix(s, "the ")
		return strings.Join(strings.Fields(s), " ")
	}
	return norm(a) == norm(b)
}

// TestCorpus reads the real articles of testdata/corpus (their shape: names, roles and
// layout kept, sentences rewritten) and prints precision and recall per article.
func TestCorpus(t *testing.T) {
	rs := readCorpus(t)
	var b strings.Builder
	fmt.Fprintf(&b, "%-44s %4s %5s %5s %5s %5s %5s %5s\n", "article", "want", "found", "exact", "spur", "roles", "affil", "sents")
	var all, okArticles, exact, found, want, roles, affil, sents int
	for _, r := range rs {
		fmt.Fprintf(&b, "%-44s %4d %5d %5d %5d %5d %5d %5d\n", r.name, r.want, r.found, r.exact, r.spurious, r.roles, r.affiliations, r.sents)
		all++
		if r.ok {
			okArticles++
		}
		exact += r.exact
		found += r.found
		want += r.want
		roles += r.roles
		affil += r.affiliations
		sents += r.sents
	}
	fmt.Fprintf(&b, "articles fully right %d/%d; precision %d/%d; recall %d/%d; roles %d/%d; affiliations %d/%d; sentence counts %d/%d\n",
		okArticles, all, exact, found, exact, want, roles, exact, affil, exact, sents, exact)
	t.Log("\n" + b.String())
}

// TestCorpusShow prints the reading of the articles named in $CORPUS (a debugging aid; it
// checks nothing and is skipped without $CORPUS).
func TestCorpusShow(t *testing.T) {
	names := os.Getenv("CORPUS")
	if names == "" {
		t.Skip("set CORPUS=name,name to print their readings")
	}
	for _, n := range strings.Split(names, ",") {
		text, err := os.ReadFile("testdata/corpus/" + n + ".txt")
		if err != nil {
			b, _ := os.ReadFile("testdata/corpus/" + n + ".html")
			s, _ := FromHTML(b)
			text = []byte(s)
		}
		a, err := Parse(text)
		if err != nil {
			t.Logf("%s: %v", n, err)
			continue
		}
		t.Logf("%s: layout %s", n, a.Layout)
		for _, e := range a.Experts {
			t.Logf("  %q role %q affil %q sents %d lines %v editor %d", e.Name, e.Role, e.Affiliation, len(e.Sentences()), e.Lines, len(e.Editor))
		}
		for _, x := range a.Notes {
			t.Logf("  note: %s", x)
		}
		b, _ := os.ReadFile("testdata/corpus/" + n + ".want.toml")
		t.Logf("want:\n%s", b)
	}
}
