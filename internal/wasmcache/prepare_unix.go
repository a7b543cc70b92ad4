//go:build linux || darwin || freebsd || netbsd || openbsd

package wasmcache

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	ggDir        = "go-graphviz" // the folder go-graphviz makes in $TMPDIR
	manifestName = "manifest"
	markerPrefix = "start-"
	// staleMarker is how old a start-up marker must be to count as left by a failed start
	// even when a process of that number runs (numbers are reused).
	staleMarker = time.Hour
)

// prepare makes and checks the cache folders and returns the folder to give go-graphviz as
// $TMPDIR, or "" and the reason there is no safe cache.
func prepare() (dir, why string) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err.Error()
	}
	if !filepath.IsAbs(base) {
		return "", fmt.Sprintf("the user cache folder %q is not an absolute path", base)
	}
	root := filepath.Join(base, "argmap")
	dir = filepath.Join(root, "wasm")
	gg := filepath.Join(dir, ggDir)
	uid := os.Geteuid()
	if err := ensure(gg, root, uid); err != nil {
		return "", err.Error()
	}
	if failedStart(root) {
		if err := clear(gg); err != nil {
			return "", err.Error()
		}
	}
	if err := verify(gg, filepath.Join(root, manifestName), uid); err != nil {
		return "", err.Error()
	}
	return dir, ""
}

// ensure makes the folders of path that do not exist (mode 0700) and checks every folder of
// it: those from own down must be owned by uid and not writable by group or others; those
// above must be owned by uid or root and not writable by others, unless sticky.
func ensure(path, own string, uid int) error {
	// Resolve symbolic links in the part that exists (/home may be a link), then walk the
	// real path from the root down.
	existing, rest := path, ""
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return err
	}
	ownReal := own
	if rel, err := filepath.Rel(path, own); err == nil {
		ownReal = filepath.Clean(filepath.Join(real, rest, rel))
	}
	full := filepath.Join(real, rest)
	cur := string(filepath.Separator)
	for _, part := range strings.Split(full, string(filepath.Separator)) {
		if part == "" {
			continue
		}
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(cur, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			fi, err = os.Lstat(cur)
		}
		if err != nil {
			return err
		}
		ours := cur == ownReal || strings.HasPrefix(cur, ownReal+string(filepath.Separator))
		if err := safe(cur, fi, uid, ours); err != nil {
			return err
		}
	}
	return nil
}

// safe checks one folder: see ensure.
func safe(path string, fi fs.FileInfo, uid int, ours bool) error {
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a folder", path)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("cannot read the owner of %s", path)
	}
	owner, perm := int(st.Uid), fi.Mode().Perm()
	sticky := fi.Mode()&fs.ModeSticky != 0
	switch {
	case ours && owner != uid:
		return fmt.Errorf("%s belongs to user %d, not to user %d", path, owner, uid)
	case ours && perm&0o022 != 0:
		return fmt.Errorf("%s is writable by others (mode %04o)", path, perm)
	case owner != uid && owner != 0:
		return fmt.Errorf("%s belongs to user %d, neither to user %d nor to root", path, owner, uid)
	case perm&0o022 != 0 && !sticky:
		return fmt.Errorf("%s is writable by others (mode %04o)", path, perm)
	}
	return nil
}

// failedStart reports whether a marker in root names a start that did not finish: its
// process no longer runs, or it is older than staleMarker. It removes such markers.
func failedStart(root string) bool {
	entries, err := os.ReadDir(root)
	if err != nil {
		return false
	}
	failed := false
	for _, e := range entries {
		pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), markerPrefix))
		if !strings.HasPrefix(e.Name(), markerPrefix) || err != nil || pid <= 0 {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		alive := syscall.Kill(pid, 0) != syscall.ESRCH
		if !alive || time.Since(fi.ModTime()) > staleMarker {
			failed = true
			os.Remove(filepath.Join(root, e.Name()))
		}
	}
	return failed
}

// writeMarker leaves a marker of this process in root and returns its path ("" on failure:
// the cache then simply goes without the check).
func writeMarker(root string) string {
	path := filepath.Join(root, markerPrefix+strconv.Itoa(os.Getpid()))
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		return ""
	}
	return path
}

// clear empties the cache folder gg.
func clear(gg string) error {
	if err := os.RemoveAll(gg); err != nil {
		return err
	}
	return os.Mkdir(gg, 0o700)
}

// entry is what the manifest records of one cached file: its size, inode and change times.
// Any write to the file, or a new file in its place, changes the change time (ctime), which
// no program can set back; the folder is the user's alone, so this vouches for the file as
// well as a checksum would, without reading megabytes at every start.
type entry struct {
	size, ino, mtime, ctime int64
}

// cached lists the files in the cache (wazero keeps them one folder down, per version) by
// their path relative to gg. Files being written (*.tmp) are left out.
func cached(gg string, uid int) ([]string, error) {
	var files []string
	subs, err := os.ReadDir(gg)
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		sub := filepath.Join(gg, s.Name())
		fi, err := os.Lstat(sub)
		if err != nil {
			return nil, err
		}
		if err := safe(sub, fi, uid, true); err != nil {
			return nil, err
		}
		entries, err := os.ReadDir(sub)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".tmp") {
				files = append(files, filepath.Join(s.Name(), e.Name()))
			}
		}
	}
	return files, nil
}

// fingerprint returns the entry of a regular file owned by uid and writable by no one
// else; the file must be readable (wazero will read it).
func fingerprint(path string, uid int) (entry, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return entry{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return entry{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.Mode().IsRegular() || !ok || int(st.Uid) != uid || fi.Mode().Perm()&0o022 != 0 {
		return entry{}, fmt.Errorf("%s is not a private regular file", path)
	}
	mtime, ctime := statTimes(st)
	return entry{size: fi.Size(), ino: int64(st.Ino), mtime: mtime, ctime: ctime}, nil
}

// verify removes every cached file that the manifest does not list with its size and
// checksum: go-graphviz will compile it again. It fails when the cache holds something that
// is not the current user's.
func verify(gg, manifest string, uid int) error {
	want := readManifest(manifest)
	state.verified = map[string]entry{}
	files, err := cached(gg, uid)
	if err != nil {
		return err
	}
	for _, name := range files {
		path := filepath.Join(gg, name)
		got, err := fingerprint(path, uid)
		if w, ok := want[name]; ok && err == nil && got == w {
			state.verified[name] = got
			continue
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove a damaged cache file: %w", err)
		}
	}
	return nil
}

// readManifest reads "path size inode mtime ctime" lines; a missing or damaged manifest
// lists nothing.
func readManifest(path string) map[string]entry {
	m := map[string]entry{}
	f, err := os.Open(path)
	if err != nil {
		return m
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) != 5 {
			continue
		}
		var e entry
		var errs [4]error
		for i, p := range []*int64{&e.size, &e.ino, &e.mtime, &e.ctime} {
			*p, errs[i] = strconv.ParseInt(fields[i+1], 10, 64)
		}
		if errs == [4]error{} {
			m[fields[0]] = e
		}
	}
	return m
}

// writeManifest records every file now in the cache, atomically. Failures are ignored: the
// next start then recompiles what it cannot vouch for.
func writeManifest(gg string) {
	uid := os.Geteuid()
	files, err := cached(gg, uid)
	if err != nil {
		return
	}
	slices.Sort(files)
	if len(files) == len(state.verified) {
		unchanged := true
		for _, name := range files {
			_, ok := state.verified[name]
			unchanged = unchanged && ok
		}
		if unchanged {
			return // the manifest already says this (files are never rewritten in place)
		}
	}
	var b strings.Builder
	for _, name := range files {
		e, ok := state.verified[name]
		if !ok {
			var err error
			if e, err = fingerprint(filepath.Join(gg, name), uid); err != nil {
				continue
			}
		}
		if !strings.ContainsAny(name, " \t\n") {
			fmt.Fprintf(&b, "%s %d %d %d %d\n", name, e.size, e.ino, e.mtime, e.ctime)
		}
	}
	root := filepath.Dir(filepath.Dir(gg))
	tmp, err := os.CreateTemp(root, manifestName+".*.tmp")
	if err != nil {
		return
	}
	_, err = tmp.WriteString(b.String())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(root, manifestName))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
