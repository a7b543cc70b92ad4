// Package diff compares two versions of a debate, for reviewing a curation change: experts,
// propositions and claims added, removed or reworded, claims moved between kinds, support
// and attack links added and removed, and stances whose position, confidence or inferred
// flag changed.
//
// Items are matched by id: a claim renamed from one id to another is one claim removed and
// one added.
package diff

import (
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// Op is what happened to an item.
type Op string

// The operations.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Changed Op = "changed"
)

// Report lists the differences between two debates, each list in the new debate's order
// with what was removed after, in the old debate's order.
type Report struct {
	Old          string              `json:"old"`
	New          string              `json:"new"`
	Title        *Field              `json:"title,omitempty"`
	Experts      []ExpertChange      `json:"experts"`
	Propositions []PropositionChange `json:"propositions"`
	Claims       []ClaimChange       `json:"claims"`
	Links        []LinkChange        `json:"links"`
	Stances      []StanceChange      `json:"stances"`
}

// Field is a value that changed.
type Field struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// ExpertChange is an expert added or removed, or whose name, role or affiliation changed.
type ExpertChange struct {
	Op          Op     `json:"op"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	NameChange  *Field `json:"name_change,omitempty"`
	Role        *Field `json:"role,omitempty"`
	Affiliation *Field `json:"affiliation,omitempty"`
}

// PropositionChange is a proposition added, removed, reworded, or given another kind or
// other tags.
type PropositionChange struct {
	Op   Op     `json:"op"`
	ID   string `json:"id"`
	Text string `json:"text"` // the new text (the old one when removed)
	Was  *Field `json:"text_change,omitempty"`
	Kind *Field `json:"kind_change,omitempty"`
	Tags *Field `json:"tags_change,omitempty"`
}

// ClaimChange is a claim added, removed, reworded (text or quote), moved to another kind,
// or made implicit or stated.
type ClaimChange struct {
	Op       Op          `json:"op"`
	Ref      string      `json:"ref"`
	Kind     argmap.Kind `json:"kind"`
	Text     string      `json:"text"`
	TextWas  *Field      `json:"text_change,omitempty"`
	QuoteWas *Field      `json:"quote_change,omitempty"`
	KindWas  *Field      `json:"kind_change,omitempty"`
	Implicit *Field      `json:"implicit_change,omitempty"`
}

// LinkChange is a support or attack added or removed.
type LinkChange struct {
	Op   Op     `json:"op"`
	From string `json:"from"`
	Rel  string `json:"relation"` // "supports" or "attacks"
	To   string `json:"to"`
}

// StanceChange is a stance taken, dropped, or changed in position, confidence or the
// inferred flag. Old and New are nil for a stance added or removed.
type StanceChange struct {
	Op          Op          `json:"op"`
	Expert      string      `json:"expert"`
	Proposition string      `json:"proposition"`
	Old         *StanceView `json:"old,omitempty"`
	New         *StanceView `json:"new,omitempty"`
}

// StanceView is what a stance says, for comparison.
type StanceView struct {
	Position   argmap.Position `json:"position"`
	Confidence int             `json:"confidence,omitempty"`
	Inferred   bool            `json:"inferred,omitempty"`
}

// Count returns the number of differences.
func (r *Report) Count() int {
	n := len(r.Experts) + len(r.Propositions) + len(r.Claims) + len(r.Links) + len(r.Stances)
	if r.Title != nil {
		n++
	}
	return n
}

// Compare compares the debate old with new; the labels name them in reports.
func Compare(old, new *argmap.Debate, oldLabel, newLabel string) *Report {
	r := &Report{Old: oldLabel, New: newLabel}
	if old.Title != new.Title {
		r.Title = &Field{old.Title, new.Title}
	}
	r.Experts = compareExperts(old, new)
	r.Propositions = compareProps(old, new)
	r.Claims = compareClaims(old, new)
	r.Links = compareLinks(old, new)
	r.Stances = compareStances(old, new)
	return r
}

// field returns a Field when a and b differ.
func field(a, b string) *Field {
	if a == b {
		return nil
	}
	return &Field{a, b}
}

func compareExperts(old, new *argmap.Debate) []ExpertChange {
	var out []ExpertChange
	for _, e := range new.Experts {
		o, ok := old.Expert(e.ID)
		if !ok {
			out = append(out, ExpertChange{Op: Added, ID: e.ID, Name: e.Name})
			continue
		}
		c := ExpertChange{Op: Changed, ID: e.ID, Name: e.Name, NameChange: field(o.Name, e.Name),
			Role: field(o.Role, e.Role), Affiliation: field(o.Affiliation, e.Affiliation)}
		if c.NameChange != nil || c.Role != nil || c.Affiliation != nil {
			out = append(out, c)
		}
	}
	for _, o := range old.Experts {
		if _, ok := new.Expert(o.ID); !ok {
			out = append(out, ExpertChange{Op: Removed, ID: o.ID, Name: o.Name})
		}
	}
	return out
}

func compareProps(old, new *argmap.Debate) []PropositionChange {
	var out []PropositionChange
	for _, p := range new.Propositions {
		o, ok := old.Proposition(p.ID)
		if !ok {
			out = append(out, PropositionChange{Op: Added, ID: p.ID, Text: p.Text})
			continue
		}
		c := PropositionChange{Op: Changed, ID: p.ID, Text: p.Text, Was: field(o.Text, p.Text),
			Kind: field(string(o.Kind), string(p.Kind)), Tags: field(strings.Join(o.Tags, ", "), strings.Join(p.Tags, ", "))}
		if c.Was != nil || c.Kind != nil || c.Tags != nil {
			out = append(out, c)
		}
	}
	for _, o := range old.Propositions {
		if _, ok := new.Proposition(o.ID); !ok {
			out = append(out, PropositionChange{Op: Removed, ID: o.ID, Text: o.Text})
		}
	}
	return out
}

func boolString(b bool) string {
	if b {
		return "implicit"
	}
	return "stated"
}

func compareClaims(old, new *argmap.Debate) []ClaimChange {
	var out []ClaimChange
	for _, e := range new.Experts {
		for _, c := range e.Claims {
			o, ok := old.Claim(c.Ref)
			if !ok {
				out = append(out, ClaimChange{Op: Added, Ref: c.Ref, Kind: c.Kind, Text: c.Text})
				continue
			}
			ch := ClaimChange{Op: Changed, Ref: c.Ref, Kind: c.Kind, Text: c.Text,
				TextWas: field(o.Text, c.Text), QuoteWas: field(o.Quote, c.Quote),
				KindWas: field(string(o.Kind), string(c.Kind)), Implicit: field(boolString(o.Implicit), boolString(c.Implicit))}
			if ch.TextWas != nil || ch.QuoteWas != nil || ch.KindWas != nil || ch.Implicit != nil {
				out = append(out, ch)
			}
		}
	}
	for _, e := range old.Experts {
		for _, o := range e.Claims {
			if _, ok := new.Claim(o.Ref); !ok {
				out = append(out, ClaimChange{Op: Removed, Ref: o.Ref, Kind: o.Kind, Text: o.Text})
			}
		}
	}
	return out
}

// links lists a debate's support and attack links in order.
func links(d *argmap.Debate) []LinkChange {
	var out []LinkChange
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			for _, to := range c.Supports {
				out = append(out, LinkChange{From: c.Ref, Rel: "supports", To: to})
			}
			for _, to := range c.Attacks {
				out = append(out, LinkChange{From: c.Ref, Rel: "attacks", To: to})
			}
		}
	}
	return out
}

func compareLinks(old, new *argmap.Debate) []LinkChange {
	ol, nl := links(old), links(new)
	set := func(ls []LinkChange) map[LinkChange]bool {
		m := make(map[LinkChange]bool, len(ls))
		for _, l := range ls {
			m[l] = true
		}
		return m
	}
	inOld, inNew := set(ol), set(nl)
	var out []LinkChange
	for _, l := range nl {
		if !inOld[l] {
			l.Op = Added
			out = append(out, l)
		}
	}
	for _, l := range ol {
		if !inNew[l] {
			l.Op = Removed
			out = append(out, l)
		}
	}
	return out
}

func view(s *argmap.Stance) *StanceView {
	return &StanceView{Position: s.Position, Confidence: s.Confidence, Inferred: s.Inferred}
}

func compareStances(old, new *argmap.Debate) []StanceChange {
	var out []StanceChange
	for _, e := range new.Experts {
		oe, _ := old.Expert(e.ID)
		for _, s := range e.Stances {
			var o *argmap.Stance
			ok := false
			if oe != nil {
				o, ok = oe.Stance(s.Proposition)
			}
			switch {
			case !ok:
				out = append(out, StanceChange{Op: Added, Expert: e.ID, Proposition: s.Proposition, New: view(s)})
			case *view(o) != *view(s):
				out = append(out, StanceChange{Op: Changed, Expert: e.ID, Proposition: s.Proposition, Old: view(o), New: view(s)})
			}
		}
	}
	for _, oe := range old.Experts {
		ne, _ := new.Expert(oe.ID)
		for _, o := range oe.Stances {
			ok := false
			if ne != nil {
				_, ok = ne.Stance(o.Proposition)
			}
			if !ok {
				out = append(out, StanceChange{Op: Removed, Expert: oe.ID, Proposition: o.Proposition, Old: view(o)})
			}
		}
	}
	return out
}
