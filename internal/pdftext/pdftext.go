// Package pdftext prepares text for the text boxes of canvas, in which the briefing and the
// handout set their PDF pages: it keeps a box's text inside its width and keeps right-to-left
// names whole.
package pdftext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/canvas"
)

// zwsp is a zero-width space: canvas may break a line there, and draws nothing.
const zwsp = '\u200b'

// Prepare returns s ready for a text box of the given width set in face: the spaces of
// right-to-left runs kept (see [KeepRTL]) and each word wider than the box given places to
// break (see [Fit]).
func Prepare(s string, face *canvas.FontFace, width float64) string {
	return Fit(KeepRTL(s), face, width)
}

// Fit returns s with zero-width spaces inside every word that is wider than width when set in
// face, so that canvas breaks it across lines instead of running it past the box (a long
// URL, an identifier, a name without spaces). Words that fit are left alone, and no break is
// put before a combining mark.
func Fit(s string, face *canvas.FontFace, width float64) string {
	if width <= 0 {
		return s
	}
	// Shaping text to measure it is slow, and nearly every word is short: a word whose
	// letters could not be wider than the box even at 1.5 em each is not measured.
	short := int(width / (1.5 * face.Size))
	var words []string
	for i, w := range strings.Split(s, " ") {
		if utf8.RuneCountInString(w) > short && face.TextWidth(w) > width {
			if words == nil {
				words = strings.Split(s, " ")
			}
			words[i] = split(w, face, width)
		}
	}
	if words == nil {
		return s
	}
	return strings.Join(words, " ")
}

// split breaks w into pieces that each fit width (a single letter wider than the box stays
// one piece), joined by zero-width spaces. Widths are summed letter by letter, with a margin
// for what kerning and shaping add.
func split(w string, face *canvas.FontFace, width float64) string {
	limit := width * 0.95
	var b strings.Builder
	run := 0.0
	for _, r := range w {
		rw := face.TextWidth(string(r))
		if run > 0 && run+rw > limit && !unicode.Is(unicode.M, r) {
			b.WriteRune(zwsp)
			run = 0
		}
		b.WriteRune(r)
		run += rw
	}
	return b.String()
}

// KeepRTL turns the spaces between two right-to-left letters (Hebrew, Arabic and their
// neighbours) into no-break spaces: canvas drops a breaking space inside a right-to-left run,
// which would run "דבורה כהן" together. Such a run is then not broken across lines.
func KeepRTL(s string) string {
	if !strings.ContainsFunc(s, rtl) {
		return s
	}
	r := []rune(s)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == ' ' && rtl(r[i-1]) && rtl(r[i+1]) {
			r[i] = '\u00a0'
		}
	}
	return string(r)
}

func rtl(r rune) bool {
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
