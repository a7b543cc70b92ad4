package argmap

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestPrescan(t *testing.T) {
	lim := shape{nesting: 3, keyParts: 3}
	tests := []struct {
		name, src string
		want      string // "" when accepted, else "line:col: message"
	}{
		{"flat", "a = 1\nb.c = [1, [2, [3]]]\n", ""},
		{"too deep array", "a = [[[[1]]]]\n", "1:8: arrays and inline tables nested more than 3 deep"},
		{"too deep inline tables", "a = {b={c={d={e=1}}}}\n", "1:14: arrays and inline tables nested more than 3 deep"},
		{"mixed, multi-line", "a = [\n  {b = [\n    [1],\n  ]},\n]\n", "3:5: arrays and inline tables nested more than 3 deep"},
		{"brackets in strings", "a = [\"[[[[\", '{{{{', \"\\\"[[[[\"]\n", ""},
		{"brackets in multi-line strings", "a = [\"\"\"\n[[[[\n\"\"\", '''\n{{{{\n''']\n", ""},
		{"brackets in comments", "a = [ # [[[[\n1]\n# {{{{\n", ""},
		{"closing quotes of multi-line", "a = [\"\"\"x\"\"\"\"\", '''y''''', [[1]]]\n", ""},
		{"siblings do not add up", "a = [[[1]], [[2]], [[3]]]\n", ""},
		{"dotted key", "a.b.c.d = 1\n", "1:1: key has more than 3 dotted parts"},
		{"dotted key, quoted dots", "\"a.b.c.d\".'e.f' = 1\n", ""},
		{"dotted key in inline table", "x = {a.b.c.d = 1}\n", "1:6: key has more than 3 dotted parts"},
		{"dotted key after comma", "x = {y = 1, a.b.c.d = 1}\n", "1:13: key has more than 3 dotted parts"},
		{"float and date values are not keys", "x = 1.5\ny = 1979-05-27T07:32:00.999999Z\nz = [1.2.3.4.5]\n", ""},
		{"table header", "[a.b.c]\n[[d.e.f.g]]\n", "2:1: table header has more than 3 dotted parts"},
		{"header inside a multi-line string is text", "a = '''\n[a.b.c.d]\n'''\n", ""},
		{"unclosed string ends at the line", "a = \"[[[[\nb = [[[[1]]]]\n", "2:8: arrays and inline tables nested more than 3 deep"},
		{"unclosed multi-line string", "a = '''[[[[", ""},
		{"escape at the end", "a = \"\\", ""},
	}
	for _, tt := range tests {
		off, msg, ok := prescan([]byte(tt.src), lim)
		got := ""
		if !ok {
			line, col := offsetPos([]byte(tt.src), off)
			got = fmt.Sprintf("%d:%d: %s", line, col, msg)
		}
		if got != tt.want {
			t.Errorf("%s: prescan(%q) = %q; want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

// TestLoadBombs: inputs that take the decoder seconds, gigabytes, or its stack get a
// positioned error, fast.
func TestLoadBombs(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"5 MB of nested arrays", append([]byte("z = "), bytes.Repeat([]byte("["), 5<<20)...),
			"d/experts/x.toml:1:21: error: arrays and inline tables nested more than 16 deep"},
		{"inline tables 10,000 deep", []byte("z = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n"),
			"d/experts/x.toml:1:53: error: arrays and inline tables nested more than 16 deep"},
		{"dotted key of 10,000 parts", []byte("id = \"x\"\n" + strings.Repeat("a.", 9999) + "a = 1\n"),
			"d/experts/x.toml:2:1: error: key has more than 64 dotted parts"},
		{"table header of 10,000 parts", []byte("id = \"x\"\n[" + strings.Repeat("a.", 9999) + "a]\n"),
			"d/experts/x.toml:2:1: error: table header has more than 64 dotted parts"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, diags := Parse([]File{{Path: "d/debate.toml", Data: []byte(manifest)}, {Path: "d/experts/x.toml", Data: tt.data}}, Options{})
		elapsed := time.Since(start)
		var got []string
		for _, d := range diags {
			if d.Path != "d/experts/x.toml" {
				continue
			}
			got = append(got, d.Pos.String()+": "+d.Severity.String()+": "+d.Message)
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: diagnostics %q; want [%q]", tt.name, got, tt.want)
		}
		if elapsed > 500*time.Millisecond {
			t.Errorf("%s: took %v; want well under a second", tt.name, elapsed)
		}
	}
}

// FuzzPrescan: prescan never panics, its errors point inside the file, and what it accepts
// with small limits the decoder does not decode deeper than those limits allow: a header
// (arrays of tables count twice), a dotted key, and each nested array or inline table (with
// its own dotted keys).
func FuzzPrescan(f *testing.F) {
	for _, s := range []string{"a = [[1]]\n", "a = {b.c = {d = [1]}}\n", "[[a.b]]\nc.d = 1\n", "a = \"\"\"[\"\"\"\n",
		"a = '''\n[[[\n'''\n", "a = [ # [[[\n1]\n", manifest, expertB} {
		f.Add([]byte(s))
	}
	lim := shape{nesting: 3, keyParts: 3}
	f.Fuzz(func(t *testing.T, data []byte) {
		off, _, ok := prescan(data, lim)
		if !ok {
			if off < 0 || off >= len(data) {
				t.Fatalf("prescan error at offset %d of %d bytes", off, len(data))
			}
			return
		}
		var m map[string]any
		if _, err := toml.Decode(string(data), &m); err != nil {
			return
		}
		P, D := lim.keyParts, lim.nesting
		if got, bound := depth(m), 1+2*P+(P-1)+D*P; got > bound {
			t.Fatalf("prescan accepted a document the decoder nests %d deep (bound %d)", got, bound)
		}
	})
}

// depth counts the containers on the longest path from v down.
func depth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			d = max(d, depth(e))
		}
		return d + 1
	case []map[string]any:
		for _, e := range v {
			d = max(d, depth(e))
		}
		return d + 1
	case []any:
		for _, e := range v {
			d = max(d, depth(e))
		}
		return d + 1
	}
	return 0
}
