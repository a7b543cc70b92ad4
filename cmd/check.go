package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	format string
	source string
	strict bool
}

func newCheck(s *Streams) *cobra.Command {
	o := &checkOptions{}
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Validate debates and report every problem at once",
		Long: `Check validates debate folders (or files of one) and prints every problem at once, sorted,
as path:line:col: error|warning: message. A file inside a debate folder checks the whole
debate. With no PATH it checks the current folder.

Exit status: 0 when there is no error (warnings are allowed unless --strict), 1 when the
data is invalid, 2 on a usage error.`,
		Example: `  argmap check seeds/camp-taji
  argmap check seeds/camp-taji/experts/hof.toml
  argmap check --source article.txt seeds/camp-taji
  argmap check --format json seeds/camp-taji`,
		Args: args(cobra.ArbitraryArgs),
		RunE: func(c *cobra.Command, paths []string) error {
			return runCheck(s, o, paths)
		},
	}
	c.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	c.Flags().StringVar(&o.source, "source", "", "source text `FILE`: every quote must occur in it")
	c.Flags().BoolVar(&o.strict, "strict", false, "treat warnings as errors (exit 1)")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	c.MarkFlagFilename("source", "txt", "md")
	return c
}

func runCheck(s *Streams, o *checkOptions, paths []string) error {
	if err := oneOf("format", o.format, "text", "json"); err != nil {
		return err
	}
	var opt argmap.Options
	if o.source != "" {
		src, err := os.ReadFile(o.source)
		if err != nil {
			return usage(fmt.Errorf("cannot read --source: %w", err))
		}
		if len(src) > argmap.MaxFileSize {
			return usage(fmt.Errorf("--source %s is larger than the %d MiB limit", o.source, argmap.MaxFileSize>>20))
		}
		opt.Source = string(src)
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
	failed := errs > 0 || (o.strict && warns > 0)

	if o.format == "json" {
		out, err := json.MarshalIndent(struct {
			OK          bool               `json:"ok"`
			Errors      int                `json:"errors"`
			Warnings    int                `json:"warnings"`
			Diagnostics argmap.Diagnostics `json:"diagnostics"`
		}{!failed, errs, warns, all}, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(s.Out, "%s\n", out)
	} else {
		for _, d := range all {
			fmt.Fprintln(s.Err, d.String())
		}
		for _, r := range ok {
			fmt.Fprintf(s.Out, "%s: ok: %d experts, %d claims, %d propositions\n",
				r.root, len(r.debate.Experts), r.debate.ClaimCount(), len(r.debate.Propositions))
		}
		if errs > 0 || warns > 0 {
			fmt.Fprintf(s.Err, "%s, %s\n", count(errs, "error"), count(warns, "warning"))
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
