// Package draw draws argument maps: it selects the part of a debate a view shows
// (argmap/graph) and lays it out and renders it with Graphviz (render). It is the one way
// argmap map, the briefing and the handout draw a map, and it owns what they share: the
// collector's pace while a map is drawn, and the word that a big map takes seconds.
package draw

import (
	"context"
	"runtime/debug"
	"sync"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/render"
)

// Options are told what happens while a map is drawn. The zero value says nothing.
type Options struct {
	// Note, when set, receives the map's note, if it has one (see graph.Map.Note): an empty
	// view, such as the conflicts of a debate in which no expert attacks another.
	Note func(note string)
	// Progress, when set, is told before a big map (more than graph.BigMap claims) is laid
	// out, which takes seconds. A DOT map is not laid out and says nothing.
	Progress func(claims int)
}

// Error is the error of a map that Graphviz could not lay out or render. A map that cannot
// be selected fails with graph.New's error as it is: a *graph.TooBigError, or an unknown
// expert or proposition.
type Error struct{ Err error }

func (e *Error) Error() string { return "cannot draw the map: " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Map draws the map that opt selects from d, in format f, laid out with opt.Engine.
func Map(ctx context.Context, d *argmap.Debate, opt graph.Options, f render.Format, o Options) ([]byte, error) {
	m, err := graph.New(d, opt)
	if err != nil {
		return nil, err
	}
	if note := m.Note(); note != "" && o.Note != nil {
		o.Note(note)
	}
	if claims, _, _, _ := m.Counts(); claims > graph.BigMap && f != render.DOT && o.Progress != nil {
		o.Progress(claims)
	}
	defer paceCollector()()
	out, err := render.Render(ctx, m.DOT(), f, render.Options{Engine: opt.Engine})
	if err != nil {
		return nil, &Error{err}
	}
	return out, nil
}

// drawingGC is the collector's pace while maps are drawn. Rendering makes large short-lived
// buffers (the layout, the document): collecting garbage twice as often as by default keeps
// a 1,000-claim map's peak memory ~15 % lower for ~5 % time. (While Graphviz itself runs,
// render relaxes the pace; see render.Render.)
const drawingGC = 50

// pace counts the maps being drawn, so that drawing maps at once sets the pace once and
// the last one restores it.
var pace struct {
	sync.Mutex
	drawing int
	prev    int
}

// paceCollector sets the collector's pace to drawingGC while a map is drawn, and returns
// what restores it.
func paceCollector() (restore func()) {
	pace.Lock()
	defer pace.Unlock()
	if pace.drawing == 0 {
		pace.prev = debug.SetGCPercent(drawingGC)
	}
	pace.drawing++
	return func() {
		pace.Lock()
		defer pace.Unlock()
		if pace.drawing--; pace.drawing == 0 {
			debug.SetGCPercent(pace.prev)
		}
	}
}
