package cmd

import (
	"github.com/argmap-dev/argmap/schema"
	"github.com/spf13/cobra"
)

type schemaOptions struct{ output string }

func newSchema(s *Streams) *cobra.Command {
	o := &schemaOptions{}
	c := &cobra.Command{
		Use:   "schema debate|expert|model",
		Short: "Print the JSON Schema of debate.toml, of an expert file, or of the JSON model",
		Long: `Schema prints a JSON Schema (draft 2020-12) of debate.toml ("debate") or of an expert file
("expert"): every key with its description, the claim kinds and positions as enums, the id
patterns, and no other key allowed. "model" is the schema of the JSON that show --format json
and export --format json write. Editors that read JSON Schemas for TOML (Taplo, and VS
Code's Even Better TOML extension, which uses it) then offer completion, documentation on
hover and inline errors as you type.

Point a file at its schema with a first line "#:schema ./.argmap/debate.schema.json" (argmap
new writes these lines and the schema files into new debates), or for a whole folder with a
.taplo.toml (see the README). The schema checks one file at a time; references between files
are for argmap check.`,
		Example: `  mkdir -p .argmap
  argmap schema debate -o .argmap/debate.schema.json
  argmap schema expert -o .argmap/expert.schema.json`,
		Args:      args(cobra.ExactArgs(1)),
		ValidArgs: schema.Names,
		RunE: func(c *cobra.Command, a []string) error {
			if err := refuseTOML(o.output); err != nil {
				return err
			}
			b, err := schema.Get(a[0])
			if err != nil {
				return usage(err)
			}
			return emit(s, o.output, b)
		},
	}
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}
