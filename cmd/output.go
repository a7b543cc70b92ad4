package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/argmap-dev/argmap/internal/safefile"
)

// Every command writes its result through the helpers here: formats.pick (format.go) and
// checkOutput before the work, emit after it. Standard output goes through a stdoutWriter that Run checks once at the
// end, so that no command can lose a write error.

// toStdout reports whether -o names standard output: no -o, or "-o -".
func toStdout(output string) bool { return output == "" || output == "-" }

// checkOutput refuses, before any work, to write a binary format to a terminal (with or
// without "-o -").
func checkOutput(s *Streams, output, format string, binary bool) error {
	if binary && toStdout(output) && s.Terminal {
		return usage(fmt.Errorf("%s is binary: write it to a file with -o FILE, or redirect or pipe standard output", format))
	}
	return nil
}

// emit writes data to the file named by -o (atomically, see internal/safefile), or to
// standard output, whose errors Run reports.
func emit(s *Streams, output string, data []byte) error {
	if toStdout(output) {
		s.Out.Write(data) // a failure is kept by the stdoutWriter and reported by Run
		return nil
	}
	if err := safefile.Write(output, data); err != nil {
		return invalid(err)
	}
	return nil
}

// stdoutWriter passes writes to standard output and keeps the first error; after one,
// nothing more is written.
type stdoutWriter struct {
	w   io.Writer
	err error
}

func (w *stdoutWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// failure returns the error to report for a failed write to standard output, or nil.
func (w *stdoutWriter) failure() error {
	if w.err == nil {
		return nil
	}
	err := w.err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout": the user knows it as standard output
	}
	return fmt.Errorf("cannot write to standard output: %w", err)
}
