// Package safefile writes output files atomically: a failed or interrupted write never
// leaves a half-written file and never clobbers the previous one.
//
// What Write does with what path names:
//   - a regular file, or nothing yet: the data goes to a temporary file in the same folder
//     (an unnamed one where Linux allows, O_TMPFILE, so that even kill -9 leaves nothing
//     behind), which is synced and renamed over path. An existing file keeps its mode (and
//     its owner and group, where the caller may set them); a new one gets 0666 less the
//     umask, as the shell's ">" gives.
//   - a symbolic link: the link is kept and the file it leads to is replaced as above
//     (created if the link dangles).
//   - a device, a FIFO or another special file: the data is written through to it, as
//     ">" would; it is never replaced by a regular file.
//   - a folder: an error.
//
// SIGINT, SIGTERM and SIGHUP while a named temporary file exists remove it before the
// process ends with the signal's conventional status.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Write writes data to path: atomically to a regular file, through to a device or FIFO.
func Write(path string, data []byte) error {
	f, err := create(path, true)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.abort()
		return fail(path, err)
	}
	return f.commit()
}

// file is an output being written: commit puts it in place, abort abandons it.
type file struct {
	*os.File
	path  string      // as the caller named it, for messages
	final string      // the file that is replaced: path with its links followed
	old   fs.FileInfo // the file being replaced, or nil
	temp  string      // the named temporary file, "" while unnamed or writing through
	guard *guard      // removes the temporary file on a signal; nil when writing through
}

// create starts writing to path. With anon, the temporary file is unnamed where the system
// allows (tests turn it off to exercise the named fallback).
func create(path string, anon bool) (*file, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, fmt.Errorf("cannot write %s: it is a folder", path)
		}
		// A device or FIFO: write through, as the shell's ">" does. O_TRUNC means nothing
		// to them; opening a FIFO waits for a reader.
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return nil, fail(path, err)
		}
		return &file{File: out, path: path}, nil
	}
	final, err := target(path)
	if err != nil {
		return nil, fail(path, err)
	}
	dir := filepath.Dir(final)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("cannot write %s: no folder %s", path, dir)
	}
	f := &file{path: path, final: final}
	// A new file gets 0666 less the umask, which the system applies when creating the
	// temporary file. An existing file's mode is set just before the rename: until then
	// the temporary file is readable by its owner alone.
	perm := fs.FileMode(0o666)
	if fi, err := os.Stat(final); err == nil {
		f.old, perm = fi, 0o600
	}
	f.guard = newGuard()
	if anon {
		f.File, err = openAnon(dir, perm)
	}
	if !anon || err != nil {
		f.guard.mu.Lock()
		f.File, err = createTemp(final, perm)
		if err == nil {
			f.temp = f.File.Name()
			f.guard.temp = f.temp
		}
		f.guard.mu.Unlock()
	}
	if err != nil {
		f.guard.stop()
		return nil, fail(path, err)
	}
	return f, nil
}

// commit completes the write: for a file, syncs the temporary file and renames it over the
// target.
func (f *file) commit() (err error) {
	if f.guard == nil {
		if err := f.Close(); err != nil {
			return fail(f.path, err)
		}
		return nil
	}
	defer func() {
		if err != nil {
			f.abort()
		}
	}()
	if err := f.Sync(); err != nil {
		return fail(f.path, err)
	}
	if f.old != nil {
		keepOwner(f.File, f.old) // best effort: only root may give a file away
		if err := f.Chmod(f.old.Mode().Perm()); err != nil {
			return fail(f.path, err)
		}
	}
	g := f.guard
	g.mu.Lock() // a signal now waits until the temporary file is renamed or removed
	defer g.mu.Unlock()
	if f.temp == "" {
		if err := f.name(); err != nil {
			return fail(f.path, err)
		}
		g.temp = f.temp
	}
	if err := f.Close(); err != nil {
		return fail(f.path, err)
	}
	if err := os.Rename(f.temp, f.final); err != nil {
		return fail(f.path, err)
	}
	g.temp, f.temp = "", ""
	g.stop()
	f.guard = nil
	syncDir(filepath.Dir(f.final))
	return nil
}

// name gives the unnamed temporary file a name beside the target, so that it can be
// renamed over it. Where the link fails, the data is copied to a named temporary file.
func (f *file) name() error {
	for range 10 {
		tmp := tempName(f.final)
		err := linkAnon(f.File, tmp)
		if err == nil {
			f.temp = tmp
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	perm := fs.FileMode(0o666)
	if f.old != nil {
		perm = f.old.Mode().Perm()
	}
	named, err := createTemp(f.final, perm)
	if err != nil {
		return err
	}
	f.temp = named.Name()
	if _, err := f.Seek(0, io.SeekStart); err == nil {
		_, err = io.Copy(named, f.File)
	}
	f.File.Close()
	f.File = named
	if err == nil {
		err = named.Sync()
	}
	return err
}

// abort abandons the write: the temporary file is closed and removed, the target is left as
// it was.
func (f *file) abort() {
	f.Close()
	if f.guard == nil {
		return
	}
	f.guard.mu.Lock()
	if f.temp != "" {
		os.Remove(f.temp)
		f.temp, f.guard.temp = "", ""
	}
	f.guard.mu.Unlock()
	f.guard.stop()
	f.guard = nil
}

// maxLinks bounds the symbolic links followed, as the system does.
const maxLinks = 40

// target returns the file that writing to path replaces: path itself, or where the symbolic
// links it names lead, followed one at a time so that a dangling link's target is created.
func target(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// tempName returns a fresh name for a temporary file beside final: ".NAME.NNN.tmp".
func tempName(final string) string {
	return filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
}

// createTemp creates a named temporary file beside final with mode perm (less the umask).
func createTemp(final string, perm fs.FileMode) (*os.File, error) {
	for {
		f, err := os.OpenFile(tempName(final), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
}

// syncDir makes a rename in dir durable; where a system cannot sync folders, it is skipped.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// fail words an error for the user: the temporary file's name means nothing to them.
func fail(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}
