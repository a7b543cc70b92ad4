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
	accept, reject                    []string
}

func newEvaluate(s *Streams) *cobra.Command {
	o := &evaluateOptions{}
	c := &cobra.Command{
		Use:   "evaluate DEBATE",
		Short: "Which claims still stand, over support and attack (or Dung's semantics over the attacks)",
		Long: `Evaluate treats each claim as an argument and labels it, with a one-line reason why
(see docs/evaluate.md).

--semantics support (the default): support and attack, as a bipolar framework with necessary
support (Nouioua & Risch; Oren & Norman). A premise stands (in) unless a claim that stands
attacks it (defeated); a conclusion or recommendation that has reasons stands only while one
of them stands (else unsupported) and it is not defeated; undecided in a cycle of attacks
that nothing settles.
--semantics grounded: Dung's grounded labelling over the attacks alone. A claim is in when
every claim attacking it is out, out when a claim attacking it is in, undecided in a cycle of
attacks that nothing settles.
--semantics preferred: the maximal coherent positions (preferred extensions); a claim is in
when it is in all of them, out when all of them attack it, undecided otherwise.
--expert ID: from one expert's side: their claims are assumed in unless a claim that is in
attacks them (grounded only).
--reject REF, --accept REF (repeatable; support and grounded): what if the reader rejects or
accepts that claim ("expert/claim"): the rest is labelled around it.

A debate with no attacks has every claim in, and says so.`,
		Example: `  argmap evaluate seeds/camp-taji
  argmap evaluate seeds/camp-taji --semantics preferred --format json
  argmap evaluate seeds/camp-taji --expert kadhim --semantics grounded
  argmap evaluate seeds/camp-taji --reject fontenrose/tacit-approval`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runEvaluate(s, o, a[0])
		},
	}
	c.Flags().StringVar(&o.semantics, "semantics", "support", "support, grounded or preferred")
	c.Flags().StringVar(&o.expert, "expert", "", "evaluate from expert `ID`'s side (grounded)")
	whatIfFlags(c, &o.accept, &o.reject)
	evaluateFormats().bind(c, &o.format, true)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	c.RegisterFlagCompletionFunc("semantics", cobra.FixedCompletions(evaluate.SemanticsNames, cobra.ShellCompDirectiveNoFileComp))
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
	if err := oneOf("semantics", o.semantics, evaluate.SemanticsNames...); err != nil {
		return err
	}
	if o.expert != "" && o.semantics != "grounded" {
		return usage(errors.New("--expert evaluates under the grounded semantics only (--semantics grounded)"))
	}
	if len(o.accept)+len(o.reject) > 0 && (o.semantics == "preferred" || o.expert != "") {
		return usage(errors.New("--accept and --reject work with --semantics support or grounded, without --expert"))
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	if _, ok := d.Expert(o.expert); o.expert != "" && !ok {
		return usage(errors.New("unknown expert " + o.expert))
	}
	r, err := evaluate.Evaluate(d, evaluate.Options{Semantics: evaluate.Semantics(o.semantics), Expert: o.expert, Accept: o.accept, Reject: o.reject})
	if err != nil {
		return evaluateError(err)
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

// whatIfFlags binds --accept and --reject, which evaluate and map --evaluate share.
func whatIfFlags(c *cobra.Command, accept, reject *[]string) {
	c.Flags().StringArrayVar(accept, "accept", nil, "what if the reader accepts claim `REF` (expert/claim; repeatable)")
	c.Flags().StringArrayVar(reject, "reject", nil, "what if the reader rejects claim `REF` (expert/claim; repeatable)")
	refs := completeIDs(func(d *argmap.Debate) (ids []string) {
		for _, e := range d.Experts {
			for _, c := range e.Claims {
				ids = append(ids, c.Ref)
			}
		}
		return ids
	})
	c.RegisterFlagCompletionFunc("accept", refs)
	c.RegisterFlagCompletionFunc("reject", refs)
}

// evaluateError is a usage error for a reference the reader gave that names no claim (or a
// claim both accepted and rejected), else invalid data.
func evaluateError(err error) error {
	var unknown *evaluate.UnknownClaimError
	if errors.As(err, &unknown) || errors.Is(err, evaluate.ErrAcceptedAndRejected) {
		return usage(err)
	}
	return invalid(err)
}
