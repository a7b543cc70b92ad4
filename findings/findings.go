// Package findings words what a debate's stance matrix shows, as plain sentences that state
// their base: each says how many of the experts it rests on, marks results that rest on
// inferred stances or on a single expert, and names the propositions nobody addresses and
// the experts who take no stance. A proposition is never called the most divided, or agreed,
// without its count. The briefing's summary and argmap show print the same sentences.
package findings

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// Limits on how many items a sentence names; the rest are counted (and keyed).
const (
	maxConsensus = 3 // consensus propositions worded in full
	maxCruxes    = 2 // most divided propositions worded in full
	maxSingle    = 3 // propositions addressed by one expert, worded in full
	maxNamed     = 6 // experts named in a list
)

// Of returns the findings of the matrix m in reading order: what the experts address, where
// all who address a proposition agree, where they divide most, what rests on one expert,
// what nobody addresses and who takes no stance. Propositions are quoted with their key in
// the matrix (P1... in file order).
func Of(m *stances.Matrix) []string {
	w := newWriter(m)
	if w.experts == 0 {
		return []string{"The debate has no experts yet."}
	}
	w.scope()
	w.agreement()
	w.single()
	w.unaddressed()
	w.silentExperts()
	return w.out
}

// Paragraph returns the findings of m as one paragraph.
func Paragraph(m *stances.Matrix) string { return strings.Join(Of(m), " ") }

type writer struct {
	m       *stances.Matrix
	d       *argmap.Debate
	experts int
	keys    map[string]string
	stats   []stances.PropositionStats // file order
	out     []string
}

func newWriter(m *stances.Matrix) *writer {
	d := m.Debate()
	w := &writer{m: m, d: d, experts: len(d.Experts), keys: map[string]string{}}
	for j, p := range d.Propositions {
		w.keys[p.ID] = fmt.Sprintf("P%d", j+1)
	}
	byID := map[string]stances.PropositionStats{}
	for _, st := range m.PropositionStats() {
		byID[st.Proposition.ID] = st
	}
	for _, p := range d.Propositions {
		w.stats = append(w.stats, byID[p.ID])
	}
	return w
}

func (w *writer) add(format string, args ...any) {
	w.out = append(w.out, oneLine(fmt.Sprintf(format, args...)))
}

// quoted is a proposition as a sentence names it: its text in quotes, then its key.
func (w *writer) quoted(p *argmap.Proposition) string {
	return "\u201c" + strings.TrimSuffix(oneLine(p.Text), ".") + "\u201d (" + w.keys[p.ID] + ")"
}

// scope says how many experts take positions on how many propositions, and how many of
// their stances are inferred.
func (w *writer) scope() {
	var stanced, stancesN, inferred int
	for _, e := range w.d.Experts {
		if len(e.Stances) > 0 {
			stanced++
		}
		for _, s := range e.Stances {
			stancesN++
			if s.Inferred {
				inferred++
			}
		}
	}
	addressed := 0
	for _, st := range w.stats {
		if st.Addressed > 0 {
			addressed++
		}
	}
	props, claims := len(w.d.Propositions), w.d.ClaimCount()
	if stanced == 0 {
		w.add("None of the %s takes a position on the %s; they argue with %s.",
			count(w.experts, "expert"), count(props, "shared proposition"), count(claims, "claim"))
		return
	}
	who := count(w.experts, "expert")
	if stanced < w.experts {
		who = fmt.Sprintf("%d of %s", stanced, who)
	}
	what := count(props, "shared proposition")
	if addressed < props {
		what = fmt.Sprintf("%d of %s", addressed, what)
	}
	verb := "take"
	if who == "1 expert" {
		verb = "takes"
	}
	w.add("%s %s positions on %s, arguing with %s.", who, verb, what, count(claims, "claim"))
	switch {
	case inferred == 0:
	case inferred == stancesN && stancesN == 1:
		w.add("That one stance is inferred: implied, not stated.")
	case inferred == stancesN:
		w.add("%s stances are inferred: implied, not stated.", all(stancesN))
	default:
		w.add("%d of the %d stances %s inferred: implied, not stated.", inferred, stancesN, map[bool]string{true: "is", false: "are"}[inferred == 1])
	}
}

// agreement words the consensus and the cruxes: who agrees where, and where they divide
// most, each with how many address it.
func (w *writer) agreement() {
	if w.experts == 1 {
		w.add("With one expert, there is no agreement or division to report.")
		return
	}
	multi := 0 // propositions addressed by two or more
	for _, st := range w.stats {
		if st.Addressed >= 2 {
			multi++
		}
	}
	if multi == 0 {
		w.add("No proposition is addressed by more than one expert, so none shows agreement or division.")
		return
	}
	cons, cruxes := w.m.Consensus(), w.m.Cruxes()
	for _, c := range cons[:min(len(cons), maxConsensus)] {
		w.add("%s.", w.consensus(c))
	}
	if rest := cons[min(len(cons), maxConsensus):]; len(rest) > 0 {
		w.add("On %s more (%s), everyone who addresses it takes one side.", count(len(rest), "proposition"), w.keyList(rest))
	}
	if len(cons) == 0 && multi > 1 {
		w.add("On none of the %s addressed by two or more experts do they all take one side.", count(multi, "proposition"))
	}
	switch len(cruxes) {
	case 0:
		if multi == 1 {
			w.add("No proposition divides them: on the one addressed by two or more experts, they all take one side.")
		} else {
			w.add("No proposition divides them: on each of the %d addressed by two or more experts, they all take one side.", multi)
		}
	case 1:
		w.add("They divide on one proposition only, %s: %s.", w.quoted(cruxes[0].Proposition), w.sides(cruxes[0]))
	default:
		w.add("They divide most on %s: %s.", w.quoted(cruxes[0].Proposition), w.sides(cruxes[0]))
		w.add("Next most divided is %s: %s.", w.quoted(cruxes[1].Proposition), w.sides(cruxes[1]))
		if len(cruxes) > maxCruxes {
			w.add("In all, they take different sides on %d of the %s addressed by two or more experts.", len(cruxes), count(multi, "proposition"))
		}
	}
}

// consensus words one proposition on which all who address it take one side.
func (w *writer) consensus(c stances.Crux) string {
	voices := append(append(append([]stances.Voice{}, c.Agree...), c.Mixed...), c.Disagree...)
	verb := map[string]string{stances.ConsensusAgree: "agree with", stances.ConsensusDisagree: "disagree with", stances.ConsensusMixed: "are mixed on"}[c.Consensus]
	var s string
	if c.Addressed == w.experts {
		s = fmt.Sprintf("%s experts %s %s", all(c.Addressed), verb, w.quoted(c.Proposition))
	} else {
		s = fmt.Sprintf("%d of %d experts %s %s, the only ones who address it", c.Addressed, w.experts, verb, w.quoted(c.Proposition))
	}
	switch k := inferredCount(voices); {
	case k == 0:
	case k == len(voices):
		s += ", " + strings.ToLower(all(k)) + " only by inference"
	default:
		s += fmt.Sprintf(", %d of them only by inference", k)
	}
	return s
}

// sides words how a divided proposition splits, out of how many.
func (w *writer) sides(c stances.Crux) string {
	var parts []string
	for _, s := range []struct {
		n    int
		word string
	}{{len(c.Agree), "for"}, {len(c.Mixed), "mixed"}, {len(c.Disagree), "against"}} {
		if s.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", s.n, s.word))
		}
	}
	s := join(parts, "and")
	if c.Addressed == w.experts {
		s += ", of " + strings.ToLower(all(w.experts)) + " experts"
	} else {
		s += fmt.Sprintf(", of the %d of %d experts who address it", c.Addressed, w.experts)
	}
	voices := append(append(append([]stances.Voice{}, c.Agree...), c.Mixed...), c.Disagree...)
	switch k := inferredCount(voices); {
	case k == 0:
	case k == 1:
		s += " (1 stance inferred)"
	case k == len(voices):
		s += " (all stances inferred)"
	default:
		s += fmt.Sprintf(" (%d stances inferred)", k)
	}
	return s
}

// single words the propositions only one expert addresses.
func (w *writer) single() {
	if w.experts == 1 {
		return // the scope says what the one expert addresses
	}
	var ones []stances.PropositionStats
	for _, st := range w.stats {
		if st.Addressed == 1 {
			ones = append(ones, st)
		}
	}
	for _, st := range ones[:min(len(ones), maxSingle)] {
		e := w.d.Addressing(st.Proposition.ID)[0]
		s, _ := e.Stance(st.Proposition.ID)
		how := ""
		if s.Inferred {
			how = ", and only by inference"
		}
		w.add("Only 1 of %s (%s, %s) addresses %s%s.", count(w.experts, "expert"), oneLine(e.Name), words(s.Position), w.quoted(st.Proposition), how)
	}
	if rest := ones[min(len(ones), maxSingle):]; len(rest) > 0 {
		var keys []string
		for _, st := range rest {
			keys = append(keys, w.keys[st.Proposition.ID])
		}
		w.add("Only one expert each addresses %s more (%s).", count(len(rest), "proposition"), strings.Join(keys, ", "))
	}
}

// unaddressed names the propositions no expert takes a stance on.
func (w *writer) unaddressed() {
	var names []string
	for _, st := range w.stats {
		if st.Addressed == 0 {
			names = append(names, w.quoted(st.Proposition))
		}
	}
	if len(names) > 0 {
		w.add("No expert addresses %s.", join(names, "or"))
	}
}

// silentExperts names the experts who take no stance.
func (w *writer) silentExperts() {
	var names []string
	for _, e := range w.d.Experts {
		if len(e.Stances) == 0 {
			names = append(names, oneLine(e.Name))
		}
	}
	switch {
	case len(names) == 0:
	case len(names) == 1:
		w.add("%s takes no stance on any proposition.", names[0])
	case len(names) > maxNamed:
		w.add("%d experts take no stance on any proposition: %s and %d more.", len(names), strings.Join(names[:maxNamed], ", "), len(names)-maxNamed)
	default:
		w.add("%s take no stance on any proposition.", join(names, "and"))
	}
}

func (w *writer) keyList(cs []stances.Crux) string {
	var keys []string
	for _, c := range cs {
		keys = append(keys, w.keys[c.Proposition.ID])
	}
	return strings.Join(keys, ", ")
}

func inferredCount(vs []stances.Voice) int {
	n := 0
	for _, v := range vs {
		if v.Stance.Inferred {
			n++
		}
	}
	return n
}

// words writes a position as a verb phrase: "agrees", "strongly disagrees", "is mixed".
func words(p argmap.Position) string {
	switch {
	case p >= argmap.StronglyAgree:
		return "who strongly agrees"
	case p == argmap.Agree:
		return "who agrees"
	case p == argmap.Mixed:
		return "who is mixed"
	case p == argmap.Disagree:
		return "who disagrees"
	}
	return "who strongly disagrees"
}

// join lists items in prose: "a", "a and b", "a, b and c".
func join(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// all is "Both" for two, else "All n" ("All" alone after a lower-cased "all").
func all(n int) string {
	if n == 2 {
		return "Both"
	}
	return fmt.Sprintf("All %d", n)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// oneLine folds line breaks and runs of white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }
