package matrix

import (
	"bytes"
	"encoding/json"
	"io"
	"runtime"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
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
	A         string         `json:"a"`
	B         string         `json:"b"`
	Shared    int            `json:"shared"`
	Agree     int            `json:"agree"`
	Differ    int            `json:"differ"`
	Oppose    int            `json:"oppose"`
	Agreement stances.Figure `json:"agreement"`
	Distance  stances.Figure `json:"distance"`
	Kappa     stances.Figure `json:"kappa"`
	Note      string         `json:"note,omitempty"`
}

func toJSONPair(p stances.Pair) jsonPair {
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

// The matrix and agreement documents are streamed: a panel of 500 experts has 124,750 pairs.
// Each element of their arrays is one line of compact JSON, so that the document stays
// readable and line-oriented tools (grep, jq -c) work on it, without the indentation that
// would otherwise be most of its bytes.

// array writes `"key": [` with n elements, one per line, each written by elem.
func (j *jsonWriter) array(key string, n int, last bool, elem func(k int)) {
	j.raw("  ")
	j.str(key)
	j.raw(": [")
	for k := range n {
		if k > 0 {
			j.raw(",")
		}
		j.raw("\n    ")
		elem(k)
		if j.err != nil {
			return
		}
	}
	if n > 0 {
		j.raw("\n  ")
	}
	j.raw("]")
	if !last {
		j.raw(",")
	}
	j.raw("\n")
}

// jsonHead writes the opening of a matrix or agreement document: title, order and experts.
func (m *Writer) jsonHead(j *jsonWriter) {
	j.raw("{\n  \"title\": ")
	j.str(m.d.Title)
	j.raw(",\n  \"order\": ")
	j.str(string(m.order))
	j.raw(",\n")
	j.array("experts", len(m.rows), false, func(k int) {
		e := m.experts[m.rows[k]]
		j.raw(`{"id":`)
		j.str(e.ID)
		j.raw(`,"name":`)
		j.str(e.Name)
		j.raw("}")
	})
}

func (j *jsonWriter) pair(p stances.Pair) {
	j.raw(`{"a":`)
	j.str(p.A.ID)
	j.raw(`,"b":`)
	j.str(p.B.ID)
	j.raw(`,"shared":`)
	j.int(p.Shared)
	j.raw(`,"agree":`)
	j.int(p.Agree)
	j.raw(`,"differ":`)
	j.int(p.Differ)
	j.raw(`,"oppose":`)
	j.int(p.Oppose)
	j.raw(`,"agreement":`)
	j.figure(p.Agreement)
	j.raw(`,"distance":`)
	j.figure(p.Distance)
	j.raw(`,"kappa":`)
	j.figure(p.Kappa)
	if p.Note != "" {
		j.raw(`,"note":`)
		j.str(p.Note)
	}
	j.raw("}")
}

// jsonPairs writes every pair in display order. A panel of 500 experts has 124,750 pairs:
// they are computed and formatted a run of rows at a time by several goroutines, and the runs
// written in order, so the document is the same bytes as one goroutine would write.
func (m *Writer) jsonPairs(j *jsonWriter, last bool) {
	n := len(m.rows)
	const runSize = 4096
	runs := pairRuns(n, runSize)
	out := make([]chan []byte, len(runs))
	for i := range out {
		out[i] = make(chan []byte, 1)
	}
	window := make(chan struct{}, 2*runtime.GOMAXPROCS(0)) // runs formatted but not yet written
	go func() {
		for i, r := range runs {
			window <- struct{}{}
			go func() {
				var b bytes.Buffer
				pairs := 0
				for x := r[0]; x < r[1]; x++ {
					pairs += n - 1 - x
				}
				b.Grow(200 * pairs) // a pair's line is about 180 bytes
				w := newJSONWriter(&b)
				for x := r[0]; x < r[1]; x++ {
					for y := x + 1; y < n; y++ {
						if x > r[0] || y > x+1 {
							w.raw(",\n    ")
						}
						w.pair(m.pairOf(m.rows[x], m.rows[y]))
					}
				}
				w.flush()
				out[i] <- b.Bytes()
			}()
		}
	}()
	// Each run is one element of the array to the writer: its pairs are already separated.
	done := 0
	j.array("pairs", len(runs), last, func(i int) {
		j.bytes(<-out[i])
		<-window
		done++
	})
	for ; done < len(runs); done++ { // after a write error: let every goroutine end
		<-out[done]
		<-window
	}
}

// pairRuns splits the rows 0..n-1 of the upper triangle of pairs into runs [from, to) of
// about size pairs each; rows without pairs (the last) belong to no run.
func pairRuns(n, size int) [][2]int {
	var runs [][2]int
	from, count := 0, 0
	for x := 0; x < n-1; x++ {
		count += n - 1 - x
		if count >= size {
			runs = append(runs, [2]int{from, x + 1})
			from, count = x+1, 0
		}
	}
	if count > 0 {
		runs = append(runs, [2]int{from, n - 1})
	}
	return runs
}

func (j *jsonWriter) strs(list []string) {
	j.raw("[")
	for k, s := range list {
		if k > 0 {
			j.raw(",")
		}
		j.str(s)
	}
	j.raw("]")
}

func (j *jsonWriter) cell(s *argmap.Stance) {
	j.raw(`{"expert":`)
	j.str(s.Expert)
	j.raw(`,"proposition":`)
	j.str(s.Proposition)
	j.raw(`,"position":`)
	j.int(int(s.Position))
	j.raw(`,"label":`)
	j.str(label(s.Position))
	j.raw(`,"inferred":`)
	j.bool(s.Inferred)
	if s.Confidence != 0 {
		j.raw(`,"confidence":`)
		j.int(s.Confidence)
	}
	j.raw(`,"evidence":{"claims":`)
	j.strs(s.Evidence)
	if s.Quote != "" {
		j.raw(`,"quote":`)
		j.str(s.Quote)
	}
	j.raw("}")
	if s.Note != "" {
		j.raw(`,"note":`)
		j.str(s.Note)
	}
	j.raw("}")
}

// WriteJSON writes the matrix, the agreement of every pair and the statistics of every
// proposition as one JSON object (see README.md), streamed. Experts and propositions come in
// display order; cells, one per addressed pair, expert by expert; not addressed has no cell.
// Transposing changes nothing here.
func (m *Writer) WriteJSON(w io.Writer) error {
	j := newJSONWriter(w)
	m.jsonHead(j)
	j.array("propositions", len(m.cols), false, func(k int) {
		p := m.props[m.cols[k]]
		j.raw(`{"id":`)
		j.str(p.ID)
		j.raw(`,"text":`)
		j.str(p.Text)
		if len(p.Tags) > 0 {
			j.raw(`,"tags":`)
			j.strs(p.Tags)
		}
		j.raw("}")
	})
	n := 0
	for _, row := range m.cells {
		for _, s := range row {
			if s != nil {
				n++
			}
		}
	}
	x, y := 0, 0 // the next cell to look at, in display order
	j.array("cells", n, false, func(int) {
		for ; ; y, x = 0, x+1 {
			for ; y < len(m.cols); y++ {
				if s := m.cells[m.rows[x]][m.cols[y]]; s != nil {
					y++
					j.cell(s)
					return
				}
			}
		}
	})
	m.jsonPairs(j, false)
	j.array("propositions_stats", len(m.cols), true, func(k int) {
		st := m.pstats[m.cols[k]]
		j.raw(`{"proposition":`)
		j.str(st.Proposition.ID)
		j.raw(`,"addressed":`)
		j.int(st.Addressed)
		j.raw(`,"agree":`)
		j.int(st.Agree)
		j.raw(`,"mixed":`)
		j.int(st.Mixed)
		j.raw(`,"disagree":`)
		j.int(st.Disagree)
		j.raw(`,"mean":`)
		j.figure(st.Mean)
		j.raw(`,"consensus":`)
		j.str(st.Consensus)
		j.raw(`,"divisiveness":`)
		j.float(st.Divisiveness)
		j.raw("}")
	})
	j.raw("}\n")
	return j.flush()
}

// WriteAgreementJSON writes the experts and the agreement of every pair (see README.md),
// streamed as WriteJSON.
func (m *Writer) WriteAgreementJSON(w io.Writer) error {
	j := newJSONWriter(w)
	m.jsonHead(j)
	m.jsonPairs(j, true)
	j.raw("}\n")
	return j.flush()
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

func voices(vs []stances.Voice) []jsonCell {
	out := []jsonCell{}
	for _, v := range vs {
		out = append(out, toJSONCell(v.Stance))
	}
	return out
}

// WriteCruxesJSON writes the cruxes, the consensus and the propositions too few experts
// address as {"cruxes": [...], "consensus": [...], "too_few": [...]} (see README.md).
func (m *Writer) WriteCruxesJSON(w io.Writer) error {
	out := struct {
		Cruxes    []jsonCrux `json:"cruxes"`
		Consensus []jsonCrux `json:"consensus"`
		TooFew    []jsonFew  `json:"too_few"`
	}{Cruxes: []jsonCrux{}, Consensus: []jsonCrux{}, TooFew: []jsonFew{}}
	crux := func(c stances.Crux) jsonCrux {
		p := c.Proposition
		return jsonCrux{
			Proposition: jsonProposition{p.ID, p.Text, p.Tags}, Addressed: c.Addressed, Consensus: c.Consensus,
			Divisiveness: stances.Round(c.Divisiveness, 4), Agree: voices(c.Agree), Mixed: voices(c.Mixed), Disagree: voices(c.Disagree),
		}
	}
	for _, c := range m.mx.Cruxes() {
		out.Cruxes = append(out.Cruxes, crux(c))
	}
	for _, c := range m.mx.Consensus() {
		out.Consensus = append(out.Consensus, crux(c))
	}
	for _, st := range m.mx.TooFew() {
		out.TooFew = append(out.TooFew, jsonFew{st.Proposition.ID, st.Addressed})
	}
	return writeJSON(w, out)
}

type jsonFew struct {
	Proposition string `json:"proposition"`
	Addressed   int    `json:"addressed"`
}

// writeComparisonJSON writes the comparison as one JSON object (see README.md).
func writeComparisonJSON(w io.Writer, c *stances.Comparison) error {
	shared := func(list []stances.Shared) []jsonShared {
		out := []jsonShared{}
		for _, s := range list {
			out = append(out, jsonShared{s.Proposition.ID, toJSONCell(s.A), toJSONCell(s.B)})
		}
		return out
	}
	only := func(list []stances.Single) []jsonCell {
		out := []jsonCell{}
		for _, s := range list {
			out = append(out, toJSONCell(s.Stance))
		}
		return out
	}
	side := func(s stances.Side) jsonSide {
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
