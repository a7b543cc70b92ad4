package graph

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/mattn/go-runewidth"
)

// The visual grammar, shared by every view. Shapes tell kinds of claims apart, so the map
// reads in greyscale; support and attack differ by colour, line weight and arrowhead; what
// the curator supplied or inferred is dashed.
const (
	fontName      = "Helvetica" // Graphviz sizes text with Helvetica metrics; bold only via <B>
	premiseAttrs  = `shape=box, style="rounded,filled", fillcolor="#FFFFFF"`
	implicitAttrs = `shape=box, style="rounded,dashed,filled", fillcolor="#FFFFFF"`
	concAttrs     = `shape=box, style="filled", penwidth=2.2, fillcolor="#FFFFFF"`
	recAttrs      = `shape=hexagon, style="filled", penwidth=1.6, fillcolor="#FFFFFF"`
	propAttrs     = `shape=note, style="filled", fillcolor="#EEEEEE", penwidth=1.2`
	supportAttrs  = `color="` + argmap.SupportColor + `", penwidth=1.3, arrowhead=normal`
	attackAttrs   = `color="` + argmap.AttackColor + `", style=bold, penwidth=2.4, arrowhead=tee, arrowsize=1.1`
	idColor       = "#555555"
)

// DOT returns the map as Graphviz DOT. The same map always gives the same bytes.
func (m *Map) DOT() []byte {
	var b strings.Builder
	d := m.debate
	b.WriteString("digraph argmap {\n")
	fmt.Fprintf(&b, "  graph [rankdir=%s, fontname=%q, fontsize=16, labelloc=t, newrank=true, nodesep=0.3, ranksep=0.45, pad=0.25, bgcolor=\"#FFFFFF\"", m.opt.RankDir, fontName)
	fmt.Fprintf(&b, ",\n    label=<%s>", m.title())
	if len(m.claims) > m.opt.BigMap {
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
		fmt.Fprintf(&b, "    graph [label=\"\", color=%q, penwidth=2, style=\"rounded,filled\", fillcolor=%q, id=%s]\n",
			ink(color), dotlabel.Tint(color, 0.10), dotlabel.Quote("cluster:"+e.ID))
		who := e.Name
		if e.Role != "" {
			who += ", " + e.Role
		}
		if e.Affiliation != "" {
			who += " (" + e.Affiliation + ")"
		}
		label := "<B>" + dotlabel.HTML(e.Name) + "</B>"
		if e.Role != "" {
			label += `<BR/><FONT POINT-SIZE="9">` + m.wrapHTML(e.Role, m.opt.Wrap+6) + "</FONT>"
		}
		if m.compact() {
			label = m.compactHeader(e)
		}
		fmt.Fprintf(&b, "    %s [shape=box, style=\"rounded,filled\", penwidth=0, fillcolor=%q, label=<%s>, tooltip=%s, id=%s]\n",
			dotlabel.Quote("expert:"+e.ID), dotlabel.Tint(color, 0.45), label, dotlabel.Tooltip(who), dotlabel.Quote("expert:"+e.ID))
		var tops []string
		for _, c := range e.Claims {
			if _, ok := m.claims[c.Ref]; !ok {
				continue
			}
			fmt.Fprintf(&b, "    %s [%s, label=<%s>, tooltip=%s, id=%s]\n", dotlabel.Quote(c.Ref), claimAttrs(c), m.claimLabel(c), dotlabel.Tooltip(tooltip(c)), dotlabel.Quote(c.Ref))
			if !m.supportsShownOwn(c) {
				tops = append(tops, c.Ref)
			}
		}
		// The expert's header sits past their conclusions, next to the propositions. A
		// compact map has no stance edges: the header needs no place there.
		for _, ref := range tops {
			if m.compact() {
				break
			}
			fmt.Fprintf(&b, "    %s -> %s [style=invis, weight=0]\n", dotlabel.Quote(ref), dotlabel.Quote("expert:"+e.ID))
		}
		b.WriteString("  }\n")
	}

	if m.compact() {
		b.WriteString(m.propositionKey())
	} else if len(m.props) > 0 {
		b.WriteString("\n  subgraph propositions {\n    graph [rank=max]\n")
		for _, p := range m.props {
			label := "<B>" + m.wrapHTML(p.Text, m.opt.Wrap+4) + "</B>"
			if m.opt.IDs {
				label = idLine(p.ID) + label
			}
			fmt.Fprintf(&b, "    %s [%s, label=<%s>, tooltip=%s, id=%s]\n", dotlabel.Quote("prop:"+p.ID), propAttrs, label, dotlabel.Tooltip(oneLine(p.Text)), dotlabel.Quote("prop:"+p.ID))
		}
		b.WriteString("  }\n")
	}

	if len(m.edges) > 0 || len(m.stances) > 0 {
		b.WriteString("\n")
	}
	for _, e := range m.edges {
		from, _ := d.Claim(e.from)
		to, _ := d.Claim(e.to)
		attrs, verb := supportAttrs, "supports"
		if e.kind == attack {
			attrs, verb = attackAttrs, "attacks"
		}
		if from.Expert != to.Expert && m.opt.View != Conflicts {
			// Keep each expert's reasoning tidy; collisions cross over. In the conflicts view
			// the collisions are the point: they pull attacker and target together.
			attrs += ", constraint=false"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s, tooltip=%s, id=%s]\n", dotlabel.Quote(e.from), dotlabel.Quote(e.to), attrs,
			dotlabel.Tooltip(e.from+" "+verb+" "+e.to), dotlabel.Quote(verb+":"+e.from+":"+e.to))
	}
	for _, s := range m.stances {
		if m.compact() {
			break
		}
		fmt.Fprintf(&b, "  %s -> %s [%s]\n", dotlabel.Quote("expert:"+s.Expert), dotlabel.Quote("prop:"+s.Proposition), m.stanceAttrs(s))
	}
	if !m.opt.NoLegend {
		b.WriteString(legendHead)
		if len(m.stances) > 0 && !m.compact() {
			b.WriteString(legendStances)
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return []byte(b.String())
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
	fmt.Fprintf(&b, `<TR><TD COLSPAN="2"><B>%s</B></TD></TR>`, dotlabel.HTML(e.Name))
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

func claimAttrs(c *argmap.Claim) string {
	switch {
	case c.Kind == argmap.Recommendation:
		return recAttrs
	case c.Kind == argmap.Conclusion:
		return concAttrs
	case c.Implicit:
		return implicitAttrs
	}
	return premiseAttrs
}

func (m *Map) claimLabel(c *argmap.Claim) string {
	label := m.wrapHTML(c.Text, m.opt.Wrap)
	if m.opt.IDs {
		label = idLine(c.Ref) + label
	}
	return label
}

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

func (m *Map) stanceAttrs(s *argmap.Stance) string {
	e, _ := m.debate.Expert(s.Expert)
	color := ink(m.debate.ExpertColor(s.Expert))
	style := "solid"
	how := ""
	if s.Inferred {
		style, how = "dashed", " (inferred)"
	}
	text := fmt.Sprintf("%s: %s%s", e.Name, strings.ReplaceAll(s.Position.String(), "-", " "), how)
	if s.Confidence > 0 {
		text += fmt.Sprintf(", confidence %d/10", s.Confidence)
	}
	if s.Quote != "" {
		text += ": \u201c" + s.Quote + "\u201d"
	}
	width := 1.4 + 0.6*float64(abs(int(s.Position)))
	return fmt.Sprintf("color=%q, fontcolor=\"#222222\", style=%s, penwidth=%s, arrowhead=dot, arrowsize=0.7, label=<<B> %s </B>>, tooltip=%s, id=%s",
		color, style, strconv.FormatFloat(width, 'f', 1, 64), dotlabel.HTML(s.Position.Symbol()), dotlabel.Tooltip(oneLine(text)),
		dotlabel.Quote("stance:"+s.Expert+":"+s.Proposition))
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
		sub = "The reasoning of " + e.Name
	case Proposition:
		p, _ := m.debate.Proposition(m.opt.Proposition)
		sub = "For and against: " + p.Text
	case Conflicts:
		sub = "Where the experts collide"
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

// legendHead explains the grammar of claims inside the figure; legendStances adds stances.
const legendHead = `
  subgraph cluster_legend {
    graph [label=<<B>Legend</B>>, fontsize=11, color="#888888", penwidth=1, style="rounded", id="legend"]
    node [fontsize=9, margin="0.08,0.04"]
    edge [fontsize=9]
    "legend:premise" [` + premiseAttrs + `, label="premise"]
    "legend:conclusion" [` + concAttrs + `, label="conclusion"]
    "legend:implicit" [` + implicitAttrs + `, label="implicit premise"]
    "legend:recommendation" [` + recAttrs + `, label="recommendation"]
    "legend:premise" -> "legend:conclusion" [` + supportAttrs + `, label=" supports"]
    "legend:implicit" -> "legend:recommendation" [` + attackAttrs + `, label=" attacks"]
`

const legendStances = `    "legend:expert" [shape=box, style="rounded,filled", penwidth=0, fillcolor="#DDDDDD", label=<<B>expert</B>>]
    "legend:proposition" [` + propAttrs + `, label=<<B>proposition</B>>]
    "legend:expert" -> "legend:proposition" [color="#555555", style=dashed, arrowhead=dot, arrowsize=0.7, label=< <B>+</B> stance<BR/> dashed: inferred>]
    "legend:scale" [shape=plaintext, fontsize=9, label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">
      <TR><TD ALIGN="LEFT"><B>++</B></TD><TD ALIGN="LEFT">strongly agree</TD></TR>
      <TR><TD ALIGN="LEFT"><B>+</B></TD><TD ALIGN="LEFT">agree</TD></TR>
      <TR><TD ALIGN="LEFT"><B>~</B></TD><TD ALIGN="LEFT">mixed</TD></TR>
      <TR><TD ALIGN="LEFT"><B>-</B></TD><TD ALIGN="LEFT">disagree</TD></TR>
      <TR><TD ALIGN="LEFT"><B>--</B></TD><TD ALIGN="LEFT">strongly disagree</TD></TR>
    </TABLE>>]
`

// wrapHTML wraps text on word boundaries to lines of at most width display columns, breaking
// longer words, and escapes it for an HTML-like label.
func (m *Map) wrapHTML(text string, width int) string {
	lines := wrap(oneLine(text), width)
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
