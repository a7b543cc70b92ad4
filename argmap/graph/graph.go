// Package graph builds argument maps from a debate (the whole debate, one expert, one
// proposition, or only where experts collide) and writes them as Graphviz DOT with argmap's
// visual grammar: shapes for kinds of claims, colour AND line style AND arrowhead for support
// and attack, dashes for what the curator inferred, one colour per expert.
package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// View selects what part of the debate a map shows.
type View int

const (
	Whole       View = iota // every expert, claim and proposition
	Expert                  // one expert's reasoning and stances
	Proposition             // who argues for and against one proposition, and why
	Conflicts               // claims in cross-expert attacks, with their direct support
)

// Options shape a map.
type Options struct {
	View        View
	Expert      string // for View Expert
	Proposition string // for View Proposition
	Depth       int    // for View Proposition: how many steps of reasons behind the evidence
	RankDir     string // LR (default), TB, BT or RL
	Wrap        int    // label width in characters (default 28)
	IDs         bool   // show claim ids in labels
	NoLegend    bool
	// BigMap is the number of claims above which a map is big (default [BigMap]).
	BigMap int
	// Status, when set, marks each claim with its label in an evaluation ("in", "defeated"
	// or "out", "unsupported", "undecided", by claim reference; see the evaluate package): a
	// claim that stands is drawn plain; a defeated one grey and struck out; an unsupported
	// one faded, with a mark; an undecided one with "?". Each reads in greyscale.
	Status map[string]string
	// Engine is the Graphviz layout engine the DOT is written for: "dot" (the default) or a
	// force-directed one ("neato", "fdp"), which needs overlap removal and a legend
	// that is one node.
	Engine string
}

// BigMap is the number of claims above which a map is big: it gets bounded crossing
// minimisation, lists each expert's stances in their header instead of drawing stance edges
// (compact), and takes Graphviz seconds to lay out. Documents draw maps besides the whole
// debate only up to this size.
const BigMap = 300

// The largest map New draws: Graphviz takes seconds per thousand claims and grows faster
// than linearly, so a bigger map would run for minutes. A view or the stance matrix shows
// such a debate instead.
const (
	MaxClaims = 3000
	MaxEdges  = 6000
)

// TooBigError is the error of a map over [MaxClaims] claims or [MaxEdges] edges.
type TooBigError struct{ Claims, Edges int }

func (e *TooBigError) Error() string {
	return fmt.Sprintf("the map would show %d claims and %d support/attack links; argmap draws at most %d claims and %d links in one map: "+
		"draw a part of it (--expert ID, --proposition ID or --conflicts) or compare the stances with argmap matrix",
		e.Claims, e.Edges, MaxClaims, MaxEdges)
}

// Map is the selection of a debate that one view shows, ready to be written as DOT.
type Map struct {
	debate  *argmap.Debate
	opt     Options
	experts []*argmap.Expert         // in debate order, those with something shown
	claims  map[string]*argmap.Claim // by ref
	stubs   map[string]bool          // refs of other experts' claims in collisions with the expert shown
	props   []*argmap.Proposition
	stances []*argmap.Stance
	edges   []edge
}

type edgeKind int

const (
	support edgeKind = iota
	attack
)

type edge struct {
	kind     edgeKind
	from, to string // claim refs
}

// New selects the part of d that opt asks for. It fails on an unknown expert or
// proposition, with a hint.
func New(d *argmap.Debate, opt Options) (*Map, error) {
	if opt.Wrap <= 0 {
		opt.Wrap = 28
	}
	if opt.RankDir == "" {
		opt.RankDir = "LR"
	}
	if opt.BigMap <= 0 {
		opt.BigMap = BigMap
	}
	if opt.Engine == "" {
		opt.Engine = "dot"
	}
	switch opt.RankDir {
	case "TB", "LR", "BT", "RL":
	default:
		return nil, fmt.Errorf("invalid rank direction %q: want TB, LR, BT or RL", opt.RankDir)
	}
	m := &Map{debate: d, opt: opt, claims: map[string]*argmap.Claim{}, stubs: map[string]bool{}}
	switch opt.View {
	case Whole:
		for _, e := range d.Experts {
			for _, c := range e.Claims {
				m.claims[c.Ref] = c
			}
			m.stances = append(m.stances, e.Stances...)
		}
		m.props = d.Propositions
	case Expert:
		e, ok := d.Expert(opt.Expert)
		if !ok {
			return nil, unknown("expert", opt.Expert, expertIDs(d))
		}
		for _, c := range e.Claims {
			m.claims[c.Ref] = c
		}
		// The other side of each collision: a stub for every claim of another expert that
		// this one attacks, or that attacks this one.
		for _, c := range m.allDebateClaims() {
			for _, ref := range c.Attacks {
				t, _ := d.Claim(ref)
				switch {
				case t == nil || t.Expert == c.Expert:
				case c.Expert == e.ID:
					m.stubs[ref] = true
				case t.Expert == e.ID:
					m.stubs[c.Ref] = true
				}
			}
		}
		m.stances = e.Stances
		for _, s := range e.Stances {
			p, _ := d.Proposition(s.Proposition)
			m.props = append(m.props, p)
		}
	case Proposition:
		p, ok := d.Proposition(opt.Proposition)
		if !ok {
			return nil, unknown("proposition", opt.Proposition, propIDs(d))
		}
		m.props = []*argmap.Proposition{p}
		frontier := map[string]bool{}
		for _, e := range d.Addressing(p.ID) {
			s, _ := e.Stance(p.ID)
			m.stances = append(m.stances, s)
			for _, ref := range s.Evidence {
				frontier[ref] = true
			}
		}
		m.addClaims(frontier)
		for range max(opt.Depth, 0) {
			// One step: every claim of the debate that supports a claim shown.
			next := map[string]bool{}
			for _, c := range m.allDebateClaims() {
				for _, ref := range c.Supports {
					if _, shown := m.claims[ref]; shown {
						next[c.Ref] = true
					}
				}
			}
			if !m.addClaims(next) {
				break
			}
		}
	case Conflicts:
		involved := map[string]bool{}
		for _, c := range m.allDebateClaims() {
			for _, ref := range c.Attacks {
				if t, _ := d.Claim(ref); t != nil && t.Expert != c.Expert {
					involved[c.Ref], involved[ref] = true, true
				}
			}
		}
		m.addClaims(involved)
		backing := map[string]bool{}
		for _, c := range m.allDebateClaims() {
			for _, ref := range c.Supports {
				if involved[ref] {
					backing[c.Ref] = true
				}
			}
		}
		m.addClaims(backing)
	default:
		return nil, fmt.Errorf("unknown view %d", opt.View)
	}
	m.collect()
	if len(m.claims)+len(m.stubs) > MaxClaims || len(m.edges) > MaxEdges {
		return nil, &TooBigError{len(m.claims) + len(m.stubs), len(m.edges)}
	}
	return m, nil
}

// addClaims adds the claims named in refs and reports whether any was new.
func (m *Map) addClaims(refs map[string]bool) bool {
	added := false
	for ref := range refs {
		if _, ok := m.claims[ref]; ok {
			continue
		}
		if c, ok := m.debate.Claim(ref); ok {
			m.claims[ref] = c
			added = true
		}
	}
	return added
}

// allClaims returns the claims shown, sorted by ref.
func (m *Map) allClaims() []*argmap.Claim {
	out := make([]*argmap.Claim, 0, len(m.claims))
	for _, c := range m.claims {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Ref < out[j].Ref })
	return out
}

func (m *Map) allDebateClaims() []*argmap.Claim {
	var out []*argmap.Claim
	for _, e := range m.debate.Experts {
		out = append(out, e.Claims...)
	}
	return out
}

// collect settles the experts and edges shown, in a deterministic order: experts in debate
// order, edges in the order of their source claims in the files. Stubs take part only in
// attacks.
func (m *Map) collect() {
	hasStance := map[string]bool{}
	for _, s := range m.stances {
		hasStance[s.Expert] = true
	}
	for _, e := range m.debate.Experts {
		shown := hasStance[e.ID]
		for _, c := range e.Claims {
			_, full := m.claims[c.Ref]
			if !full && !m.stubs[c.Ref] {
				continue
			}
			shown = shown || full
			for _, ref := range c.Supports {
				if _, ok := m.claims[ref]; ok && full {
					m.edges = append(m.edges, edge{support, c.Ref, ref})
				}
			}
			for _, ref := range c.Attacks {
				if _, ok := m.claims[ref]; ok || full && m.stubs[ref] {
					m.edges = append(m.edges, edge{attack, c.Ref, ref})
				}
			}
		}
		if shown {
			m.experts = append(m.experts, e)
		}
	}
}

// claim returns the shown claim or stub with the given ref.
func (m *Map) claim(ref string) *argmap.Claim {
	c, _ := m.debate.Claim(ref)
	return c
}

// stubList returns the stubs in debate order.
func (m *Map) stubList() []*argmap.Claim {
	var out []*argmap.Claim
	for _, c := range m.allDebateClaims() {
		if m.stubs[c.Ref] {
			out = append(out, c)
		}
	}
	return out
}

// Counts returns how many claims, propositions, stances and support/attack edges the map
// shows.
func (m *Map) Counts() (claims, props, stances, edges int) {
	return len(m.claims), len(m.props), len(m.stances), len(m.edges)
}

func unknown(what, id string, valid []string) error {
	if h := argmap.Suggest(id, valid); h != "" {
		return fmt.Errorf("no %s %q in this debate (did you mean %q?)", what, id, h)
	}
	return fmt.Errorf("no %s %q in this debate (have: %s)", what, id, strings.Join(valid, ", "))
}

func expertIDs(d *argmap.Debate) []string {
	var out []string
	for _, e := range d.Experts {
		out = append(out, e.ID)
	}
	return out
}

func propIDs(d *argmap.Debate) []string {
	var out []string
	for _, p := range d.Propositions {
		out = append(out, p.ID)
	}
	return out
}
