// Package gitrev reads a debate as it was in a git revision, with the git command line:
// the debate's files (debate.toml and experts/*.toml) at that revision are copied into a
// private temporary folder that the caller loads and removes.
package gitrev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Limits: what a debate may hold (as argmap's loader allows), and how long git may take.
const (
	maxFiles    = 10001
	maxFileSize = 10 << 20
	timeout     = time.Minute
)

// Checkout writes the debate files of folder dir at revision rev into a new temporary
// folder and returns it; remove it when done.
func Checkout(ctx context.Context, dir, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return "", fmt.Errorf("invalid revision %q", rev)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("--rev needs a debate folder: %s is not one", dir)
	}
	prefix, err := git(ctx, dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return "", fmt.Errorf("%s is not in a git repository (--rev reads the debate from git): %w", dir, err)
	}
	prefix = strings.TrimSpace(prefix)
	if _, err := git(ctx, dir, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return "", fmt.Errorf("unknown revision %q in the git repository of %s", rev, dir)
	}
	list, err := git(ctx, dir, nil, "ls-tree", "-r", "-z", "--name-only", "--full-name", "--end-of-options", rev, "--", ".")
	if err != nil {
		return "", err
	}
	var names []string // relative to dir
	for _, full := range strings.Split(list, "\x00") {
		rel := strings.TrimPrefix(full, prefix)
		if rel == "debate.toml" || path.Dir(rel) == "experts" && strings.HasSuffix(rel, ".toml") {
			names = append(names, rel)
		}
	}
	if len(names) == 0 {
		return "", fmt.Errorf("%s holds no debate at revision %s (no debate.toml or experts/*.toml)", dir, rev)
	}
	if len(names) > maxFiles {
		return "", fmt.Errorf("%s holds over %d debate files at revision %s", dir, maxFiles, rev)
	}
	tmp, err := os.MkdirTemp("", "argmap-rev-")
	if err != nil {
		return "", err
	}
	if err := extract(ctx, dir, rev, prefix, names, tmp); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

// extract copies the named files through one "git cat-file --batch".
func extract(ctx context.Context, dir, rev, prefix string, names []string, tmp string) error {
	var in bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&in, "%s:%s%s\n", rev, prefix, n)
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = &in
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	defer cmd.Wait()
	r := bufio.NewReader(out)
	if err := os.Mkdir(filepath.Join(tmp, "experts"), 0o700); err != nil {
		return err
	}
	for _, n := range names {
		head, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %w (%s)", err, strings.TrimSpace(stderr.String()))
		}
		f := strings.Fields(head) // "<oid> blob <size>"
		if len(f) != 3 || f[1] != "blob" {
			return fmt.Errorf("git cat-file: cannot read %s at %s: %s", n, rev, strings.TrimSpace(head))
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return fmt.Errorf("git cat-file: %q", head)
		}
		keep := min(size, maxFileSize+1) // the loader reports a file over the limit
		data := make([]byte, keep)
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		if _, err := io.CopyN(io.Discard, r, size-keep+1); err != nil { // the rest and "\n"
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(n)), data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// git runs git in dir and returns its standard output.
func git(ctx context.Context, dir string, stdin io.Reader, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if msg := strings.TrimSpace(errb.String()); msg != "" {
				return "", errors.New(msg)
			}
		}
		return "", err
	}
	return out.String(), nil
}
