package graph

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/argmap-dev/argmap/internal/golden"
)

func seed(t testing.TB) *argmap.Debate {
	t.Helper()
	d, diags := argmap.Load("../../seeds/camp-taji", argmap.Options{})
	if d == nil {
		t.Fatalf("seed: %v", diags)
	}
	return d
}

var seedViews = []struct {
	name string
	opt  Options
}{
	{"whole", Options{}},
	{"expert-kadhim", Options{View: Expert, Expert: "kadhim"}},
	{"proposition-deterrence", Options{View: Proposition, Proposition: "soleimani-restored-deterrence", Depth: 2}},
	{"conflicts", Options{View: Conflicts, IDs: true, NoLegend: true}},
}

func TestSeedGolden(t *testing.T) {
	d := seed(t)
	for _, v := range seedViews {
		t.Run(v.name, func(t *testing.T) {
			m, err := New(d, v.opt)
			if err != nil {
				t.Fatal(err)
			}
			got := m.DOT()
			if again := mustNew(t, d, v.opt).DOT(); !bytes.Equal(got, again) {
				t.Fatal("DOT differs between two builds of the same map")
			}
			golden.Check(t, filepath.Join("testdata", v.name+".dot"), got)
		})
	}
}

func mustNew(t *testing.T, d *argmap.Debate, opt Options) *Map {
	t.Helper()
	m, err := New(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestViewsSelect(t *testing.T) {
	d := seed(t)
	whole := mustNew(t, d, Options{})
	claims, props, stances, _ := whole.Counts()
	if claims != d.ClaimCount() || props != len(d.Propositions) {
		t.Errorf("whole map shows %d claims, %d propositions; want %d, %d", claims, props, d.ClaimCount(), len(d.Propositions))
	}
	nStances := 0
	for _, e := range d.Experts {
		nStances += len(e.Stances)
	}
	if stances != nStances {
		t.Errorf("whole map shows %d stances; want %d", stances, nStances)
	}

	k := mustNew(t, d, Options{View: Expert, Expert: "kadhim"})
	kadhim, _ := d.Expert("kadhim")
	if c, p, s, _ := k.Counts(); c != len(kadhim.Claims) || s != len(kadhim.Stances) || p != len(kadhim.Stances) {
		t.Errorf("expert map counts = %d claims, %d props, %d stances", c, p, s)
	}
	for ref := range k.claims {
		if !strings.HasPrefix(ref, "kadhim/") {
			t.Errorf("expert map shows %s", ref)
		}
	}

	// Conflicts: every claim shown attacks or is attacked across experts, or supports one
	// that does; and every cross-expert attack is shown.
	c := mustNew(t, d, Options{View: Conflicts})
	involved := map[string]bool{}
	for _, e := range d.Experts {
		for _, cl := range e.Claims {
			for _, ref := range cl.Attacks {
				if !strings.HasPrefix(ref, e.ID+"/") {
					involved[cl.Ref], involved[ref] = true, true
				}
			}
		}
	}
	for ref := range c.claims {
		cl, _ := d.Claim(ref)
		ok := involved[ref]
		for _, s := range cl.Supports {
			ok = ok || involved[s]
		}
		if !ok {
			t.Errorf("conflicts map shows %s, which is not in a collision", ref)
		}
	}
	for ref := range involved {
		if _, ok := c.claims[ref]; !ok {
			t.Errorf("conflicts map misses %s", ref)
		}
	}
	if _, p, s, _ := c.Counts(); p != 0 || s != 0 {
		t.Errorf("conflicts map shows %d propositions and %d stances; want none", p, s)
	}

	// Proposition: deeper maps show at least as much.
	prev := 0
	for depth := 0; depth <= 3; depth++ {
		m := mustNew(t, d, Options{View: Proposition, Proposition: "military-retaliation", Depth: depth})
		n, p, s, _ := m.Counts()
		if p != 1 || s != len(d.Addressing("military-retaliation")) {
			t.Errorf("depth %d: %d propositions, %d stances", depth, p, s)
		}
		if n < prev {
			t.Errorf("depth %d shows %d claims, fewer than depth %d", depth, n, depth-1)
		}
		prev = n
	}
}

func TestUnknownIDs(t *testing.T) {
	d := seed(t)
	_, err := New(d, Options{View: Expert, Expert: "kadhin"})
	if err == nil || !strings.Contains(err.Error(), `did you mean "kadhim"?`) {
		t.Errorf("unknown expert: err = %v", err)
	}
	_, err = New(d, Options{View: Proposition, Proposition: "nope"})
	if err == nil || !strings.Contains(err.Error(), "no proposition") {
		t.Errorf("unknown proposition: err = %v", err)
	}
	if _, err = New(d, Options{RankDir: "XY"}); err == nil {
		t.Error("invalid rankdir accepted")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"short", 10, []string{"short"}},
		{"", 10, []string{""}},
		{"abcdefghijklmnop xy", 6, []string{"abcdef", "ghijkl", "mnop", "xy"}},
		{"الحكومة العراقية مسؤولة", 10, []string{"الحكومة", "العراقية", "مسؤولة"}},
		{"日本語の文章です とても長い", 8, []string{"日本語の", "文章です", "とても長", "い"}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q; want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// hostile is a debate whose every text tries to break out of DOT, HTML or SVG.
func hostile(t testing.TB) *argmap.Debate {
	t.Helper()
	files := []argmap.File{
		{Path: "debate.toml", Data: []byte(`title = "<script>alert(1)</script> & \"title\""
[[propositions]]
id = "p"
text = "\"]; evil -> x [label=\"pwned Ünïcödé 🙂 الحكومة"
`)},
		{Path: "experts/a.toml", Data: []byte(`id = "a"
name = "Zoë \"<b>\" O'Neil"
role = "back\\slash \\N \\G ]; }"
[[claims]]
id = "c"
kind = "premise"
text = "<script>alert('x')</script> & \"]; edge -> injected"
quote = "quote with </title> and \\\"escapes\\\""
supports = ["r"]
[[claims]]
id = "r"
kind = "recommendation"
text = "Ship it\nnow; {braces} [brackets] 日本語"
[[stances]]
proposition = "p"
position = "strongly-agree"
quote = "\"]; x"
`)},
	}
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		t.Fatalf("hostile debate: %v", diags)
	}
	return d
}

// TestNativeDotAcceptsOurDOT runs Debian's Graphviz on every view, the hostile one included.
// It skips only where dot is absent outside CI.
func TestNativeDotAcceptsOurDOT(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must have Graphviz's dot (make test installs it)")
		}
		t.Skip("no native dot")
	}
	maps := map[string][]byte{"hostile": mustNew(t, hostile(t), Options{IDs: true}).DOT()}
	for _, v := range seedViews {
		maps[v.name] = mustNew(t, seed(t), v.opt).DOT()
	}
	for name, src := range maps {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(src)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || errb.Len() > 0 {
			t.Errorf("%s: native dot: %v: %s", name, err, errb.String())
			continue
		}
		if name == "hostile" {
			for _, s := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;]; evil", "Zoë", "🙂", "الحكومة", "日本語", `back\slash \N \G ]; }`} {
				if !strings.Contains(out.String(), s) {
					t.Errorf("hostile SVG from native dot lacks %q", s)
				}
			}
			if strings.Contains(out.String(), "injected\"") || strings.Contains(out.String(), "<script>") {
				t.Errorf("hostile text escaped its label")
			}
		}
	}
}

// TestPropositionDepth: each step of --depth adds the supporters of the claims shown.
func TestPropositionDepth(t *testing.T) {
	d := seed(t)
	for _, tc := range []struct {
		depth      int
		shown, not []string
	}{
		{0, []string{"hof/privates-wont-deter"}, []string{"hof/tehran-probing", "hof/strikes-reported"}},
		{1, []string{"hof/privates-wont-deter", "hof/tehran-probing", "hof/strikes-reported"}, nil},
		{9, []string{"hof/tehran-probing", "hof/strikes-reported"}, nil},
	} {
		m := mustNew(t, d, Options{View: Proposition, Proposition: "military-retaliation", Depth: tc.depth})
		for _, ref := range tc.shown {
			if _, ok := m.claims[ref]; !ok {
				t.Errorf("depth %d: %s not shown", tc.depth, ref)
			}
		}
		for _, ref := range tc.not {
			if _, ok := m.claims[ref]; ok {
				t.Errorf("depth %d: %s shown", tc.depth, ref)
			}
		}
	}
	var counts []int
	for depth := range 4 {
		c, _, _, _ := mustNew(t, d, Options{View: Proposition, Proposition: "military-retaliation", Depth: depth}).Counts()
		counts = append(counts, c)
	}
	if counts[0] >= counts[1] || counts[1] > counts[2] || counts[2] > counts[3] {
		t.Errorf("claims shown by depth 0..3 = %v; want growing from 0 to 1, never shrinking", counts)
	}
}

// TestClaimAttrs: shapes follow the kind; every implicit claim is dashed, whatever its kind.
func TestClaimAttrs(t *testing.T) {
	for _, tc := range []struct {
		kind     argmap.Kind
		implicit bool
		shape    string
	}{
		{argmap.Premise, false, "shape=box"},
		{argmap.Premise, true, "shape=box"},
		{argmap.Conclusion, false, "shape=box"},
		{argmap.Conclusion, true, "shape=box"},
		{argmap.Recommendation, false, "shape=hexagon"},
		{argmap.Recommendation, true, "shape=hexagon"},
	} {
		got := claimAttrs(&argmap.Claim{Kind: tc.kind, Implicit: tc.implicit})
		if !strings.Contains(got, tc.shape) || strings.Contains(got, "dashed") != tc.implicit {
			t.Errorf("claimAttrs(%s, implicit %v) = %s; want %s, dashed only if implicit", tc.kind, tc.implicit, got, tc.shape)
		}
	}
}

// TestExpertStubs: an expert's view shows the other side of every collision with them, as a
// stub with its attack edge, and nothing else of the other experts.
func TestExpertStubs(t *testing.T) {
	d := seed(t)
	for _, e := range d.Experts {
		m := mustNew(t, d, Options{View: Expert, Expert: e.ID})
		dot := string(m.DOT())
		for _, c := range m.allDebateClaims() {
			for _, ref := range c.Attacks {
				t2, _ := d.Claim(ref)
				if (c.Expert == e.ID) == (t2.Expert == e.ID) {
					continue // within one expert, or between two others
				}
				other := c
				if c.Expert == e.ID {
					other = t2
				}
				if !strings.Contains(dot, `id="stub:`+other.Ref+`"`) {
					t.Errorf("%s: no stub for %s", e.ID, other.Ref)
				}
				if !strings.Contains(dot, `id="attacks:`+c.Ref+":"+ref+`"`) {
					t.Errorf("%s: no attack edge %s -> %s", e.ID, c.Ref, ref)
				}
			}
		}
		for ref := range m.stubs {
			if strings.HasPrefix(ref, e.ID+"/") {
				t.Errorf("%s: own claim %s drawn as a stub", e.ID, ref)
			}
		}
	}
}

// TestLegendFitsView: the legend lists what the view draws and nothing else.
func TestLegendFitsView(t *testing.T) {
	d := seed(t)
	for _, tc := range []struct {
		name       string
		opt        Options
		has, lacks []string
	}{
		{"whole", Options{}, []string{"premise", "conclusion", "recommendation", "implicit", "supports", "attacks", "stance", "strongly agree"}, []string{"another expert"}},
		{"expert", Options{View: Expert, Expert: "kadhim"}, []string{"another expert", "attacks", "stance"}, []string{"implicit", " mixed"}},
		{"conflicts", Options{View: Conflicts}, []string{"attacks"}, []string{"stance", "agree"}},
	} {
		dot := string(mustNew(t, d, tc.opt).DOT())
		legend := dot[strings.Index(dot, `ID="legend"`):]
		legend = legend[:strings.Index(legend, "\n")] // the rest of the graph's label
		for _, s := range tc.has {
			if !strings.Contains(legend, s) {
				t.Errorf("%s: legend lacks %q", tc.name, s)
			}
		}
		for _, s := range tc.lacks {
			if strings.Contains(legend, s) {
				t.Errorf("%s: legend has %q, which the view does not draw", tc.name, s)
			}
		}
	}
}

// TestNotes: an empty conflicts view and a proposition nobody addresses say so, in the
// figure and through Note.
func TestNotes(t *testing.T) {
	files := []argmap.File{
		{Path: "debate.toml", Data: []byte("title = \"T\"\n[[propositions]]\nid = \"p\"\ntext = \"P\"\n[[propositions]]\nid = \"q\"\ntext = \"Q\"\n")},
		{Path: "experts/a.toml", Data: []byte("id = \"a\"\nname = \"A\"\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = \"C\"\n[[stances]]\nproposition = \"p\"\nposition = \"agree\"\nevidence = [\"c\"]\n")},
	}
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{View: Conflicts}, "no expert attacks another"},
		{Options{View: Proposition, Proposition: "q"}, `no expert addresses proposition "q"`},
		{Options{View: Proposition, Proposition: "p"}, ""},
		{Options{}, ""},
	} {
		m := mustNew(t, d, tc.opt)
		if got := m.Note(); !strings.Contains(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("view %d: Note() = %q; want %q", tc.opt.View, got, tc.want)
		}
		if tc.want != "" && !strings.Contains(string(m.DOT()), dotlabel.HTML(tc.want)) {
			t.Errorf("view %d: the figure does not say %q", tc.opt.View, tc.want)
		}
	}
	if dot := string(mustNew(t, d, Options{View: Proposition, Proposition: "q"}).DOT()); !strings.Contains(dot, "no expert addresses this") {
		t.Error("an unaddressed proposition's node does not say so")
	}
}

// TestEngineDOT: DOT for a force-directed engine asks for overlap removal and routed edges.
func TestEngineDOT(t *testing.T) {
	d := seed(t)
	for _, engine := range []string{"neato", "fdp"} {
		dot := string(mustNew(t, d, Options{Engine: engine}).DOT())
		for _, s := range []string{"overlap=false", "splines=true"} {
			if !strings.Contains(dot, s) {
				t.Errorf("%s: DOT lacks %s", engine, s)
			}
		}
	}
	// neato draws no clusters: claims take their expert's colour.
	if dot := string(mustNew(t, d, Options{Engine: "neato"}).DOT()); !strings.Contains(dot, `color="#8F6300", fillcolor="#FDF5E6", label="Iran restarted`) {
		t.Error("neato: claims do not show their expert's colour")
	}
	if dot := string(mustNew(t, d, Options{}).DOT()); strings.Contains(dot, "overlap=") {
		t.Error("dot's DOT asks for overlap removal")
	}
}

// TestBounds: a huge claim text is cut in its label and its tooltip; a map over the limits
// is refused with what to do instead.
func TestBounds(t *testing.T) {
	huge := strings.Repeat("word ", 1<<20) // 5 MiB
	files := []argmap.File{
		{Path: "debate.toml", Data: []byte("title = \"T\"\n[[propositions]]\nid = \"p\"\ntext = \"P\"\n")},
		{Path: "experts/a.toml", Data: []byte("id = \"a\"\nname = \"A\"\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = \"" + huge + "\"\n")},
	}
	d, diags := argmap.Parse(files, argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	dot := mustNew(t, d, Options{}).DOT()
	if len(dot) > 20_000 {
		t.Errorf("DOT of one 5 MiB claim is %d bytes; want its text cut", len(dot))
	}
	if !strings.Contains(string(dot), "\u2026") {
		t.Error("a cut label has no ellipsis")
	}

	big, diags := argmap.Parse(synth.Generate(synth.Config{Claims: MaxClaims + 1}), argmap.Options{})
	if big == nil {
		t.Fatal(diags)
	}
	_, err := New(big, Options{})
	var tooBig *TooBigError
	if !errors.As(err, &tooBig) || !strings.Contains(err.Error(), "--expert") || !strings.Contains(err.Error(), "matrix") {
		t.Errorf("map of %d claims: err = %v; want a TooBigError that says what to do", MaxClaims+1, err)
	}
	if _, err := New(big, Options{View: Expert, Expert: "e0000"}); err != nil {
		t.Errorf("one expert's view of a big debate: %v", err)
	}
}

// An evaluation's labels show on the claims: a claim that stands is plain, a defeated one
// grey and struck, an unsupported one faded with a mark, an undecided one with "?"; the
// legend explains them in one line.
func TestStatusMarks(t *testing.T) {
	d := seed(t)
	for _, ids := range []bool{false, true} {
		m, err := New(d, Options{View: Expert, Expert: "slavin", IDs: ids, Status: map[string]string{
			"slavin/deterrence-claim-mistaken": "defeated", "slavin/plausible-culprits": "in",
			"slavin/ill-prepared": "undecided", "slavin/escalation-irresponsible": "unsupported",
		}})
		if err != nil {
			t.Fatal(err)
		}
		lines := map[string]string{}
		for _, line := range strings.Split(string(m.DOT()), "\n") {
			if ref, _, ok := strings.Cut(strings.TrimPrefix(line, `    "`), `" [`); ok && strings.HasPrefix(ref, "slavin/") {
				lines[ref] = line
			}
		}
		for _, c := range []struct{ ref, want, not string }{
			{"slavin/deterrence-claim-mistaken", `fontcolor="#555555", label=<`, "? "},
			{"slavin/deterrence-claim-mistaken", "<S>", "\u2298"},
			{"slavin/plausible-culprits", "label=", `"IN\n`},
			{"slavin/plausible-culprits", "label=", "<B>IN"},
			{"slavin/plausible-culprits", "label=", "<S>"},
			{"slavin/ill-prepared", "? ", "<S>"},
			{"slavin/escalation-irresponsible", `fontcolor="#8C8C8C"`, "<S>"},
			{"slavin/escalation-irresponsible", "\u2298 ", "? "},
		} {
			line := lines[c.ref]
			if !strings.Contains(line, c.want) || strings.Contains(line, c.not) {
				t.Errorf("IDs %v: %s: node %s; want %q and no %q", ids, c.ref, line, c.want, c.not)
			}
		}
		if n := strings.Count(lines["slavin/deterrence-claim-mistaken"], "fillcolor="); n != 1 {
			t.Errorf("a defeated claim's node sets its fill %d times", n)
		}
		if !strings.Contains(string(m.DOT()), "evaluation: plain stands, <S>struck</S> grey defeated") {
			t.Errorf("the legend does not explain the evaluation")
		}
	}
	plain, _ := New(d, Options{View: Expert, Expert: "slavin"})
	if dot := string(plain.DOT()); strings.Contains(dot, "<S>") || strings.Contains(dot, "evaluation:") {
		t.Errorf("a map without an evaluation marks claims")
	}
}
