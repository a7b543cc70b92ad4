package argmap

import (
	"fmt"
	"strings"
)

// Debate is a validated debate: shared propositions and the experts who argue about them.
// Its JSON form (see docs/json.md) is the contract other tools build on.
type Debate struct {
	Title       string `json:"title"`
	Date        string `json:"date,omitempty"`
	Description string `json:"description,omitempty"`
	// BottomLine is the curator's conclusion in a short paragraph, what a reader should take
	// away first; KeyPoints are its few supporting points. Notes are the curator's notes on
	// method (how the experts were chosen, how stances were read), shown last.
	BottomLine string   `json:"bottom_line,omitempty"`
	KeyPoints  []string `json:"key_points,omitempty"`
	Notes      string   `json:"notes,omitempty"`
	Source     *Source  `json:"source,omitempty"`
	// Sources are the publications of a debate that draws on several ([[sources]]), each
	// with an id that experts and claims name; Source is then nil.
	Sources      []*Source      `json:"sources,omitempty"`
	Propositions []*Proposition `json:"propositions"`
	Experts      []*Expert      `json:"experts"`

	props   map[string]*Proposition
	experts map[string]*Expert
	claims  map[string]*Claim
}

// Source is where the experts' reactions were published.
type Source struct {
	ID        string `json:"id,omitempty"` // in [[sources]] only
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Date      string `json:"date,omitempty"`
}

// Proposition is a statement experts take stances on.
type Proposition struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Kind says what sort of question the proposition is, or is "" when the curator did
	// not say.
	Kind PropositionKind `json:"kind,omitempty"`
	Tags []string        `json:"tags,omitempty"`
}

// PropositionKind is the sort of question a proposition asks.
type PropositionKind string

// The proposition kinds.
const (
	PolicyProposition PropositionKind = "policy" // what someone should do
	FactProposition   PropositionKind = "fact"   // what is, was or will be the case
	ValueProposition  PropositionKind = "value"  // a judgement: good or bad, right or wrong
)

var propositionKinds = []string{string(PolicyProposition), string(FactProposition), string(ValueProposition)}

// IsPolicy reports whether the proposition is a policy question: opposite stances on it are
// opposing recommendations.
func (p *Proposition) IsPolicy() bool { return p.Kind == PolicyProposition }

// IsPolicyTag reports whether tag is "policy", in any case: the tag that marked a policy
// question before Proposition.Kind existed. It is deprecated: check warns about it and gives
// a proposition so tagged, and of no kind, the policy kind. A writer of debates writes the
// kind instead.
func IsPolicyTag(tag string) bool { return strings.EqualFold(tag, string(PolicyProposition)) }

// Expert is one voice in the debate, with their reasoning and stances.
type Expert struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	SortName    string `json:"sort_name,omitempty"` // the name to sort by, when the last word of Name is not the family name
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	// Source names the source (a [[sources]] id) the expert's words come from, if the
	// debate has several.
	Source  string    `json:"source,omitempty"`
	Claims  []*Claim  `json:"claims"`
	Stances []*Stance `json:"stances"`
}

// Kind is the role of a claim in an expert's argument.
type Kind string

// The claim kinds.
const (
	Premise        Kind = "premise"        // a reason the expert offers
	Conclusion     Kind = "conclusion"     // a thesis argued for that is not a call to action
	Recommendation Kind = "recommendation" // what someone should do
)

// Kinds lists the claim kinds in the order they are documented.
var kinds = []Kind{Premise, Conclusion, Recommendation}

// Claim is one statement in an expert's reasoning. Supports and Attacks hold full
// references ("expert/claim").
type Claim struct {
	Ref      string `json:"ref"`
	ID       string `json:"id"`
	Expert   string `json:"expert"`
	Kind     Kind   `json:"kind"`
	Text     string `json:"text"`
	Quote    string `json:"quote,omitempty"`
	Implicit bool   `json:"implicit,omitempty"`
	// Source names the source the claim's quote comes from when it is not its expert's.
	Source   string   `json:"source,omitempty"`
	Supports []string `json:"supports,omitempty"`
	Attacks  []string `json:"attacks,omitempty"`
}

// Stance is an expert's position on a proposition. Evidence holds full claim references.
// Confidence is 1-10, or 0 when the curator gave none.
type Stance struct {
	Expert      string   `json:"expert"`
	Proposition string   `json:"proposition"`
	Position    Position `json:"position"`
	Confidence  int      `json:"confidence,omitempty"`
	Inferred    bool     `json:"inferred,omitempty"`
	Evidence    []string `json:"evidence,omitempty"`
	Quote       string   `json:"quote,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Position is a stance on the 5-point scale, from -2 (strongly disagree) to 2 (strongly
// agree). A proposition an expert does not address has no Stance at all: it is never a
// Position.
type Position int

// The positions of the 5-point scale.
const (
	StronglyDisagree Position = -2
	Disagree         Position = -1
	Mixed            Position = 0
	Agree            Position = 1
	StronglyAgree    Position = 2
)

var positionNames = []string{"strongly-disagree", "disagree", "mixed", "agree", "strongly-agree"}

// String returns the position's name as written in TOML ("strongly-agree").
func (p Position) String() string {
	if p < StronglyDisagree || p > StronglyAgree {
		return fmt.Sprintf("Position(%d)", int(p))
	}
	return positionNames[p+2]
}

// Symbol returns the position as a short symbol: ++ + ~ - --.
func (p Position) Symbol() string {
	return [...]string{"--", "-", "~", "+", "++"}[min(max(p, -2), 2)+2]
}

// MarshalText writes the position's name.
func (p Position) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a position's name.
func (p *Position) UnmarshalText(b []byte) error {
	q, ok := ParsePosition(string(b))
	if !ok {
		return fmt.Errorf("invalid position %q: want one of %s", b, strings.Join(PositionNames(), ", "))
	}
	*p = q
	return nil
}

// ParsePosition reads a position's name ("agree").
func ParsePosition(s string) (Position, bool) {
	for i, n := range positionNames {
		if n == s {
			return Position(i - 2), true
		}
	}
	return 0, false
}

// PositionNames lists the valid position names, strongest agreement first.
func PositionNames() []string {
	return []string{"strongly-agree", "agree", "mixed", "disagree", "strongly-disagree"}
}

// SourceOf returns the id of the source a claim's quote comes from: the claim's own, else
// its expert's, else the debate's first source ("" for a debate with one [source]).
func (d *Debate) SourceOf(e *Expert, c *Claim) string {
	switch {
	case c != nil && c.Source != "":
		return c.Source
	case e.Source != "":
		return e.Source
	case len(d.Sources) > 0:
		return d.Sources[0].ID
	}
	return ""
}

// Proposition returns the proposition with the given id.
func (d *Debate) Proposition(id string) (*Proposition, bool) {
	p, ok := d.props[id]
	return p, ok
}

// Expert returns the expert with the given id.
func (d *Debate) Expert(id string) (*Expert, bool) {
	e, ok := d.experts[id]
	return e, ok
}

// Claim returns the claim with the given full reference ("expert/claim").
func (d *Debate) Claim(ref string) (*Claim, bool) {
	c, ok := d.claims[ref]
	return c, ok
}

// Stance returns an expert's stance on a proposition; ok is false when the expert does not
// address it.
func (e *Expert) Stance(proposition string) (s *Stance, ok bool) {
	for _, s := range e.Stances {
		if s.Proposition == proposition {
			return s, true
		}
	}
	return nil, false
}

// ClaimCount returns how many claims the debate holds.
func (d *Debate) ClaimCount() int {
	n := 0
	for _, e := range d.Experts {
		n += len(e.Claims)
	}
	return n
}

// Addressing returns the experts who take a stance on the proposition, in debate order.
func (d *Debate) Addressing(proposition string) []*Expert {
	var out []*Expert
	for _, e := range d.Experts {
		if _, ok := e.Stance(proposition); ok {
			out = append(out, e)
		}
	}
	return out
}

// index builds the lookup tables; the debate must hold unique ids.
func (d *Debate) index() {
	d.props = make(map[string]*Proposition, len(d.Propositions))
	d.experts = make(map[string]*Expert, len(d.Experts))
	d.claims = map[string]*Claim{}
	for _, p := range d.Propositions {
		d.props[p.ID] = p
	}
	for _, e := range d.Experts {
		d.experts[e.ID] = e
		for _, c := range e.Claims {
			d.claims[c.Ref] = c
		}
	}
}
