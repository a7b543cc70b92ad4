package cmd

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/handout"
	"github.com/spf13/cobra"
)

type handoutOptions struct {
	output, format, seed string
	key                  bool
}

func newHandout(s *Streams) *cobra.Command {
	o := &handoutOptions{}
	c := &cobra.Command{
		Use:   "handout DEBATE -o FILE",
		Short: "Write a class worksheet with hidden speakers, or its answer key",
		Long: `Handout writes a worksheet for a class: the event, the experts as "Analyst A", "Analyst B",
... (a shuffle fixed by --seed) with their claims as numbered statements (implicit ones
marked "(unstated)"), the propositions, and exercises made from the debate: (a) place each
analyst on the 5-point scale for each proposition they address; (b) list the statements
that support each recommendation; (c) find the statements that attack another analyst's;
(d) a discussion prompt for each of the most divisive propositions.

The worksheet names nobody: no name, role, affiliation or id of an expert appears in it
(texts that mention one say "Analyst X" or "[affiliation]" instead), it has no map, and it
names the source by its title only (the source's page names the analysts).

With --key, it writes the answer key instead, as a separate file: who the analysts are, the
stance matrix, each recommendation's supports, the attacks across analysts, the cruxes, and
(HTML and PDF) the map of the whole debate. The same --seed gives the same letters.

Formats: pdf (A4), html (one printable page, no external requests) and md (Markdown, for
learning-platform pages), from --format or -o's extension.`,
		Example: `  argmap handout seeds/camp-taji -o worksheet.pdf
  argmap handout seeds/camp-taji --key -o key.pdf
  argmap handout seeds/camp-taji --seed 7 --format md > worksheet.md`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runHandout(c, s, o, a[0])
		},
	}
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	handoutFormats().bind(c, &o.format, true)
	f.StringVar(&o.seed, "seed", strconv.Itoa(handout.DefaultSeed), "`N` fixes the shuffle that gives the analysts their letters")
	f.BoolVar(&o.key, "key", false, "write the answer key instead of the worksheet")
	return c
}

func handoutFormats() formats {
	return formats{list: []format{
		{name: string(handout.PDF), exts: []string{".pdf"}, desc: "A4, to print"},
		{name: string(handout.HTML), exts: []string{".html", ".htm"}, desc: "one printable page"},
		{name: string(handout.Markdown), exts: []string{".md", ".markdown"}, desc: "Markdown, for learning platforms"},
	}}
}

func runHandout(c *cobra.Command, s *Streams, o *handoutOptions, path string) error {
	seed, err := strconv.ParseInt(o.seed, 10, 64)
	if err != nil {
		return usage(fmt.Errorf("invalid --seed %q: want a whole number", o.seed))
	}
	name, err := handoutFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	format, err := handout.ParseFormat(name)
	if err != nil {
		return usage(err)
	}
	if err := checkOutput(s, o.output, string(format), format == handout.PDF); err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	var buf bytes.Buffer
	if err := handout.New(d, handout.Options{Seed: seed, Key: o.key}).Write(c.Context(), &buf, format); err != nil {
		return invalid(err)
	}
	return emit(s, o.output, buf.Bytes())
}
