//go:build !linux

package safefile

import (
	"errors"
	"io/fs"
	"os"
)

var errNoAnon = errors.New("unnamed files are Linux only")

// openAnon reports that unnamed files are not available: a named temporary file is used.
func openAnon(dir string, perm fs.FileMode) (*os.File, error) { return nil, errNoAnon }

func linkAnon(f *os.File, name string) error { return errNoAnon }
