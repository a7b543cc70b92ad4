package briefing

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/internal/testdebate"
)

// pdftotext extracts the text of one page with poppler's pdftotext; outside CI the test
// skips when it is missing.
func pdftotext(t *testing.T, doc []byte, page string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must have poppler-utils (pdftotext)")
		}
		t.Skip("no pdftotext: install poppler-utils")
	}
	file := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-f", page, "-l", page, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDF(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	doc, err := New(d, Options{}).PDF(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	again, err := New(testdebate.Load(t, "../seeds/camp-taji"), Options{}).PDF(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, again) {
		t.Error("two runs gave different PDFs")
	}
	// Pages: the cover, the description and sources, the matrix, the cruxes and agreement
	// (as many pages as they take), two maps, one page per proposition, one per expert.
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(doc, -1))
	if min := 1 + 1 + 1 + 1 + 2 + len(d.Propositions) + len(d.Experts); pages < min || pages > min+6 {
		t.Errorf("%d pages; want %d to %d", pages, min, min+6)
	}
	cover := strings.Join(strings.Fields(pdftotext(t, doc, "1")), " ")
	for _, want := range []string{"BRIEFING", d.Title, "Bottom line", d.BottomLine[:60], d.KeyPoints[0][:40], "Findings", "Atlantic Council", "5 experts take positions on 8 shared propositions", "Contents", "The propositions", "1 / " + itoa(pages)} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover text %q: want %q", cover, want)
		}
	}
	// One page per proposition, in the order of the matrix, each with its text.
	text := pdftotext(t, doc, itoa(pages-len(d.Experts)))
	last := New(d, Options{}).Data().Propositions[len(d.Propositions)-1]
	if !strings.Contains(strings.Join(strings.Fields(text), " "), last.Text) {
		t.Errorf("page %d: want the last proposition %q", pages-len(d.Experts), last.Text)
	}
}

func TestPDFHostile(t *testing.T) {
	doc, err := New(testdebate.Load(t, hostileDebate(t)), Options{}).PDF(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(doc, []byte("/URI (javascript")) || bytes.Contains(doc, []byte("/JavaScript")) {
		t.Error("the javascript: source became a link")
	}
	if cover := pdftotext(t, doc, "1"); !strings.Contains(cover, "</script><script>") {
		t.Errorf("cover %q: want the hostile title as text", cover)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A word wider than the page (a long identifier in the title, a URL with a long query) is
// broken across lines, not run off the page: every word pdftotext finds on the cover lies
// within the page.
func TestPDFLongWords(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil && os.Getenv("CI") == "" {
		t.Skip("no pdftotext: install poppler-utils")
	}
	d := testdebate.Load(t, "../seeds/camp-taji")
	d.Title = "Taji: " + strings.Repeat("Supercalifragilistic_", 8) + "end"
	d.Source.URL = "https://example.org/a?q=" + strings.Repeat("verylongtrackingparameter", 8)
	doc, err := New(d, Options{}).PDF(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	// The cover holds the title; the page after it, the sources with their URLs.
	out, err := exec.Command("pdftotext", "-f", "1", "-l", "2", "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	page := regexp.MustCompile(`<page width="([0-9.]+)"`).FindSubmatch(out)
	if page == nil {
		t.Fatalf("no page in\n%s", out)
	}
	width, _ := strconv.ParseFloat(string(page[1]), 64)
	words := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`).FindAllSubmatch(out, -1)
	var text strings.Builder
	for _, w := range words {
		text.Write(w[3])
		if xMax, _ := strconv.ParseFloat(string(w[2]), 64); xMax > width-20 {
			t.Errorf("word %q ends at x = %.0f on a page %.0f wide", w[3], xMax, width)
		}
	}
	if got := strings.ReplaceAll(text.String(), "\u200b", ""); !strings.Contains(got, "Supercalifragilistic_Supercalifragilistic_") {
		t.Errorf("cover words %q: want the title's long word, broken only by line ends", got)
	}
}

// Every source is listed in the PDF with its whole URL, each stance's quote carries the
// number of its source, and the notes on method come last.
func TestPDFSources(t *testing.T) {
	d := testdebate.Load(t, "testdata/two-sources")
	doc, err := New(d, Options{}).PDF(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sources {
		if !bytes.Contains(doc, []byte("/URI("+s.URL+")")) {
			t.Errorf("no link to %s", s.URL)
		}
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(doc, -1))
	cover := strings.Join(strings.Fields(pdftotext(t, doc, "1")), " ")
	for _, want := range []string{d.BottomLine, "Findings", "Luis Garcia takes no stance on any proposition.", "No expert addresses", "[1] " + d.Sources[0].Title, "[2] " + d.Sources[1].Title} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover %q: want %q", cover, want)
		}
	}
	second := strings.Join(strings.Fields(pdftotext(t, doc, "2")), " ")
	for _, s := range d.Sources {
		for _, want := range []string{s.Title, s.Publisher, s.Date, s.URL} {
			if !strings.Contains(second, want) {
				t.Errorf("sources page %q: want %q", second, want)
			}
		}
	}
	var all strings.Builder
	for i := 1; i <= pages; i++ {
		all.WriteString(pdftotext(t, doc, itoa(i)))
	}
	text := strings.Join(strings.Fields(all.String()), " ")
	for _, want := range []string{"\u201cIran's proxies fired\u201d [2]", "\u201cIran wanted this\u201d [1]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks the quote and its note %q", want)
		}
	}
	if last := pdftotext(t, doc, itoa(pages)); !strings.Contains(last, "Notes on method") {
		t.Errorf("last page %q: want the notes on method", last)
	}
}
