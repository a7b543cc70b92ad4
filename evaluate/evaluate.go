package evaluate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/table"
)

// Semantics names an evaluation.
type Semantics string

// The semantics offered.
const (
	Support   Semantics = "support" // the default: support and attack (see Bipolar)
	Grounded  Semantics = "grounded"
	Preferred Semantics = "preferred"
)

// SemanticsNames lists the semantics offered, the default first.
var SemanticsNames = []string{string(Support), string(Grounded), string(Preferred)}

// Options choose the evaluation.
type Options struct {
	Semantics Semantics // "" means Support
	// Accept and Reject are claim references the reader accepts or rejects whatever the
	// debate says (what if): accepted claims are in, rejected ones defeated (out), and the
	// rest is labelled around them (support and grounded semantics).
	Accept, Reject []string
	// Expert, when set, evaluates from that expert's side: their claims that the grounded
	// labelling leaves undecided are assumed in, in file order, unless a claim that is in
	// by then attacks them (grounded semantics only).
	Expert string
}

// Result is the evaluation of a debate.
type Result struct {
	Semantics Semantics `json:"semantics"`
	Expert    string    `json:"expert,omitempty"`
	Note      string    `json:"note,omitempty"`
	Counts    Counts    `json:"counts"`
	Claims    []Claim   `json:"claims"`
	// Extensions are the preferred extensions, as claim references (preferred only).
	Extensions [][]string `json:"extensions,omitempty"`
}

// Counts counts the claims by label.
type Counts struct {
	In  int `json:"in"`
	Out int `json:"out"` // with the support semantics: defeated and unsupported
	// Defeated and Unsupported split Out (support semantics).
	Defeated    int `json:"defeated,omitempty"`
	Unsupported int `json:"unsupported,omitempty"`
	Undecided   int `json:"undecided"`
}

// Claim is one claim's label and the reason for it. With the preferred semantics a claim
// is in when it is in every preferred extension, out when every one attacks it, and
// undecided otherwise (Accepted then says in how many it is).
type Claim struct {
	Ref      string `json:"ref"`
	Label    Label  `json:"label"`
	Why      string `json:"why"`
	Accepted int    `json:"in_extensions,omitempty"`
}

// UnknownClaimError is the error of an accepted or rejected reference that names no claim.
type UnknownClaimError struct {
	Ref  string
	Hint string // the nearest reference, or ""
}

func (e *UnknownClaimError) Error() string {
	if e.Hint != "" {
		return fmt.Sprintf("no claim %q in this debate (did you mean %q?)", e.Ref, e.Hint)
	}
	return fmt.Sprintf("no claim %q in this debate (references are expert/claim)", e.Ref)
}

// ErrAcceptedAndRejected is the error of a claim the reader both accepts and rejects.
var ErrAcceptedAndRejected = errors.New("both accepted and rejected")

// Evaluate evaluates the debate's claims.
func Evaluate(d *argmap.Debate, opt Options) (*Result, error) {
	if opt.Semantics == "" {
		opt.Semantics = Support
	}
	if opt.Semantics != Support && opt.Semantics != Grounded && opt.Semantics != Preferred {
		return nil, fmt.Errorf("unknown semantics %q: want support, grounded or preferred", opt.Semantics)
	}
	var claims []*argmap.Claim
	index := map[string]int{}
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			index[c.Ref] = len(claims)
			claims = append(claims, c)
		}
	}
	what := map[int]string{} // the claims the reader accepts or rejects
	var accept, reject []int
	for _, l := range []struct {
		refs []string
		to   *[]int
		verb string
	}{{opt.Accept, &accept, "accepted"}, {opt.Reject, &reject, "rejected"}} {
		for _, ref := range l.refs {
			i, ok := index[ref]
			if !ok {
				refs := make([]string, len(claims))
				for j, c := range claims {
					refs[j] = c.Ref
				}
				return nil, &UnknownClaimError{Ref: ref, Hint: argmap.Suggest(ref, refs)}
			}
			if w, twice := what[i]; twice && w != l.verb {
				return nil, fmt.Errorf("claim %q: %w", ref, ErrAcceptedAndRejected)
			}
			what[i] = l.verb
			*l.to = append(*l.to, i)
		}
	}
	if len(what) > 0 && (opt.Semantics == Preferred || opt.Expert != "") {
		return nil, fmt.Errorf("accepting or rejecting claims works with the support and grounded semantics, without an expert's side")
	}
	var pairs, supports [][2]int
	for i, c := range claims {
		for _, to := range c.Attacks {
			if j, ok := index[to]; ok {
				pairs = append(pairs, [2]int{i, j})
			}
		}
		for _, to := range c.Supports {
			if j, ok := index[to]; ok {
				supports = append(supports, [2]int{i, j})
			}
		}
	}
	r := &Result{Semantics: opt.Semantics, Expert: opt.Expert}
	if opt.Semantics == Support {
		if opt.Expert != "" {
			return nil, fmt.Errorf("--expert evaluates under the grounded semantics only")
		}
		needs := make([]bool, len(claims))
		for i, c := range claims {
			needs[i] = c.Kind != argmap.Premise
		}
		b := NewBipolar(len(claims), pairs, supports, needs)
		labels := b.Label(accept, reject)
		for a, c := range claims {
			r.Claims = append(r.Claims, Claim{Ref: c.Ref, Label: labels[a], Why: supportWhy(b, claims, labels, a, what[a])})
		}
		if len(pairs) == 0 && len(supports) == 0 {
			r.Note = "no claim attacks or supports another: every claim is in"
		}
		r.count()
		return r, nil
	}
	f := NewFramework(len(claims), pairs)
	if len(pairs) == 0 {
		r.Note = "no claim attacks another: every claim is in"
	}
	var labels []Label
	favoured := map[int]bool{}
	switch {
	case opt.Semantics == Preferred && opt.Expert != "":
		return nil, fmt.Errorf("--expert evaluates under the grounded semantics only")
	case opt.Semantics == Preferred:
		exts, err := f.Preferred()
		if err != nil {
			return nil, err
		}
		labels = make([]Label, len(claims))
		count := make([]int, len(claims))
		for _, ext := range exts {
			var refs []string
			for _, a := range ext {
				count[a]++
				refs = append(refs, claims[a].Ref)
			}
			r.Extensions = append(r.Extensions, refs)
		}
		for a := range claims {
			switch {
			case count[a] == len(exts):
				labels[a] = In
			case count[a] == 0 && attackedByAll(f, a, exts):
				labels[a] = Out
			}
		}
		for a, c := range claims {
			r.Claims = append(r.Claims, Claim{Ref: c.Ref, Label: labels[a], Accepted: count[a],
				Why: preferredWhy(labels[a], count[a], len(exts))})
		}
	default:
		if opt.Expert != "" {
			e, ok := d.Expert(opt.Expert)
			if !ok {
				return nil, fmt.Errorf("no expert %q", opt.Expert)
			}
			var own []int
			for _, c := range e.Claims {
				own = append(own, index[c.Ref])
			}
			grounded := f.Grounded()
			labels = f.Favouring(own)
			for a, l := range labels {
				if l != grounded[a] {
					favoured[a] = true
				}
			}
		} else if len(what) > 0 {
			// Dung's grounded labelling is the support one without supports.
			labels = NewBipolar(len(claims), pairs, nil, nil).Label(accept, reject)
			for a, l := range labels {
				if l == Defeated {
					labels[a] = Out
				}
			}
		} else {
			labels = f.Grounded()
		}
		for a, c := range claims {
			why := groundedWhy(f, claims, labels, a, favoured[a], opt.Expert)
			if w := what[a]; w != "" {
				why = w + " by the reader (what if)"
			}
			r.Claims = append(r.Claims, Claim{Ref: c.Ref, Label: labels[a], Why: why})
		}
	}
	r.count()
	return r, nil
}

func (r *Result) count() {
	for _, c := range r.Claims {
		switch c.Label {
		case In:
			r.Counts.In++
		case Out:
			r.Counts.Out++
		case Defeated:
			r.Counts.Out++
			r.Counts.Defeated++
		case Unsupported:
			r.Counts.Out++
			r.Counts.Unsupported++
		default:
			r.Counts.Undecided++
		}
	}
}

// supportWhy says in one line why a claim has its label under the support semantics.
func supportWhy(f *Bipolar, claims []*argmap.Claim, labels []Label, a int, what string) string {
	if what != "" {
		return what + " by the reader (what if)"
	}
	refs := func(of []int, keep func(b int) bool) string {
		var out []string
		for _, b := range of {
			if keep(b) {
				out = append(out, claims[b].Ref)
			}
		}
		return strings.Join(out, ", ")
	}
	is := func(l Label) func(int) bool { return func(b int) bool { return labels[b] == l } }
	out := func(b int) bool { return labels[b] != In && labels[b] != Undecided }
	switch labels[a] {
	case In:
		var parts []string
		if f.Needs[a] {
			parts = append(parts, "stands on "+refs(f.Reasons[a], is(In)))
		}
		if len(f.Attackers[a]) > 0 {
			parts = append(parts, "every attacker fell: "+refs(f.Attackers[a], out))
		} else if !f.Needs[a] {
			parts = append(parts, "not attacked")
		}
		return strings.Join(parts, "; ")
	case Defeated:
		in := refs(f.Attackers[a], is(In))
		if strings.Contains(in, ", ") {
			return "defeated by " + in + ", which stand"
		}
		return "defeated by " + in + ", which stands"
	case Unsupported:
		if left := refs(f.Reasons[a], func(b int) bool { return !out(b) }); left != "" {
			return "its reasons rest on each other in a circle: " + left
		}
		return "every reason fell: " + refs(f.Reasons[a], out)
	}
	if u := refs(f.Attackers[a], is(Undecided)); u != "" {
		return "attacked by " + u + ": a cycle of attacks that nothing settles"
	}
	return "its reasons are undecided: " + refs(f.Reasons[a], is(Undecided))
}

// attackedByAll reports whether every extension attacks a.
func attackedByAll(f *Framework, a int, exts [][]int) bool {
	for _, ext := range exts {
		hit := false
		for _, b := range ext {
			hit = hit || f.Attacks(b, a)
		}
		if !hit {
			return false
		}
	}
	return len(exts) > 0
}

func preferredWhy(l Label, n, of int) string {
	switch {
	case l == In && of == 1:
		return "in the one preferred extension"
	case l == In:
		return fmt.Sprintf("in all %d preferred extensions", of)
	case l == Out:
		return "attacked by every preferred extension"
	case n == 0:
		return "in no preferred extension"
	default:
		return fmt.Sprintf("in %d of %d preferred extensions", n, of)
	}
}

func groundedWhy(f *Framework, claims []*argmap.Claim, labels []Label, a int, assumed bool, expert string) string {
	refs := func(keep func(b int) bool) string {
		var out []string
		for _, b := range f.Attackers[a] {
			if keep(b) {
				out = append(out, claims[b].Ref)
			}
		}
		return strings.Join(out, ", ")
	}
	switch labels[a] {
	case In:
		switch {
		case len(f.Attackers[a]) == 0:
			return "not attacked"
		case assumed && claims[a].Expert == expert:
			return "assumed from " + expert + "'s side: no claim that is in attacks it"
		default:
			return "every attacker is out: " + refs(func(int) bool { return true })
		}
	case Out:
		in := refs(func(b int) bool { return labels[b] == In })
		if strings.Contains(in, ", ") {
			return "attacked by " + in + ", which are in"
		}
		return "attacked by " + in + ", which is in"
	}
	if f.Attacks(a, a) {
		return "attacks itself"
	}
	return "attacked by " + refs(func(b int) bool { return labels[b] == Undecided }) + ": a cycle of attacks that nothing settles"
}

// WriteText writes the evaluation as a table for the terminal.
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	side := ""
	if r.Expert != "" {
		side = " from " + r.Expert + "'s side"
	}
	name := strings.ToUpper(string(r.Semantics[:1])) + string(r.Semantics[1:])
	if r.Semantics == Support {
		fmt.Fprintf(&b, "%s evaluation: %d claims: %d in, %d defeated, %d unsupported, %d undecided\n", name,
			len(r.Claims), r.Counts.In, r.Counts.Defeated, r.Counts.Unsupported, r.Counts.Undecided)
	} else {
		fmt.Fprintf(&b, "%s evaluation%s: %d claims: %d in, %d out, %d undecided\n", name, side,
			len(r.Claims), r.Counts.In, r.Counts.Out, r.Counts.Undecided)
	}
	if r.Note != "" {
		fmt.Fprintf(&b, "%s\n", r.Note)
	}
	for i, ext := range r.Extensions {
		fmt.Fprintf(&b, "preferred extension %d: %d claims\n", i+1, len(ext))
	}
	b.WriteString("\n")
	t := table.Table{Header: []string{"CLAIM", "LABEL", "WHY"}}
	for _, c := range r.Claims {
		t.Rows = append(t.Rows, []string{c.Ref, c.Label.String(), c.Why})
	}
	if err := t.Write(&b); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the evaluation as indented JSON.
func WriteJSON(w io.Writer, r *Result) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
