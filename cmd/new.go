package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap-dev/argmap/article"
	"github.com/argmap-dev/argmap/scaffold"
	"github.com/spf13/cobra"
)

type newOptions struct {
	from  string
	force bool
}

func newNew(s *Streams) *cobra.Command {
	o := &newOptions{}
	c := &cobra.Command{
		Use:   "new DIR",
		Short: "Start a debate: a commented example, or a skeleton from an article",
		Long: `New writes a new debate folder.

Without --from it writes a small, valid example debate (debate.toml and two expert files)
whose comments teach the format: edit it into your own.

With --from ARTICLE it reads an "experts react" article (UTF-8 text or Markdown) and finds
the experts in it (a saved web page works too: its paragraphs and headings are read, its
scripts, menus and footers left out), in any of these layouts:
  a line "Name, role at Organisation:" followed by their paragraphs
  a lead-in sentence ending in a colon: "Name says …:" or "Name, role, argues that …:"
  "Name (Organisation): what they said"
  a Markdown heading per expert: "## Name, role"
  a Q&A with the name in bold: "**Name:** answer"
It writes debate.toml (title and source to fill in) and one file per expert (id from the
family name, name, role, affiliation) holding every sentence the expert said as a comment,
ready to become claims with quotes. It reports what it found.

New never overwrites a file: if one exists it writes nothing (--force overwrites).`,
		Example: `  argmap new my-debate
  argmap new --from article.txt my-debate
  argmap check --source article.txt my-debate`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runNew(s, o, a[0])
		},
	}
	c.Flags().StringVar(&o.from, "from", "", "scaffold from the experts found in `ARTICLE` (text or Markdown)")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite files that exist")
	c.MarkFlagFilename("from", "txt", "md", "markdown", "text")
	return c
}

func runNew(s *Streams, o *newOptions, dir string) error {
	files := scaffold.Starter()
	var report string
	if o.from != "" {
		text, err := readArticle(o.from)
		if err != nil {
			return invalid(err)
		}
		a, err := article.Parse(text)
		if err != nil {
			return invalid(fmt.Errorf("%s: %w", o.from, err))
		}
		files = scaffold.FromArticle(a, filepath.Base(o.from))
		report = fmt.Sprintf("%s: %s (layout: %s)\n", o.from, scaffold.Report(a), a.Layout)
	}
	if err := scaffold.Write(dir, files, o.force); err != nil {
		return invalid(err)
	}
	var b strings.Builder
	b.WriteString(report)
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Path
	}
	fmt.Fprintf(&b, "wrote %s: %s\n", dir, strings.Join(names, ", "))
	if o.from != "" {
		fmt.Fprintf(&b, "next: write the propositions in debate.toml and each expert's claims, then run\n  argmap check --source %s %s\n", o.from, dir)
	} else {
		fmt.Fprintf(&b, "next: edit the files into your debate, then run\n  argmap check %s\n", dir)
	}
	_, err := io.WriteString(s.Out, b.String())
	return err
}

// readArticle reads an article file, at most article.MaxSize bytes, regular files only.
func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if fi.Size() > article.MaxSize {
		return nil, fmt.Errorf("%s: %w", path, article.ErrTooBig)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, article.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New(path + ": the article is empty")
	}
	if article.IsHTML(b) {
		text, err := article.FromHTML(b)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read the HTML page: %w", path, err)
		}
		return []byte(text), nil
	}
	return b, nil
}
