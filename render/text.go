package render

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonobolditalic"
	"github.com/go-fonts/liberation/liberationmonoitalic"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/text"
)

// family is a font family that Graphviz's fontname maps to.
type family int

const (
	sans     family = iota // Helvetica, Arial and other sans-serif faces: Liberation Sans
	serif                  // Times and anything unknown (Graphviz's default): Liberation Serif
	mono                   // Courier and monospace faces: Liberation Mono
	fallback               // DejaVu Sans, for scripts and symbols Liberation lacks (Arabic, ⊢, ...)
)

// fontKey selects one embedded font file.
type fontKey struct {
	family       family
	bold, italic bool
}

// fontData holds the embedded TrueType files. DejaVu Sans has no italic here: italic text that
// falls back to it is drawn upright. Nothing covers CJK ideographs or emoji pictographs: they
// are drawn with the font's "missing glyph" box.
var fontData = map[fontKey][]byte{
	{sans, false, false}:     liberationsansregular.TTF,
	{sans, true, false}:      liberationsansbold.TTF,
	{sans, false, true}:      liberationsansitalic.TTF,
	{sans, true, true}:       liberationsansbolditalic.TTF,
	{serif, false, false}:    liberationserifregular.TTF,
	{serif, true, false}:     liberationserifbold.TTF,
	{serif, false, true}:     liberationserifitalic.TTF,
	{serif, true, true}:      liberationserifbolditalic.TTF,
	{mono, false, false}:     liberationmonoregular.TTF,
	{mono, true, false}:      liberationmonobold.TTF,
	{mono, false, true}:      liberationmonoitalic.TTF,
	{mono, true, true}:       liberationmonobolditalic.TTF,
	{fallback, false, false}: dejavusans.TTF,
	{fallback, true, false}:  dejavusansbold.TTF,
}

// fontSet loads fonts on first use, for one Draw call: canvas fonts carry a text shaper that
// is not safe for concurrent use, so they are never shared between calls.
type fontSet map[fontKey]*canvas.Font

func (fs fontSet) get(k fontKey) (*canvas.Font, error) {
	if k.family == fallback {
		k.italic = false
	}
	if f, ok := fs[k]; ok {
		return f, nil
	}
	style := canvas.FontRegular
	if k.bold {
		style = canvas.FontBold
	}
	if k.italic {
		style |= canvas.FontItalic
	}
	f, err := canvas.LoadFont(fontData[k], 0, style)
	if err != nil {
		return nil, fmt.Errorf("cannot load embedded font: %w", err)
	}
	fs[k] = f
	return f, nil
}

// familyOf maps a Graphviz font name ("Helvetica", "Times-Roman", "Courier New", ...) to a
// family, and says whether the name itself asks for bold or italic.
func familyOf(face string) (f family, bold, italic bool) {
	n := strings.ToLower(face)
	bold = strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy")
	italic = strings.Contains(n, "italic") || strings.Contains(n, "oblique")
	switch {
	case strings.Contains(n, "courier") || strings.Contains(n, "mono") || strings.Contains(n, "consol"):
		return mono, bold, italic
	case strings.Contains(n, "serif") && !strings.Contains(n, "sans"):
		return serif, bold, italic
	case strings.Contains(n, "helvetica") || strings.Contains(n, "arial") || strings.Contains(n, "sans") ||
		strings.Contains(n, "verdana") || strings.Contains(n, "tahoma") || strings.Contains(n, "dejavu"):
		return sans, bold, italic
	}
	return serif, bold, italic
}

// Font flags of the xdot "t" operation.
const (
	flagBold      = 1
	flagItalic    = 2
	flagUnderline = 4
	flagSuper     = 8
	flagSub       = 16
	flagStrike    = 32
	flagOverline  = 64
)

// textStyle is the font state when a text operation runs. Text takes the pen colour.
type textStyle struct {
	face  string  // Graphviz font name
	size  float64 // points
	flags int
}

// segment is a run of text drawn with one font, in one direction: left to right when its
// bidi embedding level is even, right to left when it is odd.
type segment struct {
	text  string
	font  *canvas.Font
	level int
}

// segments splits s into runs by font: each character goes to the primary font if it has the
// glyph, else to the fallback font if that has it, else stays with the primary font (drawn as a
// missing-glyph box). Spaces and punctuation stay with the run they are in, so that a phrase in
// a fallback script (Arabic, say) is shaped and ordered as one piece. Invisible characters
// (joiners, variation selectors, controls) stay with their run if its font has them and are
// dropped otherwise, rather than drawn as boxes.
func segments(s string, primary, alt *canvas.Font) []segment {
	var segs []segment
	var b strings.Builder
	var cur *canvas.Font
	flush := func() {
		if b.Len() > 0 {
			segs = append(segs, segment{text: b.String(), font: cur})
			b.Reset()
		}
	}
	for _, r := range s {
		inPrimary := primary.SFNT.GlyphIndex(r) != 0
		inAlt := alt.SFNT.GlyphIndex(r) != 0
		var f *canvas.Font
		invisible := unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) || unicode.IsControl(r)
		switch {
		case (neutral(r) || invisible) && cur != nil && cur.SFNT.GlyphIndex(r) != 0:
			f = cur
		case invisible:
			continue
		case inPrimary:
			f = primary
		case inAlt:
			f = alt
		default:
			f = primary
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
	}
	flush()
	return segs
}

// neutral reports whether r has no direction or script of its own (spaces, punctuation,
// digits, symbols), so it can join the run around it.
func neutral(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) || unicode.IsSymbol(r)
}

// visualRuns splits s into runs of one font and one direction and returns them in the order
// they are drawn, left to right, by the Unicode bidirectional algorithm (UAX #9): embedding
// levels from canvas's port of FriBidi, then rule L2, which reverses every sequence of runs at
// each level from the highest down to the lowest odd one. The paragraph is left to right, as
// Graphviz lays out the label and as SVG viewers draw it, so "شبلي تلحمي (Shibley Telhami)"
// shows the Arabic name, drawn right to left, then "(Shibley Telhami)". Text with no
// right-to-left character is one level: it skips all this.
func visualRuns(s string, primary, alt *canvas.Font) []segment {
	if !strings.ContainsFunc(s, rightToLeft) {
		return segments(s, primary, alt)
	}
	runes := []rune(s)
	// A left-to-right mark in front makes the paragraph left to right.
	levels := text.EmbeddingLevels(append([]rune{'\u200e'}, runes...))[1:]
	var runs []segment
	for i := 0; i < len(runes); {
		j := i + 1
		for j < len(runes) && levels[j] == levels[i] {
			j++
		}
		for _, seg := range segments(string(runes[i:j]), primary, alt) {
			seg.level = levels[i]
			runs = append(runs, seg)
		}
		i = j
	}
	top, lowestOdd := 0, 1<<30
	for _, r := range runs {
		top = max(top, r.level)
		if r.level%2 == 1 {
			lowestOdd = min(lowestOdd, r.level)
		}
	}
	for lvl := top; lvl >= lowestOdd; lvl-- {
		for i := 0; i < len(runs); {
			if runs[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= lvl {
				j++
			}
			slices.Reverse(runs[i:j])
			i = j
		}
	}
	return runs
}

// rightToLeft reports whether r belongs to a script written right to left.
func rightToLeft(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
