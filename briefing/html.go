package briefing

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/matrix"
	"github.com/argmap-dev/argmap/render"
	"github.com/argmap-dev/argmap/stances"
)

var (
	//go:embed assets/brief.html.tmpl
	pageTemplate string
	//go:embed assets/brief.js
	script string
	//go:embed assets/brief.css
	styles string

	page = template.Must(template.New("brief").Parse(pageTemplate))
)

// The page's policy: nothing may load from anywhere; the one inline script and the one
// style element run because their hashes are listed; no eval, no inline event handlers, no
// plugins, no forms, no base URL.
func csp(script, style string) string {
	return "default-src 'none'; script-src " + hash(script) + "; style-src " + hash(style) +
		"; img-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// HTML writes the briefing as one self-contained HTML page. It draws the maps (whole debate,
// collisions, each expert's) with Graphviz. The same debate always gives the same bytes.
func (b *Briefing) HTML(ctx context.Context) ([]byte, error) {
	svgs, err := b.draw(ctx, render.SVG)
	if err != nil {
		return nil, err
	}
	payload, err := b.Payload()
	if err != nil {
		return nil, err
	}
	css := styles + b.colorRules()
	v := b.view(svgs)
	v.CSP, v.CSS, v.Script, v.Payload = csp(script, css), template.CSS(css), template.JS(script), template.JS(payload)
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("cannot write the page: %w", err)
	}
	return buf.Bytes(), nil
}

// colorRules are the CSS of the expert palette and the position scale, from the colours
// every other output uses.
func (b *Briefing) colorRules() string {
	var s strings.Builder
	for i, c := range argmap.Palette {
		fmt.Fprintf(&s, ".x%d{background:%s}\n", i, c)
	}
	for p := argmap.StronglyDisagree; p <= argmap.StronglyAgree; p++ {
		ink := "#000"
		if p == argmap.StronglyAgree || p == argmap.StronglyDisagree {
			ink = "#fff"
		}
		fmt.Fprintf(&s, ".cell.p%d{background:%s;color:%s}\n", int(p)+2, matrix.PositionColor(p), ink)
	}
	return s.String()
}

type view struct {
	CSP          string
	CSS          template.CSS
	Script       template.JS
	Payload      template.JS
	D            *Data
	ExpertCount  int
	Cols         []Proposition
	Rows         []rowView
	Legend       []legendView
	Cruxes       []cruxView
	Consensus    []consensusView
	Pairs        []pairView
	Maps         []mapView
	HasConflicts bool
	Collisions   int // claims involved in collisions, when too many to map
	Props        []propView
	Experts      []expertView
}

type rowView struct {
	Expert Expert
	Color  string
	Cells  []cellView
}

type cellView struct{ Expert, Proposition, Symbol, Class, Title string }

type legendView struct{ Symbol, Text, Class string }

type cruxView struct {
	Prop         Proposition
	Divisiveness float64
	Addressed    int
	Sides        []sideView
}

type sideView struct {
	Name   string
	Voices []voiceView
}

type consensusView struct {
	Prop      Proposition
	Side      string
	Addressed int
}

type pairView struct {
	A, B                             string
	Shared                           int
	Agreement, Distance, Kappa, Note string
}

type mapView struct {
	ID, Caption string
	SVG         template.HTML
	Small       bool
}

type voiceView struct {
	Expert, Name, Class, Symbol, Label, Quote, Note string
	Cite                                            *Source // the quote's source
	Confidence                                      int
	Inferred                                        bool
	Evidence                                        []Claim
}

type propView struct {
	Prop                Proposition
	For, Mixed, Against []voiceView
	Silent              []string
}

type expertView struct {
	Expert          Expert
	Color           string
	Recommendations []Claim
	Claims          []Claim
	Map             *mapView
}

// view arranges the data for the page template.
func (b *Briefing) view(svgs map[string][]byte) *view {
	d, data := b.debate, b.data
	v := &view{D: data, ExpertCount: len(data.Experts), Cols: data.Propositions, HasConflicts: b.hasConflicts()}
	if n := b.conflictClaims(); n > b.opt.MapLimit {
		v.Collisions = n
	}
	props := map[string]Proposition{}
	for _, p := range data.Propositions {
		props[p.ID] = p
	}
	claims := map[string]Claim{}
	for _, c := range data.Claims {
		if c.Quote != "" {
			c.Cite = data.cite(c.Source)
		}
		claims[c.Ref] = c
	}
	names := map[string]string{}
	for _, e := range data.Experts {
		names[e.ID] = e.Name
	}
	voice := func(s *argmap.Stance) voiceView {
		x := voiceView{Expert: s.Expert, Name: names[s.Expert], Class: posClass(s.Position), Symbol: s.Position.Symbol(), Label: words(s.Position),
			Quote: s.Quote, Note: s.Note, Confidence: s.Confidence, Inferred: s.Inferred}
		if s.Quote != "" {
			e, _ := d.Expert(s.Expert)
			x.Cite = data.cite(d.SourceOf(e, nil))
		}
		for _, ref := range s.Evidence {
			x.Evidence = append(x.Evidence, claims[ref])
		}
		return x
	}
	for _, e := range data.Experts {
		row := rowView{Expert: e, Color: b.colorClass(e.ID)}
		for _, p := range data.Propositions {
			c := cellView{Expert: e.ID, Proposition: p.ID, Symbol: "·", Class: "na", Title: e.Name + " does not address " + p.Key}
			if s := b.matrix.Stance(e.ID, p.ID); s != nil {
				c.Symbol, c.Class = s.Position.Symbol(), posClass(s.Position)
				c.Title = e.Name + ": " + words(s.Position) + " (" + p.Key + ")"
				if s.Inferred {
					c.Symbol += "*"
					c.Title += ", inferred"
				}
			}
			row.Cells = append(row.Cells, c)
		}
		v.Rows = append(v.Rows, row)
	}
	for p := argmap.StronglyAgree; p >= argmap.StronglyDisagree; p-- {
		v.Legend = append(v.Legend, legendView{p.Symbol(), words(p), posClass(p)})
	}
	v.Legend = append(v.Legend, legendView{"*", "inferred: implied, not stated", "inferred"}, legendView{"·", "not addressed (never counted as disagreement)", "na"})

	for _, c := range b.matrix.Cruxes() {
		cv := cruxView{Prop: props[c.Proposition.ID], Divisiveness: round(c.Divisiveness), Addressed: c.Addressed}
		for _, side := range []struct {
			name   string
			voices []stances.Voice
		}{{"Agree", c.Agree}, {"Mixed", c.Mixed}, {"Disagree", c.Disagree}} {
			if len(side.voices) == 0 {
				continue
			}
			sv := sideView{Name: side.name}
			for _, x := range side.voices {
				sv.Voices = append(sv.Voices, voice(x.Stance))
			}
			cv.Sides = append(cv.Sides, sv)
		}
		v.Cruxes = append(v.Cruxes, cv)
	}
	for _, c := range data.Consensus {
		v.Consensus = append(v.Consensus, consensusView{Prop: props[c.Proposition], Side: c.Side, Addressed: c.Addressed})
	}
	for _, p := range b.matrix.Pairs() {
		pv := pairView{A: p.A.Name, B: p.B.Name, Shared: p.Shared, Agreement: p.Agreement.Percent(), Distance: p.Distance.Format(2), Kappa: p.Kappa.Format(2), Note: p.Note}
		v.Pairs = append(v.Pairs, pv)
	}

	mapOf := func(id, caption string, small bool) *mapView {
		svg, ok := svgs[id]
		if !ok {
			return nil
		}
		return &mapView{ID: id, Caption: caption, SVG: inlineSVG(svg), Small: small}
	}
	for _, s := range b.maps() {
		if mv := mapOf(s.id, s.caption, false); mv != nil && !strings.HasPrefix(s.id, "expert:") {
			v.Maps = append(v.Maps, *mv)
		}
	}

	for _, p := range data.Propositions {
		pv := propView{Prop: p}
		for _, e := range b.matrix.Experts() {
			s := b.matrix.Stance(e.ID, p.ID)
			switch {
			case s == nil:
				pv.Silent = append(pv.Silent, e.Name)
			case s.Position > 0:
				pv.For = append(pv.For, voice(s))
			case s.Position < 0:
				pv.Against = append(pv.Against, voice(s))
			default:
				pv.Mixed = append(pv.Mixed, voice(s))
			}
		}
		v.Props = append(v.Props, pv)
	}
	for _, e := range data.Experts {
		ev := expertView{Expert: e, Color: b.colorClass(e.ID), Map: mapOf("expert:"+e.ID, "The reasoning of "+e.Name, true)}
		x, _ := d.Expert(e.ID)
		for _, c := range x.Claims {
			if c.Kind == argmap.Recommendation {
				ev.Recommendations = append(ev.Recommendations, claims[c.Ref])
			}
			ev.Claims = append(ev.Claims, claims[c.Ref])
		}
		v.Experts = append(v.Experts, ev)
	}
	return v
}

func posClass(p argmap.Position) string { return fmt.Sprintf("p%d", int(min(max(p, -2), 2))+2) }

// colorClass is the CSS class of an expert's colour: their index in the palette.
func (b *Briefing) colorClass(id string) string {
	c := b.debate.ExpertColor(id)
	for i, p := range argmap.Palette {
		if p == c {
			return fmt.Sprintf("x%d", i)
		}
	}
	return "x5"
}

// inlineSVG returns Graphviz's SVG document without its XML declaration, doctype and
// comments, ready to sit inside HTML. Graphviz escapes every text and attribute it writes.
func inlineSVG(svg []byte) template.HTML {
	if i := bytes.Index(svg, []byte("<svg")); i >= 0 {
		svg = svg[i:]
	}
	var out bytes.Buffer
	for {
		i := bytes.Index(svg, []byte("<!--"))
		if i < 0 {
			break
		}
		j := bytes.Index(svg[i:], []byte("-->"))
		if j < 0 {
			break
		}
		out.Write(svg[:i])
		svg = svg[i+j+3:]
	}
	out.Write(svg)
	return template.HTML(bytes.TrimSpace(out.Bytes()))
}
