package cmd

import (
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/briefing"
	"github.com/argmap-dev/argmap/draw"
	"github.com/spf13/cobra"
)

type briefOptions struct {
	output, format string
}

func newBrief(s *Streams) *cobra.Command {
	o := &briefOptions{}
	c := &cobra.Command{
		Use:   "brief DEBATE",
		Short: "Write the briefing on a debate: one interactive HTML page, or a PDF pack",
		Long: `Brief writes the finished briefing on a debate.

HTML (the default): one self-contained page that works offline, opened from disk or
mailed: the title, source and a summary; the stance matrix (click a cell for the quote,
confidence and evidence); the cruxes and pairwise agreement; the whole-debate map and the
collisions map with pan, zoom, a search box and a choice of expert to highlight; one section
per proposition with who stands for and against it, and why; one section per expert with
their map and recommendations. It prints cleanly (A4 or Letter). It loads nothing from the
network, and only the source's http(s) URL is a link.

PDF: the same content as a printable pack: a cover, the matrix, the cruxes, the maps scaled
to the page, one page per proposition, with page numbers.

The format comes from --format, else from -o's extension (.html, .htm, .pdf); on standard
output it is HTML.`,
		Example: `  argmap brief seeds/camp-taji -o briefing.html
  argmap brief seeds/camp-taji -o briefing.pdf`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runBrief(c, s, o, a[0])
		},
	}
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	briefFormats().bind(c, &o.format, true)
	return c
}

func briefFormats() formats {
	return formats{def: "html", list: []format{
		{name: "html", exts: []string{".html", ".htm"}, desc: "one interactive page that works offline"},
		{name: "pdf", exts: []string{".pdf"}, desc: "a printable pack"},
	}}
}

func runBrief(c *cobra.Command, s *Streams, o *briefOptions, path string) error {
	format, err := briefFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	if err := checkOutput(s, o.output, format, format == "pdf"); err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	b := briefing.New(d, briefing.Options{Draw: draw.Options{Progress: drawOptions(s).Progress}})
	var out []byte
	if format == "pdf" {
		out, err = b.PDF(c.Context())
	} else {
		out, err = b.HTML(c.Context())
	}
	if err != nil {
		return invalid(fmt.Errorf("cannot write the briefing: %w", err))
	}
	return emit(s, o.output, out)
}
