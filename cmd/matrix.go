package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/matrix"
	"github.com/argmap-dev/argmap/render"
	"github.com/argmap-dev/argmap/stances"
	"github.com/spf13/cobra"
)

type matrixOptions struct {
	output, format, order string
	transpose, stats      bool
	long                  bool // one row per expert × proposition
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
show as blocks; --order file keeps the debate's order, --order name sorts experts by family
name (the last word of the name, or the expert's sort_name) and propositions by id. --stats
adds pairwise agreement and the propositions' consensus and divisiveness; --pairs prints the
expert × expert agreement table instead (as 'argmap agreement' does).

--long writes the tidy form instead, the shape pandas, R and pivot tables want: one row per
expert and proposition the expert addresses (expert, name, proposition, position, value -2..2,
inferred, confidence, quote); a proposition an expert does not address has no row.

Formats: table (the terminal default), md, csv, tsv, json, html, xlsx, and pictures: svg,
png, pdf (large panels are drawn as colours only; above 250,000 cells argmap refuses: use
xlsx or csv). The format comes from --format, else from -o's extension.`,
		Example: `  argmap matrix seeds/camp-taji
  argmap matrix seeds/camp-taji --stats
  argmap matrix seeds/camp-taji -o taji.xlsx
  argmap matrix seeds/camp-taji --long -o stances.csv
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
	c.Flags().BoolVar(&o.long, "long", false, "long (tidy) form: one row per expert × proposition addressed (table, md, csv, tsv, json)")
	c.Flags().BoolVar(&o.stats, "stats", false, "add pairwise agreement, each proposition's consensus and divisiveness, and the cruxes (table, md, html; json and xlsx always hold them)")
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
share few propositions are flagged ("few", faded and hatched in the heat map), not hidden.

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
	matrixFormats().bind(c, &o.format, true)
	f.StringVar(&o.order, "order", "cluster", "row and column order: cluster, file or name")
	c.RegisterFlagCompletionFunc("order", cobra.FixedCompletions([]string{"cluster", "file", "name"}, cobra.ShellCompDirectiveNoFileComp))
}

func matrixFormats() formats {
	return formats{def: string(matrix.Table), list: []format{
		textFormat(string(matrix.Table), "aligned columns for the terminal", ".txt"),
		{name: string(matrix.Markdown), exts: []string{".md", ".markdown"}, desc: "Markdown tables"},
		{name: string(matrix.CSV), exts: []string{".csv"}, desc: "comma-separated values"},
		{name: string(matrix.TSV), exts: []string{".tsv"}, desc: "tab-separated values"},
		{name: string(matrix.JSON), exts: []string{".json"}, desc: "the matrix and its statistics"},
		{name: string(matrix.HTML), exts: []string{".html", ".htm"}, desc: "a standalone page"},
		{name: string(matrix.XLSX), exts: []string{".xlsx"}, desc: "an Excel workbook"},
		{name: string(render.SVG), exts: []string{".svg"}, desc: "a picture"},
		{name: string(render.PNG), exts: []string{".png"}, desc: "a picture"},
		{name: string(render.PDF), exts: []string{".pdf"}, desc: "a picture on a page"},
	}}
}

func runMatrix(ctx context.Context, s *Streams, o *matrixOptions, path string) error {
	format, err := matrixFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	picture, isPicture := map[string]render.Format{"svg": render.SVG, "png": render.PNG, "pdf": render.PDF}[format]
	var tf matrix.Format
	if !isPicture {
		if tf, err = matrix.ParseFormat(format); err != nil {
			return usage(err)
		}
	}
	order, err := stances.ParseOrder(o.order)
	if err != nil {
		return usage(err)
	}
	if o.long && (o.stats || o.pairs || o.transpose) {
		return usage(errors.New("--long is one table of stances: it does not go with --stats, --pairs or --transpose"))
	}
	if o.long && (isPicture || tf == matrix.HTML || tf == matrix.XLSX) {
		return usage(fmt.Errorf("--long is written as table, md, csv, tsv or json, not %s", format))
	}
	if o.stats && (tf == matrix.CSV || tf == matrix.TSV) {
		return usage(fmt.Errorf("--stats cannot go into one %s table: use --pairs for the agreement, or --format json, xlsx, html or md", format))
	}
	if err := checkOutput(s, o.output, format, tf.Binary() || picture == render.PNG || picture == render.PDF); err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	m := matrix.New(stances.New(d, stances.Options{Order: order, Transpose: o.transpose}))
	color := toStdout(o.output) && s.color()
	write := func(w io.Writer) error {
		switch {
		case picture == render.SVG:
			return m.WritePictureSVG(w, o.pairs)
		case isPicture:
			var layout bytes.Buffer
			if err := m.WritePictureLayout(&layout, o.pairs); err != nil {
				return err
			}
			out, err := render.Draw(layout.Bytes(), picture, render.Options{MaxPixels: pictureMaxPixels})
			if err != nil {
				return fmt.Errorf("cannot draw the matrix: %w", err)
			}
			_, err = w.Write(out)
			return err
		case o.pairs:
			return m.WriteAgreement(w, tf, color)
		case o.long:
			return m.WriteLong(w, tf, color)
		case o.stats:
			return m.WriteWithStats(w, tf, color)
		}
		return m.Write(w, tf, color)
	}
	return emitStream(s, o.output, write)
}

// pictureMaxPixels caps the PNG of a matrix or heat map (16 megapixels, 64 MiB of image): a
// large panel is drawn at a lower resolution rather than with unbounded memory.
const pictureMaxPixels = 16_000_000

// emitStream writes a document to standard output as it is produced, so that a large one is
// never held whole; to a file, through emit (written whole and atomically). An error that
// is not a write error on standard output is invalid data.
func emitStream(s *Streams, output string, write func(io.Writer) error) error {
	if output == "" || output == "-" {
		sw := &stickyWriter{w: s.Out}
		if err := write(sw); err != nil {
			if sw.err != nil {
				return sw.err
			}
			return invalid(err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return invalid(err)
	}
	return emit(s, output, buf.Bytes())
}

// stickyWriter remembers the first write error, to tell it from an error of the document.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
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
stands where, their quotes and the claims their positions rest on. Then the consensus: each
proposition on which everyone who addresses it (two or more) takes one side, with the same
detail; then the propositions fewer than two experts address.

Formats: table (the terminal default), md, json.`,
		Example: `  argmap cruxes seeds/camp-taji
  argmap cruxes seeds/camp-taji --format md -o cruxes.md`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runReport(s, o, a[0], func(m *matrix.Writer, w *bytes.Buffer, f matrix.Format, color bool) error {
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
differ on; and every direct attack between their claims, in both directions.

Formats: table (the terminal default), md, json.`,
		Example: `  argmap compare seeds/camp-taji kadhim pfaff
  argmap compare seeds/camp-taji hof slavin --format md`,
		Args: args(cobra.ExactArgs(3)),
		RunE: func(c *cobra.Command, a []string) error {
			return runReport(s, o, a[0], func(m *matrix.Writer, w *bytes.Buffer, f matrix.Format, color bool) error {
				cmp, err := m.Matrix().Compare(a[1], a[2])
				if err != nil {
					return usage(err)
				}
				return matrix.WriteComparison(w, cmp, f, color)
			})
		},
	}
	reportFlags(c, o)
	return c
}

func reportFlags(c *cobra.Command, o *reportOptions) {
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	reportFormats().bind(c, &o.format, true)
}

func reportFormats() formats {
	return formats{def: string(matrix.Table), list: []format{
		textFormat(string(matrix.Table), "for the terminal", ".txt"),
		{name: string(matrix.Markdown), exts: []string{".md", ".markdown"}, desc: "Markdown"},
		{name: string(matrix.JSON), exts: []string{".json"}, desc: "JSON"},
	}}
}

func runReport(s *Streams, o *reportOptions, path string, write func(*matrix.Writer, *bytes.Buffer, matrix.Format, bool) error) error {
	format, err := reportFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	if err := checkOutput(s, o.output, format, false); err != nil {
		return err
	}
	f, _ := matrix.ParseFormat(format)
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	var buf bytes.Buffer
	if err := write(matrix.New(stances.New(d, stances.Options{})), &buf, f, toStdout(o.output) && s.color()); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return invalid(err)
	}
	return emit(s, o.output, buf.Bytes())
}
