package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandFormats are the format tables, by command: each drives its command's --format help,
// completion, check and -o extensions.
var commandFormats = map[string]formats{
	"check": checkFormats(), "show": showFormats(), "diff": diffFormats(), "evaluate": evaluateFormats(),
	"export": exportFormats(), "map": mapFormats(), "brief": briefFormats(), "handout": handoutFormats(),
	"matrix": matrixFormats(), "agreement": matrixFormats(), "cruxes": reportFormats(), "compare": reportFormats(),
}

func TestFormatTables(t *testing.T) {
	root := newRoot(&Streams{Getenv: func(string) string { return "" }})
	for _, c := range root.Commands() {
		flag := c.Flags().Lookup("format")
		fs, ok := commandFormats[c.Name()]
		if flag == nil {
			if ok {
				t.Errorf("%s has a format table and no --format", c.Name())
			}
			continue
		}
		if !ok {
			t.Errorf("%s has --format and no format table in this test", c.Name())
			continue
		}
		comp, _ := completeFormat(t, c)
		seen := map[string]string{}
		for _, f := range fs.list {
			if !strings.Contains(flag.Usage, f.name) {
				t.Errorf("%s --format help %q does not name %s", c.Name(), flag.Usage, f.name)
			}
			if !strings.Contains(comp, "\n"+f.name+"\t") {
				t.Errorf("%s --format completion does not offer %s:\n%s", c.Name(), f.name, comp)
			}
			for _, n := range append([]string{f.name, strings.ToUpper(f.name)}, f.aliases...) {
				if got, err := fs.lookup(n); got != f.name || err != nil {
					t.Errorf("%s: lookup(%q) = %q, %v; want %q", c.Name(), n, got, err, f.name)
				}
			}
			for _, e := range f.exts {
				if other, dup := seen[e]; dup {
					t.Errorf("%s: %s chooses both %s and %s", c.Name(), e, other, f.name)
				}
				seen[e] = f.name
				if got, err := fs.pick("", "out"+strings.ToUpper(e)); got != f.name || err != nil {
					t.Errorf("%s: pick(-o out%s) = %q, %v; want %q", c.Name(), strings.ToUpper(e), got, err, f.name)
				}
			}
		}
		if _, err := fs.lookup("bogus"); exitCode(err) != ExitUsage {
			t.Errorf("%s: lookup(bogus) error %v; want a usage error", c.Name(), err)
		}
	}
}

// TestPlainTextNames checks that every command with a plain text format takes it as text
// and as table.
func TestPlainTextNames(t *testing.T) {
	for name, fs := range commandFormats {
		text, errText := fs.lookup("text")
		table, errTable := fs.lookup("table")
		if (errText == nil) != (errTable == nil) || text != table {
			t.Errorf("%s: --format text = %q, %v; --format table = %q, %v; want the same format", name, text, errText, table, errTable)
		}
	}
}

func TestPick(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "report")
	if err := os.WriteFile(regular, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := mapFormats()
	for _, c := range []struct {
		format, output string
		want           string
		code           int
	}{
		{"", "", "svg", 0},
		{"", "-", "svg", 0},
		{"", "map.PNG", "png", 0},
		{"", "map.gv", "dot", 0},
		{"PDF", "noext", "pdf", 0},
		{"", "noext", "", ExitUsage},       // a file to be made
		{"", regular, "", ExitUsage},       // a regular file there already
		{"", ".hidden", "", ExitUsage},     // a dot file has no extension
		{"", "dir.d/noext", "", ExitUsage}, // a dot in the folder is not an extension
		{"", "map.svgz", "", ExitUsage},
		{"", "debate.toml", "", ExitUsage},
		{"", os.DevNull, "svg", 0}, // a device (FIFOs: output_special_files.txtar)
		{"", dir, "svg", 0},        // a folder: refused when written (exit 1), as before
		{"gif", "", "", ExitUsage},
	} {
		got, err := fs.pick(c.format, c.output)
		if got != c.want || exitCode(err) != c.code {
			t.Errorf("pick(%q, %q) = %q, %v; want %q, exit %d", c.format, c.output, got, err, c.want, c.code)
		}
	}
	if got, err := handoutFormats().pick("", "-"); got != "" || exitCode(err) != ExitUsage || !strings.Contains(err.Error(), "choose a format with --format pdf|html|md") {
		t.Errorf("handout pick(-) = %q, %v; want a usage error asking for a format", got, err)
	}
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		return -1
	}
	return 0
}

// completeFormat returns what shell completion offers for --format, one a line after a
// first newline.
func completeFormat(t *testing.T, c *cobra.Command) (string, cobra.ShellCompDirective) {
	t.Helper()
	fn, ok := c.GetFlagCompletionFunc("format")
	if !ok {
		t.Fatalf("%s: no completion for --format", c.Name())
	}
	vals, dir := fn(c, nil, "")
	return "\n" + strings.Join(vals, "\n") + "\n", dir
}
