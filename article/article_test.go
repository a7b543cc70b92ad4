package article

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

type want struct {
	name, role, affiliation string
	sentences               int
}

func TestParseLayouts(t *testing.T) {
	cases := []struct {
		file   string
		layout string
		intro  string
		want   []want
	}{
		{"header-line.txt", `a line "Name, role at Organisation:" before their words`, "A drone struck a depot outside Mosul on Friday. Our analysts react:", []want{
			{"Ana Ruiz", "Director of the Energy Program", "Example Institute", 4},
			{"Tom O’Neill", "Senior fellow with the Defense Project", "Example Institute", 2},
		}},
		{"leadin.txt", `a lead-in "Name says …:" before their words`, "Analysts weighed in on Tuesday's vote in the Bundestag.", []want{
			{"Jane Doe", "Senior fellow", "Chatham House", 4},
			{"Jürgen van der Berg", "", "", 2},
		}},
		{"paren.md", `"Name, role: what they said" on one line`, "Our experts respond.", []want{
			{"Maria Lopez", "", "Brookings Institution", 3},
			{"Kenji Watanabe", "", "RAND Corporation", 1},
		}},
		{"headings.md", "a Markdown heading per expert", "Leaders met in Geneva. We asked three experts.", []want{
			{"Amira El-Sayed", "Professor of politics", "Cairo University", 2},
			{"شبلي تلحمي (Shibley Telhami)", "", "", 1},
			{"Noa Levi-Katz", "", "", 2},
		}},
		{"qa.md", "a Q&A with names in bold", "We spoke with two analysts about the election.\n**What does the result mean?**", []want{
			{"Sam Okafor", "", "", 4},
			{"Lena Novak", "", "", 2},
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(b)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Layout != c.layout {
				t.Errorf("layout %q, want %q", a.Layout, c.layout)
			}
			if a.Intro != c.intro {
				t.Errorf("intro %q, want %q", a.Intro, c.intro)
			}
			assertExperts(t, a, c.want)
		})
	}
}

func assertExperts(t *testing.T, a *Article, ws []want) {
	t.Helper()
	var got []want
	for _, e := range a.Experts {
		got = append(got, want{e.Name, e.Role, e.Affiliation, len(e.Sentences())})
	}
	if len(got) != len(ws) {
		t.Fatalf("experts %+v, want %+v", got, ws)
	}
	for i := range ws {
		if got[i] != ws[i] {
			t.Errorf("expert %d = %+v, want %+v", i+1, got[i], ws[i])
		}
	}
}

// The editor's words after the last expert, and a heading that names no one, are nobody's.
func TestParseDropsEditorialText(t *testing.T) {
	for file, stray := range map[string]string{
		"leadin.txt":  "Follow us",
		"headings.md": "earlier coverage",
		"qa.md":       "Will it last",
	} {
		b, _ := os.ReadFile("testdata/" + file)
		a, err := Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Experts {
			if strings.Contains(e.Text(), stray) {
				t.Errorf("%s: %s's section holds %q", file, e.Name, stray)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	none, _ := os.ReadFile("testdata/none.txt")
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"no experts", none, ErrNoExperts},
		{"empty", nil, ErrNoExperts},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0xff, 0xfe}, ErrNotText},
		{"huge", make([]byte, MaxSize+1), ErrTooBig},
	}
	for _, c := range cases {
		if _, err := Parse(c.in); !errors.Is(err, c.want) {
			t.Errorf("Parse(%s) error %v, want %v", c.name, err, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"One. Two!", []string{"One.", "Two!"}},
		{"Maj. Gen. Qasem Soleimani died. Then what?", []string{"Maj. Gen. Qasem Soleimani died.", "Then what?"}},
		{"C. Anthony Pfaff said so. Fine.", []string{"C. Anthony Pfaff said so.", "Fine."}},
		{"A victim, no. They are accountable.", []string{"A victim, no.", "They are accountable."}},
		{"He lives at No. 10 now.", []string{"He lives at No. 10 now."}},
		{"“It’ll be tame.” Trump then hinted.", []string{"“It’ll be tame.”", "Trump then hinted."}},
		{"The U.S. will act. It must.", []string{"The U.S. will act.", "It must."}},
		{"prices fell 3.5 percent. okay then", []string{"prices fell 3.5 percent. okay then"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Sentences(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The seed debate's article (beside the project, not in it): five experts in the layout
// "Name, role at Organisation:".
func TestParseSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../../shared/seeds/000_82e5244e262e7d64.txt")
	if err != nil {
		t.Skip("the seed article is not beside the project:", err)
	}
	a, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	assertExperts(t, a, []want{
		{"Abbas Kadhim", "Director of the Iraq Initiative", "Atlantic Council", 24},
		{"Kirsten Fontenrose", "Director of the Middle East Security Initiative", "Scowcroft Center for Strategy and Security", 26},
		{"C. Anthony Pfaff", "Nonresident senior fellow with the Iraq Initiative", "Atlantic Council", 21},
		{"Barbara Slavin", "Director of the Future of Iran Initiative", "Atlantic Council", 3},
		// The introduction's "Atlantic Council experts react" gives Hof, whose line names
		// no organisation, his.
		{"Frederic C. Hof", "Distinguished fellow and former director of the Rafik Hariri Center and a former US special envoy to Syria", "Atlantic Council", 10},
	})
	if !strings.HasPrefix(a.Intro, "Three Coalition soldiers") || strings.Contains(a.Intro, "Kadhim") {
		t.Errorf("intro %.80q…", a.Intro)
	}
}

// FuzzParse: any bytes in, experts or an error out, never a panic; every expert has a name
// that reads as one.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"header-line.txt", "leadin.txt", "paren.md", "headings.md", "qa.md", "none.txt"} {
		b, _ := os.ReadFile("testdata/" + name)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b)
		if err != nil {
			return
		}
		for _, e := range a.Experts {
			if !isName(e.Name) {
				t.Errorf("expert %q does not read as a name", e.Name)
			}
		}
	})
}

// A saved web page: its paragraphs and headings become the text Parse reads; scripts,
// navigation and footers are left out.
func TestFromHTML(t *testing.T) {
	b, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	if !IsHTML(b) {
		t.Fatal("IsHTML = false")
	}
	text, err := FromHTML(b)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "Evil") || strings.Contains(text, "Copyright") || strings.Contains(text, "Home") {
		t.Errorf("text holds a script, a footer or navigation:\n%s", text)
	}
	a, err := Parse([]byte(text))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, text)
	}
	if a.Title != "Experts react to the summit" {
		t.Errorf("title %q", a.Title)
	}
	assertExperts(t, a, []want{
		{"Ana Ruiz", "Director of the Energy Program", "Example Institute", 3},
		{"Tom O’Neill", "Senior fellow with the Defense Project", "Example Institute", 2},
	})
}

func BenchmarkParseSeedArticle(b *testing.B) {
	text, err := os.ReadFile("../../shared/seeds/000_82e5244e262e7d64.txt")
	if err != nil {
		b.Skip("the seed article is not beside the project")
	}
	for b.Loop() {
		a, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range a.Experts {
			e.Sentences()
		}
	}
}

// bigArticle is an article of about n bytes: experts in the header-line layout, each with
// three paragraphs.
func bigArticle(n int) string {
	var b strings.Builder
	b.WriteString("Our analysts react to the vote:\n")
	for k := 0; b.Len() < n; k++ {
		fmt.Fprintf(&b, "Jane Doe%c%c, senior fellow at the Example Institute:\n", 'a'+rune(k%26), 'a'+rune(k/26%26))
		for p := 0; p < 3; p++ {
			b.WriteString("“The vote changes the balance in the region. Markets will shrug it off. The council should wait.”\n")
		}
	}
	return b.String()
}

func BenchmarkParse100kB(b *testing.B) {
	text := []byte(bigArticle(100 << 10))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPage1MB(b *testing.B) {
	var page strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><title>T</title></head><body><nav><p>Home</p></nav>")
	for _, line := range strings.Split(bigArticle(900<<10), "\n") {
		page.WriteString("<p>" + line + "</p>\n")
	}
	page.WriteString("</body></html>")
	data := []byte(page.String())
	for b.Loop() {
		src, err := FromBytes(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Parse([]byte(src.Text)); err != nil {
			b.Fatal(err)
		}
	}
}
