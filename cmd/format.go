package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// format is one output format of a command, like gh's StringEnumFlag: a command's one table
// of them drives its --format flag's help, the flag's completion, the check of its value,
// and the -o extensions that choose a format.
type format struct {
	name    string   // the name the command works with
	aliases []string // other names --format accepts: text and table are one plain text format
	exts    []string // -o's extensions (lower case) that choose it; ".aif.json" works too
	desc    string   // what it is, for completion
}

// formats are a command's output formats.
type formats struct {
	list []format
	// def is the format of standard output when --format is not given (also of a device or
	// FIFO given to -o); "" when the command wants a format named.
	def string
}

// textFormat is the plain text format named name; the other of "text" and "table" is its alias.
func textFormat(name, desc string, exts ...string) format {
	alias := map[string]string{"text": "table", "table": "text"}[name]
	return format{name: name, aliases: []string{alias}, exts: exts, desc: desc}
}

// names lists the formats' names, as "a, b or c".
func (fs formats) names() string {
	n := make([]string, len(fs.list))
	for i, f := range fs.list {
		n[i] = f.name
	}
	if len(n) == 1 {
		return n[0]
	}
	return strings.Join(n[:len(n)-1], ", ") + " or " + n[len(n)-1]
}

// exts lists every extension that chooses a format, sorted.
func (fs formats) exts() []string {
	var out []string
	for _, f := range fs.list {
		out = append(out, f.exts...)
	}
	slices.Sort(out)
	return out
}

// bind adds the --format flag, its help and its completion. withOutput tells whether the
// command has -o, whose extension chooses the format.
func (fs formats) bind(c *cobra.Command, p *string, withOutput bool) {
	help := "output format: " + fs.names()
	switch {
	case withOutput && fs.def != "":
		help += " (default: from -o's extension; " + fs.def + " on standard output)"
	case withOutput:
		help += " (default: from -o's extension)"
	case fs.def != "":
		help += " (default " + fs.def + ")"
	}
	c.Flags().StringVar(p, "format", "", help)
	var comp []string
	for _, f := range fs.list {
		comp = append(comp, f.name+"\t"+f.desc)
	}
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(comp, cobra.ShellCompDirectiveNoFileComp))
}

// lookup returns the format that --format names (or an alias of it), in any case.
func (fs formats) lookup(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	var want []string
	for _, f := range fs.list {
		if n == f.name || slices.Contains(f.aliases, n) {
			return f.name, nil
		}
		w := f.name
		if len(f.aliases) > 0 {
			w += " (or " + strings.Join(f.aliases, ", ") + ")"
		}
		want = append(want, w)
	}
	return "", usage(fmt.Errorf("invalid --format %q: want one of %s", name, strings.Join(want, ", ")))
}

// pick picks a command's output format: --format when given, else the one -o's extension
// names, else the default (for standard output, and for a device or FIFO). A regular file
// (or one to be made) whose name has no extension, or an extension that names no format,
// is a usage error listing the extensions that do: "-o report.xslx" or "-o report" must not
// quietly write a text table. A TOML file is refused whatever the format: argmap never
// writes one, and -o would overwrite a debate.
func (fs formats) pick(flag, output string) (string, error) {
	if err := refuseTOML(output); err != nil {
		return "", err
	}
	if flag != "" {
		return fs.lookup(flag)
	}
	if toStdout(output) || special(output) {
		if fs.def == "" {
			return "", usage(fmt.Errorf("choose a format with --format %s (or -o FILE with one of %s)",
				strings.ReplaceAll(strings.ReplaceAll(fs.names(), ", ", "|"), " or ", "|"), strings.Join(fs.exts(), " ")))
		}
		return fs.def, nil
	}
	name := strings.ToLower(filepath.Base(output))
	best, bestExt := "", ""
	for _, f := range fs.list {
		for _, e := range f.exts {
			if strings.HasSuffix(name, e) && len(name) > len(e) && len(e) > len(bestExt) {
				best, bestExt = f.name, e
			}
		}
	}
	if best != "" {
		return best, nil
	}
	ext := filepath.Ext(name)
	if ext == "" || ext == name {
		return "", usage(fmt.Errorf("cannot tell the format from %q: it has no extension; name it with one of %s, or give --format",
			output, strings.Join(fs.exts(), " ")))
	}
	return "", usage(fmt.Errorf("cannot tell the format from %q: %s is not one of %s; rename the file or give --format",
		output, filepath.Ext(output), strings.Join(fs.exts(), " ")))
}

// special reports whether -o names something that exists and is not a regular file (a
// device, a FIFO, a folder, following links): written through as it is, its name says
// nothing of a format. (A folder is refused when written to.)
func special(output string) bool {
	fi, err := os.Stat(output)
	if err != nil {
		return false
	}
	return !fi.Mode().IsRegular()
}

// refuseTOML refuses an output file that would overwrite a debate: argmap never writes TOML.
func refuseTOML(output string) error {
	if strings.EqualFold(filepath.Ext(output), ".toml") {
		return usage(fmt.Errorf("refusing to write %s: argmap never writes TOML, and -o would overwrite a debate file", output))
	}
	return nil
}
