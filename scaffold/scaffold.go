// Package scaffold makes the files of a new debate: a commented starter that teaches the
// format, or a skeleton from an "experts react" article with one file per expert, their
// sentences ready to be turned into claims.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap-dev/argmap/article"
	"github.com/argmap-dev/argmap/internal/ids"
	"github.com/argmap-dev/argmap/internal/safefile"
	"github.com/argmap-dev/argmap/internal/tomlstr"
	"github.com/argmap-dev/argmap/schema"
)

// File is one file of a new debate, its path relative to the debate folder.
type File struct {
	Path string
	Data []byte
}

type file struct{ path, data string }

// Schema hooks: the first line of each file points editors (Taplo, VS Code's Even Better
// TOML) at the JSON Schema that new writes beside the debate.
const (
	debateHook = "#:schema ./.argmap/debate.schema.json\n"
	expertHook = "#:schema ../.argmap/expert.schema.json\n"
)

// schemaFiles are the JSON Schemas the hooks point at.
func schemaFiles() []File {
	var out []File
	for _, name := range []string{"debate", "expert"} { // the files a curator edits
		b, err := schema.Get(name)
		if err != nil {
			panic(err) // the names are schema's own
		}
		out = append(out, File{".argmap/" + name + ".schema.json", b})
	}
	return out
}

// Starter returns the files of the commented example debate.
func Starter() []File {
	files := []File{{"debate.toml", []byte(debateHook + starterDebate)}}
	for _, f := range starterExperts {
		files = append(files, File{f.path, []byte(expertHook + f.data)})
	}
	return append(files, schemaFiles()...)
}

// Article is one article a debate is scaffolded from: what the reader found in it and what
// the file (or the saved page) says of it.
type Article struct {
	Found *article.Article
	// Path is the article's file, for the comments.
	Path string
	Meta article.Meta
}

// FromArticle returns a debate skeleton for the experts of one article; see FromArticles.
func FromArticle(a *article.Article, sourceName string) []File {
	return FromArticles([]Article{{Found: a, Path: sourceName}})
}

// FromArticles returns a debate skeleton for the experts of one or more articles:
// debate.toml with its title, its source (or one [[sources]] entry per article, each with
// an id) filled in from what the articles give, a placeholder proposition to rename, and
// one file per expert with their id, name, role and affiliation (and source), and every
// sentence they said as a comment. The files pass argmap check as written.
func FromArticles(as []Article) []File {
	first := as[0]
	title := first.Meta.Title
	if title == "" {
		title = first.Found.Title
	}
	if title == "" {
		title = "TODO: the debate's title"
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = comment(filepath.Base(a.Path))
	}
	var d strings.Builder
	d.WriteString(debateHook)
	fmt.Fprintf(&d, "# debate.toml, scaffolded from %s by argmap new. Fill in what is marked TODO,\n", strings.Join(names, " and "))
	d.WriteString("# rename the proposition and write the others, then check your work with:\n")
	d.WriteString("# argmap check --source ARTICLE .\n\n")
	fmt.Fprintf(&d, "title = %s\n", tomlstr.Quote(title))
	if date := first.Meta.Date; date != "" {
		fmt.Fprintf(&d, "date = %s                  # the event's date: the article's, check it\n", date)
	} else {
		d.WriteString("# date = 2020-03-11                 # the event's date\n")
	}
	d.WriteString("# description = \"TODO: one paragraph on what the experts react to\"\n")
	d.WriteString("# bottom_line = \"TODO: what the experts conclude, in a short paragraph (read first)\"\n")
	d.WriteString("# key_points = [\"TODO: a point that backs the bottom line\"]\n")
	d.WriteString("# notes = \"TODO: how the experts were chosen and their stances read\"\n\n")
	srcIDs := SourceIDs(as)
	for i, a := range as {
		if len(as) == 1 {
			d.WriteString("[source]\n")
		} else {
			fmt.Fprintf(&d, "[[sources]]\nid = %s\n", tomlstr.Quote(srcIDs[i]))
		}
		t := a.Meta.Title
		if t == "" {
			t = a.Found.Title
		}
		if t == "" {
			t = "TODO: the article's title"
		}
		fmt.Fprintf(&d, "title = %s\n", tomlstr.Quote(t))
		if a.Meta.Site != "" {
			fmt.Fprintf(&d, "publisher = %s\n", tomlstr.Quote(a.Meta.Site))
		} else {
			d.WriteString("# publisher = \"TODO\"\n")
		}
		if a.Meta.URL != "" {
			fmt.Fprintf(&d, "url = %s\n", tomlstr.Quote(a.Meta.URL))
		} else {
			d.WriteString("# url = \"https://…\"\n")
		}
		if a.Meta.Date != "" {
			fmt.Fprintf(&d, "date = %s\n", a.Meta.Date)
		}
		d.WriteString("\n")
	}
	d.WriteString("# The propositions every expert may take a stance on. Rename this one and add others:\n")
	d.WriteString("[[propositions]]\nid = \"proposition-1\"\ntext = \"TODO: a statement the experts take sides on.\"\n")
	for i, a := range as {
		if a.Found.Intro == "" {
			continue
		}
		if len(as) > 1 {
			fmt.Fprintf(&d, "\n# The editor's introduction of %s, for the description:\n", names[i])
		} else {
			d.WriteString("\n# The editor's introduction, for the description:\n")
		}
		for _, s := range article.Sentences(strings.ReplaceAll(a.Found.Intro, "\n", " ")) {
			fmt.Fprintf(&d, "#   %s\n", comment(s))
		}
	}
	files := []File{{"debate.toml", []byte(d.String())}}
	used := map[string]bool{}
	for i, a := range as {
		source := ""
		if len(as) > 1 {
			source = srcIDs[i]
		}
		for _, e := range a.Found.Experts {
			id := ids.Expert(e.Name, "expert", used)
			files = append(files, File{"experts/" + id + ".toml", expertFile(id, e, source)})
		}
	}
	return append(files, schemaFiles()...)
}

// SourceIDs are the ids FromArticles gives the articles in [[sources]]: each one's file name
// ("roundup.txt" is "roundup"), made unique.
func SourceIDs(as []Article) []string {
	used := map[string]bool{}
	out := make([]string, len(as))
	for i, a := range as {
		base := strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
		out[i] = ids.Unique(ids.Fold(base), "source", used)
	}
	return out
}

func expertFile(id string, e article.Expert, source string) []byte {
	var b strings.Builder
	b.WriteString(expertHook)
	sentences := e.Sentences()
	fmt.Fprintf(&b, "# %s: %d sentences in the article (from line %d).\n", comment(e.Name), len(sentences), e.Line)
	b.WriteString("# Turn the sentences that carry the argument into claims: your paraphrase as text, the\n")
	b.WriteString("# sentence (or the telling part of it) as quote.\n\n")
	fmt.Fprintf(&b, "id = %s\nname = %s\n", tomlstr.Quote(id), tomlstr.Quote(e.Name))
	if source != "" {
		fmt.Fprintf(&b, "source = %s\n", tomlstr.Quote(source))
	}
	for _, kv := range [][2]string{{"role", e.Role}, {"affiliation", e.Affiliation}} {
		if kv[1] == "" {
			fmt.Fprintf(&b, "# %s = \"TODO\"\n", kv[0])
		} else {
			fmt.Fprintf(&b, "%s = %s\n", kv[0], tomlstr.Quote(kv[1]))
		}
	}
	b.WriteString("\n# [[claims]]\n# id = \"a-short-id\"\n# kind = \"premise\"        # premise, conclusion or recommendation\n")
	b.WriteString("# text = \"Your paraphrase.\"\n# quote = \"A short verbatim excerpt.\"\n# supports = [\"another-claim\"]\n\n")
	b.WriteString("# [[stances]]\n# proposition = \"proposition-1\"\n# position = \"agree\"        # strongly-agree, agree, mixed, disagree, strongly-disagree\n")
	b.WriteString("# evidence = [\"a-short-id\"]\n\n")
	fmt.Fprintf(&b, "# What %s said:\n", comment(e.Name))
	for i, s := range sentences {
		fmt.Fprintf(&b, "# %d. %s\n", i+1, comment(s))
	}
	return []byte(b.String())
}

// Report says what the reader found in an article, for new --from: a line for the article
// ("roundup.txt: 5 experts (layout: …)"), a line per expert with where they were found and
// how many sentences they said, and what the reader is unsure of.
func Report(path string, a *article.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s (layout: %s)\n", path, len(a.Experts), plural(len(a.Experts), "expert", "experts"), a.Layout)
	for _, e := range a.Experts {
		n := len(e.Sentences())
		desc := e.Name
		var about []string
		for _, x := range []string{e.Role, e.Affiliation} {
			if x != "" {
				about = append(about, x)
			}
		}
		if len(about) > 0 {
			desc += " (" + strings.Join(about, ", ") + ")"
		}
		fmt.Fprintf(&b, "  %s: %d %s, line %d\n", desc, n, plural(n, "sentence", "sentences"), e.Line)
		if n == 0 {
			fmt.Fprintf(&b, "  warning: %s has no words of their own in the article: check their part (line %d)\n", e.Name, e.Line)
		}
	}
	for _, note := range a.Notes {
		fmt.Fprintf(&b, "  warning: %s\n", note)
	}
	if len(a.Experts) > 0 {
		var lines []string
		for _, u := range a.Unassigned {
			if u.Line > a.Experts[0].Line {
				lines = append(lines, fmt.Sprint(u.Line))
			}
		}
		if len(lines) > 0 {
			if len(lines) > 12 {
				lines = append(lines[:12], "…")
			}
			fmt.Fprintf(&b, "  note: lines %s belong to no expert (the editor's words, headings, page matter)\n", strings.Join(lines, ", "))
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Write writes files into dir (made if missing). It writes nothing if any of them exists,
// unless force is set; each file is written atomically.
func Write(dir string, files []File, force bool) error {
	if !force {
		var exist []string
		for _, f := range files {
			if _, err := os.Lstat(filepath.Join(dir, f.Path)); err == nil {
				exist = append(exist, filepath.Join(dir, f.Path))
			}
		}
		if len(exist) > 0 {
			return &ExistError{Paths: exist}
		}
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return fmt.Errorf("cannot make folder %s: %w", pe.Path, pe.Err)
			}
			return err
		}
		if err := safefile.Write(path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// ExistError reports files that Write would have overwritten.
type ExistError struct{ Paths []string }

func (e *ExistError) Error() string {
	verb := "exists"
	if len(e.Paths) > 1 {
		verb = "exist"
	}
	return fmt.Sprintf("%s already %s: nothing written (--force overwrites)", strings.Join(e.Paths, ", "), verb)
}

// comment makes s safe in a TOML comment: control characters (which TOML forbids there, and
// which would end the comment) become spaces.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
