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

// FromArticle returns a debate skeleton for the experts of an article: debate.toml with
// its title and source block to fill in, and one file per expert with their id, name, role
// and affiliation, and every sentence they said as a comment. sourceName is the article's
// file name, for the comments.
func FromArticle(a *article.Article, sourceName string) []File {
	title := a.Title
	if title == "" {
		title = "TODO: the debate's title"
	}
	var d strings.Builder
	d.WriteString(debateHook)
	fmt.Fprintf(&d, "# debate.toml, scaffolded from %s by argmap new. Fill in what is marked TODO,\n", comment(sourceName))
	d.WriteString("# write the shared propositions, then check your work with: argmap check --source ARTICLE .\n\n")
	fmt.Fprintf(&d, "title = %s\n", tomlstr.Quote(title))
	d.WriteString("# date = 2020-03-11                 # the event's date\n")
	d.WriteString("# description = \"TODO: one paragraph on what the experts react to\"\n")
	d.WriteString("# bottom_line = \"TODO: what the experts conclude, in a short paragraph (read first)\"\n")
	d.WriteString("# key_points = [\"TODO: a point that backs the bottom line\"]\n")
	d.WriteString("# notes = \"TODO: how the experts were chosen and their stances read\"\n\n")
	d.WriteString("[source]\n")
	fmt.Fprintf(&d, "title = %s\n", tomlstr.Quote(title))
	d.WriteString("# publisher = \"TODO\"\n# url = \"https://…\"\n\n")
	d.WriteString("# Propositions every expert may take a stance on, for example:\n")
	d.WriteString("# [[propositions]]\n# id = \"troops-stay\"\n# text = \"US troops should stay in the country.\"\n")
	if a.Intro != "" {
		d.WriteString("\n# The editor's introduction, for the description:\n")
		for _, s := range article.Sentences(strings.ReplaceAll(a.Intro, "\n", " ")) {
			fmt.Fprintf(&d, "#   %s\n", comment(s))
		}
	}
	files := []File{{"debate.toml", []byte(d.String())}}
	used := map[string]bool{}
	for _, e := range a.Experts {
		id := ids.Expert(e.Name, "expert", used)
		files = append(files, File{"experts/" + id + ".toml", expertFile(id, e)})
	}
	return append(files, schemaFiles()...)
}

func expertFile(id string, e article.Expert) []byte {
	var b strings.Builder
	b.WriteString(expertHook)
	sentences := e.Sentences()
	fmt.Fprintf(&b, "# %s: %d sentences in the article (from line %d).\n", comment(e.Name), len(sentences), e.Line)
	b.WriteString("# Turn the sentences that carry the argument into claims: your paraphrase as text, the\n")
	b.WriteString("# sentence (or the telling part of it) as quote.\n\n")
	fmt.Fprintf(&b, "id = %s\nname = %s\n", tomlstr.Quote(id), tomlstr.Quote(e.Name))
	for _, kv := range [][2]string{{"role", e.Role}, {"affiliation", e.Affiliation}} {
		if kv[1] == "" {
			fmt.Fprintf(&b, "# %s = \"TODO\"\n", kv[0])
		} else {
			fmt.Fprintf(&b, "%s = %s\n", kv[0], tomlstr.Quote(kv[1]))
		}
	}
	b.WriteString("\n# [[claims]]\n# id = \"a-short-id\"\n# kind = \"premise\"        # premise, conclusion or recommendation\n")
	b.WriteString("# text = \"Your paraphrase.\"\n# quote = \"A short verbatim excerpt.\"\n# supports = [\"another-claim\"]\n\n")
	b.WriteString("# [[stances]]\n# proposition = \"troops-stay\"\n# position = \"agree\"        # strongly-agree, agree, mixed, disagree, strongly-disagree\n")
	b.WriteString("# evidence = [\"a-short-id\"]\n\n")
	fmt.Fprintf(&b, "# What %s said:\n", comment(e.Name))
	for i, s := range sentences {
		fmt.Fprintf(&b, "# %d. %s\n", i+1, comment(s))
	}
	return []byte(b.String())
}

// Report says what FromArticle found: "5 experts: Abbas Kadhim (24 sentences), …".
func Report(a *article.Article) string {
	parts := make([]string, len(a.Experts))
	for i, e := range a.Experts {
		n := len(e.Sentences())
		parts[i] = fmt.Sprintf("%s (%d %s)", e.Name, n, plural(n, "sentence", "sentences"))
	}
	return fmt.Sprintf("%d %s: %s", len(a.Experts), plural(len(a.Experts), "expert", "experts"), strings.Join(parts, ", "))
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
