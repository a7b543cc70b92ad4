package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/render"
	"github.com/argmap-dev/argmap/stances"
	"github.com/spf13/cobra"
)

type matrixOptions struct {
	output, format, order string
	transpose, stats      bool
	pairs                 bool // the agreement table instead of the matrix
}

func newMatrix(s *Streams) *cobra.Command {
	o := &matrixOptions{}
	c := &cobra.Command{
		Use:   "matrix DEBATE",
		Short: "Show experts × propositions: where they agree and disagree",
		Long: `Matrix shows each expert's position on each proposition: ++ strongly agree, + agree,
~ mixed, - disagree, -- strongly disagree, with * when the position is inferred and · when
the expert does not address the proposition (never counted as disagreement).

Rows and columns are ordered by similarity (--order cluster, the default) so that coalitions
show as blocks; --order file keeps the debate's order, --order name sorts by name. --stats
adds pairwise agreement and the propositions' consensus and divisiveness; --pairs prints the
expert × expert agreement table instead (as 'argmap agreement' does).

Formats: table (the terminal default), md, csv, tsv, json, html, xlsx, and pictures: svg,
png, pdf. The format comes from --format, else from -o's extension.`,
		Example: `  argmap matrix seeds/camp-taji
  argmap matrix seeds/camp-taji --stats
  argmap matrix seeds/camp-taji -o taji.xlsx
  argmap matrix seeds/camp-taji --format md --order file
  argmap matrix seeds/camp-taji -o matrix.png`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runMatrix(c.Context(), s, o, a[0])
		},
	}
	matrixFlags(c, o)
	c.Flags().BoolVar(&o.transpose, "transpose", false, "propositions as rows, experts as columns")
	c.Flags().BoolVar(&o.pairs, "pairs", false, "print the expert × expert agreement table instead")
	c.Flags().BoolVar(&o.stats, "stats", false, "add pairwise agreement, consensus and divisiveness (table, md)")
	return c
}

func newAgreement(s *Streams) *cobra.Command {
	o := &matrixOptions{pairs: true}
	c := &cobra.Command{
		Use:   "agreement DEBATE",
		Short: "Show how often each pair of experts takes the same side",
		Long: `Agreement shows, for every pair of experts, over the propositions both address: how many
(n), the share on which they take the same side, the mean distance on the 5-point scale, and
Cohen's quadratic-weighted kappa where n allows (at least 3 shared propositions). Pairs that
share few propositions are flagged, not hidden.

Formats: table, md, csv, tsv, json, html, xlsx, and a heat map: svg, png, pdf.`,
		Example: `  argmap agreement seeds/camp-taji
  argmap agreement seeds/camp-taji -o agreement.png`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runMatrix(c.Context(), s, o, a[0])
		},
	}
	matrixFlags(c, o)
	return c
}

func matrixFlags(c *cobra.Command, o *matrixOptions) {
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	f.StringVar(&o.format, "format", "", "table, md, csv, tsv, json, html, xlsx, svg, png or pdf")
	f.StringVar(&o.order, "order", "cluster", "row and column order: cluster, file or name")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(append(formatNames(), "svg", "png", "pdf"), cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("order", cobra.FixedCompletions([]string{"cluster", "file", "name"}, cobra.ShellCompDirectiveNoFileComp))
}

func formatNames() []string {
	var out []string
	for _, f := range stances.Formats() {
		out = append(out, string(f))
	}
	return out
}

var tableExts = map[string]string{
	".txt": "table", ".md": "md", ".markdown": "md", ".csv": "csv", ".tsv": "tsv", ".json": "json",
	".html": "html", ".htm": "html", ".xlsx": "xlsx", ".svg": "svg", ".png": "png", ".pdf": "pdf",
}

func runMatrix(ctx context.Context, s *Streams, o *matrixOptions, path string) error {
	format, err := outputFormat(o.format, o.output, tableExts, "table")
	if err != nil {
		return err
	}
	picture, isPicture := map[string]render.Format{"svg": render.SVG, "png": render.PNG, "pdf": render.PDF}[format]
	var tf stances.Format
	if !isPicture {
		var err error
		if tf, err = stances.ParseFormat(format); err != nil {
			return usage(fmt.Errorf("invalid --format %q: want one of table, md, csv, tsv, json, html, xlsx, svg, png, pdf", format))
		}
	}
	order, err := stances.ParseOrder(o.order)
	if err != nil {
		return usage(err)
	}
	if err := checkOutput(s, o.output, format, tf.Binary() || picture == render.PNG || picture == render.PDF); err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	m := stances.New(d, stances.Options{Order: order, Transpose: o.transpose})
	color := toStdout(o.output) && s.color()
	var buf bytes.Buffer
	switch {
	case isPicture:
		src := m.DOT()
		if o.pairs {
			src = m.AgreementDOT()
		}
		out, err := render.Render(ctx, src, picture, render.Options{})
		if err != nil {
			return invalid(fmt.Errorf("cannot draw the matrix: %w", err))
		}
		buf.Write(out)
	case o.pairs:
		err = m.WriteAgreement(&buf, tf, color)
	default:
		err = m.Write(&buf, tf, color)
		if err == nil && o.stats && (tf == stances.Table || tf == stances.Markdown) {
			buf.WriteString("\n")
			err = m.WriteAgreement(&buf, tf, color)
			if err == nil {
				buf.WriteString("\n")
				err = m.WriteCruxesAs(&buf, tf, color)
			}
		}
	}
	if err != nil {
		return invalid(err)
	}
	return emit(s, o.output, buf.Bytes())
}

type reportOptions struct {
	output, format string
}

func newCruxes(s *Streams) *cobra.Command {
	o := &reportOptions{}
	c := &cobra.Command{
		Use:   "cruxes DEBATE",
		Short: "Rank propositions by how divisive they are, with who stands where",
		Long: `Cruxes lists the propositions the experts divide on, most divisive first (divisiveness is
the variance of the positions of those who address it, scaled to 0..1), each with who
stands where, their quotes and the claims their positions rest on. Propositions everyone
agrees on are listed as consensus at the end.

Formats: table (the terminal default), md, json.`,
		Example: `  argmap cruxes seeds/camp-taji
  argmap cruxes seeds/camp-taji --format md -o cruxes.md`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runReport(s, o, a[0], func(m *stances.Matrix, w *bytes.Buffer, f stances.Format, color bool) error {
				return m.WriteCruxesAs(w, f, color)
			})
		},
	}
	reportFlags(c, o)
	return c
}

func newCompare(s *Streams) *cobra.Command {
	o := &reportOptions{}
	c := &cobra.Command{
		Use:   "compare DEBATE EXPERT EXPERT",
		Short: "Where two experts agree, disagree, and which beliefs split them",
		Long: `Compare sets two experts side by side: the propositions on which they take the same side,
different sides, or which only one addresses, with their quotes; and where their
recommendations oppose (opposite stances on policy propositions, or attacks between their
claims), the premises behind each side, so the reader sees which belief they actually
differ on.

Formats: table (the terminal default), md, json.`,
		Example: `  argmap compare seeds/camp-taji kadhim pfaff
  argmap compare seeds/camp-taji hof slavin --format md`,
		Args: args(cobra.ExactArgs(3)),
		RunE: func(c *cobra.Command, a []string) error {
			return runReport(s, o, a[0], func(m *stances.Matrix, w *bytes.Buffer, f stances.Format, color bool) error {
				cmp, err := m.Compare(a[1], a[2])
				if err != nil {
					return usage(err)
				}
				return cmp.WriteAs(w, f, color)
			})
		},
	}
	reportFlags(c, o)
	return c
}

func reportFlags(c *cobra.Command, o *reportOptions) {
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	c.Flags().StringVar(&o.format, "format", "", "table, md or json (default: from -o, else table)")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "md", "json"}, cobra.ShellCompDirectiveNoFileComp))
}

func runReport(s *Streams, o *reportOptions, path string, write func(*stances.Matrix, *bytes.Buffer, stances.Format, bool) error) error {
	format, err := outputFormat(o.format, o.output, map[string]string{".md": "md", ".markdown": "md", ".json": "json", ".txt": "table"}, "table")
	if err != nil {
		return err
	}
	if err := oneOf("format", format, "table", "md", "json"); err != nil {
		return err
	}
	if err := checkOutput(s, o.output, format, false); err != nil {
		return err
	}
	f, _ := stances.ParseFormat(format)
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	var buf bytes.Buffer
	if err := write(stances.New(d, stances.Options{}), &buf, f, toStdout(o.output) && s.color()); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return invalid(err)
	}
	return emit(s, o.output, buf.Bytes())
}
