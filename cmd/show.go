package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/findings"
	"github.com/argmap-dev/argmap/stances"
	"github.com/spf13/cobra"
)

type showOptions struct {
	format string
	output string
}

func newShow(s *Streams) *cobra.Command {
	o := &showOptions{}
	c := &cobra.Command{
		Use:   "show DEBATE",
		Short: "Summarise a debate: source, experts, propositions",
		Long: `Show prints a readable summary of a debate: its title, the curator's bottom line and key
points, findings on what the stances show (each says how many experts it rests on), every
source with how many quotes come from it, each expert with the number of claims by kind
and of stances, and each proposition with how many experts address it and on which side.

--format json prints the whole validated model instead (see docs/json.md): the contract
scripts and the other commands build on.`,
		Example: `  argmap show seeds/camp-taji
  argmap show --format json -o taji.json seeds/camp-taji`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runShow(s, o, a[0])
		},
	}
	showFormats().bind(c, &o.format, true)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}

func showFormats() formats {
	return formats{def: "table", list: []format{
		textFormat("table", "a readable summary", ".txt"),
		{name: "json", exts: []string{".json"}, desc: "the whole validated model (docs/json.md)"},
	}}
}

func runShow(s *Streams, o *showOptions, path string) error {
	format, err := showFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	if err := checkOutput(s, o.output, format, false); err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	var buf bytes.Buffer
	switch format {
	case "json":
		out, err := marshalJSON(d)
		if err != nil {
			return err
		}
		buf.Write(out)
	default:
		opt := argmap.SummaryOptions{Color: toStdout(o.output) && s.color(), Findings: findings.Of(stances.New(d, stances.Options{}))}
		if err := argmap.WriteSummary(&buf, d, opt); err != nil {
			return err
		}
	}
	return emit(s, o.output, buf.Bytes())
}

// invalidDebate prints the errors that make a debate unusable and returns exit status 1.
func invalidDebate(s *Streams, path string, diags argmap.Diagnostics) error {
	printErrors(s, diags)
	p := argmap.DisplayPath(path)
	return invalid(fmt.Errorf("%s is not a valid debate; run 'argmap check %s' for details", p, p))
}

// printErrors prints the errors among diags, one a line.
func printErrors(s *Streams, diags argmap.Diagnostics) {
	for _, d := range diags {
		if d.Severity == argmap.Error {
			fmt.Fprintln(s.Err, d.String())
		}
	}
}

// marshalJSON writes v as indented JSON with a final newline, leaving <, > and & as they are.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
