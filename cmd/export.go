package cmd

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/argmap-dev/argmap/aif"
	"github.com/argmap-dev/argmap/argdown"
	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/scaffold"
	"github.com/spf13/cobra"
)

type exportOptions struct{ format, output string }

func newExport(s *Streams) *cobra.Command {
	o := &exportOptions{}
	c := &cobra.Command{
		Use:   "export DEBATE",
		Short: "Write a debate for other tools: Argdown, AIF or JSON",
		Long: `Export writes the debate in another tool's format:

  argdown  Argdown (argdown.org; VS Code and web tools): claims and propositions as statements
           tagged with their expert and kind, quotes as statement data, supports and attacks
           as relations, stances in the front matter and as relations from their evidence
  aif      the Argument Interchange Format in AIFdb's JSON layout (OVA, AIFdb, argument-mining
           corpora): I, RA, CA, L and YA nodes, participants and locutions; what AIF cannot
           say (kinds, quotes, propositions, stances) in "argmap" objects
  json     the whole model, as show --format json (docs/json.md; its JSON Schema:
           argmap schema model)

The format comes from --format or from -o's extension (.argdown, .aif.json or .aif, .json).
argmap import --from aif reads an AIF file back into a debate folder.`,
		Example: `  argmap export seeds/camp-taji --format argdown -o taji.argdown
  argmap export seeds/camp-taji -o taji.aif.json
  argmap import --from aif taji.aif.json copy-of-taji`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runExport(s, o, a[0])
		},
	}
	exportFormats().bind(c, &o.format, true)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}

func exportFormats() formats {
	return formats{list: []format{
		{name: "argdown", exts: []string{".argdown", ".ad"}, desc: "Argdown (argdown.org)"},
		{name: "aif", exts: []string{".aif.json", ".aif"}, desc: "the Argument Interchange Format, AIFdb's JSON"},
		{name: "json", exts: []string{".json"}, desc: "the whole model, as show --format json"},
	}}
}

func runExport(s *Streams, o *exportOptions, path string) error {
	format, err := exportFormats().pick(o.format, o.output)
	if err != nil {
		return err
	}
	d, diags := argmap.Load(path, argmap.Options{})
	if d == nil {
		return invalidDebate(s, path, diags)
	}
	var buf bytes.Buffer
	switch format {
	case "argdown":
		if err := argdown.Write(&buf, d); err != nil {
			return err
		}
	case "aif":
		if err := aif.Write(&buf, d); err != nil {
			return err
		}
	default:
		out, err := marshalJSON(d)
		if err != nil {
			return err
		}
		buf.Write(out)
	}
	return emit(s, o.output, buf.Bytes())
}

type importOptions struct {
	from  string
	force bool
}

func newImport(s *Streams) *cobra.Command {
	o := &importOptions{}
	c := &cobra.Command{
		Use:   "import --from aif FILE DIR",
		Short: "Make a debate folder from an AIF file",
		Long: `Import reads an AIF file (AIFdb's JSON, or xAIF) and writes a debate folder.

A file that argmap export wrote comes back exactly: every claim, relation, speaker,
proposition and stance. From other AIF, participants become experts, I nodes their claims
(the expert whose locution asserts them; ids from the first words), RA nodes supports and CA
nodes attacks; AIF has no propositions or stances, so write those. It says what it left
out (rephrases, attacks on inferences). It never overwrites a file (--force).`,
		Example: `  argmap import --from aif corpus/nodeset1234.json my-debate
  argmap check my-debate`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(c *cobra.Command, a []string) error {
			return runImport(s, o, a[0], a[1])
		},
	}
	c.Flags().StringVar(&o.from, "from", "", "the format of FILE: aif")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite files that exist")
	c.RegisterFlagCompletionFunc("from", cobra.FixedCompletions([]string{"aif"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runImport(s *Streams, o *importOptions, file, dir string) error {
	if err := oneOf("from", o.from, "aif"); err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return invalid(fmt.Errorf("cannot read %s: %w", file, err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return invalid(fmt.Errorf("%s is not a regular file", file))
	}
	doc, err := aif.Read(f)
	if err != nil {
		return invalid(fmt.Errorf("%s: %w", file, err))
	}
	files, notes, err := aif.Debate(doc)
	if err != nil {
		return invalid(fmt.Errorf("%s: %w", file, err))
	}
	out := make([]scaffold.File, len(files))
	names := make([]string, len(files))
	for i, f := range files {
		out[i], names[i] = scaffold.File{Path: f.Path, Data: f.Data}, f.Path
	}
	if err := scaffold.Write(dir, out, o.force); err != nil {
		return invalid(err)
	}
	for _, n := range notes {
		fmt.Fprintf(s.Err, "argmap: note: %s\n", n)
	}
	_, err = fmt.Fprintf(s.Out, "wrote %s: %s\n", dir, strings.Join(names, ", "))
	return err
}
