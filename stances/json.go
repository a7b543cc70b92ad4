package stances

import (
	"encoding/json"
	"io"

	"github.com/argmap-dev/argmap/argmap"
)

// The JSON shapes; README.md documents them. Fields are only ever added.

type jsonExpert struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type jsonProposition struct {
	ID   string   `json:"id"`
	Text string   `json:"text"`
	Tags []string `json:"tags,omitempty"`
}

type jsonEvidence struct {
	Claims []string `json:"claims"`
	Quote  string   `json:"quote,omitempty"`
}

type jsonCell struct {
	Expert      string       `json:"expert"`
	Proposition string       `json:"proposition"`
	Position    int          `json:"position"`
	Label       string       `json:"label"`
	Inferred    bool         `json:"inferred"`
	Confidence  int          `json:"confidence,omitempty"`
	Evidence    jsonEvidence `json:"evidence"`
	Note        string       `json:"note,omitempty"`
}

type jsonPair struct {
	A         string `json:"a"`
	B         string `json:"b"`
	Shared    int    `json:"shared"`
	Agree     int    `json:"agree"`
	Differ    int    `json:"differ"`
	Oppose    int    `json:"oppose"`
	Agreement Figure `json:"agreement"`
	Distance  Figure `json:"distance"`
	Kappa     Figure `json:"kappa"`
	Note      string `json:"note,omitempty"`
}

type jsonPropStats struct {
	Proposition  string  `json:"proposition"`
	Addressed    int     `json:"addressed"`
	Agree        int     `json:"agree"`
	Mixed        int     `json:"mixed"`
	Disagree     int     `json:"disagree"`
	Mean         Figure  `json:"mean"`
	Consensus    string  `json:"consensus"`
	Divisiveness float64 `json:"divisiveness"`
}

type jsonMatrix struct {
	Title             string            `json:"title"`
	Order             Order             `json:"order"`
	Experts           []jsonExpert      `json:"experts"`
	Propositions      []jsonProposition `json:"propositions"`
	Cells             []jsonCell        `json:"cells"`
	Pairs             []jsonPair        `json:"pairs"`
	PropositionsStats []jsonPropStats   `json:"propositions_stats"`
}

type jsonAgreement struct {
	Title   string       `json:"title"`
	Order   Order        `json:"order"`
	Experts []jsonExpert `json:"experts"`
	Pairs   []jsonPair   `json:"pairs"`
}

func (m *Matrix) jsonExperts() []jsonExpert {
	out := []jsonExpert{}
	for _, e := range m.Experts() {
		out = append(out, jsonExpert{e.ID, e.Name})
	}
	return out
}

func (m *Matrix) jsonPairs() []jsonPair {
	out := []jsonPair{}
	for _, p := range m.Pairs() {
		out = append(out, toJSONPair(p))
	}
	return out
}

func toJSONPair(p Pair) jsonPair {
	return jsonPair{p.A.ID, p.B.ID, p.Shared, p.Agree, p.Differ, p.Oppose, p.Agreement, p.Distance, p.Kappa, p.Note}
}

func toJSONCell(s *argmap.Stance) jsonCell {
	ev := jsonEvidence{Claims: s.Evidence, Quote: s.Quote}
	if ev.Claims == nil {
		ev.Claims = []string{}
	}
	return jsonCell{
		Expert: s.Expert, Proposition: s.Proposition, Position: int(s.Position), Label: label(s.Position),
		Inferred: s.Inferred, Confidence: s.Confidence, Evidence: ev, Note: s.Note,
	}
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteJSON writes the matrix, the agreement of every pair and the statistics of every
// proposition as one JSON object (see README.md). Experts and propositions come in display
// order; cells, one per addressed pair, expert by expert; not addressed has no cell.
// Transposing changes nothing here.
func (m *Matrix) WriteJSON(w io.Writer) error {
	out := jsonMatrix{
		Title:             m.d.Title,
		Order:             m.order,
		Experts:           m.jsonExperts(),
		Propositions:      []jsonProposition{},
		Cells:             []jsonCell{},
		Pairs:             m.jsonPairs(),
		PropositionsStats: []jsonPropStats{},
	}
	props := m.Propositions()
	for _, p := range props {
		out.Propositions = append(out.Propositions, jsonProposition{p.ID, p.Text, p.Tags})
	}
	for i := range m.rows {
		for j := range props {
			if s := m.Cell(i, j); s != nil {
				out.Cells = append(out.Cells, toJSONCell(s))
			}
		}
	}
	for _, st := range m.PropositionStats() {
		out.PropositionsStats = append(out.PropositionsStats, jsonPropStats{
			st.Proposition.ID, st.Addressed, st.Agree, st.Mixed, st.Disagree, st.Mean, st.Consensus, round4(st.Divisiveness),
		})
	}
	return writeJSON(w, out)
}

// WriteAgreementJSON writes the experts and the agreement of every pair (see README.md).
func (m *Matrix) WriteAgreementJSON(w io.Writer) error {
	return writeJSON(w, jsonAgreement{Title: m.d.Title, Order: m.order, Experts: m.jsonExperts(), Pairs: m.jsonPairs()})
}

type jsonClaim struct {
	Ref   string      `json:"ref"`
	Kind  argmap.Kind `json:"kind"`
	Text  string      `json:"text"`
	Quote string      `json:"quote,omitempty"`
}

type jsonPremise struct {
	jsonClaim
	Depth int `json:"depth"`
}

type jsonCrux struct {
	Proposition  jsonProposition `json:"proposition"`
	Addressed    int             `json:"addressed"`
	Consensus    string          `json:"consensus"`
	Divisiveness float64         `json:"divisiveness"`
	Agree        []jsonCell      `json:"agree"`
	Mixed        []jsonCell      `json:"mixed"`
	Disagree     []jsonCell      `json:"disagree"`
}

type jsonShared struct {
	Proposition string   `json:"proposition"`
	A           jsonCell `json:"a"`
	B           jsonCell `json:"b"`
}

type jsonSide struct {
	Stance   *jsonCell     `json:"stance,omitempty"`
	Claims   []jsonClaim   `json:"claims"`
	Premises []jsonPremise `json:"premises"`
}

type jsonConflict struct {
	Kind        string   `json:"kind"` // policy | attack
	Proposition string   `json:"proposition,omitempty"`
	From        string   `json:"from,omitempty"`
	To          string   `json:"to,omitempty"`
	A           jsonSide `json:"a"`
	B           jsonSide `json:"b"`
}

type jsonComparison struct {
	A         jsonExpert     `json:"a"`
	B         jsonExpert     `json:"b"`
	Pair      jsonPair       `json:"pair"`
	Agree     []jsonShared   `json:"agree"`
	Differ    []jsonShared   `json:"differ"`
	Oppose    []jsonShared   `json:"oppose"`
	OnlyA     []jsonCell     `json:"only_a"`
	OnlyB     []jsonCell     `json:"only_b"`
	Conflicts []jsonConflict `json:"conflicts"`
	Attacks   []jsonAttack   `json:"attacks"`
}

type jsonAttack struct {
	By   string    `json:"by"` // a | b: whose claim attacks
	From jsonClaim `json:"from"`
	To   jsonClaim `json:"to"`
}

func toJSONClaim(c *argmap.Claim) jsonClaim { return jsonClaim{c.Ref, c.Kind, c.Text, c.Quote} }

func voices(vs []Voice) []jsonCell {
	out := []jsonCell{}
	for _, v := range vs {
		out = append(out, toJSONCell(v.Stance))
	}
	return out
}

// WriteCruxesJSON writes the cruxes, the consensus and the propositions too few experts
// address as {"cruxes": [...], "consensus": [...], "too_few": [...]} (see README.md).
func (m *Matrix) WriteCruxesJSON(w io.Writer) error {
	out := struct {
		Cruxes    []jsonCrux `json:"cruxes"`
		Consensus []jsonCrux `json:"consensus"`
		TooFew    []jsonFew  `json:"too_few"`
	}{Cruxes: []jsonCrux{}, Consensus: []jsonCrux{}, TooFew: []jsonFew{}}
	crux := func(c Crux) jsonCrux {
		p := c.Proposition
		return jsonCrux{
			Proposition: jsonProposition{p.ID, p.Text, p.Tags}, Addressed: c.Addressed, Consensus: c.Consensus,
			Divisiveness: round4(c.Divisiveness), Agree: voices(c.Agree), Mixed: voices(c.Mixed), Disagree: voices(c.Disagree),
		}
	}
	for _, c := range m.Cruxes() {
		out.Cruxes = append(out.Cruxes, crux(c))
	}
	for _, c := range m.Consensus() {
		out.Consensus = append(out.Consensus, crux(c))
	}
	for _, st := range m.TooFew() {
		out.TooFew = append(out.TooFew, jsonFew{st.Proposition.ID, st.Addressed})
	}
	return writeJSON(w, out)
}

type jsonFew struct {
	Proposition string `json:"proposition"`
	Addressed   int    `json:"addressed"`
}

// WriteJSON writes the comparison as one JSON object (see README.md).
func (c *Comparison) WriteJSON(w io.Writer) error {
	shared := func(list []Shared) []jsonShared {
		out := []jsonShared{}
		for _, s := range list {
			out = append(out, jsonShared{s.Proposition.ID, toJSONCell(s.A), toJSONCell(s.B)})
		}
		return out
	}
	only := func(list []Single) []jsonCell {
		out := []jsonCell{}
		for _, s := range list {
			out = append(out, toJSONCell(s.Stance))
		}
		return out
	}
	side := func(s Side) jsonSide {
		out := jsonSide{Claims: []jsonClaim{}, Premises: []jsonPremise{}}
		if s.Stance != nil {
			cell := toJSONCell(s.Stance)
			out.Stance = &cell
		}
		for _, cl := range s.Claims {
			out.Claims = append(out.Claims, toJSONClaim(cl))
		}
		for _, p := range s.Premises {
			out.Premises = append(out.Premises, jsonPremise{toJSONClaim(p.Claim), p.Depth})
		}
		return out
	}
	out := jsonComparison{
		A: jsonExpert{c.A.ID, c.A.Name}, B: jsonExpert{c.B.ID, c.B.Name}, Pair: toJSONPair(c.Pair),
		Agree: shared(c.Agree), Differ: shared(c.Differ), Oppose: shared(c.Oppose),
		OnlyA: only(c.OnlyA), OnlyB: only(c.OnlyB), Conflicts: []jsonConflict{}, Attacks: []jsonAttack{},
	}
	for _, x := range c.Attacks {
		by := "a"
		if x.From.Expert == c.B.ID {
			by = "b"
		}
		out.Attacks = append(out.Attacks, jsonAttack{by, toJSONClaim(x.From), toJSONClaim(x.To)})
	}
	for _, x := range c.Conflicts {
		j := jsonConflict{Kind: "attack", A: side(x.A), B: side(x.B)}
		if x.Proposition != nil {
			j.Kind, j.Proposition = "policy", x.Proposition.ID
		} else {
			j.From, j.To = x.From.Ref, x.To.Ref
		}
		out.Conflicts = append(out.Conflicts, j)
	}
	return writeJSON(w, out)
}
