package argmap

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// maxIDLen is the longest id accepted.
const maxIDLen = 64

// validID reports whether s is a well-formed id: lower-case ASCII letters, digits, '-' and
// '_', starting with a letter or digit.
func validID(s string) bool {
	if s == "" || len(s) > maxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

// validator checks the declarations of one debate and builds its model.
type validator struct {
	diags  *Diagnostics
	hasMan bool
	// Some files could not be read: references to experts and propositions that may live
	// in them are not reported, to avoid a cascade of errors with one cause.
	brokenManifest, brokenExperts bool
	props                         map[string]*propDecl
	propIDs                       []string
	experts                       map[string]*expertDecl
	expertIDs                     []string
	claims                        map[string]map[string]*claimDecl // expert id -> claim id -> claim
	hints                         suggesters
	sources                       map[string]bool // the ids of [[sources]]
}

func validate(man *manifestDecl, xs []*expertDecl, opt Options, diags *Diagnostics) *Debate {
	v := &validator{
		diags:          diags,
		hasMan:         man != nil,
		brokenManifest: opt.brokenManifest || (man != nil && man.noProps),
		brokenExperts:  opt.brokenExperts,
		props:          map[string]*propDecl{},
		experts:        map[string]*expertDecl{},
		claims:         map[string]map[string]*claimDecl{},
		hints:          suggesters{budget: suggestBudget, claims: map[*expertDecl]*suggester{}},
	}
	d := &Debate{Propositions: []*Proposition{}, Experts: []*Expert{}}
	if man != nil {
		d.Title, d.Date, d.Description, d.Source, d.Sources = man.d.Title, man.d.Date, man.d.Description, man.d.Source, man.d.Sources
		d.BottomLine, d.KeyPoints, d.Notes = man.d.BottomLine, man.d.KeyPoints, man.d.Notes
		v.sourceIDs(man)
		for _, pd := range man.props {
			if !v.checkID("proposition", pd.p.ID, pd.at) {
				continue
			}
			v.propositionKind(pd)
			if first, dup := v.props[pd.p.ID]; dup {
				diags.errorf(pd.at, "duplicate proposition id %q (first defined at %s)", pd.p.ID, first.at)
				continue
			}
			v.props[pd.p.ID] = pd
			v.propIDs = append(v.propIDs, pd.p.ID)
			d.Propositions = append(d.Propositions, pd.p)
		}
		if len(man.props) == 0 && !man.noProps {
			diags.warnf(whole(man.path), "no-propositions", "", "the debate has no propositions: add [[propositions]] tables")
		}
	}

	// Every expert file is checked, a duplicate too; only the first of a duplicate id joins
	// the debate.
	var checked, kept []*expertDecl
	for _, x := range xs {
		if !v.checkID("expert", x.e.ID, x.at) {
			continue
		}
		x.e.Claims, x.e.Stances = []*Claim{}, []*Stance{}
		x.ids = map[string]*claimDecl{}
		var claims []*claimDecl
		for _, cd := range x.claims {
			c := cd.c
			c.Expert, c.Ref = x.e.ID, x.e.ID+"/"+c.ID
			if !v.checkID("claim", c.ID, cd.at) {
				continue
			}
			if first, dup := x.ids[c.ID]; dup {
				diags.errorf(cd.at, "duplicate claim id %q (first defined at %s)", c.ID, first.at)
				continue
			}
			if c.Kind != "" && !slices.Contains(kindNames(), string(c.Kind)) {
				diags.add(cd.kindAt, Error, hintOrList(string(c.Kind), kindNames()), "invalid claim kind %q", c.Kind)
			}
			x.ids[c.ID] = cd
			claims = append(claims, cd)
			x.e.Claims = append(x.e.Claims, c)
		}
		x.claims = claims
		checked = append(checked, x)
		if first, dup := v.experts[x.e.ID]; dup {
			diags.errorf(x.at, "duplicate expert id %q (first defined at %s)", x.e.ID, first.at)
			continue
		}
		v.experts[x.e.ID] = x
		v.expertIDs = append(v.expertIDs, x.e.ID)
		v.claims[x.e.ID] = x.ids
		kept = append(kept, x)
		d.Experts = append(d.Experts, x.e)
	}
	sort.Strings(v.expertIDs)
	sort.Strings(v.propIDs)

	for _, x := range checked {
		for _, cd := range x.claims {
			v.relations(x, cd)
		}
		v.stances(x)
		v.sourceRefs(d, x)
	}
	v.warnings(man, kept)
	v.quotesInSources(d, kept, opt)
	if man != nil {
		v.allow(man.allow)
	}
	d.index()
	return d
}

// propositionKind checks a proposition's kind, and reads the tag "policy" that marked a
// policy question before kind existed, with a warning.
func (v *validator) propositionKind(pd *propDecl) {
	p := pd.p
	if p.Kind != "" && !slices.Contains(propositionKinds, string(p.Kind)) {
		v.diags.add(pd.kindAt, Error, hintOrList(string(p.Kind), propositionKinds), "invalid proposition kind %q", p.Kind)
		p.Kind = ""
	}
	for _, t := range pd.tags {
		if !IsPolicyTag(t.s) {
			continue
		}
		if p.Kind == "" {
			p.Kind = PolicyProposition
		}
		v.diags.warn(t.at, "deprecated-policy-tag", p.ID, `write kind = "policy" and drop the tag`,
			"proposition %q is marked a policy question by the tag %q, which is deprecated", p.ID, t.s)
	}
}

func kindNames() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// hintOrList suggests the nearest of valid, or lists them.
func hintOrList(s string, valid []string) string {
	return hintOr(didYouMean(s, valid), valid)
}

// hintOr returns hint, or when it is empty a list of the first few of valid.
func hintOr(hint string, valid []string) string {
	if hint != "" || len(valid) == 0 {
		return hint
	}
	return "want one of: " + firstFew(valid)
}

// firstFew joins the first 8 of list, and "..." when there are more.
func firstFew(list []string) string {
	s := strings.Join(list[:min(len(list), 8)], ", ")
	if len(list) > 8 {
		s += ", ..."
	}
	return s
}

func (v *validator) checkID(what, id string, at Pos) bool {
	if id == "" { // already reported as missing or empty
		return false
	}
	if !validID(id) {
		hint := "ids use a-z, 0-9, '-' and '_', start with a letter or digit, at most 64 characters"
		if low := strings.ToLower(id); low != id && validID(low) {
			hint = fmt.Sprintf("did you mean %q?", low)
		}
		v.diags.add(at, Error, hint, "invalid %s id %q", what, id)
		return false
	}
	return true
}

// resolve turns a reference written in expert x's file into a full reference.
func (v *validator) resolve(t text, x *expertDecl) (string, bool) {
	expert, id, cross := strings.Cut(t.s, "/")
	if !cross {
		expert, id = x.e.ID, t.s
	}
	if id == "" || expert == "" || strings.Contains(id, "/") {
		v.diags.add(t.at, Error, `write "claim" for a claim of this expert, "expert/claim" for another's`, "invalid reference %q", t.s)
		return "", false
	}
	ids, ok := v.claims[expert]
	if expert == x.e.ID {
		ids, ok = x.ids, true
	}
	if !ok {
		if !v.brokenExperts {
			v.diags.add(t.at, Error, hintOr(v.expertHints().hint(expert), v.expertIDs), "reference %q: no expert %q in this debate", t.s, expert)
		}
		return "", false
	}
	if _, ok := ids[id]; ok {
		return expert + "/" + id, true
	}
	owner := v.experts[expert]
	if expert == x.e.ID {
		owner = x
	}
	var hint string
	if !cross { // the exact id among other experts' claims is the likeliest meaning
		for _, other := range v.expertIDs {
			if _, ok := v.claims[other][id]; ok && other != x.e.ID {
				hint = fmt.Sprintf("did you mean %q?", other+"/"+id)
				break
			}
		}
	}
	if hint == "" {
		if best := v.claimHints(owner).suggest(id); best != "" {
			if cross {
				best = expert + "/" + best
			}
			hint = fmt.Sprintf("did you mean %q?", best)
		}
	}
	if names := v.claimHints(owner).sorted; hint == "" && cross && len(names) > 0 {
		hint = fmt.Sprintf("%s's claims: %s", expert, firstFew(names))
	}
	if cross {
		v.diags.add(t.at, Error, hint, "reference %q: expert %q has no claim %q", t.s, expert, id)
	} else {
		v.diags.add(t.at, Error, hint, "reference %q: no claim %q in this file", t.s, id)
	}
	return "", false
}

func (v *validator) resolveAll(ts []text, x *expertDecl) []string {
	var out []string
	for _, t := range ts {
		if ref, ok := v.resolve(t, x); ok {
			out = append(out, ref)
		}
	}
	return out
}

func (v *validator) relations(x *expertDecl, cd *claimDecl) {
	c := cd.c
	check := func(ts []text, verb string) []string {
		var out []string
		seen := map[string]bool{}
		for _, t := range ts {
			ref, ok := v.resolve(t, x)
			if !ok {
				continue
			}
			if ref == c.Ref {
				v.diags.errorf(t.at, "claim %q %s itself", c.ID, verb)
				continue
			}
			if seen[ref] {
				v.diags.warnf(t.at, "duplicate-reference", c.Ref, "claim %q lists %q twice", c.ID, t.s)
				continue
			}
			seen[ref] = true
			out = append(out, ref)
		}
		return out
	}
	c.Supports = check(cd.supports, "supports")
	c.Attacks = check(cd.attack, "attacks")
	for _, t := range cd.attack {
		if ref, ok := v.quietResolve(t.s, x); ok && slices.Contains(c.Supports, ref) {
			v.diags.errorf(t.at, "claim %q both supports and attacks %q", c.ID, t.s)
		}
	}
	if c.Quote != "" {
		if c.Implicit {
			v.diags.warnf(cd.quoteAt, "implicit-with-quote", c.Ref, "implicit claim %q has a quote: an implicit premise is one the expert never states", c.ID)
		}
		v.checkQuoteLength(c.Quote, cd.quoteAt, c.Ref)
	}
}

// quietResolve resolves a reference without reporting anything.
func (v *validator) quietResolve(s string, x *expertDecl) (string, bool) {
	expert, id, cross := strings.Cut(s, "/")
	if !cross {
		expert, id = x.e.ID, s
	}
	ids := v.claims[expert]
	if expert == x.e.ID {
		ids = x.ids
	}
	if _, ok := ids[id]; ok {
		return expert + "/" + id, true
	}
	return "", false
}

func (v *validator) stances(x *expertDecl) {
	first := map[string]*stanceDecl{}
	for _, sd := range x.stances {
		s := sd.s
		s.Expert = x.e.ID
		ok := true
		if s.Proposition != "" {
			if _, known := v.props[s.Proposition]; !known {
				ok = false
				hint := hintOr(v.propHints().hint(s.Proposition), v.propIDs)
				if !v.hasMan {
					hint = "no debate.toml was loaded: check the debate folder, not the expert file alone"
				}
				if !v.brokenManifest {
					v.diags.add(x.pos(sd.propAt), Error, hint, "stance on unknown proposition %q", s.Proposition)
				}
			}
		}
		if prev, dup := first[s.Proposition]; dup && s.Proposition != "" {
			v.diags.errorf(x.pos(sd.propAt), "second stance of %q on %q (the first is at %s)", x.e.ID, s.Proposition, x.pos(prev.propAt))
		} else {
			first[s.Proposition] = sd
		}
		if sd.position != "" {
			p, valid := ParsePosition(sd.position)
			if !valid {
				v.diags.add(x.pos(sd.positionAt), Error, hintOrList(sd.position, PositionNames()), "invalid position %q", sd.position)
			}
			s.Position = p
		}
		if sd.hasConfidence {
			if sd.confidence < 1 || sd.confidence > 10 {
				v.diags.errorf(x.pos(sd.confAt), "confidence %d is out of range: use 1 (a guess) to 10 (certain)", sd.confidence)
			} else {
				s.Confidence = int(sd.confidence)
			}
		}
		s.Evidence = v.resolveAll(sd.evidence, x)
		if s.Quote != "" {
			v.checkQuoteLength(s.Quote, x.pos(sd.quoteAt), x.e.ID+"/"+s.Proposition)
		}
		if ok {
			x.e.Stances = append(x.e.Stances, s)
		}
	}
}

func (v *validator) warnings(man *manifestDecl, xs []*expertDecl) {
	addressed := map[string]bool{}
	supported := map[string]bool{}
	for _, x := range xs {
		for _, s := range x.e.Stances {
			addressed[s.Proposition] = true
		}
		for _, c := range x.e.Claims {
			for _, ref := range c.Supports {
				supported[ref] = true
			}
		}
	}
	if man != nil {
		for _, pd := range man.props {
			if v.props[pd.p.ID] == pd && !addressed[pd.p.ID] {
				v.diags.warnf(pd.at, "unaddressed-proposition", pd.p.ID, "no expert takes a stance on proposition %q", pd.p.ID)
			}
		}
		if len(xs) == 0 && !v.brokenExperts {
			v.diags.warnf(whole(man.path), "no-experts", "", "the debate has no experts: add files under experts/")
		}
	}
	for _, x := range xs {
		if len(x.stances) == 0 {
			v.diags.warnf(x.at, "expert-without-stance", x.e.ID, "expert %q takes no stance on any proposition", x.e.ID)
		}
		for _, cd := range x.claims {
			if cd.c.Kind == Recommendation && !supported[cd.c.Ref] {
				v.diags.warnf(cd.at, "unsupported-recommendation", cd.c.Ref, "recommendation %q has no supporting claim", cd.c.ID)
			}
		}
	}
	v.cycles(xs)
}

// cycles warns once for every group of claims that support each other in a cycle.
func (v *validator) cycles(xs []*expertDecl) {
	g := map[string][]string{}
	at := map[string]Pos{}
	var nodes []string
	for _, x := range xs {
		for _, cd := range x.claims {
			g[cd.c.Ref] = cd.c.Supports
			at[cd.c.Ref] = cd.at
			nodes = append(nodes, cd.c.Ref)
		}
	}
	sort.Strings(nodes)
	for _, comp := range stronglyConnected(nodes, g) {
		if len(comp) < 2 {
			continue
		}
		start := comp[0]
		v.diags.warnf(at[start], "support-cycle", start, "%s", cycleMessage(cyclePath(start, comp, g)))
	}
}

// cycleHead and cycleTail are how many claims a long cycle's warning names at its start and
// before its return to the start; the claims between are an ellipsis.
const cycleHead, cycleTail = 3, 2

// cycleMessage describes a cycle given as its path from a claim back to that claim: every
// claim when there are few, otherwise the first and last few and the cycle's length, so that
// a cycle of 100,000 claims is one short line.
func cycleMessage(path []string) string {
	n := len(path) - 1
	if n <= cycleHead+cycleTail+1 {
		return "support cycle: " + strings.Join(path, " -> ")
	}
	shown := append(append(slices.Clip(path[:cycleHead]), "…"), path[n-cycleTail:]...)
	return fmt.Sprintf("support cycle of %d claims: %s", n, strings.Join(shown, " -> "))
}

// stronglyConnected returns the strongly connected components of g (Tarjan), each sorted.
func stronglyConnected(nodes []string, g map[string][]string) [][]string {
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	next := 0
	var visit func(n string)
	visit = func(n string) {
		index[n], low[n] = next, next
		next++
		stack = append(stack, n)
		onStack[n] = true
		for _, m := range g[n] {
			if _, seen := index[m]; !seen {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if onStack[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] == index[n] {
			var comp []string
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[m] = false
				comp = append(comp, m)
				if m == n {
					break
				}
			}
			sort.Strings(comp)
			out = append(out, comp)
		}
	}
	for _, n := range nodes {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// cyclePath returns a shortest cycle from start back to start inside comp.
func cyclePath(start string, comp []string, g map[string][]string) []string {
	in := map[string]bool{}
	for _, n := range comp {
		in[n] = true
	}
	parent := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range g[n] {
			if !in[m] {
				continue
			}
			if m == start {
				path := []string{start}
				for k := n; k != start; k = parent[k] {
					path = append(path, k)
				}
				// path is start, n, ..., reversed after the first element
				for i, j := 1, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return append(path, start)
			}
			if _, seen := parent[m]; !seen && m != start {
				parent[m] = n
				queue = append(queue, m)
			}
		}
	}
	return append(comp, start)
}

func qualify(expert string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = expert + "/" + id
	}
	return out
}

// sourceIDs checks the ids of [[sources]]: well formed and unique.
func (v *validator) sourceIDs(man *manifestDecl) {
	v.sources = map[string]bool{}
	for _, t := range man.sourceIDs {
		if !v.checkID("source", t.s, t.at) {
			continue
		}
		if v.sources[t.s] {
			v.diags.errorf(t.at, "duplicate source id %q", t.s)
		}
		v.sources[t.s] = true
	}
}

// sourceRefs checks that an expert's and its claims' source keys name a source of the
// debate's [[sources]].
func (v *validator) sourceRefs(d *Debate, x *expertDecl) {
	check := func(id string, at Pos) {
		switch {
		case id == "" || !v.hasMan:
		case len(d.Sources) == 0:
			v.diags.add(at, Error, "list the debate's sources in debate.toml as [[sources]] with ids", "source %q: the debate has no [[sources]] to name", id)
		case !v.sources[id]:
			ids := slices.Sorted(maps.Keys(v.sources))
			v.diags.add(at, Error, hintOrList(id, ids), "unknown source %q", id)
		}
	}
	check(x.e.Source, x.sourceAt)
	for _, cd := range x.claims {
		check(cd.c.Source, cd.sourceAt)
	}
}

// ValidID reports whether s is a well-formed id (docs/schema.md, "Identifiers").
func ValidID(s string) bool { return validID(s) }
