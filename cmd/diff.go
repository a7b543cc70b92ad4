package cmd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/diff"
	"github.com/argmap-dev/argmap/internal/gitrev"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	rev      string
	format   string
	output   string
	exitCode bool
}

func newDiff(s *Streams) *cobra.Command {
	o := &diffOptions{}
	c := &cobra.Command{
		Use:   "diff OLD NEW | diff --rev REV DEBATE",
		Short: "Compare two versions of a debate, for review",
		Long: `Diff compares two versions of a debate: two folders, or with --rev the debate folder as
it is now and as it was in a git revision (read with the git command line).

It lists experts, propositions and claims added, removed or reworded (text or quote), claims
moved to another kind or made implicit, supports and attacks added and removed, and stances
whose position, confidence or inferred flag changed ("+ → ++"). Items are matched by id.

Formats: text (coloured on a terminal), md (for a pull-request comment) and json.
Like git diff, --exit-code exits with status 1 when the versions differ.`,
		Example: `  argmap diff old/camp-taji seeds/camp-taji
  argmap diff --rev HEAD~1 seeds/camp-taji
  argmap diff --rev main --format md seeds/camp-taji > review.md
  argmap diff --exit-code --rev HEAD seeds/camp-taji || echo "the debate changed"`,
		Args: args(cobra.RangeArgs(1, 2)),
		RunE: func(c *cobra.Command, a []string) error {
			return runDiff(c.Context(), s, o, a)
		},
	}
	c.Flags().StringVar(&o.rev, "rev", "", "compare DEBATE with its version in git revision `REV`")
	diffFormats().bind(c, &o.format, true)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	c.Flags().BoolVar(&o.exitCode, "exit-code", false, "exit with status 1 when the versions differ")
	return c
}

func diffFormats() formats {
	return formats{def: "text", list: []format{
		textFormat("text", "for reading (coloured on a terminal)", ".txt"),
		{name: "md", exts: []string{".md", ".markdown"}, desc: "Markdown, for a pull-request comment"},
		{name: "json", exts: []string{".json"}, desc: "the changes as JSON"},
	}}
}

func runDiff(ctx context.Context, s *Streams, o *diffOptions, a []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	format, err := diffFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	var oldPath, newPath, oldLabel string
	switch {
	case o.rev != "" && len(a) == 1:
		newPath, oldLabel = a[0], a[0]+"@"+o.rev
		tmp, err := gitrev.Checkout(ctx, a[0], o.rev)
		if err != nil {
			return invalid(err)
		}
		defer os.RemoveAll(tmp)
		oldPath = tmp
	case o.rev == "" && len(a) == 2:
		oldPath, newPath, oldLabel = a[0], a[1], a[0]
	case o.rev != "":
		return usage(fmt.Errorf("with --rev, give one debate folder (its version in %s is compared with it now)", o.rev))
	default:
		return usage(fmt.Errorf("give two debates to compare, or --rev REV and one debate"))
	}
	oldD, diags := argmap.Load(oldPath, argmap.Options{})
	if oldD == nil && o.rev != "" {
		relabel(diags, oldPath, oldLabel)
		printErrors(s, diags)
		return invalid(fmt.Errorf("%s at revision %s is not a valid debate", newPath, o.rev))
	}
	if oldD == nil {
		return invalidDebate(s, oldPath, diags)
	}
	newD, diags := argmap.Load(newPath, argmap.Options{})
	if newD == nil {
		return invalidDebate(s, newPath, diags)
	}
	r := diff.Compare(oldD, newD, oldLabel, newPath)
	var buf bytes.Buffer
	switch format {
	case "md":
		err = diff.WriteMarkdown(&buf, r)
	case "json":
		err = diff.WriteJSON(&buf, r)
	default:
		err = diff.WriteText(&buf, r, toStdout(o.output) && s.color())
	}
	if err != nil {
		return err
	}
	if err := emit(s, o.output, buf.Bytes()); err != nil {
		return err
	}
	if o.exitCode && r.Count() > 0 {
		return invalid(nil)
	}
	return nil
}

// relabel shows the files of a debate read from git under the debate's name and revision.
func relabel(diags argmap.Diagnostics, tmp, label string) {
	for i := range diags {
		if rel, err := filepath.Rel(tmp, diags[i].Path); err == nil && !strings.HasPrefix(rel, "..") {
			diags[i].Path = label + ":" + filepath.ToSlash(rel)
		}
	}
}
