package graph

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/mattn/go-runewidth"
)

// The visual grammar, shared by every view. Shapes tell kinds of claims apart, so the map
// reads in greyscale; support and attack differ by colour, line weight and arrowhead; what
// the curator supplied or inferred is dashed.
const (
	fontName     = "Helvetica" // Graphviz sizes text with Helvetica metrics; bold only via <B>
	premiseAttrs = `shape=box, style="rounded,filled", fillcolor="#FFFFFF"`
	concAttrs    = `shape=box, style="filled", penwidth=2.2, fillcolor="#FFFFFF"`
	recAttrs     = `shape=hexagon, style="filled", penwidth=1.6, fillcolor="#FFFFFF"`
	propAttrs    = `shape=note, style="filled", fillcolor="#EEEEEE", penwidth=1.2`
	supportAttrs = `color="` + argmap.SupportColor + `", penwidth=1.3, arrowhead=normal`
	attackAttrs  = `color="` + argmap.AttackColor + `", style=bold, penwidth=2.4, arrowhead=tee, arrowsize=1.1`
	idColor      = "#555555"
)

// Bounds of the text in a map. A label longer than maxLabel display columns is cut with an
// ellipsis (the tooltip keeps more of it); a tooltip longer than maxTooltip characters too.
// Graphviz takes seconds and hundreds of MiB to lay out a label of megabytes.
const (
	maxLabel   = 280
	maxTooltip = 2000
)

// DOT returns the map as Graphviz DOT. The same map always gives the same bytes.
func (m *Map) DOT() []byte {
	var b strings.Builder
	d := m.debate
	b.WriteString("digraph argmap {\n")
	fmt.Fprintf(&b, "  graph [rankdir=%s, fontname=%q, fontsize=16, labelloc=t, newrank=true, nodesep=0.3, ranksep=0.45, pad=0.25, bgcolor=\"#FFFFFF\"", m.opt.RankDir, fontName)
	label := m.title()
	if !m.opt.NoLegend {
		label = `<TABLE BORDER="0" CELLSPACING="6" CELLPADDING="0"><TR><TD>` + label + `</TD></TR><TR><TD>` + m.legend() + `</TD></TR></TABLE>`
	}
	fmt.Fprintf(&b, ",\n    label=<%s>", label)
	if m.opt.Engine != "dot" {
		// Force-directed engines place nodes on top of each other unless told not to, and
		// draw edges straight through them.
		b.WriteString(", overlap=false, splines=true")
	} else if len(m.claims) > m.opt.BigMap {
		// Bound the network simplex that places nodes across ranks: on big maps it
		// dominates the layout, and an approximate placement is as readable.
		b.WriteString(", nslimit=0.05")
	}
	b.WriteString("]\n")
	fmt.Fprintf(&b, "  node [fontname=%q, fontsize=11, margin=\"0.14,0.07\"]\n", fontName)
	fmt.Fprintf(&b, "  edge [fontname=%q, fontsize=10]\n", fontName)

	for _, e := range m.experts {
		color := d.ExpertColor(e.ID)
		fmt.Fprintf(&b, "\n  subgraph %s {\n", dotlabel.Quote("cluster_"+e.ID))
		style := "rounded,filled"
		if m.repeatsColor(e.ID) {
			style = "rounded,dashed,filled" // a second channel where colours repeat
		}
		fmt.Fprintf(&b, "    graph [label=\"\", color=%q, penwidth=2, style=%q, fillcolor=%q, id=%s]\n",
			ink(color), style, dotlabel.Tint(color, 0.10), dotlabel.Quote("cluster:"+e.ID))
		who := d.ExpertLabel(e.ID)
		if e.Role != "" {
			who += ", " + e.Role
		}
		if e.Affiliation != "" {
			who += " (" + e.Affiliation + ")"
		}
		label := "<B>" + m.wrapHTML(d.ExpertLabel(e.ID), m.opt.Wrap+6) + "</B>"
		if e.Role != "" {
			label += `<BR/><FONT POINT-SIZE="9">` + m.wrapHTML(e.Role, m.opt.Wrap+6) + "</FONT>"
		}
		if m.compact() {
			label = m.compactHeader(e)
		}
		fmt.Fprintf(&b, "    %s [shape=box, style=\"rounded,filled\", penwidth=0, fillcolor=%q, label=<%s>, tooltip=%s, id=%s]\n",
			dotlabel.Quote("expert:"+e.ID), dotlabel.Tint(color, 0.45), label, tip(who), dotlabel.Quote("expert:"+e.ID))
		var tops []string
		for _, c := range e.Claims {
			if _, ok := m.claims[c.Ref]; !ok {
				continue
			}
			attrs := claimAttrs(c)
			if m.opt.Engine == "neato" {
				// neato draws no clusters: the claim itself shows whose it is.
				attrs += fmt.Sprintf(", color=%q, fillcolor=%q", ink(color), dotlabel.Tint(color, 0.10))
			}
			switch st := m.opt.Status[c.Ref]; {
			case defeated(st):
				attrs = outAttrs(attrs)
			case st == "unsupported":
				attrs += fadedAttrs
			}
			fmt.Fprintf(&b, "    %s [%s, label=%s, tooltip=%s, id=%s]\n", dotlabel.Quote(c.Ref), attrs, m.claimLabel(c), tip(tooltip(c)), dotlabel.Quote(c.Ref))
			if !m.supportsShownOwn(c) {
				tops = append(tops, c.Ref)
			}
		}
		// The expert's header sits past their conclusions, next to the propositions. A
		// compact map has no stance edges: the header needs no place there.
		for _, ref := range tops {
			if m.compact() || len(m.stances) == 0 {
				break
			}
			fmt.Fprintf(&b, "    %s -> %s [style=invis, weight=0]\n", dotlabel.Quote(ref), dotlabel.Quote("expert:"+e.ID))
		}
		b.WriteString("  }\n")
	}

	if len(m.stubs) > 0 {
		b.WriteString("\n")
	}
	for _, c := range m.stubList() {
		color := d.ExpertColor(c.Expert)
		label := "<B>" + dotlabel.HTML(d.ExpertLabel(c.Expert)) + "</B><BR/>" + m.wrapHTML(cut(oneLine(c.Text), 60), 26)
		fmt.Fprintf(&b, "  %s [shape=box, style=\"rounded,filled\", color=%q, fillcolor=%q, fontsize=8, margin=\"0.06,0.03\", label=<%s>, tooltip=%s, id=%s]\n",
			dotlabel.Quote(c.Ref), ink(color), dotlabel.Tint(color, 0.30), label, tip(d.ExpertLabel(c.Expert)+": "+tooltip(c)), dotlabel.Quote("stub:"+c.Ref))
	}

	if m.compact() {
		b.WriteString(m.propositionKey())
	} else if len(m.props) > 0 {
		b.WriteString("\n  subgraph propositions {\n")
		if m.opt.Engine == "dot" {
			b.WriteString("    graph [rank=max]\n")
		}
		for _, p := range m.props {
			label := "<B>" + m.wrapHTML(p.Text, m.opt.Wrap+4) + "</B>"
			if m.opt.IDs {
				label = idLine(p.ID) + label
			}
			if m.opt.View == Proposition && len(m.stances) == 0 {
				label += `<BR/><FONT POINT-SIZE="10"><I>no expert addresses this</I></FONT>`
			}
			fmt.Fprintf(&b, "    %s [%s, label=<%s>, tooltip=%s, id=%s]\n", dotlabel.Quote("prop:"+p.ID), propAttrs, label, tip(oneLine(p.Text)), dotlabel.Quote("prop:"+p.ID))
		}
		b.WriteString("  }\n")
	}

	if len(m.edges) > 0 || len(m.stances) > 0 {
		b.WriteString("\n")
	}
	for _, e := range m.edges {
		from, to := m.claim(e.from), m.claim(e.to)
		attrs, verb := supportAttrs, "supports"
		if e.kind == attack {
			attrs, verb = attackAttrs, "attacks"
		}
		if from.Expert != to.Expert && m.opt.View != Conflicts && !m.stubs[e.from] && !m.stubs[e.to] {
			// Keep each expert's reasoning tidy; collisions cross over. In the conflicts view
			// the collisions are the point: they pull attacker and target together; so do
			// the stubs of an expert's view.
			attrs += ", constraint=false"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s, tooltip=%s, id=%s]\n", dotlabel.Quote(e.from), dotlabel.Quote(e.to), attrs,
			dotlabel.Tooltip(e.from+" "+verb+" "+e.to), dotlabel.Quote(verb+":"+e.from+":"+e.to))
	}
	for _, s := range m.stances {
		if m.compact() {
			break
		}
		b.WriteString(m.stance(s))
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// Note returns what a reader of this map should be told that the picture cannot show by
// itself ("" when nothing): a conflicts view without a collision, a proposition nobody
// addresses.
func (m *Map) Note() string {
	switch {
	case m.opt.View == Conflicts && len(m.claims) == 0:
		return "no expert attacks another expert's claim in this debate: the conflicts map is empty"
	case m.opt.View == Proposition && len(m.stances) == 0:
		return "no expert addresses proposition " + strconv.Quote(m.opt.Proposition)
	}
	return ""
}

// repeatsColor reports whether the expert shares their colour with an earlier one.
func (m *Map) repeatsColor(id string) bool {
	for i, e := range m.debate.Experts {
		if e.ID == id {
			return i/len(argmap.Palette)%2 == 1
		}
	}
	return false
}

// compact reports whether the map is too big for stance edges: hundreds of edges converging
// on the propositions would make crossing minimisation dominate the layout (and the picture
// unreadable). A compact map lists each expert's stances in their header and the
// propositions in a key; the stance matrix shows them in full.
func (m *Map) compact() bool {
	return len(m.claims) > m.opt.BigMap && len(m.stances) > 0
}

// compactHeader is an expert's header listing their stances, for compact maps.
func (m *Map) compactHeader(e *argmap.Expert) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">`)
	fmt.Fprintf(&b, `<TR><TD COLSPAN="2"><B>%s</B></TD></TR>`, dotlabel.HTML(m.debate.ExpertLabel(e.ID)))
	for _, s := range m.stances {
		if s.Expert != e.ID {
			continue
		}
		mark := ""
		if s.Inferred {
			mark = "*"
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">%s</FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>%s</B>%s</FONT></TD></TR>`,
			dotlabel.HTML(s.Proposition), dotlabel.HTML(s.Position.Symbol()), mark)
	}
	b.WriteString("</TABLE>")
	return b.String()
}

func (m *Map) propositionKey() string {
	var b strings.Builder
	b.WriteString("\n  \"propositions\" [shape=plaintext, fontsize=10, id=\"propositions\", label=<<TABLE BORDER=\"1\" COLOR=\"#888888\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">")
	b.WriteString(`<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Propositions</B> (stances: * inferred)</TD></TR>`)
	for _, p := range m.props {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" VALIGN="TOP">%s</TD><TD ALIGN="LEFT">%s</TD></TR>`, dotlabel.HTML(p.ID), m.wrapHTML(p.Text, 60))
	}
	b.WriteString("</TABLE>>]\n")
	return b.String()
}

// claimAttrs draws a claim by its kind; what the curator supplied (implicit) is dashed,
// whatever its kind.
func claimAttrs(c *argmap.Claim) string {
	attrs := premiseAttrs
	switch c.Kind {
	case argmap.Recommendation:
		attrs = recAttrs
	case argmap.Conclusion:
		attrs = concAttrs
	}
	if c.Implicit {
		attrs = dashed(attrs)
	}
	return attrs
}

// dashed adds the dashed style to node attributes that set a style.
func dashed(attrs string) string {
	return strings.Replace(attrs, `style="`, `style="dashed,`, 1)
}

// claimLabel is a claim's label attribute value: plain text, lines separated by \n, unless
// the id goes above it in its own small grey font or the text is struck out (a defeated
// claim). Graphviz lays out a plain label faster than an HTML-like one: a quarter less time
// for a map of a thousand claims. An evaluation's label shows as a mark before the text ("?"
// undecided, "⊘" unsupported) or as struck text (defeated); a claim that stands is plain.
func (m *Map) claimLabel(c *argmap.Claim) string {
	status := m.opt.Status[c.Ref]
	mark := statusMark[status]
	lines := wrap(cut(oneLine(c.Text), maxLabel), m.opt.Wrap)
	if struck := defeated(status); m.opt.IDs || struck {
		for i, l := range lines {
			lines[i] = dotlabel.HTML(l)
			if struck {
				lines[i] = "<S>" + lines[i] + "</S>"
			}
		}
		id := ""
		if m.opt.IDs {
			id = idLine(c.Ref)
		}
		return "<" + id + dotlabel.HTML(mark) + strings.Join(lines, "<BR/>") + ">"
	}
	lines[0] = mark + lines[0]
	for i, l := range lines {
		q := dotlabel.Quote(l)
		lines[i] = q[1 : len(q)-1]
	}
	return `"` + strings.Join(lines, `\n`) + `"`
}

// defeated reports whether an evaluation's label says a claim is knocked down by an attack.
func defeated(status string) bool { return status == "out" || status == "defeated" }

// outAttrs greys a defeated claim: a grey fill in place of its own, grey text.
func outAttrs(attrs string) string {
	if i := strings.Index(attrs, `fillcolor="`); i >= 0 {
		j := strings.IndexByte(attrs[i+len(`fillcolor="`):], '"')
		attrs = attrs[:i] + attrs[i+len(`fillcolor="`)+j+1:]
		attrs = strings.TrimSuffix(strings.ReplaceAll(attrs, ", ,", ","), ", ")
	}
	return attrs + `, fillcolor="#D9D9D9", fontcolor="#555555"`
}

// Faded: the text and outline of an unsupported claim.
const fadedAttrs = `, fontcolor="#8C8C8C", color="#A6A6A6"`

// statusMark is the mark of an evaluation's label before a claim's text: none for a claim
// that stands, nor for a defeated one (struck out and grey instead).
var statusMark = map[string]string{"undecided": "? ", "unsupported": "\u2298 "}

func idLine(id string) string {
	return `<FONT POINT-SIZE="8" COLOR="` + idColor + `">` + dotlabel.HTML(id) + "</FONT><BR/>"
}

// supportsShownOwn reports whether c supports another shown claim of its own expert.
func (m *Map) supportsShownOwn(c *argmap.Claim) bool {
	for _, ref := range c.Supports {
		if t, ok := m.claims[ref]; ok && t.Expert == c.Expert {
			return true
		}
	}
	return false
}

// stance draws one stance as its sign in a small box in the expert's colour, on its own line
// from the expert to the proposition. The box sits next to the proposition (a stance node
// ranks just before it): where one expert's lines run together, or many converge on one
// proposition, each sign still belongs to one line (weight keeps the box near the proposition
// in dot, len in neato and fdp). An edge label would be placed along the
// bundle, far from its own line.
func (m *Map) stance(s *argmap.Stance) string {
	color := m.debate.ExpertColor(s.Expert)
	style := "solid"
	how := ""
	if s.Inferred {
		style, how = "dashed", " (inferred)"
	}
	text := fmt.Sprintf("%s: %s%s", m.debate.ExpertLabel(s.Expert), strings.ReplaceAll(s.Position.String(), "-", " "), how)
	if s.Confidence > 0 {
		text += fmt.Sprintf(", confidence %d/10", s.Confidence)
	}
	if s.Quote != "" {
		text += ": \u201c" + s.Quote + "\u201d"
	}
	tooltip := tip(oneLine(text))
	width := strconv.FormatFloat(1.4+0.6*float64(abs(int(s.Position))), 'f', 1, 64)
	id := "stance:" + s.Expert + ":" + s.Proposition
	sign := "<B>" + dotlabel.HTML(s.Position.Symbol()) + "</B>"
	if b := m.debate.ExpertBadge(s.Expert); b != "" {
		sign = `<FONT POINT-SIZE="8">` + dotlabel.HTML(b) + "</FONT> " + sign // colours repeat: the badge tells whose
	}
	line := fmt.Sprintf("color=%q, style=%s, penwidth=%s, tooltip=%s", ink(color), style, width, tooltip)
	return fmt.Sprintf("  %s [shape=box, style=\"rounded,filled,%s\", color=%q, fillcolor=%q, penwidth=1.5, fontsize=10, width=0, height=0, margin=\"0.05,0.02\", label=<%s>, tooltip=%s, id=%s]\n",
		dotlabel.Quote(id), style, ink(color), dotlabel.Tint(color, 0.12), sign, tooltip, dotlabel.Quote(id)) +
		fmt.Sprintf("  %s -> %s [%s, arrowhead=none, id=%s]\n", dotlabel.Quote("expert:"+s.Expert), dotlabel.Quote(id), line, dotlabel.Quote(id+":from")) +
		fmt.Sprintf("  %s -> %s [%s, arrowhead=dot, arrowsize=0.7, weight=4, len=0.5, id=%s]\n", dotlabel.Quote(id), dotlabel.Quote("prop:"+s.Proposition), line, dotlabel.Quote(id+":to"))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func (m *Map) title() string {
	t := "<B>" + dotlabel.HTML(oneLine(m.debate.Title)) + "</B>"
	sub := ""
	switch m.opt.View {
	case Expert:
		e, _ := m.debate.Expert(m.opt.Expert)
		sub = "The reasoning of " + m.debate.ExpertLabel(e.ID)
	case Proposition:
		p, _ := m.debate.Proposition(m.opt.Proposition)
		sub = "For and against: " + p.Text
	case Conflicts:
		sub = "Where the experts collide"
	}
	if note := m.Note(); note != "" {
		sub += " (" + note + ")"
	}
	if sub != "" {
		t += `<BR/><FONT POINT-SIZE="12">` + m.wrapHTML(sub, 90) + "</FONT>"
	}
	return t
}

func tooltip(c *argmap.Claim) string {
	if c.Quote != "" {
		return oneLine("\u201c" + c.Quote + "\u201d")
	}
	return oneLine(c.Text)
}

// wrapHTML wraps text on word boundaries to lines of at most width display columns, breaking
// longer words, and escapes it for an HTML-like label.
func (m *Map) wrapHTML(text string, width int) string {
	lines := wrap(cut(oneLine(text), maxLabel), width)
	for i, l := range lines {
		lines[i] = dotlabel.HTML(l)
	}
	return strings.Join(lines, "<BR/>")
}

func wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		if line.Len() > 0 {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
	}
	for _, word := range strings.Fields(text) {
		w := runewidth.StringWidth(word)
		for w > width { // a word longer than a line: break it
			flush()
			head := runewidth.Truncate(word, width, "")
			if head == "" {
				break
			}
			lines = append(lines, head)
			word = word[len(head):]
			w = runewidth.StringWidth(word)
		}
		if lineW > 0 && lineW+1+w > width {
			flush()
		}
		if lineW > 0 {
			line.WriteByte(' ')
			lineW++
		}
		line.WriteString(word)
		lineW += w
	}
	flush()
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cut shortens s to at most width display columns (and the ellipsis), ending it with an
// ellipsis if it was longer.
func cut(s string, width int) string {
	if len(s) <= width || runewidth.StringWidth(s) <= width {
		return s
	}
	t := runewidth.Truncate(s, width, "")
	if i := strings.LastIndexByte(t, ' '); i > len(t)*2/3 {
		t = t[:i] // end on a whole word where one ends near the limit
	}
	return t + "\u2026"
}

// tip writes s as a tooltip, at most maxTooltip characters.
func tip(s string) string {
	if utf8.RuneCountInString(s) > maxTooltip {
		s = string([]rune(s)[:maxTooltip-1]) + "\u2026"
	}
	return dotlabel.Tooltip(s)
}

// ink returns a colour dark enough for lines and borders on white: light colours (the
// palette's yellow and sky blue) are darkened, the others kept.
func ink(hex string) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return hex
	}
	r, g, b := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.2126*r+0.7152*g+0.0722*b < 140 {
		return hex
	}
	const keep = 0.62
	return fmt.Sprintf("#%02X%02X%02X", int(r*keep+0.5), int(g*keep+0.5), int(b*keep+0.5))
}

// grammar is what of the visual grammar a map uses: its legend explains that and no more.
type grammar struct {
	kinds             []argmap.Kind
	implicit, stubs   bool
	support, attack   bool
	stances, inferred bool
	positions         []argmap.Position // strongest agreement first
}

func (m *Map) grammar() grammar {
	var g grammar
	kinds := map[argmap.Kind]bool{}
	for _, c := range m.claims {
		kinds[c.Kind] = true
		g.implicit = g.implicit || c.Implicit
	}
	for _, k := range []argmap.Kind{argmap.Premise, argmap.Conclusion, argmap.Recommendation} {
		if kinds[k] {
			g.kinds = append(g.kinds, k)
		}
	}
	g.stubs = len(m.stubs) > 0
	for _, e := range m.edges {
		g.support = g.support || e.kind == support
		g.attack = g.attack || e.kind == attack
	}
	used := map[argmap.Position]bool{}
	for _, s := range m.stances {
		used[s.Position] = true
		g.inferred = g.inferred || s.Inferred
	}
	g.stances = len(m.stances) > 0
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		if used[p] {
			g.positions = append(g.positions, p)
		}
	}
	return g
}

// legend explains, inside the figure, the part of the visual grammar the map uses, and only
// that: a small view gets a small legend. It is a one-row table of samples under the title,
// in the graph's label: outside the layout, it costs it nothing, keeps together under every
// engine and always sits at the top.
func (m *Map) legend() string {
	g := m.grammar()
	var rows []string
	cell := func(attrs, text string) {
		rows = append(rows, `<TD `+attrs+` CELLPADDING="3"><FONT POINT-SIZE="8">`+text+`</FONT></TD>`)
	}
	// A sample box is a table of its own in its cell, so that it keeps its size rather than
	// stretching to the height of the row.
	box := func(attrs, text string) {
		rows = append(rows, `<TD><TABLE `+attrs+` CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"><TR><TD><FONT POINT-SIZE="8">`+text+`</FONT></TD></TR></TABLE></TD>`)
	}
	for _, k := range g.kinds {
		switch k {
		case argmap.Premise:
			box(`BORDER="1" COLOR="#000000" STYLE="rounded"`, "premise")
		case argmap.Conclusion:
			box(`BORDER="2" COLOR="#000000"`, "conclusion")
		case argmap.Recommendation:
			cell(`BORDER="0"`, "&lt; recommendation &gt; (hexagon)")
		}
	}
	if g.implicit {
		// Not a dashed cell: Graphviz's JSON writer garbles the style of dashed table cells.
		cell(`BORDER="0"`, "dashed outline: implicit (any kind)")
	}
	if g.stubs {
		box(`BORDER="1" COLOR="#666666" STYLE="rounded" BGCOLOR="#DDDDDD"`, "another expert&#39;s claim")
	}
	if g.support {
		cell(`BORDER="0" ALIGN="LEFT"`, `<FONT COLOR="`+argmap.SupportColor+`"><B>&#8212;&#8212;&#8594;</B></FONT> supports`)
	}
	if g.attack {
		cell(`BORDER="0" ALIGN="LEFT"`, `<FONT COLOR="`+argmap.AttackColor+`"><B>&#8212;&#8212;|</B></FONT> attacks`)
	}
	if g.stances && !m.compact() {
		// A sample of the line: expert, the boxed sign, the proposition's dot.
		what := "the boxed sign is the stance"
		if g.inferred {
			what += "<BR/>(dashed: inferred)"
		}
		rows = append(rows, `<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>`+
			`<TD><FONT POINT-SIZE="8">expert &#8212;</FONT></TD>`+
			`<TD><TABLE BORDER="1" COLOR="#000000" STYLE="rounded" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD><FONT POINT-SIZE="8"><B>+</B></FONT></TD></TR></TABLE></TD>`+
			`<TD><FONT POINT-SIZE="8">&#8212;&#8226; proposition</FONT></TD></TR>`+
			`<TR><TD COLSPAN="3"><FONT POINT-SIZE="8">`+what+`</FONT></TD></TR></TABLE></TD>`)
	}
	if len(m.opt.Status) > 0 {
		cell(`BORDER="0" ALIGN="LEFT"`, "evaluation: plain stands, <S>struck</S> grey defeated, &#8856; faded unsupported (every reason fell), ? undecided")
	}
	var scale []string
	for _, p := range g.positions {
		scale = append(scale, fmt.Sprintf("<B>%s</B> %s", dotlabel.HTML(p.Symbol()), strings.ReplaceAll(p.String(), "-", " ")))
	}
	if len(scale) > 0 {
		cell(`BORDER="0" ALIGN="LEFT" BALIGN="LEFT"`, strings.Join(scale, "<BR/>"))
	}
	var b strings.Builder
	b.WriteString(`<TABLE ID="legend" BORDER="1" COLOR="#888888" STYLE="rounded" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD><FONT POINT-SIZE="8"><B>Legend</B></FONT></TD>`)
	for _, r := range rows {
		b.WriteString(r)
	}
	b.WriteString("</TR></TABLE>")
	return b.String()
}
