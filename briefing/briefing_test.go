package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

// payloadOf extracts the JSON blob from a page.
func payloadOf(t testing.TB, page []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="brief-data">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no data blob in the page")
	}
	return m[1]
}

// The page's data for the seed, indented, is a golden file; it is the blob in the page.
func TestPayloadGolden(t *testing.T) {
	b := New(testdebate.Load(t, "../seeds/camp-taji"), Options{})
	page, err := b.HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	blob := payloadOf(t, page)
	want, err := b.Payload()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(blob, want) {
		t.Fatalf("the page's blob differs from Payload()")
	}
	var out bytes.Buffer
	if err := json.Indent(&out, blob, "", "  "); err != nil {
		t.Fatalf("the blob is not JSON: %v", err)
	}
	out.WriteByte('\n')
	golden.Check(t, "testdata/camp-taji.data.json", out.Bytes())
}

func TestHTMLDeterministic(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	a, err := New(d, Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(testdebate.Load(t, "../seeds/camp-taji"), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two runs gave different pages")
	}
}

// The page is self-contained: one inline script with its hash in the policy, no external
// resource, and the source URL as its only external link.
func TestHTMLSelfContained(t *testing.T) {
	page, err := New(testdebate.Load(t, "../seeds/camp-taji"), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	if n := strings.Count(s, "<script"); n != 2 {
		t.Errorf("%d script elements, want 2 (the data and the script)", n)
	}
	for _, bad := range []string{"<link", " src=", "@import", "url(http", "unsafe-inline", "unsafe-eval", "<iframe"} {
		if strings.Contains(s, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	policy := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(s)
	if policy == nil || !strings.Contains(html.UnescapeString(policy[1]), "script-src "+hash(script)+";") {
		t.Errorf("the policy %q does not list the script's hash", policy)
	}
	links := regexp.MustCompile(`href="(https?:[^"]*)"`).FindAllStringSubmatch(s, -1)
	if len(links) != 1 || !strings.HasPrefix(links[0][1], "https://www.atlanticcouncil.org/") {
		t.Errorf("external links %v: want only the source", links)
	}
	if strings.Contains(script, "</script") || strings.Contains(script, "eval(") || strings.Contains(script, "innerHTML") || strings.Contains(script, "fetch(") {
		t.Error("the script holds </script, eval, innerHTML or fetch")
	}
	if len(page) > 2<<20 {
		t.Errorf("seed page is %d bytes, want at most 2 MB", len(page))
	}
}

// Hostile text everywhere stays text: no element, attribute or script comes out of it.
func TestHostileEscaped(t *testing.T) {
	dir := hostileDebate(t)
	page, err := New(testdebate.Load(t, dir), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	if n := strings.Count(s, "<script"); n != 2 {
		t.Errorf("%d script elements, want 2", n)
	}
	for _, bad := range []string{"<img", `onerror="`, `href="javascript`, "<script>alert", "<b>bold"} {
		if strings.Contains(s, bad) {
			t.Errorf("hostile text came through as markup: %q", bad)
		}
	}
	if !strings.Contains(s, "javascript:alert(document.domain)") {
		t.Error("the javascript: URL should show as text")
	}
}

// The first screen is the title, the curator's bottom line and key points, then the
// findings; the long description and the sources come after, the notes on method last.
func TestFirstScreen(t *testing.T) {
	page, err := New(testdebate.Load(t, "testdata/two-sources"), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	last := -1
	for _, marker := range []string{`<h1 dir="auto">Rockets on the base`, `id="bottom-line"`, `id="key-points"`, `id="summary"`, `class="description"`, `id="sources"`, `id="matrix"`, `id="notes"`} {
		i := strings.Index(s, marker)
		if i < 0 {
			t.Fatalf("page lacks %q", marker)
		}
		if i < last {
			t.Errorf("%q comes too early", marker)
		}
		last = i
	}
	findings := regexp.MustCompile(`(?s)id="summary".*?</ul>`).FindString(s)
	for _, want := range []string{"6 of 7 experts take positions on 3 of 4 shared propositions", "No expert addresses “The US should open direct talks with Iran” (P4).", "Luis Garcia takes no stance on any proposition."} {
		if !strings.Contains(html.UnescapeString(findings), want) {
			t.Errorf("findings %q: want %q", findings, want)
		}
	}
}

// Every source is listed in the page, in full, and every quote links to its own.
func TestSourcesInPage(t *testing.T) {
	d := testdebate.Load(t, "testdata/two-sources")
	page, err := New(d, Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := html.UnescapeString(string(page))
	for i, src := range d.Sources {
		for _, want := range []string{src.Title, src.Publisher, src.Date, src.URL, `href="` + src.URL + `"`, `<li id="source-` + itoa(i+1) + `">`} {
			if !strings.Contains(s, want) {
				t.Errorf("page lacks %q of source %s", want, src.ID)
			}
		}
	}
	// Diaz's words are from the follow-up; Ahmed's from the roundup; Evans's claim "stay"
	// from the follow-up although Evans is the roundup's.
	for _, want := range []string{
		`<q dir="auto">Deterrence needs a reply</q> <a class="cite" href="#source-2"`,
		`“Iran&#39;s proxies fired” <a class="cite" href="#source-2"`,
		`<q dir="auto">The militias answer to Tehran</q> <a class="cite" href="#source-1"`,
		`<q dir="auto">Leaving now would hand the country to the militias</q> <a class="cite" href="#source-2"`,
		`<q dir="auto">Attribution takes time</q> <a class="cite" href="#source-1"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	quotes := strings.Count(string(page), "<q dir=\"auto\">") + strings.Count(string(page), "<blockquote dir=\"auto\">")
	if cites := strings.Count(string(page), `<a class="cite"`); cites != quotes {
		t.Errorf("%d quotes, %d cited", quotes, cites)
	}
}

// generated returns a synthetic debate of n claims.
func generated(t testing.TB, n int) *argmap.Debate {
	t.Helper()
	d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: n}), argmap.Options{})
	if d == nil || diags.HasErrors() {
		t.Fatalf("generated debate: %v", diags)
	}
	return d
}

// Big debates get the whole map only: per-expert and collision maps of hundreds of claims
// would take Graphviz seconds each and read as noise.
func TestMapsOfBigDebates(t *testing.T) {
	ids := func(b *Briefing) (out []string) {
		for _, s := range b.maps() {
			out = append(out, s.id)
		}
		return out
	}
	seed := ids(New(testdebate.Load(t, "../seeds/camp-taji"), Options{}))
	if len(seed) != 7 || seed[0] != "whole" || seed[1] != "conflicts" || seed[2] != "expert:fontenrose" {
		t.Errorf("seed maps %v: want whole, conflicts and the five experts", seed)
	}
	if big := ids(New(generated(t, 1000), Options{})); len(big) != 1 || big[0] != "whole" {
		t.Errorf("1,000-claim maps %v: want the whole debate only", big)
	}
	if small := ids(New(generated(t, 1000), Options{MapLimit: 5000})); len(small) < 80 {
		t.Errorf("with MapLimit 5000: %d maps, want one per expert and more", len(small))
	}
}

func TestSafeLink(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/a?b=c", "https://example.org/a?b=c"},
		{"http://example.org", "http://example.org"},
		{"javascript:alert(1)", ""},
		{" JavaScript:alert(1)", ""},
		{"data:text/html,<script>", ""},
		{"//example.org/x", ""},
		{"https:///nohost", ""},
		{"", ""},
	} {
		if got := safeLink(c.in); got != c.want {
			t.Errorf("safeLink(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestSummary(t *testing.T) {
	got := New(testdebate.Load(t, "../seeds/camp-taji"), Options{}).Data().Summary
	for _, want := range []string{"5 experts take positions on 8 shared propositions, arguing with 59 claims.", "They divide most on", "of the 2 of 5 experts who address it"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q: want %q", got, want)
		}
	}
}

const hostileText = `</script><script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2"> <b>bold</b> ` + "\u202Egnp.exe\u202C"

// hostileDebate writes a debate with hostile text in every field a page shows.
func hostileDebate(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // a TOML basic string
	debate := `title = ` + q("Title "+hostileText) + `
date = 2020-03-11
description = ` + q("Description "+hostileText) + `
bottom_line = ` + q("Bottom line "+hostileText) + `
key_points = [` + q("Key point "+hostileText) + `, "javascript:alert(1)"]
notes = ` + q("Notes "+hostileText) + `

[source]
title = ` + q("Source "+hostileText) + `
publisher = ` + q("Publisher "+hostileText) + `
url = "javascript:alert(document.domain)"

[[propositions]]
id = "p1"
text = ` + q("Proposition one "+hostileText) + `
tags = [` + q("tag "+hostileText) + `]

[[propositions]]
id = "p2"
text = ` + q("Proposition two "+hostileText) + `
`
	expert := func(id, other, pos string) string {
		return `id = "` + id + `"
name = ` + q("Name "+id+" "+hostileText) + `
role = ` + q("Role "+hostileText) + `
affiliation = ` + q("Affiliation "+hostileText) + `

[[claims]]
id = "c1"
kind = "premise"
text = ` + q("Claim "+hostileText) + `
quote = ` + q("Quote "+hostileText) + `
supports = ["c2"]
attacks = ["` + other + `/c2"]

[[claims]]
id = "c2"
kind = "recommendation"
text = ` + q("Recommendation "+hostileText) + `

[[stances]]
proposition = "p1"
position = "` + pos + `"
confidence = 7
inferred = true
note = ` + q("Note "+hostileText) + `
quote = ` + q("Stance quote "+hostileText) + `
evidence = ["c1"]
`
	}
	files := map[string]string{
		"debate.toml":     debate,
		"experts/aa.toml": expert("aa", "bb", "agree"),
		"experts/bb.toml": expert("bb", "aa", "strongly-disagree"),
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
