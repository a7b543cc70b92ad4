package aif

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/ids"
)

// MaxSize bounds the AIF documents Read reads.
const MaxSize = 64 << 20

// Read reads an AIF document: AIFdb's JSON, or xAIF with the document under "AIF".
func Read(r io.Reader) (*Doc, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("the AIF file is over %d MiB", MaxSize>>20)
	}
	var wrapped struct {
		AIF *Doc `json:"AIF"`
	}
	if err := json.Unmarshal(data, &wrapped); err != nil {
		return nil, fmt.Errorf("not AIF JSON: %w", err)
	}
	doc := wrapped.AIF
	if doc == nil {
		doc = &Doc{}
		if err := json.Unmarshal(data, doc); err != nil {
			return nil, fmt.Errorf("not AIF JSON: %w", err)
		}
	}
	if len(doc.Nodes) == 0 {
		return nil, errors.New("the AIF file has no nodes")
	}
	return doc, nil
}

// File is one file of a debate folder.
type File struct {
	Path string
	Data []byte
}

// Debate turns an AIF document into the files of a debate folder, with notes on what it
// could not carry over. The argmap data of a document argmap exported gives the debate back
// exactly. For AIF from elsewhere: participants become experts (with an "unattributed" one
// for claims no locution anchors); every I node a claim of the expert whose locution asserts
// it (ids from the first words of the text); an I node that concludes an inference and is no
// premise of one is a conclusion, every other a premise; an RA node makes each of its
// premises support its conclusion, a CA node its source attack its target. There are no
// propositions or stances to take from AIF from elsewhere.
func Debate(doc *Doc) ([]File, []string, error) {
	byID := map[ID]*Node{}
	for i := range doc.Nodes {
		n := &doc.Nodes[i]
		if byID[n.NodeID] != nil {
			return nil, nil, fmt.Errorf("node id %q is used twice", n.NodeID)
		}
		byID[n.NodeID] = n
	}
	in, out := map[ID][]ID{}, map[ID][]ID{}
	for _, e := range doc.Edges {
		if byID[e.FromID] == nil || byID[e.ToID] == nil {
			return nil, nil, fmt.Errorf("edge %q links a node that does not exist", e.EdgeID)
		}
		out[e.FromID] = append(out[e.FromID], e.ToID)
		in[e.ToID] = append(in[e.ToID], e.FromID)
	}
	var notes []string
	b := newBuilder()

	// Experts: participants, in order.
	byPerson := map[ID]*expertFile{}
	for _, p := range doc.Participants {
		name := strings.TrimSpace(p.Firstname + " " + p.Surname)
		x := b.expert(p.Argmap, name)
		byPerson[p.ParticipantID] = x
	}
	speaker := map[ID]ID{} // L node → participant
	for _, l := range doc.Locutions {
		speaker[l.NodeID] = l.PersonID
	}

	// Claims: I nodes.
	ref := map[ID]string{} // I node → "expert/claim"
	for _, n := range doc.Nodes {
		if n.Type != "I" {
			continue
		}
		x, said := b.speakerOf(n, in, byID, speaker, byPerson)
		kind := argmap.Premise
		if isConclusion(n.NodeID, in, out, byID) {
			kind = argmap.Conclusion
		}
		c := claimFile{Text: n.Text, Kind: string(kind)}
		if said != "" && said != n.Text {
			c.Quote = said
		}
		id := ""
		if d := n.Argmap; d != nil {
			x = b.expertByID(d.Expert, x)
			c.Kind, c.Quote, c.Implicit, c.Source = string(d.Kind), d.Quote, d.Implicit, d.Source
			_, id, _ = strings.Cut(d.Ref, "/")
		}
		if id != "" {
			c.ID = ids.Unique(id, "claim", x.used)
		} else {
			c.ID = ids.Slug(n.Text, 4, "claim", x.used)
		}
		ref[n.NodeID] = x.ID + "/" + c.ID
		x.Claims = append(x.Claims, c)
		x.index[c.ID] = len(x.Claims) - 1
	}

	// Relations.
	skipped := map[string]int{}
	for _, n := range doc.Nodes {
		if n.Type != "RA" && n.Type != "CA" {
			if n.Type != "I" && n.Type != "L" && n.Type != "YA" && n.Type != "TA" {
				skipped[n.Type]++
			}
			continue
		}
		targets := out[n.NodeID]
		if len(targets) != 1 || ref[targets[0]] == "" {
			skipped[n.Type+" not ending in one I node"]++
			continue
		}
		to := ref[targets[0]]
		for _, from := range in[n.NodeID] {
			fr := ref[from]
			if fr == "" {
				continue
			}
			c := b.claim(fr)
			rel := relTo(fr, to)
			if n.Type == "RA" {
				c.Supports = appendNew(c.Supports, rel)
			} else {
				c.Attacks = appendNew(c.Attacks, rel)
			}
		}
	}
	for _, k := range sortedKeys(skipped) {
		notes = append(notes, fmt.Sprintf("%d %s node(s) left out: argmap has no such relation", skipped[k], k))
	}

	// The debate.
	df := debateFile{Title: "Imported from AIF", Propositions: []propositionFile{}}
	if d := doc.Argmap; d != nil {
		df.Title, df.Date, df.Description = d.Title, d.Date, d.Description
		df.BottomLine, df.KeyPoints, df.Notes = d.BottomLine, d.KeyPoints, d.Notes
		if d.Source != nil {
			df.Source = &sourceFile{"", d.Source.Title, d.Source.Publisher, d.Source.URL, d.Source.Date}
		}
		for _, s := range d.Sources {
			df.Sources = append(df.Sources, sourceFile{s.ID, s.Title, s.Publisher, s.URL, s.Date})
		}
		for _, p := range d.Propositions {
			df.Propositions = append(df.Propositions, newPropositionFile(p))
		}
		for _, s := range d.Stances {
			x := b.experts[s.Expert]
			if x == nil {
				return nil, nil, fmt.Errorf("a stance of unknown expert %q", s.Expert)
			}
			var evidence []string
			for _, ev := range s.Evidence {
				evidence = append(evidence, relTo(x.ID+"/", ev))
			}
			x.Stances = append(x.Stances, stanceFile{s.Proposition, s.Position.String(), s.Confidence, s.Inferred, evidence, s.Quote, s.Note})
		}
	} else {
		notes = append(notes, "AIF holds no propositions or stances: debate.toml has none; write them")
	}
	files := []File{{argmap.ManifestName, encode(df)}}
	for _, x := range b.order {
		if len(x.Claims) == 0 && x.ID == "unattributed" {
			continue
		}
		files = append(files, File{"experts/" + x.ID + ".toml", encode(x)})
	}
	return files, notes, nil
}

// relTo writes a reference to claim "to" from a claim of expert "from": bare when it is the
// same expert's claim.
func relTo(from, to string) string {
	fe, _, _ := strings.Cut(from, "/")
	te, tc, _ := strings.Cut(to, "/")
	if fe == te {
		return tc
	}
	return to
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// isConclusion reports whether an I node concludes an inference and is no premise of one.
func isConclusion(id ID, in, out map[ID][]ID, byID map[ID]*Node) bool {
	concludes := false
	for _, from := range in[id] {
		concludes = concludes || byID[from].Type == "RA"
	}
	for _, to := range out[id] {
		if byID[to].Type == "RA" {
			return false
		}
	}
	return concludes
}

// builder collects the experts of the debate being made.
type builder struct {
	experts map[string]*expertFile
	order   []*expertFile
	used    map[string]bool
}

func newBuilder() *builder {
	return &builder{experts: map[string]*expertFile{}, used: map[string]bool{}}
}

func (b *builder) add(x *expertFile) *expertFile {
	x.used, x.index = map[string]bool{}, map[string]int{}
	b.experts[x.ID] = x
	b.order = append(b.order, x)
	return x
}

// expert makes the expert of a participant.
func (b *builder) expert(d *ExpertData, name string) *expertFile {
	if d != nil && d.ID != "" && !b.used[d.ID] {
		b.used[d.ID] = true
		return b.add(&expertFile{ID: d.ID, Name: d.Name, Role: d.Role, Affiliation: d.Affiliation, Source: d.Source})
	}
	if name == "" {
		name = "Unnamed participant"
	}
	return b.add(&expertFile{ID: ids.Expert(name, "expert", b.used), Name: name})
}

// expertByID returns the expert of that id, or x.
func (b *builder) expertByID(id string, x *expertFile) *expertFile {
	if e := b.experts[id]; e != nil {
		return e
	}
	return x
}

// speakerOf finds the expert whose locution an I node anchors, and what they said.
func (b *builder) speakerOf(n Node, in map[ID][]ID, byID map[ID]*Node, speaker map[ID]ID, byPerson map[ID]*expertFile) (*expertFile, string) {
	for _, ya := range in[n.NodeID] {
		if byID[ya].Type != "YA" {
			continue
		}
		for _, l := range in[ya] {
			if byID[l].Type != "L" {
				continue
			}
			if x := byPerson[speaker[l]]; x != nil {
				text := byID[l].Text
				if i := strings.Index(text, ":"); i >= 0 && i < 80 {
					text = strings.TrimSpace(text[i+1:])
				}
				return x, text
			}
		}
	}
	if x := b.experts["unattributed"]; x != nil {
		return x, ""
	}
	b.used["unattributed"] = true
	return b.add(&expertFile{ID: "unattributed", Name: "Unattributed"}), ""
}

// claim returns the claim of a reference.
func (b *builder) claim(ref string) *claimFile {
	e, c, _ := strings.Cut(ref, "/")
	x := b.experts[e]
	return &x.Claims[x.index[c]]
}

// The files, as TOML.
type debateFile struct {
	Title        string            `toml:"title"`
	Date         string            `toml:"date,omitempty"`
	Description  string            `toml:"description,omitempty"`
	BottomLine   string            `toml:"bottom_line,omitempty"`
	KeyPoints    []string          `toml:"key_points,omitempty"`
	Notes        string            `toml:"notes,omitempty"`
	Source       *sourceFile       `toml:"source,omitempty"`
	Sources      []sourceFile      `toml:"sources,omitempty"`
	Propositions []propositionFile `toml:"propositions"`
}

type sourceFile struct {
	ID        string `toml:"id,omitempty"`
	Title     string `toml:"title"`
	Publisher string `toml:"publisher,omitempty"`
	URL       string `toml:"url,omitempty"`
	Date      string `toml:"date,omitempty"`
}

// newPropositionFile writes a proposition as check accepts it: the deprecated tag "policy"
// (which an older debate's model keeps among its tags) becomes the kind policy.
func newPropositionFile(p *argmap.Proposition) propositionFile {
	pf := propositionFile{ID: p.ID, Text: p.Text, Kind: string(p.Kind)}
	for _, t := range p.Tags {
		if argmap.IsPolicyTag(t) && (pf.Kind == "" || pf.Kind == string(argmap.PolicyProposition)) {
			pf.Kind = string(argmap.PolicyProposition)
			continue
		}
		pf.Tags = append(pf.Tags, t)
	}
	return pf
}

type propositionFile struct {
	ID   string   `toml:"id"`
	Text string   `toml:"text"`
	Kind string   `toml:"kind,omitempty"`
	Tags []string `toml:"tags,omitempty"`
}

type expertFile struct {
	ID          string       `toml:"id"`
	Name        string       `toml:"name"`
	Role        string       `toml:"role,omitempty"`
	Affiliation string       `toml:"affiliation,omitempty"`
	Source      string       `toml:"source,omitempty"`
	Claims      []claimFile  `toml:"claims,omitempty"`
	Stances     []stanceFile `toml:"stances,omitempty"`

	used  map[string]bool
	index map[string]int
}

type claimFile struct {
	ID       string   `toml:"id"`
	Kind     string   `toml:"kind"`
	Text     string   `toml:"text"`
	Quote    string   `toml:"quote,omitempty"`
	Implicit bool     `toml:"implicit,omitzero"`
	Source   string   `toml:"source,omitempty"`
	Supports []string `toml:"supports,omitempty"`
	Attacks  []string `toml:"attacks,omitempty"`
}

type stanceFile struct {
	Proposition string   `toml:"proposition"`
	Position    string   `toml:"position"`
	Confidence  int      `toml:"confidence,omitzero"`
	Inferred    bool     `toml:"inferred,omitzero"`
	Evidence    []string `toml:"evidence,omitempty"`
	Quote       string   `toml:"quote,omitempty"`
	Note        string   `toml:"note,omitempty"`
}

func encode(v any) []byte {
	var b bytes.Buffer
	b.WriteString("# Imported from AIF by argmap import.\n")
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		panic(err) // the structs above always encode
	}
	return b.Bytes()
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
