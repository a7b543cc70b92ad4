package pdftext

import (
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/tdewolff/canvas"
)

func face(t *testing.T) *canvas.FontFace {
	t.Helper()
	f, err := canvas.LoadFont(dejavusans.TTF, 0, canvas.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	return f.Face(10, canvas.Black)
}

func TestFit(t *testing.T) {
	f := face(t)
	const width = 40.0 // mm: about 20 letters at 10 pt
	for _, s := range []string{"", "short words that fit", "a line much longer than the box but of short words only"} {
		if got := Fit(s, f, width); got != s {
			t.Errorf("Fit(%q) = %q: want it unchanged", s, got)
		}
	}
	long := strings.Repeat("abcdefghij", 12)
	s := "see " + long + " here"
	got := Fit(s, f, width)
	if strings.ReplaceAll(got, string(zwsp), "") != s {
		t.Fatalf("Fit(%q) = %q: want only zero-width spaces added", s, got)
	}
	pieces := strings.Split(strings.Fields(got)[1], string(zwsp))
	if len(pieces) < 3 {
		t.Errorf("Fit split %q into %d pieces: want at least 3", long, len(pieces))
	}
	for _, p := range pieces {
		if w := f.TextWidth(p); w > width {
			t.Errorf("piece %q is %.1f mm wide: want at most %.0f", p, w, width)
		}
	}
	// No break before a combining mark: "e" + U+0301 stays one letter.
	accented := strings.Repeat("e\u0301", 60)
	for _, p := range strings.Split(Fit(accented, f, width), string(zwsp)) {
		if strings.HasPrefix(p, "\u0301") {
			t.Fatalf("a piece starts with a combining mark: %q", p)
		}
	}
}

func TestKeepRTL(t *testing.T) {
	for in, want := range map[string]string{
		"דבורה כהן":                    "דבורה\u00a0כהן",
		"شبلي تلحمي (Shibley Telhami)": "شبلي\u00a0تلحمي (Shibley Telhami)",
		"Jane Doe":                     "Jane Doe",
	} {
		if got := KeepRTL(in); got != want {
			t.Errorf("KeepRTL(%q) = %q: want %q", in, got, want)
		}
	}
}
