package graph_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/render"
)

// TestSeedViewsLayOut lays out every view of the seed with every engine offered, and checks
// that Graphviz's JSON layout, which PNG and PDF are drawn from, is valid JSON (Graphviz once
// wrote its own memory into the style of a dashed legend cell).
func TestSeedViewsLayOut(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out the seed several times")
	}
	d, diags := argmap.Load("../../seeds/camp-taji", argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	for _, tc := range []struct {
		name string
		opt  graph.Options
	}{
		{"whole", graph.Options{}},
		{"expert", graph.Options{View: graph.Expert, Expert: "slavin"}},
		{"proposition", graph.Options{View: graph.Proposition, Proposition: "military-retaliation", Depth: 2}},
		{"conflicts", graph.Options{View: graph.Conflicts}},
		{"whole-neato", graph.Options{Engine: "neato"}},
		{"whole-fdp", graph.Options{Engine: "fdp"}},
	} {
		m, err := graph.New(d, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		js, err := render.Render(context.Background(), m.DOT(), render.JSON, render.Options{Engine: tc.opt.Engine})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !json.Valid(js) {
			t.Errorf("%s: Graphviz's JSON layout is not valid JSON", tc.name)
		}
	}
}
