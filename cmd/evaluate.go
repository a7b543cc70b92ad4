package cmd

import (
	"bytes"
	"errors"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/evaluate"
	"github.com/spf13/cobra"
)

type evaluateOptions struct {
	semantics, expert, format, output string
}

func newEvaluate(s *Streams) *cobra.Command {
	o := &evaluateOptions{}
	c := &cobra.Command{
		Use:   "evaluate DEBATE",
		Short: "Which claims still stand: Dung's grounded or preferred semantics over the attacks",
		Long: `Evaluate treats each claim as an argument and the curated attacks as the attack relation of
an abstract argumentation framework (Dung 1995), and labels every claim in, out or undecided.
Support links do not take part (see docs/evaluate.md for why).

--semantics grounded (the default): the one sceptical labelling. A claim is in when every
claim attacking it is out, out when a claim attacking it is in, undecided in a cycle of
attacks that nothing settles.
--semantics preferred: the maximal coherent positions (preferred extensions); a claim is in
when it is in all of them, out when all of them attack it, undecided otherwise.
--expert ID: from one expert's side: their claims are assumed in unless a claim that is in
attacks them (grounded only).

A debate with no attacks has every claim in, and says so.`,
		Example: `  argmap evaluate seeds/camp-taji
  argmap evaluate seeds/camp-taji --semantics preferred --format json
  argmap evaluate seeds/camp-taji --expert kadhim`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runEvaluate(s, o, a[0])
		},
	}
	c.Flags().StringVar(&o.semantics, "semantics", "grounded", "grounded or preferred")
	c.Flags().StringVar(&o.expert, "expert", "", "evaluate from expert `ID`'s side")
	evaluateFormats().bind(c, &o.format, true)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	c.RegisterFlagCompletionFunc("semantics", cobra.FixedCompletions([]string{"grounded", "preferred"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func evaluateFormats() formats {
	return formats{def: "text", list: []format{
		textFormat("text", "each claim's label, for reading", ".txt"),
		{name: "json", exts: []string{".json"}, desc: "the labelling as JSON"},
	}}
}

func runEvaluate(s *Streams, o *evaluateOptions, path string) error {
	format, err := evaluateFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	if err := oneOf("semantics", o.semantics, "grounded", "preferred"); err != nil {
		return err
	}
	if o.expert != "" && o.semantics != "grounded" {
		return usage(errors.New("--expert evaluates under the grounded semantics only"))
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	if _, ok := d.Expert(o.expert); o.expert != "" && !ok {
		return usage(errors.New("unknown expert " + o.expert))
	}
	r, err := evaluate.Evaluate(d, evaluate.Options{Semantics: evaluate.Semantics(o.semantics), Expert: o.expert})
	if err != nil {
		return invalid(err)
	}
	var buf bytes.Buffer
	if format == "json" {
		err = evaluate.WriteJSON(&buf, r)
	} else {
		err = evaluate.WriteText(&buf, r)
	}
	if err != nil {
		return err
	}
	return emit(s, o.output, buf.Bytes())
}
