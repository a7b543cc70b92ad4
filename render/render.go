// Package render turns Graphviz DOT text into SVG, PNG, PDF or Graphviz's JSON layout, with no
// system Graphviz: the layout engines run as WebAssembly inside the process
// (github.com/goccy/go-graphviz, run by wazero).
//
// SVG and JSON come straight from Graphviz, the SVG with font stacks browsers have in place of
// the one font Graphviz names (faces with the metrics it sized the text by), and with the
// spaces at the ends of text runs kept. PNG and PDF do not: go-graphviz's own PNG output is
// wrong (every shape filled) and its PDF output fails and breaks the module for the next call.
// Instead [Render] asks Graphviz for the JSON layout, which carries every drawing operation, and
// [Draw] paints it in pure Go with github.com/tdewolff/canvas and embedded Liberation fonts
// (metric-compatible with Helvetica, Times and Courier, so text fits the boxes Graphviz sized).
//
// Graphviz is one global WebAssembly module that is not safe for concurrent use: every call into
// it is serialised. A layout cannot be interrupted once started; a context only stops a render
// from starting. Each layout leaves some memory behind in the module (go-graphviz issue #111),
// which is fine for a command that renders a few maps and exits. Linking this package costs
// every run of the program the compilation of that module at start-up: about a second the
// first time on a machine, about 50 ms once wazero's cache of the compiled code holds it. That
// cache is not go-graphviz's own $TMPDIR/go-graphviz, which other local users could write:
// internal/wasmcache points go-graphviz at $XDG_CACHE_HOME/argmap/wasm/go-graphviz (~/.cache
// on Linux), a folder only the current user can write, checked against a manifest at every
// start, and runs without a cache (a second at every start) where no such folder can be had.
//
// What Draw does not do as Graphviz's own renderers would: gradients are painted in their
// first colour, images are left out, and text in scripts that neither Liberation nor DejaVu
// Sans covers (Chinese, Japanese and Korean ideographs, most emoji) shows as empty boxes.
// Text that comes out wider than Graphviz measured it (Graphviz guesses the width of
// characters outside ASCII) is set smaller so that it stays inside its box.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-graphviz"
)

// Format is an output format.
type Format string

// The formats that Render writes.
const (
	SVG  Format = "svg"
	PNG  Format = "png"
	PDF  Format = "pdf"
	DOT  Format = "dot"  // the DOT text itself, unchanged
	JSON Format = "json" // Graphviz's JSON layout, with drawing operations (xdot 1.7)
)

var formats = []Format{SVG, PNG, PDF, DOT, JSON}

// ParseFormat returns the format named s, in any case.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range formats {
		if f == v {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: want %s", s, formatList())
}

func formatList() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// extensions are the file-name extensions that name a format.
var extensions = map[string]Format{".svg": SVG, ".png": PNG, ".pdf": PDF, ".dot": DOT, ".gv": DOT, ".json": JSON}

// FormatFromPath returns the format that the extension of path names: .svg, .png, .pdf, .dot
// or .gv, .json. It reports false for any other extension.
func FormatFromPath(path string) (Format, bool) {
	f, ok := extensions[strings.ToLower(filepath.Ext(path))]
	return f, ok
}

// Extensions returns the file-name extensions that name a format, with the format's name.
func Extensions() map[string]string {
	m := make(map[string]string, len(extensions))
	for ext, f := range extensions {
		m[ext] = string(f)
	}
	return m
}

// Engines are the Graphviz layout engines that Render accepts: those that draw an argument
// map readably. Graphviz's others do not: patchwork and osage draw no edges, circo and twopi
// put a map's hundred claims on circles.
var engines = []string{"dot", "neato", "fdp"}

// Options tune a render. The zero value is ready to use.
type Options struct {
	// Engine is the Graphviz layout engine: "dot" (the default), "neato" or "fdp". DOT for
	// neato and fdp should ask for overlap removal (overlap=false, splines=true).
	Engine string
	// Scale is the PNG resolution in pixels per point (1/72 inch); 0 means 2, that is 144 dpi.
	Scale float64
	// MaxPixels caps the pixels of a PNG: a larger image is scaled down to fit.
	// 0 means 40,000,000.
	MaxPixels int
}

const (
	defaultScale     = 2.0
	defaultMaxPixels = 40_000_000
	maxScale         = 50.0
)

// normalize fills in defaults and checks every field.
func (o Options) normalize() (Options, error) {
	o.Engine = strings.ToLower(strings.TrimSpace(o.Engine))
	if o.Engine == "" {
		o.Engine = "dot"
	}
	known := false
	for _, e := range engines {
		known = known || e == o.Engine
	}
	if !known {
		return o, fmt.Errorf("unknown layout engine %q: want %s", o.Engine, strings.Join(engines, ", "))
	}
	switch {
	case o.Scale == 0:
		o.Scale = defaultScale
	case !(o.Scale > 0 && o.Scale <= maxScale): // also catches NaN
		return o, fmt.Errorf("invalid PNG scale %v: want a number of pixels per point above 0 and at most %v", o.Scale, maxScale)
	}
	switch {
	case o.MaxPixels == 0:
		o.MaxPixels = defaultMaxPixels
	case o.MaxPixels < 0:
		return o, fmt.Errorf("invalid pixel cap %d: want a positive number", o.MaxPixels)
	}
	return o, nil
}

// Render lays out dot with Graphviz and returns the document in format f. DOT returns dot
// unchanged. The format and options are checked before Graphviz runs; a DOT syntax error comes
// back as an error that quotes Graphviz's message. A render that has started runs to its end:
// ctx only stops one that is still waiting for its turn.
func Render(ctx context.Context, dot []byte, f Format, opt Options) ([]byte, error) {
	if _, err := ParseFormat(string(f)); err != nil {
		return nil, err
	}
	opt, err := opt.normalize()
	if err != nil {
		return nil, err
	}
	if err := checkDOT(dot); err != nil {
		return nil, err
	}
	switch f {
	case DOT:
		return bytes.Clone(dot), nil
	case SVG:
		svg, err := layout(ctx, dot, graphviz.SVG, opt.Engine)
		if err != nil {
			return nil, err
		}
		return browserSVG(svg), nil
	case JSON:
		return layout(ctx, dot, "json", opt.Engine)
	}
	js, err := layout(ctx, dot, "json", opt.Engine)
	if err != nil {
		return nil, err
	}
	return Draw(js, f, opt)
}

// checkDOT rejects input that Graphviz would misread silently: nothing at all, a NUL byte
// (the text is handed over as a C string) or bytes that are not UTF-8 (Graphviz would write
// them into the SVG, which then is not XML).
func checkDOT(dot []byte) error {
	if len(bytes.TrimSpace(dot)) == 0 {
		return errors.New("invalid DOT: the input is empty")
	}
	if i := bytes.IndexByte(dot, 0); i >= 0 {
		return fmt.Errorf("invalid DOT: NUL byte at offset %d", i)
	}
	if !utf8.Valid(dot) {
		return errors.New("invalid DOT: the input is not valid UTF-8")
	}
	return nil
}

// turn serialises every call into go-graphviz. Its WebAssembly module is one per process and
// keeps its state in globals (the parser, the error log, the plugin registry), so two calls at
// once corrupt each other: this is the package's one piece of shared mutable state, and it has
// to be. A channel rather than a sync.Mutex lets a caller give up waiting when its context
// ends.
var turn = make(chan struct{}, 1)

// layout runs Graphviz on dot with engine and returns its output in format, which must be one
// that go-graphviz writes correctly (svg, json).
func layout(ctx context.Context, dot []byte, format graphviz.Format, engine string) (out []byte, err error) {
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-turn }()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("graphviz failed: %v", r)
		}
	}()

	defer relaxCollector()()

	// go-graphviz ignores cancellation (wazero is not set to close on it), and a module closed
	// halfway would be unusable for the rest of the process: never hand it ctx.
	bg := context.Background()
	gv, err := graphviz.New(bg)
	if err != nil {
		return nil, fmt.Errorf("cannot start graphviz: %w", err)
	}
	defer gv.Close()
	// Graphviz keeps only its last message and never clears it. Set it to a known one first,
	// so that a message read later is known to come from this input.
	marker := message(graphviz.ParseBytes(staleMarker))
	g, err := graphviz.ParseBytes(dot)
	if err != nil || g == nil {
		if msg := message(g, err); msg != "" && msg != marker {
			return nil, fmt.Errorf("invalid DOT: %s", msg)
		}
		return nil, errors.New("invalid DOT: no graph found")
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(engine))
	var buf bytes.Buffer
	if err := gv.Render(bg, g, format, &buf); err != nil {
		return nil, fmt.Errorf("graphviz %s layout failed: %w", engine, err)
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("graphviz %s layout wrote no %s", engine, format)
	}
	// An HTML-like label that does not parse is only logged, and the object's name is drawn
	// in its place. Only the last message can be read, so this catches the last such error.
	if msg := message(graphviz.ParseBytes(nil)); msg != marker && strings.Contains(msg, "in label of") {
		return nil, fmt.Errorf("invalid DOT: HTML-like label: %s", msg)
	}
	return buf.Bytes(), nil
}

// relaxedGC is the collector's pace while Graphviz runs. go-graphviz allocates a new call
// frame (with its stack) for every call into the WebAssembly module, thousands per layout,
// all garbage at once; collecting it at the default pace (100) took a fifth of a 1,000-claim
// layout, and the pace of 400 leaves the peak memory as it was (the module's memory is most
// of it).
const relaxedGC = 400

// relaxCollector sets the collector's pace to relaxedGC, unless GOGC asks for a slower pace
// or none, and returns what restores it. Only one layout runs at a time (turn).
func relaxCollector() (restore func()) {
	prev := debug.SetGCPercent(relaxedGC)
	if prev < 0 || prev > relaxedGC {
		debug.SetGCPercent(prev)
	}
	return func() { debug.SetGCPercent(prev) }
}

// staleMarker is DOT that fails to parse with a message no real input is likely to produce.
var staleMarker = []byte(strings.Repeat("\n", 7776) + "]")

// message returns the error of a parse that failed, on one line. Parsing nothing fails without
// a message of its own, so its error is the last message Graphviz logged.
func message(g *graphviz.Graph, err error) string {
	if err == nil {
		if g != nil {
			g.Close()
		}
		return ""
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// Check reports whether the options are valid, so that a caller can reject them as a usage
// error before loading anything.
func (o Options) Check() error {
	_, err := o.normalize()
	return err
}
