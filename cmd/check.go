package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	format string
	source []string
	strict bool
}

func newCheck(s *Streams) *cobra.Command {
	o := &checkOptions{}
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Validate debates and report every problem at once",
		Long: `Check validates debate folders (or files of one) and prints every problem at once, sorted,
as path:line:col: error: message, or path:line:col: warning[code]: message. A file inside a debate folder checks the whole
debate. With no PATH it checks the current folder.

Every warning has a stable code; debate.toml can acknowledge warnings a debate has for good
reason ([check] allow = ["unaddressed-proposition"], or "CODE:SUBJECT" for one item; see
docs/schema.md): they are counted, not shown, and --strict does not fail on them.

Exit status: 0 when there is no error (warnings are allowed unless --strict), 1 when the
data is invalid, 2 on a usage error.`,
		Example: `  argmap check seeds/camp-taji
  argmap check seeds/camp-taji/experts/hof.toml
  argmap check --source article.txt seeds/camp-taji
  argmap check --source roundup=roundup.txt --source followup=followup.md my-debate
  argmap check --format json seeds/camp-taji`,
		Args: args(cobra.ArbitraryArgs),
		RunE: func(c *cobra.Command, paths []string) error {
			return runCheck(s, o, paths)
		},
	}
	checkFormats().bind(c, &o.format, false)
	c.Flags().StringArrayVar(&o.source, "source", nil, "source text `FILE` (or ID=FILE for one of several [[sources]]): every quote must occur in its source, in its expert's section")
	c.Flags().BoolVar(&o.strict, "strict", false, "treat warnings as errors (exit 1)")
	c.MarkFlagFilename("source", "txt", "md")
	return c
}

func checkFormats() formats {
	return formats{def: "text", list: []format{
		textFormat("text", "path:line:col: messages on standard error"),
		{name: "json", desc: "the diagnostics as one JSON document on standard output"},
	}}
}

func runCheck(s *Streams, o *checkOptions, paths []string) error {
	format, err := checkFormats().pick(o.format, "")
	if err != nil {
		return err
	}
	opt, err := sourceOptions(o.source)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var all argmap.Diagnostics
	type result struct {
		root   string
		debate *argmap.Debate
	}
	var ok []result
	seen := map[string]bool{}
	for _, p := range paths {
		root := filepath.Clean(argmap.Root(p))
		if seen[root] {
			continue
		}
		seen[root] = true
		d, diags := argmap.Load(root, opt)
		all = append(all, diags...)
		if d != nil {
			ok = append(ok, result{root, d})
		}
	}
	all.Sort()
	errs, warns := all.Count()
	shown, allowed := all.Shown()
	failed := errs > 0 || (o.strict && warns > 0)

	if format == "json" {
		out, err := marshalJSON(struct {
			OK          bool               `json:"ok"`
			Errors      int                `json:"errors"`
			Warnings    int                `json:"warnings"`
			Allowed     int                `json:"allowed"`
			Diagnostics argmap.Diagnostics `json:"diagnostics"`
		}{!failed, errs, warns, allowed, shown})
		if err != nil {
			return err
		}
		s.Out.Write(out)
	} else {
		for _, d := range shown {
			fmt.Fprintln(s.Err, d.String())
		}
		if !failed {
			for _, r := range ok {
				fmt.Fprintf(s.Out, "%s: ok: %s, %s, %s\n", argmap.DisplayPath(r.root), count(len(r.debate.Experts), "expert"),
					count(r.debate.ClaimCount(), "claim"), count(len(r.debate.Propositions), "proposition"))
			}
		}
		if errs > 0 || warns > 0 || allowed > 0 {
			more := ""
			if allowed > 0 {
				more = ", " + count(allowed, "warning") + " allowed"
			}
			if o.strict && warns > 0 {
				more += " (--strict: warnings fail)"
			}
			fmt.Fprintf(s.Err, "%s, %s%s\n", count(errs, "error"), count(warns, "warning"), more)
		}
	}
	if failed {
		return invalid(nil)
	}
	return nil
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// sourceOptions reads the --source files: FILE for a debate's one source (or the first of
// several), ID=FILE for the source of that id in [[sources]].
func sourceOptions(flags []string) (argmap.Options, error) {
	var opt argmap.Options
	for _, f := range flags {
		id, path, named := strings.Cut(f, "=")
		if !named || !argmap.ValidID(id) {
			id, path = "", f
		} else if _, err := os.Stat(f); err == nil {
			id, path = "", f // a file whose name has "=" in it
		}
		src, err := readSource(path)
		if err != nil {
			return opt, usage(err)
		}
		if id == "" {
			if opt.SourceName != "" {
				return opt, usage(fmt.Errorf("two --source files for the debate's source (%s, %s): name the others ID=FILE", opt.SourceName, path))
			}
			opt.Source, opt.SourceName = src, path
			continue
		}
		if opt.Sources == nil {
			opt.Sources, opt.SourceNames = map[string]string{}, map[string]string{}
		}
		if _, dup := opt.Sources[id]; dup {
			return opt, usage(fmt.Errorf("two --source files for source %q", id))
		}
		opt.Sources[id], opt.SourceNames[id] = src, path
	}
	return opt, nil
}

// readSource reads the --source text, refusing files over the size limit without reading
// them whole.
func readSource(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read --source: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, argmap.MaxFileSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read --source: %w", err)
	}
	if len(data) > argmap.MaxFileSize {
		return "", fmt.Errorf("--source %s is larger than the %d MiB limit", path, argmap.MaxFileSize>>20)
	}
	return string(data), nil
}
