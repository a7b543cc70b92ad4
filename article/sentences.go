package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations do not end a sentence even when a capital follows ("Maj. Gen. Qasem").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "maj": true,
	"col": true, "lt": true, "capt": true, "sgt": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "pres": true, "st": true, "jr": true, "sr": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "etc": true, "e.g": true,
	"i.e": true, "cf": true, "u.s": true, "u.k": true, "u.n": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "mt": true, "ft": true,
}

// Sentences splits a paragraph into sentences: a '.', '!' or '?' (with any closing quotes
// or brackets after it) ends one when white space and a capital letter, a digit or an
// opening quote follow, unless the word it ends is an abbreviation or an initial ("C.").
func Sentences(p string) []string {
	var out []string
	words := strings.Fields(p)
	start := 0
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && endsSentence(words[i], words[i+1]) {
			out = append(out, strings.Join(words[start:i+1], " "))
			start = i + 1
		}
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

func endsSentence(w, next string) bool {
	core := strings.TrimRight(w, `"'”’)]»`)
	if core == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(core)
	if last != '.' && last != '!' && last != '?' && last != '…' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, `"'“‘(«[`))
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !(unicode.IsLetter(r) && !unicode.IsLower(r)) {
		return false
	}
	if last == '.' {
		stem := strings.ToLower(strings.TrimLeft(strings.TrimSuffix(core, "."), `"'“‘(«[`))
		if abbreviations[stem] || stem == "no" && unicode.IsDigit(r) { // "No. 10"
			return false
		}
		if n := utf8.RuneCountInString(stem); n == 1 {
			return false // an initial: "C. Anthony Pfaff"
		}
	}
	return true
}
