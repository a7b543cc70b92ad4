// Package cmd wires argmap's command line to the library: each command binds its flags to
// an options struct and calls one library function. Only this package imports cobra.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// Exit codes scripts can rely on.
const (
	ExitOK      = 0
	ExitInvalid = 1 // invalid input data, or output that could not be written
	ExitUsage   = 2 // wrong flags or arguments
)

// Streams are the process's standard streams and environment, passed in so that commands
// run in-process in tests.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
	// Terminal reports whether Out is a terminal (colour and tables for humans).
	Terminal bool
	// ErrTerminal reports whether Err is a terminal (progress messages for humans).
	ErrTerminal bool
	Getenv      func(string) string
}

// color reports whether output to Out may use ANSI colour.
func (s *Streams) color() bool {
	return s.Terminal && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// Main runs argmap with the process's arguments and streams and returns the exit code.
func Main() int {
	s := &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Terminal:    term.IsTerminal(int(os.Stdout.Fd())),
		ErrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:      os.Getenv,
	}
	return Run(os.Args[1:], s)
}

// exitError carries an exit code; its message, if any, is printed as "argmap: message".
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// invalid reports invalid data (exit 1); with a nil error nothing more is printed.
func invalid(err error) error { return &exitError{code: ExitInvalid, err: err} }

func usage(err error) error { return &exitError{code: ExitUsage, err: err} }

// Run runs argmap with args and returns the exit code. A failed write to standard output
// (a full disk, a closed pipe's reader gone) is exit 1, reported here for every command.
func Run(args []string, s *Streams) int {
	out := &stdoutWriter{w: s.Out}
	streams := *s
	streams.Out = out
	s = &streams
	root := newRoot(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	c, err := root.ExecuteC()
	if out.err != nil && errors.Is(err, out.err) {
		err = nil // a command that returned the write error: reported below
	}
	code := ExitOK
	if err != nil {
		var ee *exitError
		if !errors.As(err, &ee) {
			// Cobra's own errors: unknown command, wrong number of arguments.
			ee = &exitError{code: ExitUsage, err: err}
		}
		if ee.err != nil {
			msg := ee.err.Error()
			fmt.Fprintf(s.Err, "argmap: %s\n", msg)
			if ee.code == ExitUsage && !strings.Contains(msg, "--help") {
				fmt.Fprintf(s.Err, "Run '%s --help' for usage.\n", c.CommandPath())
			}
		}
		code = ee.code
	}
	if err := out.failure(); err != nil {
		fmt.Fprintf(s.Err, "argmap: %s\n", err)
		if code == ExitOK {
			code = ExitInvalid
		}
	}
	return code
}

func newRoot(s *Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "argmap",
		Short: "Map expert arguments and compare their stances",
		Long: `argmap turns a curated debate (experts' claims, the support and attack links between
them, and each expert's stance on shared propositions, written in TOML) into checked models,
summaries, argument maps and stance matrices.

A debate is a folder holding debate.toml and experts/*.toml; see docs/schema.md.`,
		Example: `  argmap check seeds/camp-taji
  argmap check --source article.txt seeds/camp-taji
  argmap show seeds/camp-taji
  argmap show --format json seeds/camp-taji | jq '.experts[].name'`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	// The version template is plain text (no template actions): the version command prints
	// the same.
	root.SetVersionTemplate(versionText())
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if hint := flagHint(c, err); hint != "" {
			err = fmt.Errorf("%w (%s)", err, hint)
		}
		return usage(fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath()))
	})
	root.AddCommand(newVersion(s), newCheck(s), newShow(s), newNew(s), newDiff(s), newSchema(s), newServe(s), newEvaluate(s), newExport(s), newImport(s), newMap(s), newBrief(s), newHandout(s), newMatrix(s), newAgreement(s), newCruxes(s), newCompare(s))
	return root
}

// flagHint suggests the flag a mistyped one meant, as cobra does for commands: "did you mean
// --expert?" for "unknown flag: --expret"; "" when no flag of c is close.
func flagHint(c *cobra.Command, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	for _, fs := range []*pflag.FlagSet{c.Flags(), c.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
	}
	if best := argmap.Suggest(name, names); best != "" {
		return "did you mean --" + best + "?"
	}
	return ""
}

// args checks the number of positional arguments as a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, a []string) error {
		if err := check(c, a); err != nil {
			return usage(fmt.Errorf("%s: %w\nRun '%s --help' for usage.", c.CommandPath(), err, c.CommandPath()))
		}
		return nil
	}
}

// oneOf checks a flag value against its allowed values.
func oneOf(flag, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usage(fmt.Errorf("invalid --%s %q: want one of %s", flag, value, strings.Join(allowed, ", ")))
}
