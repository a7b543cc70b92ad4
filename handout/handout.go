// Package handout writes a class handout from a debate: a worksheet on which the experts are
// "Analyst A", "Analyst B", ... (a shuffle fixed by a seed) with their claims as numbered
// statements and exercises generated from the data, and, separately, the answer key that
// names the analysts and gives the stance matrix, each recommendation's supports, the
// attacks across analysts and the map of the whole debate. The key lists every source in
// full, and in a debate with several [[sources]] numbers the source after each quote.
//
// A handout is built once as a list of blocks (headings, paragraphs, lists, tables, the map)
// and written as Markdown (for learning-platform pages), self-contained HTML (printable) or
// PDF (A4, laid out with tdewolff/canvas). The same debate, seed and format give the same
// bytes.
//
// The worksheet must not give the analysts away. It holds no name, role, affiliation, expert
// id or claim reference of any expert: statements are numbered, the map is left out (its
// labels, ids and tooltips carry the names), each source is named by its title alone (its
// page names the analysts), and every text it quotes from the debate (title, description,
// propositions, claims, quotes) has each expert's name, the words of it, their sort name,
// id and affiliation replaced by their letter or "[affiliation]".
//
// Implicit claims (supplied by the curator, not said by the expert) are kept, marked
// "(unstated)", so that the support and attack exercises see every link.
package handout

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/stances"
)

// Format is an output format of a handout.
type Format string

// The formats a handout is written in.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	PDF      Format = "pdf"
)

// Formats lists the formats, in the order help texts name them.
func Formats() []Format { return []Format{PDF, HTML, Markdown} }

// ParseFormat returns the format named s ("md" or "markdown", "html", "pdf").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "md", "markdown":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	case "pdf":
		return PDF, nil
	}
	return "", fmt.Errorf("unknown handout format %q: want pdf, html or md", s)
}

// DefaultSeed is the seed of the shuffle that gives the analysts their letters when none is
// chosen.
const DefaultSeed = 1

// Options shape a handout.
type Options struct {
	// Seed fixes the shuffle that gives the analysts their letters: the worksheet and the key
	// made with the same seed agree.
	Seed int64
	// Key asks for the answer key instead of the worksheet.
	Key bool
}

// Handout is a worksheet or answer key, ready to write in any format.
type Handout struct {
	d      *argmap.Debate
	m      *stances.Matrix
	key    bool
	blocks []block

	analysts []*argmap.Expert  // in letter order
	letter   map[string]string // expert id -> letter
	number   map[string]int    // claim ref -> statement number
	prop     map[string]int    // proposition id -> number
	redact   *redactor
}

// New builds the worksheet (or with opt.Key the answer key) of d.
func New(d *argmap.Debate, opt Options) *Handout {
	h := &Handout{d: d, m: stances.New(d, stances.Options{Order: stances.ByFile}), key: opt.Key}
	h.analysts = slices.Clone(d.Experts)
	r := rand.New(rand.NewPCG(uint64(opt.Seed), 0x68616e646f7574)) // "handout"
	r.Shuffle(len(h.analysts), func(i, j int) { h.analysts[i], h.analysts[j] = h.analysts[j], h.analysts[i] })
	h.letter = make(map[string]string, len(d.Experts))
	for i, e := range h.analysts {
		h.letter[e.ID] = Letter(i)
	}
	h.number, h.prop = map[string]int{}, map[string]int{}
	n := 0
	for _, e := range h.analysts {
		for _, c := range e.Claims {
			n++
			h.number[c.Ref] = n
		}
	}
	for i, p := range d.Propositions {
		h.prop[p.ID] = i + 1
	}
	h.redact = newRedactor(d.Experts, h.letter)
	if opt.Key {
		h.buildKey()
	} else {
		h.buildWorksheet()
	}
	return h
}

// Letter returns the letter of the i-th analyst: A to Z, then AA, AB, ...
func Letter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func (h *Handout) analyst(id string) string { return "Analyst " + h.letter[id] }

// text is a debate text as the document shows it: in the worksheet, with the experts
// redacted.
func (h *Handout) text(s string) string {
	if h.key {
		return s
	}
	return h.redact.apply(s)
}

func (h *Handout) statement(c *argmap.Claim) string {
	s := h.text(c.Text)
	if c.Implicit {
		s += " (unstated)"
	}
	if c.Quote != "" {
		s += " \u2014 \u201c" + h.text(c.Quote) + "\u201d"
		if n := h.sourceNote(c); n > 0 {
			s += fmt.Sprintf(" [%d]", n)
		}
	}
	return s
}

// sourceNote is the number of the source a claim's quote comes from, in the key of a debate
// with several [[sources]] (numbered as listed); 0 elsewhere.
func (h *Handout) sourceNote(c *argmap.Claim) int {
	if !h.key || len(h.d.Sources) == 0 {
		return 0
	}
	e, _ := h.d.Expert(c.Expert)
	id := h.d.SourceOf(e, c)
	for i, s := range h.d.Sources {
		if s.ID == id {
			return i + 1
		}
	}
	return 0
}

// sourceLine is a source as the key lists it: title, publisher, date and URL in full.
func sourceLine(s *argmap.Source) string {
	line := s.Title
	for _, x := range []string{s.Publisher, s.Date, s.URL} {
		if x != "" {
			line += ", " + x
		}
	}
	return line
}

func (h *Handout) propLabel(id string) string { return "P" + strconv.Itoa(h.prop[id]) }

func (h *Handout) add(b ...block) { h.blocks = append(h.blocks, b...) }

// event is the title block and the event's description, in both documents.
func (h *Handout) event(kind string) {
	d := h.d
	h.add(heading(1, h.text(d.Title)+" \u2014 "+kind))
	var meta []string
	if d.Date != "" {
		meta = append(meta, "Date: "+d.Date)
	}
	if d.Source != nil && d.Source.Title != "" {
		src := "Source: " + h.text(d.Source.Title)
		if h.key {
			src = "Source: " + sourceLine(d.Source)
		}
		meta = append(meta, src)
	}
	if len(d.Sources) > 0 && !h.key { // the titles alone: their pages name the analysts
		var titles []string
		for _, s := range d.Sources {
			titles = append(titles, h.text(s.Title))
		}
		meta = append(meta, "Sources: "+strings.Join(titles, "; "))
	}
	if len(meta) > 0 {
		h.add(para(sentences(meta)))
	}
	if len(d.Sources) > 0 && h.key {
		var srcs []item
		for i, s := range d.Sources {
			srcs = append(srcs, item{strconv.Itoa(i + 1), sourceLine(s)})
		}
		h.add(para("Sources (the number in brackets after a quote):"), list(srcs))
	}
	if d.Description != "" {
		h.add(para(h.text(d.Description)))
	}
}

func (h *Handout) buildWorksheet() {
	h.event("Worksheet")
	h.add(para(fmt.Sprintf("%d analysts reacted to these events. Their names are hidden: they are Analyst %s to Analyst %s. "+
		"Read their statements, then do the exercises. Statements marked (unstated) are assumptions the analyst relies on without saying them.",
		len(h.analysts), Letter(0), Letter(max(len(h.analysts)-1, 0)))))

	h.add(heading(2, "The analysts' statements"))
	for _, e := range h.analysts {
		h.add(heading(3, h.analyst(e.ID)))
		h.add(h.statements(e.Claims))
	}

	h.add(heading(2, "The propositions"))
	var props []item
	for _, p := range h.d.Propositions {
		props = append(props, item{h.propLabel(p.ID), h.text(p.Text)})
	}
	h.add(list(props))

	h.add(heading(2, "Exercises"))
	h.add(heading(3, "(a) Where does each analyst stand?"))
	h.add(para("For each proposition an analyst addresses, write their position on the 5-point scale: " +
		"++ strongly agree, + agree, ~ mixed, \u2212 disagree, \u2212\u2212 strongly disagree. A dash marks a proposition the analyst does not address. " +
		"Give the number of the statement that tells you."))
	h.add(h.grid(func(s *argmap.Stance) string {
		if s == nil {
			return "\u2014"
		}
		return " "
	}))

	h.add(heading(3, "(b) What supports each recommendation?"))
	h.add(para("List the numbers of the statements that directly support each recommendation."))
	var recs []item
	for _, c := range h.recommendations() {
		recs = append(recs, item{strconv.Itoa(h.number[c.Ref]), h.text(c.Text) + " (" + h.analyst(c.Expert) + ")  Supported by: ________"})
	}
	h.add(listOr(recs, "(No analyst makes a recommendation in this debate.)"))

	h.add(heading(3, "(c) Find the collisions"))
	n := len(h.crossAttacks())
	h.add(para(fmt.Sprintf("Some statements attack a statement of another analyst: %d such attack%s in all. "+
		"Find them: for each, write \u201cstatement X attacks statement Y\u201d and say in a sentence why X, if true, weakens Y.", n, plural(n))))

	h.add(heading(3, "(d) Discuss"))
	cruxes := h.cruxes()
	if len(cruxes) == 0 {
		h.add(para("(The analysts are not divided on any proposition.)"))
	}
	var prompts []item
	for _, c := range cruxes {
		prompts = append(prompts, item{h.propLabel(c.Proposition.ID), fmt.Sprintf("\u201c%s\u201d The analysts are divided on this. "+
			"What would have to be true for each side to be right, and which statement of each side carries the most weight? "+
			"What evidence would change your mind?", h.text(c.Proposition.Text))})
	}
	if len(prompts) > 0 {
		h.add(list(prompts))
	}
}

func (h *Handout) buildKey() {
	h.event("Answer key")
	h.add(para("Keep this key from the students: it names the analysts."))

	h.add(heading(2, "Who the analysts are"))
	rows := [][]string{}
	for _, e := range h.analysts {
		rows = append(rows, []string{h.letter[e.ID], e.Name, e.Role, e.Affiliation})
	}
	h.add(table([]string{"Analyst", "Name", "Role", "Affiliation"}, rows, false))

	h.add(heading(2, "(a) The stance matrix"))
	h.add(para("++ strongly agree, + agree, ~ mixed, \u2212 disagree, \u2212\u2212 strongly disagree; a * marks a stance the curator inferred; \u2014 not addressed. " +
		"In brackets: the statements the stance rests on."))
	h.add(h.grid(func(s *argmap.Stance) string {
		if s == nil {
			return "\u2014"
		}
		v := strings.ReplaceAll(s.Position.Symbol(), "-", "\u2212")
		if s.Inferred {
			v += "*"
		}
		if nums := h.numbers(s.Evidence); nums != "" {
			v += " (" + nums + ")"
		}
		return v
	}))
	var props []item
	for _, p := range h.d.Propositions {
		props = append(props, item{h.propLabel(p.ID), p.Text})
	}
	h.add(list(props))

	h.add(heading(2, "(b) What supports each recommendation"))
	supporters := map[string][]string{}
	for _, e := range h.d.Experts {
		for _, c := range e.Claims {
			for _, t := range c.Supports {
				supporters[t] = append(supporters[t], c.Ref)
			}
		}
	}
	var recs []item
	for _, c := range h.recommendations() {
		s := "none"
		if sup := h.numbers(supporters[c.Ref]); sup != "" {
			s = sup
		}
		recs = append(recs, item{strconv.Itoa(h.number[c.Ref]), fmt.Sprintf("%s (%s): supported by %s", c.Text, h.letter[c.Expert], s)})
	}
	h.add(listOr(recs, "No analyst makes a recommendation."))

	h.add(heading(2, "(c) The collisions"))
	var atts []item
	for _, a := range h.crossAttacks() {
		atts = append(atts, item{"", fmt.Sprintf("%d (%s, %s) attacks %d (%s, %s)",
			h.number[a[0].Ref], h.letter[a[0].Expert], a[0].Text, h.number[a[1].Ref], h.letter[a[1].Expert], a[1].Text)})
	}
	h.add(listOr(atts, "No statement attacks another analyst's."))

	h.add(heading(2, "(d) The cruxes"))
	var cr []item
	for _, c := range h.cruxes() {
		side := func(vs []stances.Voice) string {
			var l []string
			for _, v := range vs {
				l = append(l, h.letter[v.Expert.ID]+" "+strings.ReplaceAll(v.Stance.Position.Symbol(), "-", "\u2212"))
			}
			if len(l) == 0 {
				return "nobody"
			}
			return strings.Join(l, ", ")
		}
		cr = append(cr, item{h.propLabel(c.Proposition.ID), fmt.Sprintf("%s Agree: %s. Mixed: %s. Disagree: %s.",
			c.Proposition.Text, side(c.Agree), side(c.Mixed), side(c.Disagree))})
	}
	h.add(listOr(cr, "The analysts are divided on no proposition."))

	h.add(heading(2, "The statements"))
	for _, e := range h.analysts {
		h.add(heading(3, h.analyst(e.ID)+": "+e.Name))
		h.add(h.statements(e.Claims))
	}
	h.add(heading(2, "The map"))
	h.add(block{kind: mapBlock, text: "The whole debate: each analyst's claims in a box of their colour, support as thin blue arrows, attacks as heavy lines ending in a bar, stances as labelled edges to the propositions."})
}

// statements lists claims as numbered statements.
func (h *Handout) statements(claims []*argmap.Claim) block {
	var items []item
	for _, c := range claims {
		items = append(items, item{strconv.Itoa(h.number[c.Ref]), h.statement(c)})
	}
	return list(items)
}

// grid is a propositions × analysts table with the cell that cell gives each stance (nil:
// not addressed).
func (h *Handout) grid(cell func(*argmap.Stance) string) block {
	head := []string{"Proposition"}
	for _, e := range h.analysts {
		head = append(head, h.letter[e.ID])
	}
	var rows [][]string
	for _, p := range h.d.Propositions {
		row := []string{h.propLabel(p.ID)}
		for _, e := range h.analysts {
			row = append(row, cell(h.m.Stance(e.ID, p.ID)))
		}
		rows = append(rows, row)
	}
	return table(head, rows, true)
}

// numbers gives the statement numbers of refs, ascending.
func (h *Handout) numbers(refs []string) string {
	var ns []int
	for _, r := range refs {
		if n, ok := h.number[r]; ok {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	ns = slices.Compact(ns)
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// recommendations returns the recommendations in statement order.
func (h *Handout) recommendations() []*argmap.Claim {
	var out []*argmap.Claim
	for _, e := range h.analysts {
		for _, c := range e.Claims {
			if c.Kind == argmap.Recommendation {
				out = append(out, c)
			}
		}
	}
	return out
}

// crossAttacks returns the attacks of one expert's claim on another's, as pairs (attacker,
// attacked) in statement order.
func (h *Handout) crossAttacks() [][2]*argmap.Claim {
	var out [][2]*argmap.Claim
	for _, e := range h.analysts {
		for _, c := range e.Claims {
			for _, t := range c.Attacks {
				if tc, ok := h.d.Claim(t); ok && tc.Expert != c.Expert {
					out = append(out, [2]*argmap.Claim{c, tc})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b [2]*argmap.Claim) int {
		return cmp.Or(cmp.Compare(h.number[a[0].Ref], h.number[b[0].Ref]), cmp.Compare(h.number[a[1].Ref], h.number[b[1].Ref]))
	})
	return out
}

// maxCruxes caps the discussion prompts: the most divisive propositions.
const maxCruxes = 5

func (h *Handout) cruxes() []stances.Crux {
	c := h.m.Cruxes()
	return c[:min(len(c), maxCruxes)]
}

// sentences joins phrases as sentences, with a full stop after those that end with none.
func sentences(phrases []string) string {
	for i, s := range phrases {
		if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
			phrases[i] = s + "."
		}
	}
	return strings.Join(phrases, " ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Write writes the handout in format f. The key's map (HTML and PDF) is drawn with Graphviz;
// ctx stops a draw that has not started.
func (h *Handout) Write(ctx context.Context, w io.Writer, f Format) error {
	switch f {
	case Markdown:
		return h.writeMarkdown(w)
	case HTML:
		return h.writeHTML(ctx, w)
	case PDF:
		return h.writePDF(ctx, w)
	}
	return fmt.Errorf("unknown handout format %q", f)
}
