package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/argmap-dev/argmap/article"
	"github.com/argmap-dev/argmap/scaffold"
	"github.com/spf13/cobra"
)

type newOptions struct {
	from    []string
	experts []string
	names   string
	force   bool
	dryRun  bool
}

func newNew(s *Streams) *cobra.Command {
	o := &newOptions{}
	c := &cobra.Command{
		Use:   "new DIR",
		Short: "Start a debate: a commented example, or a skeleton from an article",
		Long: `New writes a new debate folder.

Without --from it writes a small, valid example debate (debate.toml and two expert files)
whose comments teach the format: edit it into your own.

With --from ARTICLE it reads an "experts react" article (UTF-8 text or Markdown, or a saved
web page: its headings, bold and paragraphs are read, its scripts, menus and footers left
out, its title, site, date and address taken from its metadata) and finds the experts in it.
A roundup repeats one layout per expert; argmap tries all it knows and keeps the one that
explains the article best:
  a line "Name, role at Organisation:" (colon or not; "Name | Role", "Name — role")
  a lead-in by the editor: "Name says …:", "Name on the speech:", "Name, role, argues …:"
  "Name, role: what they said" on one line; "Name (Organisation): …"
  a heading per expert: "## Name, role"; a Q&A with the name in bold: "**Name:** answer"
  a bio sentence opening or closing their part: "JANE DOE is a senior fellow at …"
  an attribution after their words: "— Name, role"; a quote with "said Name"
When it cannot tell, name the experts: --expert "Name" (repeatable) or --experts FILE (a
name a line): each one's part is then found by the name, whatever the layout.

It writes debate.toml (title, source, date and address filled in where the article gives
them, a placeholder proposition to rename) and one file per expert (id from the family
name, name, role, affiliation) holding every sentence the expert said as a comment, ready
to become claims with quotes; the files pass argmap check as written. With several --from
articles the debate gets one [[sources]] entry each, and each expert its source. It reports
each expert found, where and in which layout, and what it is unsure of.

New never overwrites a file: if one exists it writes nothing (--force overwrites).
--dry-run prints the files instead of writing them.`,
		Example: `  argmap new my-debate
  argmap new --from article.txt my-debate
  argmap new --from roundup.html --expert "Jane Doe" --expert "Sam Okafor" my-debate
  argmap new --from first.txt --from second.txt --dry-run my-debate
  argmap check --source article.txt my-debate`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runNew(s, o, a[0])
		},
	}
	c.Flags().StringArrayVar(&o.from, "from", nil, "scaffold from the experts found in `ARTICLE` (text, Markdown or a saved web page; repeatable)")
	c.Flags().StringArrayVar(&o.experts, "expert", nil, "an expert's `NAME` as the article writes it: find their part by the name (repeatable)")
	c.Flags().StringVar(&o.names, "experts", "", "a `FILE` of the experts' names, one a line (# starts a comment)")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite files that exist")
	c.Flags().BoolVar(&o.dryRun, "dry-run", false, "print the files that would be written, and write nothing")
	c.MarkFlagFilename("from", "txt", "md", "markdown", "text", "html", "htm")
	c.MarkFlagFilename("experts", "txt")
	return c
}

func runNew(s *Streams, o *newOptions, dir string) error {
	files := scaffold.Starter()
	var report strings.Builder
	var as []scaffold.Article
	if len(o.from) == 0 && (len(o.experts) > 0 || o.names != "") {
		return usage(errors.New("--expert and --experts name the experts of an article: give it with --from ARTICLE"))
	}
	if len(o.from) > 0 {
		names, err := expertNames(o.experts, o.names)
		if err != nil {
			return err
		}
		for _, path := range o.from {
			src, err := article.ReadFile(path)
			if err != nil {
				return invalid(err)
			}
			a, err := article.ParseWith([]byte(src.Text), article.Options{Names: names, Affiliation: src.Meta.Site})
			if err != nil {
				return invalid(fmt.Errorf("%s: %w", path, err))
			}
			as = append(as, scaffold.Article{Found: a, Path: path, Meta: src.Meta})
			report.WriteString(scaffold.Report(path, a))
		}
		if missing := missingNames(names, as); len(missing) > 0 {
			return invalid(fmt.Errorf("no part found for %s in %s: check the spelling, or write their file by hand", strings.Join(missing, ", "), strings.Join(o.from, ", ")))
		}
		files = scaffold.FromArticles(as)
	}
	if o.dryRun {
		var b strings.Builder
		b.WriteString(report.String())
		for _, f := range files {
			if strings.HasPrefix(f.Path, ".argmap/") {
				fmt.Fprintf(&b, "--- %s (the JSON Schema editors read)\n", filepath.Join(dir, f.Path))
				continue
			}
			fmt.Fprintf(&b, "--- %s\n%s", filepath.Join(dir, f.Path), f.Data)
		}
		b.WriteString("dry run: nothing written\n")
		_, err := io.WriteString(s.Out, b.String())
		return err
	}
	if err := scaffold.Write(dir, files, o.force); err != nil {
		return invalid(err)
	}
	var b strings.Builder
	b.WriteString(report.String())
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Path
	}
	fmt.Fprintf(&b, "wrote %s: %s\n", dir, strings.Join(names, ", "))
	if len(o.from) > 0 {
		var srcs []string
		ids := scaffold.SourceIDs(as)
		for i, f := range o.from {
			if len(o.from) > 1 { // ID=FILE, with the id the scaffold gave the source
				f = ids[i] + "=" + f
			}
			srcs = append(srcs, "--source "+f)
		}
		fmt.Fprintf(&b, "next: rename the proposition in debate.toml, write the others and each expert's claims, then run\n  argmap check %s %s\n", strings.Join(srcs, " "), dir)
	} else {
		fmt.Fprintf(&b, "next: edit the files into your debate, then run\n  argmap check %s\n", dir)
	}
	_, err := io.WriteString(s.Out, b.String())
	return err
}

// expertNames gathers the names of --expert and --experts FILE.
func expertNames(flags []string, file string) ([]string, error) {
	names := slices.Clone(flags)
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, usage(fmt.Errorf("cannot read --experts: %w", err))
		}
		if len(b) > 1<<20 {
			return nil, usage(fmt.Errorf("--experts %s is over 1 MiB: it should hold a name a line", file))
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				names = append(names, line)
			}
		}
	}
	for _, n := range names {
		if len(strings.Fields(n)) == 0 || len(n) > 200 {
			return nil, usage(fmt.Errorf("--expert %q is not a name", n))
		}
	}
	return names, nil
}

// missingNames are the names given that no article has a part for.
func missingNames(names []string, as []scaffold.Article) []string {
	var out []string
	for _, n := range names {
		found := false
		for _, a := range as {
			if !slices.Contains(a.Found.Missing, n) {
				found = true
			}
		}
		if !found {
			out = append(out, n)
		}
	}
	return out
}
