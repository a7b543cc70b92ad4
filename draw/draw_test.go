package draw

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/testdebate"
	"github.com/argmap-dev/argmap/render"
)

// TestMap draws what graph.New and render.Render draw, byte for byte, and tells what it
// is asked to tell.
func TestMap(t *testing.T) {
	seed := testdebate.Load(t, "../seeds/camp-taji")
	big, diags := argmap.Parse(synth.Generate(synth.Config{Claims: graph.BigMap + 1}), argmap.Options{})
	if big == nil || diags.HasErrors() {
		t.Fatalf("generated debate: %v", diags)
	}
	for _, c := range []struct {
		name     string
		d        *argmap.Debate
		opt      graph.Options
		f        render.Format
		note     bool
		progress int
	}{
		{"whole dot", seed, graph.Options{}, render.DOT, false, 0},
		{"expert svg", seed, graph.Options{View: graph.Expert, Expert: "kadhim"}, render.SVG, false, 0},
		{"big dot", big, graph.Options{}, render.DOT, false, 0}, // DOT is not laid out: no word of seconds
		{"big json", big, graph.Options{}, render.JSON, false, graph.BigMap + 1},
		{"empty conflicts", testdebate.Fixture(t, 2, "a: + -"), graph.Options{View: graph.Conflicts}, render.DOT, true, 0},
	} {
		var notes []string
		progress := 0
		got, err := Map(context.Background(), c.d, c.opt, c.f, Options{
			Note:     func(n string) { notes = append(notes, n) },
			Progress: func(n int) { progress = n },
		})
		if err != nil {
			t.Errorf("%s: Map error: %v", c.name, err)
			continue
		}
		m, err := graph.New(c.d, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := render.Render(context.Background(), m.DOT(), c.f, render.Options{Engine: c.opt.Engine})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: Map = %d bytes; want graph.New and render.Render's %d bytes", c.name, len(got), len(want))
		}
		if (len(notes) > 0) != c.note {
			t.Errorf("%s: notes %q; want a note: %v", c.name, notes, c.note)
		}
		if progress != c.progress {
			t.Errorf("%s: Progress told %d claims; want %d", c.name, progress, c.progress)
		}
	}
}

func TestMapErrors(t *testing.T) {
	seed := testdebate.Load(t, "../seeds/camp-taji")
	_, err := Map(context.Background(), seed, graph.Options{View: graph.Expert, Expert: "nobody"}, render.SVG, Options{})
	if de := (*Error)(nil); err == nil || errors.As(err, &de) {
		t.Errorf("Map(unknown expert) error = %v; want graph.New's error", err)
	}
	_, err = Map(context.Background(), seed, graph.Options{}, render.Format("gif"), Options{})
	if de := (*Error)(nil); !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "cannot draw the map: ") {
		t.Errorf("Map(format gif) error = %v; want a *draw.Error", err)
	}
}

// TestPaceRestored checks that the collector's pace is what it was once maps are drawn.
func TestPaceRestored(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	seed := testdebate.Load(t, "../seeds/camp-taji")
	if _, err := Map(context.Background(), seed, graph.Options{}, render.DOT, Options{}); err != nil {
		t.Fatal(err)
	}
	if p := debug.SetGCPercent(123); p != 123 {
		t.Errorf("GC percent after Map = %d; want 123", p)
	}
}

// TestOneWayToDraw keeps maps drawn through Map: no other package renders graph's DOT
// itself (the matrix pictures are not maps: they draw their own layout).
func TestOneWayToDraw(t *testing.T) {
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.HasPrefix(rel, "draw"+string(filepath.Separator)) || strings.HasPrefix(rel, "render"+string(filepath.Separator)) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if s := string(b); strings.Contains(s, "render."+"Render(") || strings.Contains(s, "debug."+"SetGCPercent(") && !strings.HasPrefix(rel, "internal") {
			t.Errorf("%s renders a map or paces the collector itself; use draw.Map", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
