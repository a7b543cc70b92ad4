package handout

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/testdebate"
	"golang.org/x/text/unicode/norm"
)

const seedDir = "../seeds/camp-taji"

func write(t testing.TB, d *argmap.Debate, opt Options, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := New(d, opt).Write(context.Background(), &b, f); err != nil {
		t.Fatalf("Write(%s, %+v): %v", f, opt, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	d := testdebate.Load(t, seedDir)
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"seed-worksheet.md", Options{Seed: DefaultSeed}},
		{"seed-key.md", Options{Seed: DefaultSeed, Key: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", tc.name), write(t, d, tc.opt, Markdown))
		})
	}
}

// extractText returns the text a reader of the document could find: the Markdown, the HTML
// source and its text with entities decoded, the PDF's text by pdftotext. ok is false when
// pdftotext is missing (outside CI).
func extractText(t *testing.T, data []byte, f Format) (string, bool) {
	t.Helper()
	switch f {
	case HTML:
		return string(data) + "\n" + html.UnescapeString(string(data)), true
	case PDF:
		if _, err := exec.LookPath("pdftotext"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("pdftotext (poppler-utils) is required in CI: run make deps")
			}
			return "", false
		}
		file := filepath.Join(t.TempDir(), "h.pdf")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		// And the document's own text outside its (compressed) streams: its information.
		return string(out) + "\n" + pdfStreams.ReplaceAllString(string(data), " "), true
	}
	return string(data), true
}

var pdfStreams = regexp.MustCompile(`(?s)stream\r?\n.*?endstream`)

// secrets lists what must not appear in a worksheet: every expert's name, the words of their
// name and sort name of three letters or more, their id, affiliation and role, and the
// expert part of claim references ("kadhim/").
func secrets(d *argmap.Debate) []string {
	var out []string
	for _, e := range d.Experts {
		out = append(out, e.Name, e.SortName, e.ID, e.ID+"/", e.Affiliation, e.Role)
		for _, w := range strings.FieldsFunc(e.Name+" "+e.SortName, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			if utf8.RuneCountInString(w) >= minWord {
				out = append(out, w)
			}
		}
	}
	var keep []string
	for _, s := range out {
		if strings.TrimSpace(s) != "" {
			keep = append(keep, s)
		}
	}
	return keep
}

// found reports whether secret occurs in text as a whole word, ignoring case and
// compatibility forms (a ligature "\ufb00" is "ff").
func found(text, secret string) bool {
	lt, ls := strings.ToLower(norm.NFKC.String(text)), strings.ToLower(norm.NFKC.String(secret))
	for i := 0; ; {
		j := strings.Index(lt[i:], ls)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(lt[:j])
		after, _ := utf8.DecodeRuneInString(lt[j+len(ls):])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		i = j + 1
	}
}

// TestWorksheetHidesExperts extracts the text of the worksheet in every format, for the seed
// and a hostile debate (Arabic and Hebrew names, HTML in names, quotes), and looks for
// anything that names an expert. The key, extracted the same way, must name them: that shows
// the extraction would see a leak.
func TestWorksheetHidesExperts(t *testing.T) {
	for _, dir := range []string{seedDir, "testdata/hostile"} {
		d := testdebate.Load(t, dir)
		for _, f := range Formats() {
			t.Run(filepath.Base(dir)+"/"+string(f), func(t *testing.T) {
				text, ok := extractText(t, write(t, d, Options{Seed: DefaultSeed}, f), f)
				if !ok {
					t.Skip("no pdftotext (poppler-utils): run make deps")
				}
				for _, s := range secrets(d) {
					if found(text, s) {
						t.Errorf("the %s worksheet of %s contains %q", f, dir, s)
					}
				}
				key, _ := extractText(t, write(t, d, Options{Seed: DefaultSeed, Key: true}, f), f)
				for _, e := range d.Experts {
					if isLatin(e.Name) && !found(key, e.Name) {
						t.Errorf("the %s key of %s does not name %q: the extraction cannot see names", f, dir, e.Name)
					}
				}
			})
		}
	}
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// TestHTMLEscapes checks that the hostile debate's markup stays text in the HTML and the
// Markdown: no element of the debate's making, no external request.
func TestHTMLEscapes(t *testing.T) {
	d := testdebate.Load(t, "testdata/hostile")
	for _, key := range []bool{false, true} {
		out := string(write(t, d, Options{Seed: DefaultSeed, Key: key}, HTML))
		for _, bad := range []string{"<script", "<b>", "<i>", "</p><script"} {
			if strings.Contains(out, bad) {
				t.Errorf("HTML (key %v) contains %q", key, bad)
			}
		}
		if strings.Contains(out, "http://") || strings.Contains(out, "src=\"http") || strings.Contains(out, "href=") {
			t.Errorf("HTML (key %v) refers to something outside the page", key)
		}
		md := string(write(t, d, Options{Seed: DefaultSeed, Key: key}, Markdown))
		if strings.Contains(md, "<script") || strings.Contains(md, "<b>") {
			t.Errorf("Markdown (key %v) passes HTML through", key)
		}
	}
}

func TestDeterministic(t *testing.T) {
	d := testdebate.Load(t, seedDir)
	for _, f := range Formats() {
		for _, key := range []bool{false, true} {
			if f == PDF && key && testing.Short() {
				continue
			}
			a := write(t, d, Options{Seed: 7, Key: key}, f)
			b := write(t, d, Options{Seed: 7, Key: key}, f)
			if !bytes.Equal(a, b) {
				t.Errorf("%s (key %v): two runs differ", f, key)
			}
		}
	}
}

// TestSeed checks that the seed decides the letters, and that worksheet and key agree.
func TestSeed(t *testing.T) {
	d := testdebate.Load(t, seedDir)
	letters := func(seed int64) string {
		h := New(d, Options{Seed: seed, Key: true})
		var s []string
		for _, e := range h.analysts {
			s = append(s, e.ID)
		}
		return strings.Join(s, " ")
	}
	if letters(1) != letters(1) {
		t.Fatal("seed 1 gives two orders")
	}
	differ := false
	for seed := int64(2); seed < 10; seed++ {
		differ = differ || letters(seed) != letters(1)
	}
	if !differ {
		t.Error("seeds 1 to 9 all give the same letters")
	}
	w, k := New(d, Options{Seed: 3}), New(d, Options{Seed: 3, Key: true})
	for id, l := range w.letter {
		if k.letter[id] != l {
			t.Errorf("seed 3: %s is %s in the worksheet, %s in the key", id, l, k.letter[id])
		}
	}
}

func TestLetter(t *testing.T) {
	for _, tc := range []struct {
		i    int
		want string
	}{{0, "A"}, {4, "E"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {51, "AZ"}, {52, "BA"}, {701, "ZZ"}, {702, "AAA"}} {
		if got := Letter(tc.i); got != tc.want {
			t.Errorf("Letter(%d) = %q; want %q", tc.i, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	experts := []*argmap.Expert{
		{ID: "hof", Name: "Frederic C. Hof", Affiliation: "Atlantic Council"},
		{ID: "abbas-kadhim", Name: "Abbas Kadhim"},
		{ID: "haddad", Name: "يوسف الحداد"},
		{ID: "al", Name: "Al Bo"},
	}
	r := newRedactor(experts, map[string]string{"hof": "A", "abbas-kadhim": "B", "haddad": "C", "al": "D"})
	for _, tc := range []struct{ in, want string }{
		{"Hof says", "Analyst A says"},
		{"Hofmann and hofs are not Hof.", "Hofmann and hofs are not Analyst A."},
		{"Frederic  C.\nHof, of the Atlantic Council", "Analyst A, of the [affiliation]"},
		{"Abbas Kadhimi", "Analyst B Kadhimi"},
		{"abbas-kadhim/x", "Analyst B/x"},
		{"KADHIM's view", "Analyst B's view"},
		{"كما قال الحداد.", "كما قال Analyst C."},
		{"Al and Bo stay (too short)", "Al and Bo stay (too short)"},
		{"", ""},
	} {
		if got := r.apply(tc.in); got != tc.want {
			t.Errorf("apply(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestExercises checks the exercises and the key against the debate: every recommendation
// listed with its direct supports, every cross-expert attack and no other.
func TestExercises(t *testing.T) {
	d := testdebate.Load(t, "testdata/hostile")
	h := New(d, Options{Seed: DefaultSeed, Key: true})
	attacks := 0
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			for _, a := range c.Attacks {
				if !strings.HasPrefix(a, e.ID+"/") {
					attacks++
				}
			}
		}
	}
	if got := len(h.crossAttacks()); got != attacks || got != 3 {
		t.Errorf("crossAttacks() = %d; want %d (3 written in the fixture)", got, attacks)
	}
	key := string(write(t, d, Options{Seed: DefaultSeed, Key: true}, Markdown))
	no := h.number["cohen/no-wall"]
	raids, trade := h.number["cohen/raids-continue"], h.number["cohen/trade-matters"]
	want := "supported by " + strings.Join([]string{strconv.Itoa(min(raids, trade)), strconv.Itoa(max(raids, trade))}, ", ")
	if !strings.Contains(key, "**"+strconv.Itoa(no)+".** Do not build the wall; spend on trade instead. (") || !strings.Contains(key, want) {
		t.Errorf("key: recommendation %d not listed as %s:\n%s", no, want, key)
	}
	ws := string(write(t, d, Options{Seed: DefaultSeed}, Markdown))
	if !strings.Contains(ws, "3 such attacks") {
		t.Errorf("worksheet does not say there are 3 attacks:\n%s", ws)
	}
	if !strings.Contains(ws, "(unstated)") {
		t.Error("worksheet does not mark the implicit claim")
	}
}

func BenchmarkSeedPDF(b *testing.B) {
	d := testdebate.Load(b, seedDir)
	for _, tc := range []struct {
		name string
		key  bool
	}{{"worksheet", false}, {"key", true}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := New(d, Options{Seed: DefaultSeed, Key: tc.key}).Write(context.Background(), &buf, PDF); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestKeyTooBigForAMap checks that a debate too big for one map still gets its key, with a
// note where the map would be.
func TestKeyTooBigForAMap(t *testing.T) {
	if testing.Short() {
		t.Skip("a 3,001-claim debate")
	}
	d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: graph.MaxClaims + 1}), argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	for _, f := range []Format{HTML, PDF} {
		out := write(t, d, Options{Seed: DefaultSeed, Key: true}, f)
		text, ok := extractText(t, out, f)
		if !ok {
			continue
		}
		if !strings.Contains(strings.Join(strings.Fields(text), " "), "too big for one map") {
			t.Errorf("%s key of a %d-claim debate: no note in place of the map", f, graph.MaxClaims+1)
		}
	}
}

// Right-to-left text (the hostile debate's Hebrew and Arabic) is set in its own direction in
// the HTML: paragraphs, headings and cells take it from their text, list items isolate it.
func TestHTMLDirection(t *testing.T) {
	out := string(write(t, testdebate.Load(t, "testdata/hostile"), Options{Seed: DefaultSeed, Key: true}, HTML))
	for _, want := range []string{`<p dir="auto">`, `<td dir="auto">`, `<bdi>`} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if i := strings.IndexAny(out, "אבגדהוזחטיכלמנסעפצקרשת"); i < 0 {
		t.Fatalf("the hostile key holds no Hebrew: the test no longer tests anything")
	}
}

// With several [[sources]], the key lists each in full (title, publisher, date, URL) and
// numbers the source after every quote; the worksheet names the sources by title alone.
func TestSources(t *testing.T) {
	d := testdebate.Load(t, "../briefing/testdata/two-sources")
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			key, ok := extractText(t, write(t, d, Options{Seed: DefaultSeed, Key: true}, f), f)
			if !ok {
				t.Skip("no pdftotext (poppler-utils): run make deps")
			}
			key = strings.NewReplacer(`\[`, "[", `\]`, "]").Replace(strings.Join(strings.Fields(key), " ")) // Markdown escapes brackets
			for _, s := range d.Sources {
				for _, want := range []string{s.Title, s.Publisher, s.Date, s.URL} {
					if !strings.Contains(key, want) {
						t.Errorf("the %s key lacks %q of source %s", f, want, s.ID)
					}
				}
			}
			for _, want := range []string{"“Deterrence needs a reply” [2]", "“The militias answer to Tehran” [1]", "“Leaving now would hand the country to the militias” [2]"} {
				if !strings.Contains(key, want) {
					t.Errorf("the %s key lacks the quote with its source %q", f, want)
				}
			}
			sheet, _ := extractText(t, write(t, d, Options{Seed: DefaultSeed}, f), f)
			sheet = strings.Join(strings.Fields(sheet), " ")
			for _, s := range d.Sources {
				if !strings.Contains(sheet, s.Title) {
					t.Errorf("the %s worksheet lacks the title of source %s", f, s.ID)
				}
				for _, hidden := range []string{s.Publisher, s.URL} {
					if strings.Contains(sheet, hidden) {
						t.Errorf("the %s worksheet shows %q of source %s: titles only", f, hidden, s.ID)
					}
				}
			}
		})
	}
}
