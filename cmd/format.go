package cmd

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
)

// outputFormat picks a command's output format: --format when given, else the one -o's
// extension names, else fallback (for standard output, and for a name with no extension,
// such as "-o report" or "-o .report"). An extension that names no format is a usage error
// listing those that do: "-o report.xslx" must not quietly write a text table. A TOML file
// is refused whatever the format: argmap never writes one, and -o would overwrite a debate.
func outputFormat(format, output string, byExt map[string]string, fallback string) (string, error) {
	if err := refuseTOML(output); err != nil {
		return "", err
	}
	if format != "" {
		return format, nil
	}
	if toStdout(output) {
		return fallback, nil
	}
	base := filepath.Base(output)
	ext := filepath.Ext(base)
	if ext == "" || ext == base {
		return fallback, nil
	}
	if f, ok := byExt[strings.ToLower(ext)]; ok {
		return f, nil
	}
	return "", usage(fmt.Errorf("cannot tell the format from %q: %s is not one of %s; rename the file or give --format",
		output, ext, strings.Join(slices.Sorted(maps.Keys(byExt)), " ")))
}

// refuseTOML refuses an output file that would overwrite a debate: argmap never writes TOML.
func refuseTOML(output string) error {
	if strings.EqualFold(filepath.Ext(output), ".toml") {
		return usage(fmt.Errorf("refusing to write %s: argmap never writes TOML, and -o would overwrite a debate file", output))
	}
	return nil
}
