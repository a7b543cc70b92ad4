package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/draw"
	"github.com/argmap-dev/argmap/evaluate"
	"github.com/argmap-dev/argmap/render"
	"github.com/spf13/cobra"
)

type mapOptions struct {
	output, format      string
	expert, proposition string
	depth               int
	conflicts           bool
	rankdir, engine     string
	wrap                int
	ids, noLegend       bool
	evaluate            bool
	semantics           string
	accept, reject      []string
}

func newMap(s *Streams) *cobra.Command {
	o := &mapOptions{}
	c := &cobra.Command{
		Use:   "map DEBATE",
		Short: "Draw an argument map (SVG, PNG, PDF, DOT or JSON)",
		Long: fmt.Sprintf(`Map draws the debate as an argument map with Graphviz (built in: no system Graphviz needed).

Views: the whole debate (default): each expert's claims in a box of their colour, the shared
propositions, and each expert's stance as an edge to a proposition; --expert ID: one
expert's reasoning and stances; --proposition ID: who argues for and against one proposition,
and why (--depth steps of reasons behind each stance's evidence); --conflicts: only the
claims in attacks across experts, with what directly supports them.

Reading a map: premises are rounded boxes, conclusions square boxes with a heavy border,
recommendations hexagons, propositions folded notes; what the curator supplied (implicit) is
dashed. Support is a thin blue arrow, attack a heavy vermillion line ending in a bar. Stances
are labelled ++ + ~ - -- and dashed when inferred. --expert also draws the other side of each
collision as a small box in the other expert's colour. Past seven experts colours repeat and
each expert carries a letter badge.

A map shows at most %d claims and %d links (bigger: exit 1; draw a view or use the
matrix); long labels are cut (the SVG tooltip keeps more).

The format comes from --format, else from -o's extension; on standard output it is SVG.
SVG, DOT and JSON (the Graphviz layout) may go to standard output; PNG and PDF need -o or a
pipe.`, graph.MaxClaims, graph.MaxEdges),
		Example: `  argmap map seeds/camp-taji -o taji.svg
  argmap map seeds/camp-taji --conflicts -o collisions.png
  argmap map seeds/camp-taji --expert kadhim --ids -o kadhim.pdf
  argmap map seeds/camp-taji --proposition military-retaliation --depth 1 --rankdir TB -o p.svg
  argmap map seeds/camp-taji --format dot | dot -Tsvg > taji.svg`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runMap(c.Context(), s, o, a[0])
		},
	}
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	mapFormats().bind(c, &o.format, true)
	f.StringVar(&o.expert, "expert", "", "draw one expert's reasoning (expert `ID`)")
	f.StringVar(&o.proposition, "proposition", "", "draw who argues for and against proposition `ID`")
	f.IntVar(&o.depth, "depth", 2, "with --proposition: steps of reasons behind the evidence")
	f.BoolVar(&o.conflicts, "conflicts", false, "draw only where experts collide (cross-expert attacks)")
	f.StringVar(&o.rankdir, "rankdir", "LR", "layout direction: LR, TB, BT or RL")
	f.StringVar(&o.engine, "engine", "dot", "Graphviz layout engine: dot (layered), neato or fdp (force-directed)")
	f.IntVar(&o.wrap, "wrap", 28, "label width in characters")
	f.BoolVar(&o.ids, "ids", false, "show claim ids in the labels")
	f.BoolVar(&o.noLegend, "no-legend", false, "leave out the legend")
	f.BoolVar(&o.evaluate, "evaluate", false, "mark which claims still stand: defeated struck and grey, unsupported faded, undecided '?' (see argmap evaluate)")
	f.StringVar(&o.semantics, "semantics", "support", "with --evaluate: support, grounded or preferred")
	whatIfFlags(c, &o.accept, &o.reject)
	c.RegisterFlagCompletionFunc("rankdir", cobra.FixedCompletions([]string{"LR", "TB", "BT", "RL"}, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("engine", cobra.FixedCompletions([]string{"dot", "neato", "fdp"}, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("expert", completeIDs(func(d *argmap.Debate) (ids []string) {
		for _, e := range d.Experts {
			ids = append(ids, e.ID+"\t"+e.Name)
		}
		return ids
	}))
	c.RegisterFlagCompletionFunc("proposition", completeIDs(func(d *argmap.Debate) (ids []string) {
		for _, p := range d.Propositions {
			ids = append(ids, p.ID+"\t"+p.Text)
		}
		return ids
	}))
	return c
}

// completeIDs completes a flag with ids from the debate named by the first argument.
func completeIDs(list func(*argmap.Debate) []string) cobra.CompletionFunc {
	return func(c *cobra.Command, a []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(a) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		d, _ := argmap.Load(a[0], argmap.Options{})
		if d == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return list(d), cobra.ShellCompDirectiveNoFileComp
	}
}

func runMap(ctx context.Context, s *Streams, o *mapOptions, path string) error {
	format, err := mapFormat(o)
	if err != nil {
		return err
	}
	opt := graph.Options{Depth: o.depth, RankDir: o.rankdir, Wrap: o.wrap, IDs: o.ids, NoLegend: o.noLegend, Engine: o.engine}
	views := 0
	if o.expert != "" {
		opt.View, opt.Expert = graph.Expert, o.expert
		views++
	}
	if o.proposition != "" {
		opt.View, opt.Proposition = graph.Proposition, o.proposition
		views++
	}
	if o.conflicts {
		opt.View = graph.Conflicts
		views++
	}
	if views > 1 {
		return usage(errors.New("choose one view: --expert, --proposition or --conflicts"))
	}
	if o.wrap < 8 || o.wrap > 200 {
		return usage(fmt.Errorf("invalid --wrap %d: use 8 to 200 characters", o.wrap))
	}
	if err := oneOf("rankdir", o.rankdir, "LR", "TB", "BT", "RL"); err != nil {
		return err
	}
	if err := oneOf("semantics", o.semantics, evaluate.SemanticsNames...); err != nil {
		return err
	}
	if !o.evaluate && (len(o.accept)+len(o.reject) > 0 || o.semantics != "support") {
		return usage(errors.New("--semantics, --accept and --reject go with --evaluate"))
	}
	if len(o.accept)+len(o.reject) > 0 && o.semantics == "preferred" {
		return usage(errors.New("--accept and --reject work with --semantics support or grounded"))
	}
	if err := checkOutput(s, o.output, string(format), format == render.PNG || format == render.PDF); err != nil {
		return err
	}
	if err := (render.Options{Engine: o.engine}).Check(); err != nil {
		return usage(err)
	}

	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	if o.evaluate {
		r, err := evaluate.Evaluate(d, evaluate.Options{Semantics: evaluate.Semantics(o.semantics), Accept: o.accept, Reject: o.reject})
		if err != nil {
			return evaluateError(err)
		}
		opt.Status = map[string]string{}
		for _, c := range r.Claims {
			opt.Status[c.Ref] = c.Label.String()
		}
	}
	out, err := draw.Map(ctx, d, opt, format, drawOptions(s))
	tooBig, failed := (*graph.TooBigError)(nil), (*draw.Error)(nil)
	switch {
	case errors.As(err, &tooBig), errors.As(err, &failed):
		return invalid(err)
	case err != nil:
		return usage(err) // an unknown expert or proposition
	}
	return emit(s, o.output, out)
}

// drawOptions prints what happens as maps are drawn: their notes, and on a terminal that a
// big map takes seconds.
func drawOptions(s *Streams) draw.Options {
	o := draw.Options{Note: func(note string) { fmt.Fprintf(s.Err, "argmap: note: %s\n", note) }}
	if s.ErrTerminal {
		o.Progress = func(claims int) {
			fmt.Fprintf(s.Err, "argmap: laying out %d claims with Graphviz; big maps take seconds...\n", claims)
		}
	}
	return o
}

func mapFormats() formats {
	return formats{def: string(render.SVG), list: []format{
		{name: string(render.SVG), exts: []string{".svg"}, desc: "a picture for browsers, with tooltips"},
		{name: string(render.PNG), exts: []string{".png"}, desc: "a picture"},
		{name: string(render.PDF), exts: []string{".pdf"}, desc: "a page to print"},
		{name: string(render.DOT), exts: []string{".dot", ".gv"}, desc: "the Graphviz source"},
		{name: string(render.JSON), exts: []string{".json"}, desc: "the Graphviz layout"},
	}}
}

func mapFormat(o *mapOptions) (render.Format, error) {
	name, err := mapFormats().pick(o.format, o.output)
	if err != nil {
		return "", err
	}
	f, err := render.ParseFormat(name)
	if err != nil {
		return "", usage(err)
	}
	return f, nil
}
