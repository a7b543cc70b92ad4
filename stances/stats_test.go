package stances

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/internal/tomlstr"
)

// absent is an undefined figure in the tables below.
var absent = Figure{}

func near(a, b Figure) bool {
	if a.OK != b.OK {
		return false
	}
	return !a.OK || math.Abs(a.Value-b.Value) < 1e-12
}

func (f Figure) String() string {
	if !f.OK {
		return "absent"
	}
	return fmt.Sprint(f.Value)
}

// Every figure below is worked out by hand in the comment beside it.
func TestPair(t *testing.T) {
	tests := []struct {
		a, b                          string // cells over the same propositions
		shared, agree, differ, oppose int
		agreement, distance, kappa    Figure
		note                          string
	}{
		// Same side on all four; |d| = 1,0,0,1; Σ(a-b)² = 2; E·n² = 4·10 + 4·4 - 0 = 56;
		// kappa = 1 - 4·2/56 = 6/7.
		{"++ + - --", "+ + - -", 4, 4, 0, 0, figure(1), figure(0.5), figure(6.0 / 7), ""},
		// Identical and varied: kappa 1.
		{"++ + ~ -", "++ + ~ -", 4, 4, 0, 0, figure(1), figure(0), figure(1), ""},
		// Opposite on all three; |d| = 4,2,2; Σ(a-b)² = 24; E·n² = 18 + 18 + 8 = 44;
		// kappa = 1 - 3·24/44 = -7/11.
		{"++ + -", "-- - +", 3, 0, 0, 3, figure(0), figure(8.0 / 3), figure(-7.0 / 11), ""},
		// Mixed agrees with mixed only: (~,~) same, (~,+) one mixed, (+,+) same, (-,+)
		// opposite; |d| = 0,1,0,2; Σ(a-b)² = 5; E·n² = 4·2 + 4·3 - 0 = 20; kappa = 1 - 20/20 = 0.
		{"~ ~ + -", "~ + + +", 4, 2, 1, 1, figure(0.5), figure(0.75), figure(0), ""},
		// Not addressed is left out: only p1 and p4 are shared, so too few for kappa.
		{"++ . + -", "+ -- . -", 2, 2, 0, 0, figure(1), figure(0.5), absent, NoteFewShared},
		// One shared proposition, on opposite sides.
		{"+ . .", "-- + +", 1, 0, 0, 1, figure(0), figure(3), absent, NoteFewShared},
		// One shared proposition, both mixed: same side.
		{"~ .", "~ ++", 1, 1, 0, 0, figure(1), figure(0), absent, NoteFewShared},
		// Nothing shared.
		{"+ .", ". -", 0, 0, 0, 0, absent, absent, absent, NoteNoShared},
		// An expert with no stance shares nothing.
		{". . .", "+ - ~", 0, 0, 0, 0, absent, absent, absent, NoteNoShared},
		// One expert constant: kappa undefined (the formula would give 0).
		{"+ + +", "+ ++ +", 3, 3, 0, 0, figure(1), figure(1.0 / 3), absent, NoteNoVariation},
		// Both constant at the same position: the formula would give 0/0.
		{"- - -", "- - -", 3, 3, 0, 0, figure(1), figure(0), absent, NoteNoVariation},
		// Inferred stances count like stated ones.
		{"++* +* -*", "++ + -", 3, 3, 0, 0, figure(1), figure(0), figure(1), ""},
	}
	for _, tt := range tests {
		n := len(strings.Fields(tt.a))
		m := New(fixture(t, n, "a: "+tt.a, "b: "+tt.b), Options{Order: ByFile})
		for _, order := range [][2]string{{"a", "b"}, {"b", "a"}} {
			p, ok := m.Pair(order[0], order[1])
			if !ok {
				t.Fatalf("Pair(%s, %s) not found", order[0], order[1])
			}
			in := fmt.Sprintf("%s: %q, %s: %q", order[0], tt.a, order[1], tt.b)
			if p.Shared != tt.shared || p.Agree != tt.agree || p.Differ != tt.differ || p.Oppose != tt.oppose {
				t.Errorf("Pair(%s) counts = %d shared %d/%d/%d; want %d shared %d/%d/%d", in,
					p.Shared, p.Agree, p.Differ, p.Oppose, tt.shared, tt.agree, tt.differ, tt.oppose)
			}
			if !near(p.Agreement, tt.agreement) {
				t.Errorf("Pair(%s).Agreement = %v; want %v", in, p.Agreement, tt.agreement)
			}
			if !near(p.Distance, tt.distance) {
				t.Errorf("Pair(%s).Distance = %v; want %v", in, p.Distance, tt.distance)
			}
			if !near(p.Kappa, tt.kappa) {
				t.Errorf("Pair(%s).Kappa = %v; want %v", in, p.Kappa, tt.kappa)
			}
			if p.Note != tt.note {
				t.Errorf("Pair(%s).Note = %q; want %q", in, p.Note, tt.note)
			}
		}
	}
}

func TestPairUnknown(t *testing.T) {
	m := New(fixture(t, 1, "a: +", "b: +"), Options{})
	for _, ab := range [][2]string{{"a", "a"}, {"a", "zz"}, {"zz", "b"}} {
		if _, ok := m.Pair(ab[0], ab[1]); ok {
			t.Errorf("Pair(%s, %s) ok = true; want false", ab[0], ab[1])
		}
	}
}

// TestSeedPairs checks the seed's figures worked out by hand from its TOML files (cells in
// file order: iran, soleimani, retaliation, de-escalate, condition-aid, iraq-responsibility,
// withdrawal-benefits-iran, withdrawal-harms-iraq).
func TestSeedPairs(t *testing.T) {
	m := New(seed(t), Options{})
	tests := []struct {
		a, b                       string
		shared, agree              int
		agreement, distance, kappa Figure
	}{
		// fontenrose 2,1,2,-1,1 and pfaff 1,0,1,1,1 on iran, retaliation, responsibility,
		// benefits, harms: |d| 1,1,1,2,0; Σ(a-b)² = 7; E·n² = 5·11 + 5·4 - 2·5·4 = 35; kappa 0.
		{"fontenrose", "pfaff", 5, 3, figure(0.6), figure(1), figure(0)},
		// fontenrose 1,2,-1 and kadhim -2,-1,1: Σ(a-b)² = 22; E·n² = 18 + 18 + 8 = 44;
		// kappa = 1 - 66/44 = -1/2.
		{"fontenrose", "kadhim", 3, 0, figure(0), figure(8.0 / 3), figure(-0.5)},
		// hof 1,1,-1 and slavin 1,-2,1: Σ(a-b)² = 13; E·n² = 9 + 18 - 0 = 27; kappa = 1 - 39/27.
		{"hof", "slavin", 3, 1, figure(1.0 / 3), figure(5.0 / 3), figure(1 - 39.0/27)},
		// kadhim -2,-1,-1,1 and pfaff 0,2,1,1: Σ(a-b)² = 17; E·n² = 28 + 24 + 24 = 76;
		// kappa = 1 - 68/76 = 2/19.
		{"kadhim", "pfaff", 4, 1, figure(0.25), figure(1.75), figure(2.0 / 19)},
		{"pfaff", "slavin", 1, 1, figure(1), figure(0), absent},
	}
	for _, tt := range tests {
		p, _ := m.Pair(tt.a, tt.b)
		if p.Shared != tt.shared || p.Agree != tt.agree || !near(p.Agreement, tt.agreement) ||
			!near(p.Distance, tt.distance) || !near(p.Kappa, tt.kappa) {
			t.Errorf("Pair(%s, %s) = %d shared, %d agree, %v, %v, %v; want %d, %d, %v, %v, %v", tt.a, tt.b,
				p.Shared, p.Agree, p.Agreement, p.Distance, p.Kappa, tt.shared, tt.agree, tt.agreement, tt.distance, tt.kappa)
		}
	}
	if got := len(m.Pairs()); got != 10 {
		t.Errorf("len(Pairs()) = %d; want 10", got)
	}
}

func TestPropositionStats(t *testing.T) {
	tests := []struct {
		column       string // one cell per expert
		addressed    int
		mean         Figure
		consensus    string
		divisiveness float64
	}{
		// var = (nΣx² - (Σx)²)/n² = (4·7 - 25)/16 = 3/16; /4 = 3/64.
		{"++ + + +", 4, figure(1.25), ConsensusAgree, 3.0 / 64},
		{"~ ~ .", 2, figure(0), ConsensusMixed, 0},
		// (2·5 - 9)/4 = 1/4; /4 = 1/16.
		{"- -- .", 2, figure(-1.5), ConsensusDisagree, 1.0 / 16},
		{"++ --", 2, figure(0), Divided, 1},
		// Mixed breaks a consensus: (2·1 - 1)/4 = 1/4; /4 = 1/16.
		{"+ ~", 2, figure(0.5), Divided, 1.0 / 16},
		// (3·6 - 4)/9 = 14/9; /4 = 7/18.
		{"++ + -", 3, figure(2.0 / 3), Divided, 7.0 / 18},
		{"+ . .", 1, figure(1), TooFew, 0},
		{". .", 0, absent, TooFew, 0},
	}
	for _, tt := range tests {
		var rows []string
		for i, c := range strings.Fields(tt.column) {
			rows = append(rows, fmt.Sprintf("e%d: %s", i, c))
		}
		st := New(fixture(t, 1, rows...), Options{}).PropositionStats()[0]
		if st.Addressed != tt.addressed || !near(st.Mean, tt.mean) || st.Consensus != tt.consensus ||
			math.Abs(st.Divisiveness-tt.divisiveness) > 1e-12 {
			t.Errorf("PropositionStats(%q) = %d, %v, %s, %v; want %d, %v, %s, %v", tt.column,
				st.Addressed, st.Mean, st.Consensus, st.Divisiveness, tt.addressed, tt.mean, tt.consensus, tt.divisiveness)
		}
	}
}

func TestCruxes(t *testing.T) {
	// p1 and p3: divisiveness 1 with 2 voices; p4: 1 with 4 voices; p2: 1/16; p5 is a
	// consensus and p6 has one voice: neither is a crux.
	d := fixture(t, 6,
		"a: ++ + ++ ++ + +",
		"b: -- ~ -- -- + .",
		"c: .  . .  ++ . .",
		"d: .  . .  -- . .",
	)
	var got []string
	for _, c := range New(d, Options{}).Cruxes() {
		got = append(got, c.Proposition.ID)
	}
	if want := []string{"p4", "p1", "p3", "p2"}; !slices.Equal(got, want) {
		t.Errorf("Cruxes() = %v; want %v", got, want)
	}

	// Voices: strongest first, then file order.
	d = fixture(t, 1, "a: +", "b: ++", "c: --", "d: ++", "e: -", "f: ~")
	c := New(d, Options{}).Cruxes()[0]
	ids := func(vs []Voice) string {
		var s []string
		for _, v := range vs {
			s = append(s, v.Expert.ID)
		}
		return strings.Join(s, " ")
	}
	if got := ids(c.Agree) + " | " + ids(c.Mixed) + " | " + ids(c.Disagree); got != "b d a | f | c e" {
		t.Errorf("Cruxes()[0] sides = %q; want %q", got, "b d a | f | c e")
	}
}

func TestSeedCruxes(t *testing.T) {
	// By hand: soleimani (1,-2) and condition-aid (-1,2) both 9/16 with 2 voices: file
	// order; de-escalate (-1,2,1) and responsibility (2,-1,1) both 7/18 with 3: file order;
	// retaliation (1,1,-2,0) 3/8; benefits (-1,1,1) 2/9. iran and harms are consensus.
	var got []string
	for _, c := range New(seed(t), Options{}).Cruxes() {
		got = append(got, fmt.Sprintf("%s %.4f", c.Proposition.ID, c.Divisiveness))
	}
	want := []string{
		"soleimani-restored-deterrence 0.5625", "condition-aid-on-iraq 0.5625",
		"de-escalate-diplomacy 0.3889", "iraq-shares-responsibility 0.3889",
		"military-retaliation 0.3750", "withdrawal-benefits-iran 0.2222",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Cruxes(seed) = %q; want %q", got, want)
	}
}

func TestOrder(t *testing.T) {
	d := seed(t)
	ids := func(m *Matrix) string {
		var s []string
		for _, e := range m.Experts() {
			s = append(s, e.ID)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		order Order
		want  string
	}{
		{ByFile, "fontenrose hof kadhim pfaff slavin"},
		{ByName, "fontenrose hof kadhim pfaff slavin"}, // by family name, not Abbas, Barbara, C., Frederic, Kirsten
		// Distances (Σ|d|/4 + 1/2)/(n+1): fontenrose-hof, hof-pfaff and pfaff-slavin tie at
		// 1/4, so fontenrose-hof merges first (file order), then pfaff-slavin; {fontenrose,
		// hof} to {pfaff, slavin} averages 0.3385, less than either to kadhim.
		{ByCluster, "fontenrose hof pfaff slavin kadhim"},
		{"", "fontenrose hof pfaff slavin kadhim"},
	}
	for _, tt := range tests {
		if got := ids(New(d, Options{Order: tt.order})); got != tt.want {
			t.Errorf("New(seed, %q).Experts() = %s; want %s", tt.order, got, tt.want)
		}
	}
	var props []string
	for _, p := range New(d, Options{Order: ByName}).Propositions() {
		props = append(props, p.ID)
	}
	if !slices.IsSorted(props) {
		t.Errorf("New(seed, name).Propositions() = %v; want sorted by id", props)
	}
}

func TestParseOrder(t *testing.T) {
	for _, s := range []string{"", "file", "name", "cluster"} {
		if _, err := ParseOrder(s); err != nil {
			t.Errorf("ParseOrder(%q) = %v; want nil", s, err)
		}
	}
	if _, err := ParseOrder("size"); err == nil {
		t.Errorf("ParseOrder(size) = nil; want an error")
	}
}

func TestAverageLinkage(t *testing.T) {
	tests := []struct {
		name string
		d    [][]float64
		want []int
	}{
		{"empty", nil, nil},
		{"one", [][]float64{{0}}, []int{0}},
		// (0,2) and (1,3) tie at 0.1: (0,2) has the earlier first member.
		{"tie", [][]float64{
			{0, 0.9, 0.1, 0.8},
			{0.9, 0, 0.8, 0.1},
			{0.1, 0.8, 0, 0.9},
			{0.8, 0.1, 0.9, 0},
		}, []int{0, 2, 1, 3}},
		// All equal: merges in file order.
		{"flat", [][]float64{
			{0, 0.5, 0.5},
			{0.5, 0, 0.5},
			{0.5, 0.5, 0},
		}, []int{0, 1, 2}},
		// 3 and 1 merge (0.1); then 0 and 2 (0.2); {0,2} to {1,3} averages (0.7+0.9+0.6+0.8)/4.
		{"blocks", [][]float64{
			{0, 0.7, 0.2, 0.9},
			{0.7, 0, 0.6, 0.1},
			{0.2, 0.6, 0, 0.8},
			{0.9, 0.1, 0.8, 0},
		}, []int{0, 2, 1, 3}},
	}
	for _, tt := range tests {
		n := len(tt.d)
		flat := make([]float64, 0, n*n)
		for _, r := range tt.d {
			flat = append(flat, r...)
		}
		if got := averageLinkage(n, flat); !slices.Equal(got, tt.want) {
			t.Errorf("averageLinkage(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// naiveLinkage is the textbook O(n³) average linkage with the same tie rule, to check the
// cached version against.
func naiveLinkage(n int, d []float64) []int {
	size := make([]int, n)
	leaves := make([][]int, n)
	for i := range n {
		size[i], leaves[i] = 1, []int{i}
	}
	for {
		a, b := -1, -1
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if size[i] > 0 && size[j] > 0 && (a < 0 || d[i*n+j] < d[a*n+b]) {
					a, b = i, j
				}
			}
		}
		if a < 0 {
			break
		}
		for k := 0; k < n; k++ {
			if size[k] > 0 && k != a && k != b {
				v := (float64(size[a])*d[a*n+k] + float64(size[b])*d[b*n+k]) / float64(size[a]+size[b])
				d[a*n+k], d[k*n+a] = v, v
			}
		}
		size[a] += size[b]
		size[b] = 0
		leaves[a] = append(leaves[a], leaves[b]...)
	}
	if n == 0 {
		return nil
	}
	return leaves[0]
}

func TestAverageLinkageMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + r.IntN(25)
		levels := 2 + r.IntN(6) // few distinct values: many ties
		d := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				v := float64(r.IntN(levels)) / 8
				d[i*n+j], d[j*n+i] = v, v
			}
		}
		want := naiveLinkage(n, slices.Clone(d))
		if got := averageLinkage(n, slices.Clone(d)); !slices.Equal(got, want) {
			t.Fatalf("averageLinkage(trial %d, n=%d) = %v; want %v", trial, n, got, want)
		}
	}
}

// TestPairSumsMatchDirect checks the sparse, parallel pair sums against a direct count over
// every column of every pair, on random grids large enough to use several workers.
func TestPairSumsMatchDirect(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, size := range [][2]int{{7, 5}, {150, 40}, {300, 3}} {
		rows, cols := size[0], size[1]
		dense := make([][]int8, rows)
		byRow := make([][]entry, rows)
		for i := range dense {
			dense[i] = make([]int8, cols)
			for j := range dense[i] {
				dense[i][j] = -128
				if r.IntN(3) == 0 {
					v := int8(r.IntN(5) - 2)
					dense[i][j] = v
					byRow[i] = append(byRow[i], entry{int32(j), v})
				}
			}
		}
		for _, transposed := range []bool{false, true} {
			g := newGrid(rows, cols, byRow)
			if transposed {
				g = g.transposed()
			}
			got := g.pairSums()
			for i := 0; i < g.rows; i++ {
				for j := i + 1; j < g.rows; j++ {
					var want sums
					for k := 0; k < g.cols; k++ {
						var a, b int8
						if transposed {
							a, b = dense[k][i], dense[k][j]
						} else {
							a, b = dense[i][k], dense[j][k]
						}
						if a == -128 || b == -128 {
							continue
						}
						x, y := int32(a), int32(b)
						want.n++
						want.abs += max(x-y, y-x)
						want.sq += (x - y) * (x - y)
						want.sa += x
						want.sb += y
						want.saa += x * x
						want.sbb += y * y
						switch {
						case sign(x) == sign(y):
							want.same++
						case x == 0 || y == 0:
							want.differ++
						default:
							want.oppose++
						}
					}
					if s := got[tri(g.rows, i, j)]; s != want {
						t.Fatalf("pairSums(%d×%d)[%d,%d] = %+v; want %+v", g.rows, g.cols, i, j, s, want)
					}
				}
			}
		}
	}
}

func TestSortKey(t *testing.T) {
	tests := []struct{ name, sortName, id, want string }{
		{"C. Anthony Pfaff", "", "pfaff", "Pfaff"},
		{"Martin Luther King Jr.", "", "king", "King"},
		{"Henry Ford III", "", "ford", "Ford"},
		{"Shibley Telhami (شبلي تلحمي)", "", "telhami", "Telhami"},
		{"Xi Jinping", "Xi", "xi", "Xi"},
		{"Cher", "", "cher", "Cher"},
		{"Jr.", "", "jr", "Jr"},
		{"", "", "anon", "anon"},
		{"  (…)  ", "", "dots", "dots"},
	}
	for _, tt := range tests {
		e := &argmap.Expert{ID: tt.id, Name: tt.name, SortName: tt.sortName}
		if got := SortKey(e); got != tt.want {
			t.Errorf("SortKey(%q, sort_name %q) = %q; want %q", tt.name, tt.sortName, got, tt.want)
		}
	}
}

// TestOrderByFamilyName checks --order name on names whose given name would sort otherwise
// (issue 8, item 11): by family name, sort_name first, accents and case folded.
func TestOrderByFamilyName(t *testing.T) {
	expert := func(id, name, extra string) argmap.File {
		return argmap.File{Path: "d/experts/" + id + ".toml", Data: []byte("id = \"" + id + "\"\nname = " + tomlstr.Quote(name) + "\n" + extra +
			"\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n")}
	}
	d := parse(t, []argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = \"T\"\n[[propositions]]\nid = \"p1\"\ntext = \"P.\"\n")},
		expert("a", "Zoe Adams", ""),
		expert("b", "Bruce Zimmer", ""),
		expert("c", "Michael Émery", ""),
		expert("d", "Xi Jinping", "sort_name = \"Xi\""),
		expert("e", "anna dalton", ""),
		expert("f", "Martin Luther King Jr.", ""),
	})
	var got []string
	for _, e := range New(d, Options{Order: ByName}).Experts() {
		got = append(got, e.ID)
	}
	if want := []string{"a", "e", "c", "f", "d", "b"}; !slices.Equal(got, want) {
		t.Errorf("New(order name).Experts() = %v; want %v (Adams, dalton, Émery, King, Xi, Zimmer)", got, want)
	}
}
