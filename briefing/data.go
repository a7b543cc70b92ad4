package briefing

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/findings"
	"github.com/argmap-dev/argmap/stances"
)

// Data is what a briefing shows, as the page's script reads it (JSON). Lists are in display
// order: experts and propositions in the matrix's clustered order.
type Data struct {
	Title       string   `json:"title"`
	Date        string   `json:"date,omitempty"`
	Description string   `json:"description,omitempty"`
	BottomLine  string   `json:"bottom_line,omitempty"`
	KeyPoints   []string `json:"key_points,omitempty"`
	Notes       string   `json:"notes,omitempty"`
	Source      *Source  `json:"source,omitempty"`
	// Sources are the debate's [[sources]], in the order listed; a debate with one [source]
	// has it here too. Quotes name theirs by ID ("" for the one [source]).
	Sources []Source `json:"sources"`
	// Summary is the Findings as one paragraph; each finding states how many experts it
	// rests on (package findings).
	Summary      string        `json:"summary"`
	Findings     []string      `json:"findings"`
	Experts      []Expert      `json:"experts"`
	Propositions []Proposition `json:"propositions"`
	Stances      []Stance      `json:"stances"`
	Claims       []Claim       `json:"claims"`
	Cruxes       []Crux        `json:"cruxes"`
	Consensus    []Consensus   `json:"consensus"`
	Pairs        []Pair        `json:"pairs"`
}

// Source is where the debate was published. Link is the URL when it may be a link (http or
// https), else "".
type Source struct {
	ID        string `json:"id,omitempty"`
	Note      int    `json:"note"` // its number in the list of sources, from 1
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Link      string `json:"link,omitempty"`
	Date      string `json:"date,omitempty"`
}

// Expert is one expert with the references of their claims.
type Expert struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Role        string   `json:"role,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Color       string   `json:"color"`
	Claims      []string `json:"claims"`
}

// Proposition is a shared proposition with its key in the matrix (P1...: file order).
type Proposition struct {
	ID           string   `json:"id"`
	Key          string   `json:"key"`
	Text         string   `json:"text"`
	Tags         []string `json:"tags,omitempty"`
	Addressed    int      `json:"addressed"`
	Consensus    string   `json:"consensus"`
	Divisiveness float64  `json:"divisiveness"`
}

// Stance is an expert's stance, with the words and symbol of its position.
type Stance struct {
	Expert      string   `json:"expert"`
	Proposition string   `json:"proposition"`
	Position    int      `json:"position"`
	Label       string   `json:"label"`
	Symbol      string   `json:"symbol"`
	Confidence  int      `json:"confidence,omitempty"`
	Inferred    bool     `json:"inferred,omitempty"`
	Note        string   `json:"note,omitempty"`
	Quote       string   `json:"quote,omitempty"`
	Source      string   `json:"source,omitempty"` // the quote's source, an id of Sources
	Evidence    []string `json:"evidence,omitempty"`
}

// Claim is a claim with the relations in both directions.
type Claim struct {
	Ref         string   `json:"ref"`
	Expert      string   `json:"expert"`
	Kind        string   `json:"kind"`
	Text        string   `json:"text"`
	Quote       string   `json:"quote,omitempty"`
	Source      string   `json:"source,omitempty"` // the quote's source, an id of Sources
	Cite        *Source  `json:"-"`                // the quote's source, for the documents
	Implicit    bool     `json:"implicit,omitempty"`
	Supports    []string `json:"supports,omitempty"`
	Attacks     []string `json:"attacks,omitempty"`
	SupportedBy []string `json:"supported_by,omitempty"`
	AttackedBy  []string `json:"attacked_by,omitempty"`
}

// Crux is a divided proposition with who stands on which side (expert ids, strongest first).
type Crux struct {
	Proposition  string   `json:"proposition"`
	Divisiveness float64  `json:"divisiveness"`
	Addressed    int      `json:"addressed"`
	Agree        []string `json:"agree"`
	Mixed        []string `json:"mixed"`
	Disagree     []string `json:"disagree"`
}

// Consensus is a proposition on which everyone who addresses it (two or more) takes one side.
type Consensus struct {
	Proposition string `json:"proposition"`
	Side        string `json:"side"`
	Addressed   int    `json:"addressed"`
}

// Pair is the agreement of two experts, as argmap agreement shows it. Figures are absent
// (nil) when Note says why.
type Pair struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	Shared    int      `json:"shared"`
	Agree     int      `json:"agree"`
	Differ    int      `json:"differ"`
	Oppose    int      `json:"oppose"`
	Agreement *float64 `json:"agreement"`
	Distance  *float64 `json:"distance"`
	Kappa     *float64 `json:"kappa"`
	Note      string   `json:"note,omitempty"`
}

// newData gathers the facts of d and its matrix m.
func newData(d *argmap.Debate, m *stances.Matrix) *Data {
	out := &Data{Title: d.Title, Date: d.Date, Description: d.Description, BottomLine: d.BottomLine, KeyPoints: d.KeyPoints, Notes: d.Notes, Sources: []Source{}}
	if s := d.Source; s != nil {
		out.Source = &Source{Note: 1, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Link: safeLink(s.URL), Date: s.Date}
		out.Sources = append(out.Sources, *out.Source)
	}
	for i, s := range d.Sources {
		out.Sources = append(out.Sources, Source{ID: s.ID, Note: i + 1, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Link: safeLink(s.URL), Date: s.Date})
	}
	for _, e := range m.Experts() {
		x := Expert{ID: e.ID, Name: e.Name, Role: e.Role, Affiliation: e.Affiliation, Color: d.ExpertColor(e.ID), Claims: []string{}}
		for _, c := range e.Claims {
			x.Claims = append(x.Claims, c.Ref)
		}
		out.Experts = append(out.Experts, x)
	}
	keys := propKeys(d)
	for _, st := range m.PropositionStats() {
		p := st.Proposition
		out.Propositions = append(out.Propositions, Proposition{ID: p.ID, Key: keys[p.ID], Text: p.Text, Tags: p.Tags,
			Addressed: st.Addressed, Consensus: st.Consensus, Divisiveness: round(st.Divisiveness)})
		switch st.Consensus {
		case stances.ConsensusAgree, stances.ConsensusDisagree, stances.ConsensusMixed:
			out.Consensus = append(out.Consensus, Consensus{Proposition: p.ID, Side: st.Consensus, Addressed: st.Addressed})
		}
	}
	for i := range m.Experts() {
		for j := range m.Propositions() {
			if s := m.Cell(i, j); s != nil {
				x := newStance(s)
				if s.Quote != "" {
					e, _ := d.Expert(s.Expert)
					x.Source = d.SourceOf(e, nil)
				}
				out.Stances = append(out.Stances, x)
			}
		}
	}
	by := map[string][2][]string{} // ref -> supported by, attacked by
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			for _, t := range c.Supports {
				r := by[t]
				r[0] = append(r[0], c.Ref)
				by[t] = r
			}
			for _, t := range c.Attacks {
				r := by[t]
				r[1] = append(r[1], c.Ref)
				by[t] = r
			}
		}
	}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			x := Claim{Ref: c.Ref, Expert: c.Expert, Kind: string(c.Kind), Text: c.Text, Quote: c.Quote,
				Implicit: c.Implicit, Supports: c.Supports, Attacks: c.Attacks, SupportedBy: by[c.Ref][0], AttackedBy: by[c.Ref][1]}
			if c.Quote != "" {
				x.Source = d.SourceOf(e, c)
			}
			out.Claims = append(out.Claims, x)
		}
	}
	ids := func(vs []stances.Voice) []string {
		out := []string{}
		for _, v := range vs {
			out = append(out, v.Expert.ID)
		}
		return out
	}
	out.Cruxes = []Crux{}
	for _, c := range m.Cruxes() {
		out.Cruxes = append(out.Cruxes, Crux{Proposition: c.Proposition.ID, Divisiveness: round(c.Divisiveness), Addressed: c.Addressed,
			Agree: ids(c.Agree), Mixed: ids(c.Mixed), Disagree: ids(c.Disagree)})
	}
	if out.Consensus == nil {
		out.Consensus = []Consensus{}
	}
	out.Pairs = []Pair{}
	for _, p := range m.Pairs() {
		out.Pairs = append(out.Pairs, Pair{A: p.A.ID, B: p.B.ID, Shared: p.Shared, Agree: p.Agree, Differ: p.Differ, Oppose: p.Oppose,
			Agreement: fig(p.Agreement), Distance: fig(p.Distance), Kappa: fig(p.Kappa), Note: p.Note})
	}
	out.Findings = findings.Of(m)
	out.Summary = strings.Join(out.Findings, " ")
	return out
}

func newStance(s *argmap.Stance) Stance {
	return Stance{Expert: s.Expert, Proposition: s.Proposition, Position: int(s.Position), Label: words(s.Position),
		Symbol: s.Position.Symbol(), Confidence: s.Confidence, Inferred: s.Inferred, Note: s.Note, Quote: s.Quote, Evidence: s.Evidence}
}

// propKeys numbers the propositions P1... in file order, as the matrix writers do.
func propKeys(d *argmap.Debate) map[string]string {
	keys := make(map[string]string, len(d.Propositions))
	for j, p := range d.Propositions {
		keys[p.ID] = fmt.Sprintf("P%d", j+1)
	}
	return keys
}

func fig(f stances.Figure) *float64 {
	if !f.OK {
		return nil
	}
	v := round(f.Value)
	return &v
}

// round keeps four decimals, so that the JSON does not depend on the last bits of a sum.
func round(v float64) float64 {
	s := fmt.Sprintf("%.4f", v)
	var r float64
	fmt.Sscan(s, &r)
	return r
}

// words writes a position for a reader: "strongly agree".
func words(p argmap.Position) string { return strings.ReplaceAll(p.String(), "-", " ") }

// cite returns the source of a quote from the source id the model gives it ("" for the
// one [source]), or nil when the debate lists no source.
func (d *Data) cite(id string) *Source {
	for i, s := range d.Sources {
		if s.ID == id {
			return &d.Sources[i]
		}
	}
	return nil
}

// safeLink returns u when it is an absolute http or https URL with a host, else "": a
// javascript: or data: URL never becomes a link.
func safeLink(u string) string {
	v, err := url.Parse(strings.TrimSpace(u))
	if err != nil || v.Host == "" || (v.Scheme != "http" && v.Scheme != "https") {
		return ""
	}
	return v.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
