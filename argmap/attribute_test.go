package argmap

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/argmap-dev/argmap/article"
	"github.com/argmap-dev/argmap/internal/tomlstr"
)

// TestAttributionOnCorpus checks attribution on the reader's corpus of real layouts
// (article/testdata/corpus): in each article, every expert's quote of their own words gets
// no error; then each expert's quote is moved in turn under each other expert of the same
// article, and check must say it is another's (the bar: at least 95 % caught).
func TestAttributionOnCorpus(t *testing.T) {
	wants, _ := filepath.Glob("../article/testdata/corpus/*.want.toml")
	moved, caught, articles := 0, 0, 0
	for _, wf := range wants {
		var w struct{ Experts []struct{ Name string } }
		if _, err := toml.DecodeFile(wf, &w); err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(wf, ".want.toml")
		src, err := article.ReadFile(base + ".txt")
		if err != nil {
			src, err = article.ReadFile(base + ".html")
		}
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range w.Experts {
			names = append(names, e.Name)
		}
		a, err := article.ParseWith([]byte(src.Text), article.Options{Names: names})
		if err != nil {
			continue
		}
		// One quote per expert: the first sentence of theirs that occurs once in the text.
		type pick struct{ name, quote string }
		var picks []pick
		norm := NormalizeText(src.Text)
		for _, e := range a.Experts {
			for _, s := range e.Sentences() {
				q := strings.TrimRight(NormalizeText(s), `"'`)
				q = strings.TrimLeft(q, `"'`)
				if len(strings.Fields(q)) >= 4 && strings.Count(norm, q) == 1 {
					picks = append(picks, pick{e.Name, q})
					break
				}
			}
		}
		if len(picks) < 2 {
			continue
		}
		articles++
		debate := func(quoteOf func(k int) string) []File {
			files := []File{{Path: "d/debate.toml", Data: []byte("title = \"T\"\n\n[[propositions]]\nid = \"p\"\ntext = \"P.\"\n")}}
			for k, p := range picks {
				files = append(files, File{Path: fmt.Sprintf("d/experts/e%d.toml", k), Data: []byte(fmt.Sprintf(
					"id = \"e%d\"\nname = %s\n\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = \"C.\"\nquote = %s\n",
					k, tomlstr.Quote(p.name), tomlstr.Quote(quoteOf(k))))})
			}
			return files
		}
		opt := Options{Source: src.Text, SourceName: filepath.Base(base)}
		_, diags := Parse(debate(func(k int) string { return picks[k].quote }), opt)
		for _, x := range diags {
			if x.Severity == Error {
				t.Errorf("%s: a correctly attributed quote: %v", filepath.Base(base), x)
			}
		}
		for from := range picks {
			for to := range picks {
				if from == to {
					continue
				}
				moved++
				_, diags := Parse(debate(func(k int) string {
					switch k {
					case to:
						return picks[from].quote
					case from:
						return picks[to].quote
					}
					return picks[k].quote
				}), opt)
				for _, x := range diags {
					if x.Severity == Error && strings.Contains(x.Message, "is not "+picks[to].name+"'s") {
						caught++
						break
					}
				}
			}
		}
	}
	t.Logf("attribution on the corpus: %d articles, %d moved quotes, %d caught (%.0f %%)", articles, moved, caught, 100*float64(caught)/float64(max(moved, 1)))
	if articles < 15 {
		t.Errorf("only %d corpus articles with two or more experts' quotes", articles)
	}
	if caught*100 < moved*95 {
		t.Errorf("caught %d of %d moved quotes, under the 95 %% bar", caught, moved)
	}
}
