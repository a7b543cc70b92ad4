package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// graphLayout is the part of Graphviz's JSON output (format "json", xdot 1.7 drawing
// operations) that Draw reads.
type graphLayout struct {
	BB          string   `json:"bb"`
	Pad         string   `json:"pad"`
	OutputOrder string   `json:"outputorder"`
	Subgraphs   int      `json:"_subgraph_cnt"`
	Objects     []object `json:"objects"`
	Edges       []edge   `json:"edges"`
	drawLists
}

// drawLists are the operation lists of one graph, cluster, node or edge: its shape, its label,
// and for edges the arrowheads and the labels at either end.
type drawLists struct {
	Draw   []op `json:"_draw_"`
	LDraw  []op `json:"_ldraw_"`
	HDraw  []op `json:"_hdraw_"`
	TDraw  []op `json:"_tdraw_"`
	HLDraw []op `json:"_hldraw_"`
	TLDraw []op `json:"_tldraw_"`
}

// all returns the lists in the order Graphviz's SVG writer paints them.
func (d *drawLists) all() [][]op {
	return [][]op{d.Draw, d.TDraw, d.HDraw, d.LDraw, d.HLDraw, d.TLDraw}
}

type object struct {
	GVID int    `json:"_gvid"`
	Name string `json:"name"`
	drawLists
}

type edge struct {
	GVID int `json:"_gvid"`
	Tail int `json:"tail"`
	Head int `json:"head"`
	drawLists
}

// op is one xdot drawing operation. Which fields are set depends on Op:
//
//	E e    filled / unfilled ellipse: Rect is centre x, y and radii x, y
//	P p    filled / unfilled polygon: Points
//	L      polyline: Points
//	B b    filled / unfilled B-spline: Points (in JSON B is the filled one, unlike xdot text)
//	T      text: Pt (baseline), Align (l, c, r), Width (as Graphviz measured it), Text
//	F      font: Size, Face
//	t      font flags: Fontchar (1 bold, 2 italic, 4 underline, 8 sup, 16 sub, 32 strike, 64 overline)
//	C c    fill / pen colour: Color, or a gradient (Grad linear or radial, with Stops)
//	S      style: Style (solid, dashed, dotted, bold, invis, setlinewidth(N), ...)
//	I      image: not drawn
type op struct {
	Op       string       `json:"op"`
	Points   [][2]float64 `json:"points"`
	Rect     [4]float64   `json:"rect"`
	Pt       [2]float64   `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Fontchar int          `json:"fontchar"`
	Grad     string       `json:"grad"`
	Color    string       `json:"color"`
	Stops    []stop       `json:"stops"`
	Style    string       `json:"style"`
}

type stop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// box is a rectangle in points, Graphviz's coordinates (y up).
type box struct{ x0, y0, x1, y1 float64 }

func (b box) w() float64 { return b.x1 - b.x0 }
func (b box) h() float64 { return b.y1 - b.y0 }

// parseLayout decodes a Graphviz JSON layout and its bounding box.
func parseLayout(data []byte) (*graphLayout, box, error) {
	var l graphLayout
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, box{}, fmt.Errorf("invalid Graphviz JSON layout: %w", err)
	}
	if l.BB == "" {
		return nil, box{}, errors.New("invalid Graphviz JSON layout: no bounding box (bb); is it the output of the json format?")
	}
	v, err := floats(l.BB, 4)
	if err != nil {
		return nil, box{}, fmt.Errorf("invalid Graphviz JSON layout: bounding box %q: %w", l.BB, err)
	}
	b := box{v[0], v[1], v[2], v[3]}
	if !(b.w() >= 0 && b.h() >= 0) || b.w() > 1e7 || b.h() > 1e7 {
		return nil, box{}, fmt.Errorf("invalid Graphviz JSON layout: bounding box %q", l.BB)
	}
	return &l, b, nil
}

// padding returns the margin Graphviz leaves around the drawing, in points: the graph's pad
// attribute (inches, "x" or "x,y"), 4 points by default.
func (l *graphLayout) padding() (float64, float64) {
	const def = 4.0
	if l.Pad == "" {
		return def, def
	}
	v, err := floats(l.Pad, 0)
	if err != nil || len(v) == 0 || len(v) > 2 {
		return def, def
	}
	if len(v) == 1 {
		v = append(v, v[0])
	}
	px, py := v[0]*72, v[1]*72
	if !(px >= 0 && px < 1e5) || !(py >= 0 && py < 1e5) {
		return def, def
	}
	return px, py
}

// floats parses numbers separated by commas or spaces; n > 0 demands exactly n.
func floats(s string, n int) ([]float64, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	if n > 0 && len(fields) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	v := make([]float64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%q is not a number", f)
		}
		v[i] = x
	}
	return v, nil
}

// paintOrder returns the draw lists of the whole layout in the order Graphviz's SVG writer
// emits them: the graph, its clusters, then nodes and edges. By default each node comes with
// its out-edges (and their heads); outputorder=nodesfirst or edgesfirst puts one kind first.
func (l *graphLayout) paintOrder() [][]op {
	var lists [][]op
	add := func(d *drawLists) { lists = append(lists, d.all()...) }
	add(&l.drawLists)
	nsub := min(max(l.Subgraphs, 0), len(l.Objects))
	for i := range nsub {
		add(&l.Objects[i].drawLists)
	}
	nodes := l.Objects[nsub:]
	byID := make(map[int]int, len(nodes)) // _gvid -> index in nodes
	for i, n := range nodes {
		byID[n.GVID] = i
	}
	switch l.OutputOrder {
	case "nodesfirst", "edgesfirst":
		nodeLists, edgeLists := [][]op{}, [][]op{}
		for i := range nodes {
			nodeLists = append(nodeLists, nodes[i].all()...)
		}
		for i := range l.Edges {
			edgeLists = append(edgeLists, l.Edges[i].all()...)
		}
		if l.OutputOrder == "nodesfirst" {
			return append(append(lists, nodeLists...), edgeLists...)
		}
		return append(append(lists, edgeLists...), nodeLists...)
	}
	out := make(map[int][]int, len(nodes)) // node index -> its out-edges, in edge order
	var loose []int                        // edges whose tail is unknown
	for i, e := range l.Edges {
		if t, ok := byID[e.Tail]; ok {
			out[t] = append(out[t], i)
		} else {
			loose = append(loose, i)
		}
	}
	done := make([]bool, len(nodes))
	emitNode := func(i int) {
		if !done[i] {
			done[i] = true
			add(&nodes[i].drawLists)
		}
	}
	for i := range nodes {
		emitNode(i)
		for _, ei := range out[i] {
			if h, ok := byID[l.Edges[ei].Head]; ok {
				emitNode(h)
			}
			add(&l.Edges[ei].drawLists)
		}
	}
	for _, ei := range loose {
		add(&l.Edges[ei].drawLists)
	}
	return lists
}
