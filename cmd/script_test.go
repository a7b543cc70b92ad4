package cmd_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/cmd"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/rogpeppe/go-internal/testscript"
)

// The end-to-end tests are testscript files under testdata/script, one case per .txtar:
// each archive holds a small debate folder and the commands to run on it. "exec argmap"
// runs the real command line (this test binary, re-executed as argmap by testscript.Main)
// in the script's folder with the script's environment.
//
// Commands added for the scripts:
//
//	argmapexit CODE [ARG...]   run argmap like exec does and require exit status CODE
//	argmapterm CODE [ARG...]   run argmap in-process as if standard output were a terminal;
//	                           it runs in the test process's folder (cmd), not the script's,
//	                           so give paths as $WORK/...
//	garbage FILE N [SEED]      write N pseudo-random bytes (fixed seed) to FILE
//	bigfile FILE SIZE          pad FILE (created if missing) with TOML comment lines to SIZE
//	                           bytes; SIZE is N, NMiB, NMiB+K or NMiB-K
//	unescape FILE...           replace each \xHH in FILE by the byte 0xHH
//	glob PATTERN               succeed when PATTERN matches a file (! glob: when none does)
//
// Run "ARGMAP_UPDATE_GOLDEN=1 go test ./cmd -run TestScript" to rewrite the golden sections
// that cmp compares with (see internal/golden).

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"argmap": func() { os.Exit(cmd.Main()) },
	})
}

func TestScript(t *testing.T) {
	// testscript gives each script HOME=/no-home, where argmap finds no cache for the
	// compiled Graphviz module and would compile it at every start (about a second): share
	// one private cache between the scripts of this run.
	cache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("XDG_CACHE_HOME", cache)
			return nil
		},
		UpdateScripts:       golden.Update(),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Condition:           scriptCondition,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"argmapexit": cmdArgmapExit,
			"argmapterm": cmdArgmapTerm,
			"garbage":    cmdGarbage,
			"bigfile":    cmdBigfile,
			"unescape":   cmdUnescape,
			"glob":       cmdGlob,
			"wellformed": cmdWellformed,
		},
	})
}

// scriptCondition answers the scripts' own conditions: [root], true when running as root
// (making device nodes needs it).
func scriptCondition(cond string) (bool, error) {
	if cond == "root" {
		return os.Geteuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// expectedCode reads the expected exit status, the first argument of argmapexit and
// argmapterm.
func expectedCode(ts *testscript.TestScript, neg bool, name string, args []string) int {
	if neg {
		ts.Fatalf("unsupported: ! %s (give the expected exit status instead)", name)
	}
	if len(args) < 1 {
		ts.Fatalf("usage: %s CODE [ARG...]", name)
	}
	code, err := strconv.Atoi(args[0])
	if err != nil || code < 0 {
		ts.Fatalf("%s: exit status %q is not a number", name, args[0])
	}
	return code
}

// cmdArgmapExit runs argmap as a subprocess, exactly as "exec argmap" does (same folder,
// environment and stdin; stdout and stderr are kept for the following commands), and
// requires a given exit status.
func cmdArgmapExit(ts *testscript.TestScript, neg bool, args []string) {
	want := expectedCode(ts, neg, "argmapexit", args)
	got := 0
	if err := ts.Exec("argmap", args[1:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("argmap: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("argmap exited with status %d, want %d", got, want)
	}
}

// cmdArgmapTerm runs argmap in-process with Terminal set, so that colour is decided by the
// environment alone (NO_COLOR, TERM), and requires a given exit status.
func cmdArgmapTerm(ts *testscript.TestScript, neg bool, args []string) {
	want := expectedCode(ts, neg, "argmapterm", args)
	got := cmd.Run(args[1:], &cmd.Streams{
		In:       strings.NewReader(""),
		Out:      ts.Stdout(),
		Err:      ts.Stderr(),
		Terminal: true,
		Getenv:   ts.Getenv,
	})
	if got != want {
		ts.Fatalf("argmap exited with status %d, want %d", got, want)
	}
}

func cmdGarbage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: garbage FILE N [SEED]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	seed := uint64(1)
	if len(args) == 3 {
		seed, err = strconv.ParseUint(args[2], 10, 64)
		ts.Check(err)
	}
	r := rand.New(rand.NewPCG(seed, 0))
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o666))
}

// parseSize reads N, NMiB, NMiB+K or NMiB-K.
func parseSize(s string) (int, error) {
	mib, extra, found := strings.Cut(s, "MiB")
	if !found {
		return strconv.Atoi(s)
	}
	n, err := strconv.Atoi(mib)
	if err != nil {
		return 0, err
	}
	size := n << 20
	if extra != "" {
		k, err := strconv.Atoi(extra) // "+1" or "-1"
		if err != nil || (extra[0] != '+' && extra[0] != '-') {
			return 0, fmt.Errorf("bad size %q", s)
		}
		size += k
	}
	return size, nil
}

func cmdBigfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE SIZE")
	}
	name := ts.MkAbs(args[0])
	size, err := parseSize(args[1])
	ts.Check(err)
	data, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		ts.Check(err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	if len(data) > size {
		ts.Fatalf("bigfile: %s already holds %d bytes, more than %d", args[0], len(data), size)
	}
	var b bytes.Buffer
	b.Grow(size)
	b.Write(data)
	line := "# " + strings.Repeat("padding ", 7) + "padding\n" // 64 bytes
	for b.Len()+len(line) <= size {
		b.WriteString(line)
	}
	switch rest := size - b.Len(); rest {
	case 0:
	case 1:
		b.WriteByte('\n')
	default:
		b.WriteString("#" + strings.Repeat("x", rest-2) + "\n")
	}
	ts.Check(os.WriteFile(name, b.Bytes(), 0o666))
	if fi, err := os.Stat(name); err != nil || fi.Size() != int64(size) {
		ts.Fatalf("bigfile: %s is not %d bytes (%v)", args[0], size, err)
	}
}

func cmdUnescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: unescape FILE...")
	}
	for _, name := range args {
		data, err := os.ReadFile(ts.MkAbs(name))
		ts.Check(err)
		var out []byte
		for i := 0; i < len(data); i++ {
			if data[i] == '\\' && i+3 < len(data) && data[i+1] == 'x' {
				if v, err := strconv.ParseUint(string(data[i+2:i+4]), 16, 8); err == nil {
					out = append(out, byte(v))
					i += 3
					continue
				}
			}
			out = append(out, data[i])
		}
		ts.Check(os.WriteFile(ts.MkAbs(name), out, 0o666))
	}
}

func cmdGlob(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: glob PATTERN")
	}
	matches, err := filepath.Glob(ts.MkAbs(args[0]))
	ts.Check(err)
	switch {
	case neg && len(matches) > 0:
		ts.Fatalf("%s matches %s", args[0], strings.Join(matches, ", "))
	case !neg && len(matches) == 0:
		ts.Fatalf("%s matches no file", args[0])
	}
}

// cmdWellformed checks that a file is a well-formed document of the type its extension
// names: .svg is XML with an <svg> root, .png decodes as a PNG of at least 100×100 pixels,
// .pdf starts with %PDF- and ends with %%EOF, .xlsx is a zip holding xl/workbook.xml.
func cmdWellformed(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: wellformed FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	switch ext := filepath.Ext(args[0]); ext {
	case ".svg":
		dec := xml.NewDecoder(bytes.NewReader(data))
		root := ""
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				ts.Fatalf("%s is not well-formed XML: %v", args[0], err)
			}
			if se, ok := tok.(xml.StartElement); ok && root == "" {
				root = se.Name.Local
			}
		}
		if root != "svg" {
			ts.Fatalf("%s: root element %q, want svg", args[0], root)
		}
	case ".png":
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			ts.Fatalf("%s is not a PNG: %v", args[0], err)
		}
		if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 100 {
			ts.Fatalf("%s is only %dx%d pixels", args[0], b.Dx(), b.Dy())
		}
	case ".pdf":
		if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF")) {
			ts.Fatalf("%s is not a complete PDF", args[0])
		}
	case ".xlsx":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			ts.Fatalf("%s is not a zip: %v", args[0], err)
		}
		found := false
		for _, f := range zr.File {
			found = found || f.Name == "xl/workbook.xml"
		}
		if !found {
			ts.Fatalf("%s holds no xl/workbook.xml", args[0])
		}
	default:
		ts.Fatalf("wellformed: unknown extension %s", ext)
	}
}
