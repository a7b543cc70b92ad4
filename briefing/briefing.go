package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/draw"
	"github.com/argmap-dev/argmap/render"
	"github.com/argmap-dev/argmap/stances"
)

// Options tune a briefing. The zero value is ready to use.
type Options struct {
	// MapLimit bounds the maps besides the whole debate: each expert gets a map only when
	// the debate holds at most MapLimit claims (bigger debates list each expert's claims; the
	// whole map highlights them), and the collisions get a map only when at most MapLimit
	// claims are involved. Graphviz takes seconds on maps of hundreds of claims, which are
	// unreadable anyway. 0 means graph.BigMap (300).
	MapLimit int
	// Draw is told what happens as the maps are drawn (a big map takes seconds).
	Draw draw.Options
}

// Briefing is a debate ready to be written as documents.
type Briefing struct {
	debate *argmap.Debate
	matrix *stances.Matrix
	data   *Data
	opt    Options
}

// New prepares the briefing of a valid debate.
func New(d *argmap.Debate, opt Options) *Briefing {
	if opt.MapLimit <= 0 {
		opt.MapLimit = graph.BigMap
	}
	m := stances.New(d, stances.Options{})
	return &Briefing{debate: d, matrix: m, data: newData(d, m), opt: opt}
}

// Data returns the facts the briefing shows.
func (b *Briefing) Data() *Data { return b.data }

// Payload returns the data as the page holds it: compact JSON in which <, > and & are
// escaped (as are U+2028 and U+2029), so that it can never end the script element it sits in.
func (b *Briefing) Payload() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes HTML by default
	if err := enc.Encode(b.data); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// mapSpec is one map a document shows.
type mapSpec struct {
	id      string // "whole", "conflicts", "expert:ID"
	caption string
	opt     graph.Options
}

// maps lists the maps of the briefing: the whole debate, the collisions (when experts attack
// each other) and, for debates small enough, one per expert.
func (b *Briefing) maps() []mapSpec {
	d := b.debate
	out := []mapSpec{{id: "whole", caption: "The whole debate", opt: graph.Options{View: graph.Whole}}}
	if n := b.conflictClaims(); n > 0 && n <= b.opt.MapLimit {
		out = append(out, mapSpec{id: "conflicts", caption: "Where the experts collide", opt: graph.Options{View: graph.Conflicts, NoLegend: true}})
	}
	if b.expertMaps() {
		for _, e := range d.Experts {
			out = append(out, mapSpec{id: "expert:" + e.ID, caption: "The reasoning of " + e.Name, opt: graph.Options{View: graph.Expert, Expert: e.ID, NoLegend: true}})
		}
	}
	return out
}

func (b *Briefing) expertMaps() bool { return b.debate.ClaimCount() <= b.opt.MapLimit }

// conflictClaims is how many claims the collisions map shows: 0 when no expert attacks
// another's claim.
func (b *Briefing) conflictClaims() int {
	if !b.hasConflicts() {
		return 0
	}
	m, err := graph.New(b.debate, graph.Options{View: graph.Conflicts})
	if err != nil {
		return 0
	}
	n, _, _, _ := m.Counts()
	return n
}

// hasConflicts reports whether any claim attacks a claim of another expert.
func (b *Briefing) hasConflicts() bool {
	for _, c := range b.data.Claims {
		for _, ref := range c.Attacks {
			if t, ok := b.debate.Claim(ref); ok && t.Expert != c.Expert {
				return true
			}
		}
	}
	return false
}

// draw renders every map of the briefing in format f.
func (b *Briefing) draw(ctx context.Context, f render.Format) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, s := range b.maps() {
		doc, err := draw.Map(ctx, b.debate, s.opt, f, b.opt.Draw)
		if de := (*draw.Error)(nil); errors.As(err, &de) {
			return nil, fmt.Errorf("cannot draw the map %q: %w", s.id, de.Err)
		}
		if err != nil {
			return nil, err
		}
		out[s.id] = doc
	}
	return out, nil
}
