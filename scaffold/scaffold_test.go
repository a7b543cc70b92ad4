package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/article"
	"github.com/argmap-dev/argmap/internal/tomlstr"
)

// The starter debate checks clean: no error and no warning.
func TestStarterChecksClean(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Starter(), false); err != nil {
		t.Fatal(err)
	}
	d, diags := argmap.Load(dir, argmap.Options{})
	if d == nil || len(diags) > 0 {
		t.Fatalf("the starter debate does not check clean:\n%v", diags)
	}
	if len(d.Experts) != 2 || len(d.Propositions) != 2 {
		t.Errorf("starter: %d experts, %d propositions", len(d.Experts), len(d.Propositions))
	}
}

// A skeleton from an article passes check as written, and every expert file holds the
// expert's identity and sentences.
func TestFromArticle(t *testing.T) {
	b, err := os.ReadFile("../article/testdata/header-line.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := FromArticle(a, "header-line.txt")
	if err := Write(dir, files, false); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	if got, want := strings.Join(paths, " "), "debate.toml experts/ruiz.toml experts/oneill.toml .argmap/debate.schema.json .argmap/expert.schema.json"; got != want {
		t.Errorf("files %q, want %q", got, want)
	}
	_, diags := argmap.Load(dir, argmap.Options{})
	for _, x := range diags {
		if x.Severity == argmap.Error {
			t.Errorf("unexpected error: %v", x)
		}
	}
	oneill, _ := os.ReadFile(filepath.Join(dir, "experts/oneill.toml"))
	for _, want := range []string{
		`id = "oneill"`, `name = "Tom O’Neill"`, `role = "Senior fellow with the Defense Project"`,
		`affiliation = "Example Institute"`, "# 1. Nobody claimed the strike.", "# 2. Maj. Gen. Smith said otherwise on Jan. 3, but he was wrong.",
	} {
		if !strings.Contains(string(oneill), want) {
			t.Errorf("experts/oneill.toml lacks %q:\n%s", want, oneill)
		}
	}
	want := "a.txt: 2 experts (layout: a line \"Name, role at Organisation:\" before their words)\n" +
		"  Ana Ruiz (Director of the Energy Program, Example Institute): 4 sentences, line 2\n" +
		"  Tom O’Neill (Senior fellow with the Defense Project, Example Institute): 2 sentences, line 5\n"
	if r := Report("a.txt", a); r != want {
		t.Errorf("Report = %q\nwant     %q", r, want)
	}
}

// Every article of the reader's corpus of real layouts gives a scaffold that passes check
// as written (no errors); two articles give one debate with a [[sources]] entry each.
func TestCorpusScaffoldsPassCheck(t *testing.T) {
	paths, _ := filepath.Glob("../article/testdata/corpus/*.want.toml")
	var as []Article
	for _, p := range paths {
		base := strings.TrimSuffix(p, ".want.toml")
		src, err := article.ReadFile(base + ".txt")
		if err != nil {
			src, err = article.ReadFile(base + ".html")
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseWith([]byte(src.Text), article.Options{Affiliation: src.Meta.Site})
		if err != nil {
			continue // an article the reader cannot place anyone in: no scaffold
		}
		as = append(as, Article{Found: a, Path: src.Path, Meta: src.Meta})
	}
	if len(as) < 20 {
		t.Fatalf("only %d corpus articles read", len(as))
	}
	check := func(name string, files []File) {
		dir := t.TempDir()
		if err := Write(dir, files, false); err != nil {
			t.Fatal(err)
		}
		d, diags := argmap.Load(dir, argmap.Options{})
		for _, x := range diags {
			if x.Severity == argmap.Error {
				t.Errorf("%s: %v", name, x)
			}
		}
		if d == nil {
			t.Errorf("%s: does not load", name)
		}
	}
	for _, a := range as {
		check(a.Path, FromArticles([]Article{a}))
	}
	two := FromArticles(as[:2])
	check("two sources", two)
	if !strings.Contains(string(two[0].Data), "[[sources]]") || strings.Count(string(two[0].Data), "[[sources]]") != 2 {
		t.Errorf("two articles: debate.toml has no two [[sources]]:\n%s", two[0].Data)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "experts"), 0o755)
	os.WriteFile(filepath.Join(dir, "experts/roe.toml"), []byte("mine"), 0o644)
	err := Write(dir, Starter(), false)
	if err == nil || !strings.Contains(err.Error(), "roe.toml already exists") {
		t.Fatalf("Write over an existing file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "debate.toml")); err == nil {
		t.Errorf("Write wrote debate.toml although it refused")
	}
	if err := Write(dir, Starter(), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "experts/roe.toml")); string(b) == "mine" {
		t.Errorf("--force did not overwrite")
	}
}

func TestQuoteAndComment(t *testing.T) {
	if got := tomlstr.Quote("a \"b\" \\ \x1b\n"); got != `"a \"b\" \\ \u001B\u000A"` {
		t.Errorf("quote = %s", got)
	}
	if got := comment("a\nb\rc"); got != "a b c" {
		t.Errorf("comment = %q", got)
	}
}
