// Package aif writes a debate in the Argument Interchange Format, in the JSON layout that
// AIFdb and xAIF (ARG-tech's corpora and argument-mining tools) use, and reads such files back
// into a debate.
//
// The mapping:
//
//   - every claim is an I node (information), its text the claim's text;
//   - every support "A supports B" is an RA node (a default inference) with edges A → RA → B;
//     every attack "A attacks B" a CA node (a default conflict) with edges A → CA → B;
//   - every expert is a participant; every claim the expert states (all but implicit ones)
//     is an L node (a locution: "Name: quote", or the claim's text when there is no quote)
//     spoken by that participant, anchored to its I node by a YA node ("Asserting") with edges
//     L → YA → I.
//
// AIF has no construct for what else a debate holds: claim kinds, quotes, the implicit flag,
// ids, the propositions and the experts' stances on them. They go in an "argmap" object: one
// at the top level (the debate, its propositions and stances) and one on each I node (the
// claim's reference, expert, kind, quote, implicit flag). AIF readers ignore keys they do not
// know; Read uses them to give back the debate exactly. Read also takes AIF from elsewhere
// (AIFdb exports, xAIF with its "AIF" wrapper), where it derives experts from participants
// and locutions, claim ids from their text, and kinds from the structure (see Read).
package aif

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// Doc is an AIF document (AIFdb's JSON layout).
type Doc struct {
	Nodes        []Node        `json:"nodes"`
	Edges        []Edge        `json:"edges"`
	Locutions    []Locution    `json:"locutions"`
	Participants []Participant `json:"participants"`
	Argmap       *DebateData   `json:"argmap,omitempty"`
}

// ID is a node, edge or participant id. AIFdb writes them as strings, some corpora as
// numbers: both are read, as strings.
type ID string

// UnmarshalJSON reads a string or a number.
func (id *ID) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*id = ID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("an id must be a string or a number, not %s", b)
	}
	*id = ID(n.String())
	return nil
}

// Node is an AIF node: I (information), RA (inference), CA (conflict), MA (rephrase),
// L (locution), TA (transition), YA (illocutionary anchoring).
type Node struct {
	NodeID    ID         `json:"nodeID"`
	Text      string     `json:"text"`
	Type      string     `json:"type"`
	Timestamp string     `json:"timestamp,omitempty"`
	Argmap    *ClaimData `json:"argmap,omitempty"`
}

// Edge links two nodes.
type Edge struct {
	EdgeID ID `json:"edgeID"`
	FromID ID `json:"fromID"`
	ToID   ID `json:"toID"`
}

// Locution says which participant spoke an L node.
type Locution struct {
	NodeID   ID `json:"nodeID"`
	PersonID ID `json:"personID"`
}

// Participant is a speaker.
type Participant struct {
	ParticipantID ID          `json:"participantID"`
	Firstname     string      `json:"firstname"`
	Surname       string      `json:"surname"`
	Argmap        *ExpertData `json:"argmap,omitempty"`
}

// ExpertData keeps what AIF does not say of an expert.
type ExpertData struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Source      string `json:"source,omitempty"`
}

// ClaimData keeps what AIF does not say of a claim.
type ClaimData struct {
	Ref      string      `json:"ref"`
	Expert   string      `json:"expert"`
	Kind     argmap.Kind `json:"kind"`
	Quote    string      `json:"quote,omitempty"`
	Implicit bool        `json:"implicit,omitempty"`
	Source   string      `json:"source,omitempty"`
}

// DebateData keeps the debate, its propositions and the stances.
type DebateData struct {
	Title        string                `json:"title"`
	Date         string                `json:"date,omitempty"`
	Description  string                `json:"description,omitempty"`
	BottomLine   string                `json:"bottom_line,omitempty"`
	KeyPoints    []string              `json:"key_points,omitempty"`
	Notes        string                `json:"notes,omitempty"`
	Source       *argmap.Source        `json:"source,omitempty"`
	Sources      []*argmap.Source      `json:"sources,omitempty"`
	Propositions []*argmap.Proposition `json:"propositions"`
	Stances      []*argmap.Stance      `json:"stances"`
}

// Export builds the AIF document of a debate. Node ids are derived from claim references,
// so the same debate always gives the same document.
func Export(d *argmap.Debate) *Doc {
	doc := &Doc{Nodes: []Node{}, Edges: []Edge{}, Locutions: []Locution{}, Participants: []Participant{}}
	dd := &DebateData{Title: d.Title, Date: d.Date, Description: d.Description,
		BottomLine: d.BottomLine, KeyPoints: d.KeyPoints, Notes: d.Notes, Source: d.Source, Sources: d.Sources,
		Propositions: d.Propositions, Stances: []*argmap.Stance{}}
	edge := func(from, to string) {
		doc.Edges = append(doc.Edges, Edge{EdgeID: ID(fmt.Sprintf("e%d", len(doc.Edges)+1)), FromID: ID(from), ToID: ID(to)})
	}
	for i, e := range d.Experts {
		pid := ID(fmt.Sprintf("p%d", i+1))
		first, last := splitName(e.Name)
		doc.Participants = append(doc.Participants, Participant{ParticipantID: pid, Firstname: first, Surname: last,
			Argmap: &ExpertData{ID: e.ID, Name: e.Name, Role: e.Role, Affiliation: e.Affiliation, Source: e.Source}})
		for _, c := range e.Claims {
			doc.Nodes = append(doc.Nodes, Node{NodeID: ID(c.Ref), Text: c.Text, Type: "I",
				Argmap: &ClaimData{Ref: c.Ref, Expert: e.ID, Kind: c.Kind, Quote: c.Quote, Implicit: c.Implicit, Source: c.Source}})
			if c.Implicit {
				continue // the expert never says it
			}
			said := c.Quote
			if said == "" {
				said = c.Text
			}
			l, ya := "L:"+c.Ref, "YA:"+c.Ref
			doc.Nodes = append(doc.Nodes, Node{NodeID: ID(l), Text: e.Name + ": " + said, Type: "L"},
				Node{NodeID: ID(ya), Text: "Asserting", Type: "YA"})
			doc.Locutions = append(doc.Locutions, Locution{NodeID: ID(l), PersonID: pid})
			edge(l, ya)
			edge(ya, c.Ref)
		}
		dd.Stances = append(dd.Stances, e.Stances...)
	}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			for _, to := range c.Supports {
				id := "RA:" + c.Ref + ">" + to
				doc.Nodes = append(doc.Nodes, Node{NodeID: ID(id), Text: "Default Inference", Type: "RA"})
				edge(c.Ref, id)
				edge(id, to)
			}
			for _, to := range c.Attacks {
				id := "CA:" + c.Ref + ">" + to
				doc.Nodes = append(doc.Nodes, Node{NodeID: ID(id), Text: "Default Conflict", Type: "CA"})
				edge(c.Ref, id)
				edge(id, to)
			}
		}
	}
	doc.Argmap = dd
	return doc
}

// splitName splits a name at its last space into first names and surname.
func splitName(name string) (first, last string) {
	i := strings.LastIndexByte(strings.TrimSpace(name), ' ')
	if i < 0 {
		return "", name
	}
	return name[:i], name[i+1:]
}

// Write writes the AIF document of a debate as indented JSON.
func Write(w io.Writer, d *argmap.Debate) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(Export(d))
}
