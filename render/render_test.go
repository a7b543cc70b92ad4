package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/argmap-dev/argmap/internal/golden"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"svg", SVG, true},
		{"SVG", SVG, true},
		{" png ", PNG, true},
		{"Pdf", PDF, true},
		{"dot", DOT, true},
		{"json", JSON, true},
		{"gv", "", false},
		{"jpeg", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "svg, png, pdf, dot, json") {
			t.Errorf("ParseFormat(%q) error %q does not list the formats", tt.in, err)
		}
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"map.svg", SVG, true},
		{"out/Map.PNG", PNG, true},
		{"a.b.pdf", PDF, true},
		{"m.dot", DOT, true},
		{"m.gv", DOT, true},
		{"layout.json", JSON, true},
		{"m.jpg", "", false},
		{"svg", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := FormatFromPath(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// holdGraphviz takes Graphviz's turn for the rest of the test, so that any call that reaches
// Graphviz blocks.
func holdGraphviz(t *testing.T) {
	t.Helper()
	turn <- struct{}{}
	t.Cleanup(func() { <-turn })
}

// TestRejectedBeforeGraphviz checks that bad formats, options and input fail at once, without
// waiting for (or touching) Graphviz.
func TestRejectedBeforeGraphviz(t *testing.T) {
	holdGraphviz(t)
	good := []byte("digraph { a -> b }")
	tests := []struct {
		name string
		dot  []byte
		f    Format
		opt  Options
		want string
	}{
		{"format", good, "gif", Options{}, `unknown format "gif"`},
		{"empty format", good, "", Options{}, "unknown format"},
		{"engine", good, SVG, Options{Engine: "graphviz"}, `unknown layout engine "graphviz": want dot, neato`},
		{"negative scale", good, PNG, Options{Scale: -1}, "invalid PNG scale"},
		{"NaN scale", good, PNG, Options{Scale: math.NaN()}, "invalid PNG scale"},
		{"huge scale", good, PNG, Options{Scale: 1000}, "invalid PNG scale"},
		{"pixel cap", good, PNG, Options{MaxPixels: -5}, "invalid pixel cap"},
		{"empty DOT", []byte(" \n\t"), SVG, Options{}, "the input is empty"},
		{"NUL byte", []byte("digraph { a\x00 }"), SVG, Options{}, "NUL byte at offset 11"},
		{"not UTF-8", []byte("digraph { \"\xff\" }"), SVG, Options{}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Render(context.Background(), tt.dot, tt.f, tt.opt)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Render(%s) error = %v; want one containing %q", tt.name, err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("Render(%s) waited for Graphviz; want an error before it", tt.name)
			}
		})
	}
}

func TestRenderDOTUnchanged(t *testing.T) {
	holdGraphviz(t) // DOT never runs Graphviz
	dot := readFile(t, "sample.dot")
	got, err := Render(context.Background(), dot, DOT, Options{})
	if err != nil || !bytes.Equal(got, dot) {
		t.Fatalf("Render(DOT) = %d bytes, %v; want the input unchanged", len(got), err)
	}
	got[0] ^= 0xff
	if bytes.Equal(got, dot) {
		t.Error("Render(DOT) returned the caller's slice; want a copy")
	}
}

// svgText decodes an SVG document completely and returns its character data, failing the test
// if it is not well-formed XML.
func svgText(t *testing.T, svg []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
			text.WriteByte('\n')
		}
	}
	return text.String()
}

func TestRenderSVG(t *testing.T) {
	dot := readFile(t, "sample.dot")
	svg, err := Render(context.Background(), dot, SVG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := svgText(t, svg)
	for _, want := range []string{
		"Camp Taji rocket attack",
		"c1 <script>alert(1)</script>",
		`back\slash & "];"`,
		`b3 <script>alert(1)</script> & "];`,
		`path C:\temp\x \ done`,
		"الحكومة العراقية",
		"José's café",
		"naïve façade",
		"Bilal Ḥaddād",
		"陈伟",
		"😀",
		"Legend",
		"inferred by the curator",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	if bytes.Contains(svg, []byte("<script")) {
		t.Error("SVG holds a raw <script element; want the label text escaped")
	}
	for _, id := range []string{`id="p1"`, `id="legend"`, `id="cluster&#45;alice"`} {
		if !bytes.Contains(svg, []byte(id)) {
			t.Errorf("SVG lacks %s", id)
		}
	}
	again, err := Render(context.Background(), dot, SVG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, again) {
		t.Error("two SVG renders of the same DOT differ")
	}
}

// TestRenderJSON renders the layout that the Draw tests read from testdata/sample.json, and
// rewrites that file when ARGMAP_UPDATE_GOLDEN=1.
func TestRenderJSON(t *testing.T) {
	js, err := Render(context.Background(), readFile(t, "sample.dot"), JSON, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, bb, err := parseLayout(js)
	if err != nil {
		t.Fatal(err)
	}
	if bb.w() < 100 || bb.h() < 100 || len(l.Objects) != 18 || len(l.Edges) != 12 {
		t.Errorf("layout bb %+v, %d objects, %d edges; want a big box, 18 objects, 12 edges", bb, len(l.Objects), len(l.Edges))
	}
	if golden.Update() {
		if err := os.WriteFile(filepath.Join("testdata", "sample.json"), js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRenderEngines(t *testing.T) {
	dot := []byte(`digraph { node [shape=box]; a -> b -> c; a -> c; subgraph cluster_x { d; e } d -> a }`)
	for _, e := range engines {
		svg, err := Render(context.Background(), dot, SVG, Options{Engine: e})
		if err != nil {
			t.Errorf("Render(engine %s) error: %v", e, err)
			continue
		}
		if text := svgText(t, svg); !strings.Contains(text, "a") || !strings.Contains(text, "e") {
			t.Errorf("Render(engine %s) SVG lacks node labels", e)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		dot  string
		want string
	}{
		{"digraph { a -> b", "invalid DOT: syntax error in line 1"},
		{"digraph {\n a -> ;\n}", "invalid DOT: syntax error in line 2 near ';'"},
		{"graph { a -> b }", "invalid DOT: syntax error in line 1 near '->'"},
		{"this is not DOT", "invalid DOT: syntax error in line 1 near 'this'"},
		// No message of its own: the previous case's message must not leak into this one.
		{"// only a comment\n", "invalid DOT: no graph found"},
		{"digraph { a [label=<<B>unclosed>] }", "invalid DOT: HTML-like label: mismatched tag in line 1 ... unclosed</HTML> ... in label of node a"},
		{"digraph { a [label=<<TABLE><TR><TD>x</TD></TR>>] }", "invalid DOT: HTML-like label: mismatched tag"},
	}
	for _, tt := range tests {
		for _, f := range []Format{SVG, JSON, PNG} {
			_, err := Render(context.Background(), []byte(tt.dot), f, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Render(%q, %s) error = %v; want one starting %q", tt.dot, f, err, tt.want)
			}
		}
	}
}

// TestRenderAfterErrors checks that failures leave Graphviz usable.
func TestRenderAfterErrors(t *testing.T) {
	good := []byte(`digraph { a -> b [label="ok"] }`)
	want, err := Render(context.Background(), good, SVG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		dot []byte
		f   Format
		opt Options
	}{
		{[]byte("digraph { a -> "), SVG, Options{}},
		{good, "png8", Options{}},
		{good, SVG, Options{Engine: "nop9"}},
		{[]byte("strict graph { a -- }"), PNG, Options{}},
		{[]byte("digraph { a -> b [label=<<I>x</B>>] }"), JSON, Options{}},
		{[]byte(""), SVG, Options{}},
	} {
		if _, err := Render(context.Background(), bad.dot, bad.f, bad.opt); err == nil {
			t.Errorf("Render(%q, %s) succeeded; want an error", bad.dot, bad.f)
		}
		got, err := Render(context.Background(), good, SVG, Options{})
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("after Render(%q) failed, a good render = %v; want the same SVG as before", bad.dot, err)
		}
	}
}

func TestRenderContext(t *testing.T) {
	dot := []byte("digraph { a -> b }")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Render(ctx, dot, SVG, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Render(cancelled context) error = %v; want context.Canceled", err)
	}

	// A caller waiting for its turn gives up when its context ends.
	turn <- struct{}{}
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := Render(ctx, dot, SVG, Options{})
	<-turn
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Render(while Graphviz is busy, 50ms deadline) error = %v; want context.DeadlineExceeded", err)
	}
	if _, err := Render(context.Background(), dot, SVG, Options{}); err != nil {
		t.Errorf("Render after a timed-out wait: %v", err)
	}
}

func TestRenderConcurrent(t *testing.T) {
	dot := readFile(t, "sample.dot")
	want, err := Render(context.Background(), dot, SVG, Options{})
	if err != nil {
		t.Fatal(err)
	}
	small := []byte(`digraph { x -> y -> z }`)
	wantSmall, err := Render(context.Background(), small, JSON, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 6
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			got, err := Render(context.Background(), dot, SVG, Options{})
			if err != nil || !bytes.Equal(got, want) {
				errs <- errors.New("concurrent SVG render differs from the serial one")
			}
		}()
		go func() {
			defer wg.Done()
			got, err := Render(context.Background(), small, JSON, Options{})
			if err != nil || !bytes.Equal(got, wantSmall) {
				errs <- errors.New("concurrent JSON render differs from the serial one")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestRenderPNGAndPDF goes the whole way: DOT through Graphviz's JSON layout to pixels and pages.
func TestRenderPNGAndPDF(t *testing.T) {
	dot := []byte(`digraph { node [fontname="Helvetica", shape=box]; a -> b [style=dashed, arrowhead=tee] }`)
	png1, err := Render(context.Background(), dot, PNG, Options{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, png1)
	if b := img.Bounds(); b.Dx() < 50 || b.Dy() < 100 {
		t.Errorf("PNG is %v; want at least 50x100", b)
	}
	png2, err := Render(context.Background(), dot, PNG, Options{Scale: 1})
	if err != nil || !bytes.Equal(png1, png2) {
		t.Errorf("two PNG renders differ (err %v)", err)
	}
	doc, err := Render(context.Background(), dot, PDF, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, doc)
}

func BenchmarkRenderSVG(b *testing.B) {
	dot := readFile(b, "sample.dot")
	ctx := context.Background()
	for b.Loop() {
		if _, err := Render(ctx, dot, SVG, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPNGSameOnAnyProcessorCount checks that painting a PNG's rows in parts at once, and
// skipping what lies outside each part, gives the pixels of one painter painting it all:
// the same bytes with 1, 2, 3 and 8 processors.
func TestPNGSameOnAnyProcessorCount(t *testing.T) {
	js, err := Render(context.Background(), readFile(t, "sample.dot"), JSON, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []byte
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		got, err := Draw(js, PNG, Options{Scale: 3})
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
			if h := decodePNG(t, got).Bounds().Dy(); h < 4*bandRows {
				t.Fatalf("the sample is %d rows high: too few to be painted in parts", h)
			}
		} else if !bytes.Equal(got, want) {
			t.Errorf("GOMAXPROCS=%d: the PNG differs from the one painted by one painter", procs)
		}
	}
}

// TestRelaxCollector checks that a layout slows the collector to relaxedGC only when GOGC asks
// for a faster pace, and that the pace is restored afterwards.
func TestRelaxCollector(t *testing.T) {
	current := func() int { p := debug.SetGCPercent(0); debug.SetGCPercent(p); return p }
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tt := range []struct{ set, during int }{{100, relaxedGC}, {50, relaxedGC}, {800, 800}, {-1, -1}} {
		debug.SetGCPercent(tt.set)
		restore := relaxCollector()
		if got := current(); got != tt.during {
			t.Errorf("GOGC %d: %d during the layout; want %d", tt.set, got, tt.during)
		}
		restore()
		if got := current(); got != tt.set {
			t.Errorf("GOGC %d: %d after the layout; want it restored", tt.set, got)
		}
	}
	debug.SetGCPercent(100)
	if _, err := Render(context.Background(), []byte("digraph { a -> b }"), SVG, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := current(); got != 100 {
		t.Errorf("after Render the pace is %d; want 100", got)
	}
}
