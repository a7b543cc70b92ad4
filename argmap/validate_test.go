package argmap

import (
	"fmt"
	"strings"
	"testing"
)

const manifest = `title = "T"

[[propositions]]
id = "p1"
text = "One."

[[propositions]]
id = "p2"
text = "Two."
`

const expertB = `id = "b"
name = "B"

[[claims]]
id = "x"
kind = "premise"
text = "X."

[[stances]]
proposition = "p1"
position = "agree"

[[stances]]
proposition = "p2"
position = "disagree"
`

// check parses a debate of the standard manifest, expert b and expert a (given), and
// returns its diagnostics, one per line.
func check(t *testing.T, a string, opt Options) []string {
	t.Helper()
	files := []File{
		{Path: "d/debate.toml", Data: []byte(manifest)},
		{Path: "d/experts/a.toml", Data: []byte(a)},
		{Path: "d/experts/b.toml", Data: []byte(expertB)},
	}
	_, diags := Parse(files, opt)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		a    string
		want []string
	}{
		{"clean", `id = "a"
name = "A"

[[claims]]
id = "r"
kind = "recommendation"
text = "Do."

[[claims]]
id = "why"
kind = "premise"
text = "Because."
supports = ["r"]
attacks = ["b/x"]

[[stances]]
proposition = "p1"
position = "strongly-agree"
confidence = 9
evidence = ["why", "b/x"]
`, nil},
		{"syntax error", "id = \"a\"\nname = \n", []string{
			`d/experts/a.toml:2:8: error: TOML syntax: expected value but found '\n' instead`}},
		{"unknown key with hint", `id = "a"
name = "A"

[[claims]]
id = "c"
kind = "premise"
text = "C."
suports = ["c"]
`, []string{
			`d/experts/a.toml:1:6: warning[expert-without-stance]: expert "a" takes no stance on any proposition`,
			`d/experts/a.toml:8:1: error: unknown key "claims.suports" (did you mean "supports"?)`}},
		{"missing required and wrong types", `id = "a"
name = 3

[[claims]]
id = "c"
text = ["C."]
implicit = "yes"

[[stances]]
proposition = "p1"
position = "agree"
confidence = "high"
`, []string{
			`d/experts/a.toml:2:8: error: name must be a string, not an integer`,
			`d/experts/a.toml:4:1: error: missing required key "claims.kind"`,
			`d/experts/a.toml:6:8: error: claims.text must be a string, not an array`,
			`d/experts/a.toml:7:12: error: claims.implicit must be true or false, not a string`,
			`d/experts/a.toml:12:14: error: stances.confidence must be an integer, not a string`}},
		{"duplicate ids and bad ids", `id = "a"
name = "A"

[[claims]]
id = "c"
kind = "premise"
text = "C."

[[claims]]
id = "c"
kind = "premise"
text = "C again."

[[claims]]
id = "Bad Id"
kind = "premise"
text = "B."

[[stances]]
proposition = "p1"
position = "agree"
`, []string{
			`d/experts/a.toml:10:6: error: duplicate claim id "c" (first defined at d/experts/a.toml:5:6)`,
			`d/experts/a.toml:15:6: error: invalid claim id "Bad Id" (ids use a-z, 0-9, '-' and '_', start with a letter or digit, at most 64 characters)`}},
		{"dangling references with hints", `id = "a"
name = "A"

[[claims]]
id = "claim-one"
kind = "premise"
text = "C."
supports = ["claim-onr", "x"]
attacks = [
  "bb/x",
  "b/y",
  "b/x/z",
]

[[stances]]
proposition = "p3"
position = "agre"
confidence = 11
evidence = ["nope"]
`, []string{
			`d/experts/a.toml:8:13: error: reference "claim-onr": no claim "claim-onr" in this file (did you mean "claim-one"?)`,
			`d/experts/a.toml:8:26: error: reference "x": no claim "x" in this file (did you mean "b/x"?)`,
			`d/experts/a.toml:10:3: error: reference "bb/x": no expert "bb" in this debate (did you mean "b"?)`,
			`d/experts/a.toml:11:3: error: reference "b/y": expert "b" has no claim "y" (did you mean "b/x"?)`,
			`d/experts/a.toml:12:3: error: invalid reference "b/x/z" (write "claim" for a claim of this expert, "expert/claim" for another's)`,
			`d/experts/a.toml:16:15: error: stance on unknown proposition "p3" (did you mean "p1"?)`,
			`d/experts/a.toml:17:12: error: invalid position "agre" (did you mean "agree"?)`,
			`d/experts/a.toml:18:14: error: confidence 11 is out of range: use 1 (a guess) to 10 (certain)`,
			`d/experts/a.toml:19:13: error: reference "nope": no claim "nope" in this file`}},
		{"self relations and both", `id = "a"
name = "A"

[[claims]]
id = "c"
kind = "premise"
text = "C."
supports = ["c", "b/x"]
attacks = ["a/c", "b/x"]

[[stances]]
proposition = "p1"
position = "mixed"

[[stances]]
proposition = "p1"
position = "agree"
`, []string{
			`d/experts/a.toml:8:13: error: claim "c" supports itself`,
			`d/experts/a.toml:9:12: error: claim "c" attacks itself`,
			`d/experts/a.toml:9:19: error: claim "c" both supports and attacks "b/x"`,
			`d/experts/a.toml:16:15: error: second stance of "a" on "p1" (the first is at d/experts/a.toml:12:15)`}},
		{"warnings", `id = "a"
name = "A"

[[claims]]
id = "r"
kind = "recommendation"
text = "Do."

[[claims]]
id = "c1"
kind = "premise"
text = "One."
supports = ["c2"]
implicit = true
quote = "Said."

[[claims]]
id = "c2"
kind = "conclusion"
text = "Two."
supports = ["c1"]
quote = "First sentence here. Second sentence follows."
`, []string{
			`d/experts/a.toml:1:6: warning[expert-without-stance]: expert "a" takes no stance on any proposition`,
			`d/experts/a.toml:5:6: warning[unsupported-recommendation]: recommendation "r" has no supporting claim`,
			`d/experts/a.toml:10:6: warning[support-cycle]: support cycle: a/c1 -> a/c2 -> a/c1`,
			`d/experts/a.toml:15:9: warning[implicit-with-quote]: implicit claim "c1" has a quote: an implicit premise is one the expert never states`,
			`d/experts/a.toml:22:9: warning[multi-sentence-quote]: quote spans more than one sentence: a quote is one sentence at most`}},
		{"empty file", "", []string{
			`d/experts/a.toml:1:1: error: missing required key "id"`,
			`d/experts/a.toml:1:1: error: missing required key "name"`}},
		{"not utf-8", "id = \"a\"\nname = \"\xff\"\n", []string{
			`d/experts/a.toml:2:9: error: not UTF-8 text (save the file as UTF-8 text)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(t, tt.a, Options{})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDuplicateExpertAcrossFiles(t *testing.T) {
	files := []File{
		{Path: "d/debate.toml", Data: []byte(manifest)},
		{Path: "d/experts/b.toml", Data: []byte(expertB)},
		{Path: "d/experts/b2.toml", Data: []byte(expertB)},
	}
	d, diags := Parse(files, Options{})
	want := `d/experts/b2.toml:1:6: error: duplicate expert id "b" (first defined at d/experts/b.toml:1:6)`
	if d != nil || len(diags) != 1 || diags[0].String() != want {
		t.Errorf("Parse = %v, %v; want nil and %s", d, diags, want)
	}
}

func TestManifestErrors(t *testing.T) {
	files := []File{{Path: "d/debate.toml", Data: []byte(`title = ""
date = "March 2020"
sourse = "x"

[source]
url = 3

[[propositions]]
id = "p1"
text = "One."

[[propositions]]
id = "p1"
text = "Again."
tags = "t"
`)}}
	_, diags := Parse(files, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`d/debate.toml:1:1: warning[no-experts]: the debate has no experts: add files under experts/`,
		`d/debate.toml:1:9: error: title must not be empty`,
		`d/debate.toml:2:8: error: date must be a date (YYYY-MM-DD), not "March 2020" (write 2020-03-11)`,
		`d/debate.toml:3:1: error: unknown key "sourse" (did you mean "source"?)`,
		`d/debate.toml:5:1: error: missing required key "source.title"`,
		`d/debate.toml:6:7: error: source.url must be a string, not an integer`,
		`d/debate.toml:9:6: warning[unaddressed-proposition]: no expert takes a stance on proposition "p1"`,
		`d/debate.toml:13:6: error: duplicate proposition id "p1" (first defined at d/debate.toml:9:6)`,
		`d/debate.toml:15:8: error: propositions.tags must be an array of strings, not a string`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestQuotesInSource(t *testing.T) {
	a := `id = "a"
name = "A"

[[claims]]
id = "c"
kind = "premise"
text = "C."
quote = "it’s time to make it clear — Iraq"

[[claims]]
id = "d"
kind = "premise"
text = "D."
quote = "it's time to make it obvious"

[[claims]]
id = "e"
kind = "premise"
text = "E."
quote = "ear to have"

[[stances]]
proposition = "p1"
position = "agree"
quote = "nothing like this"

[[claims]]
id = "f"
kind = "premise"
text = "F."
quote = "Iraq cannot have"

[[claims]]
id = "g"
kind = "premise"
text = "G."
quote = "have it both ways."

[[claims]]
id = "h"
kind = "premise"
text = "H."
quote = "But it’s"
`
	src := "But it's time to make it clear—Iraq cannot have it both ways. Appear to have."
	got := check(t, a, Options{Source: src})
	want := []string{
		`d/experts/a.toml:14:9: error: quote does not occur in the source (the source has "it's time to make it" but not what follows it)`,
		`d/experts/a.toml:20:9: error: quote does not occur in the source (it occurs only inside longer words: quote whole words)`,
		`d/experts/a.toml:25:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`,
		// A source with no experts' sections: attribution is not checked, and it says so.
		`the source:1:1: warning[attribution-unchecked]: cannot tell who says what in the source (none of the experts named (A) could be placed in the article): quotes are checked against the whole text only`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a  b\n\tc", "a b c"},
		{"“Hi,” she said — it’s …", `"Hi," she said-it's ...`},
		{"pre-2011 insurgency", "pre-2011 insurgency"},
		{"x – y", "x-y"},
		{"  lead and trail  ", "lead and trail"},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"One sentence only.", 1},
		{"Iranian Maj. Gen. Qasem Soleimani was killed.", 1},
		{"First one. Second one.", 2},
		{"Caught in the middle, yes. A victim, no.", 2},
		{"the U.S. Army left", 1},
		{"“It failed.” Then what?", 2},
		{"C. Anthony Pfaff met Dr. Kadhim on Jan. 3 in Baghdad.", 1},
	}
	for _, tt := range tests {
		if got := sentences(tt.in); got != tt.want {
			t.Errorf("sentences(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		s     string
		cands []string
		want  string
	}{
		{"suports", []string{"id", "supports", "attacks"}, `did you mean "supports"?`},
		{"zzz", []string{"id", "supports"}, ""},
		{"p8", []string{"p1", "p9"}, `did you mean "p1"?`}, // ties go to the smaller
		{"", []string{"a"}, `did you mean "a"?`},
	}
	for _, tt := range tests {
		if got := didYouMean(tt.s, tt.cands); got != tt.want {
			t.Errorf("didYouMean(%q, %q) = %q; want %q", tt.s, tt.cands, got, tt.want)
		}
	}
}

// TestQuotesWrongSource: when most quotes miss (more than half, at least 3), one error says
// the source is probably the wrong file, instead of an error per quote.
func TestQuotesWrongSource(t *testing.T) {
	quotes := func(qs ...string) string {
		a := "id = \"a\"\nname = \"A\"\n"
		for i, q := range qs {
			a += fmt.Sprintf("[[claims]]\nid = \"c%d\"\nkind = \"premise\"\ntext = \"C.\"\nquote = %q\n", i, q)
		}
		return a
	}
	src := "One two three four five six."
	tests := []struct {
		name string
		a    string
		want []string
	}{
		{"3 of 4 miss", quotes("One two", "seven", "eight", "nine"), []string{
			`src.txt:1:1: error: 3 of 4 quotes do not occur in src.txt: it is probably not the debate's source (check that --source names the text the experts' reactions were published in)`}},
		{"2 of 2 miss: too few to tell", quotes("seven", "eight"), []string{
			`d/experts/a.toml:7:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`,
			`d/experts/a.toml:12:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`}},
		{"3 of 6 miss: not most", quotes("One", "two", "three", "seven", "eight", "nine"), []string{
			`d/experts/a.toml:22:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`,
			`d/experts/a.toml:27:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`,
			`d/experts/a.toml:32:9: error: quote does not occur in the source (not even its first word occurs; is --source the right text?)`}},
	}
	for _, tt := range tests {
		files := []File{{Path: "d/debate.toml", Data: []byte(manifest)}, {Path: "d/experts/a.toml", Data: []byte(tt.a)}}
		_, diags := Parse(files, Options{Source: src, SourceName: "src.txt"})
		var got []string
		for _, d := range diags {
			if d.Severity == Error {
				got = append(got, d.String())
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestDisplayPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"d/experts/a.toml", "d/experts/a.toml"},
		{"d/ünï cödé/a.toml", "d/ünï cödé/a.toml"},
		{"d/a\nb.toml", `"d/a\nb.toml"`},
		{"d/\u202eevil.toml", `"d/\u202eevil.toml"`},
		{"d/\x1b[31m.toml", `"d/\x1b[31m.toml"`},
		{"d/\xff.toml", `"d/\xff.toml"`},
	}
	for _, tt := range tests {
		if got := DisplayPath(tt.in); got != tt.want {
			t.Errorf("DisplayPath(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

// TestPropositionKind: kind is checked; the old tag "policy" (in any case) still marks a
// policy question, with a deprecation warning.
func TestPropositionKind(t *testing.T) {
	tests := []struct {
		name, prop string
		policy     bool
		want       []string
	}{
		{"policy", `kind = "policy"`, true, nil},
		{"fact", `kind = "fact"`, false, nil},
		{"value, tagged", `kind = "value"` + "\ntags = [\"ethics\"]", false, nil},
		{"none", ``, false, nil},
		{"invalid", `kind = "polcy"`, false, []string{`d/debate.toml:6:8: error: invalid proposition kind "polcy" (did you mean "policy"?)`}},
		{"old tag", `tags = ["x", "policy"]`, true, []string{
			`d/debate.toml:6:14: warning[deprecated-policy-tag]: proposition "p1" is marked a policy question by the tag "policy", which is deprecated (write kind = "policy" and drop the tag)`}},
		{"old tag, other case", `tags = ["Policy"]`, true, []string{
			`d/debate.toml:6:9: warning[deprecated-policy-tag]: proposition "p1" is marked a policy question by the tag "Policy", which is deprecated (write kind = "policy" and drop the tag)`}},
	}
	for _, tt := range tests {
		man := "title = \"T\"\n\n[[propositions]]\nid = \"p1\"\ntext = \"One.\"\n" + tt.prop + "\n"
		d, diags := Parse([]File{{Path: "d/debate.toml", Data: []byte(man)}, {Path: "d/experts/a.toml", Data: []byte("id = \"a\"\nname = \"A\"\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n")}}, Options{})
		var got []string
		for _, x := range diags {
			got = append(got, x.String())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
		if d == nil {
			continue
		}
		if p, _ := d.Proposition("p1"); p.IsPolicy() != tt.policy {
			t.Errorf("%s: IsPolicy() = %v; want %v", tt.name, p.IsPolicy(), tt.policy)
		}
	}
}

// TestLongSupportCycle: a generated expert whose n claims support each other in one ring is
// warned about in one short line that names the first and last few claims and the length.
func TestLongSupportCycle(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{2, `support cycle: a/c0 -> a/c1 -> a/c0`},
		{6, `support cycle: a/c0 -> a/c1 -> a/c2 -> a/c3 -> a/c4 -> a/c5 -> a/c0`},
		{7, `support cycle of 7 claims: a/c0 -> a/c1 -> a/c2 -> … -> a/c5 -> a/c6 -> a/c0`},
		{100000, `support cycle of 100000 claims: a/c0 -> a/c1 -> a/c2 -> … -> a/c99998 -> a/c99999 -> a/c0`},
	}
	for _, tt := range tests {
		var b strings.Builder
		b.WriteString("id = \"a\"\nname = \"A\"\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n")
		for i := range tt.n {
			fmt.Fprintf(&b, "[[claims]]\nid = \"c%d\"\nkind = \"premise\"\ntext = \"C.\"\nsupports = [\"c%d\"]\n", i, (i+1)%tt.n)
		}
		var cycles []string
		for _, d := range check(t, b.String(), Options{}) {
			if strings.Contains(d, "[support-cycle]") {
				cycles = append(cycles, d)
			}
		}
		want := "d/experts/a.toml:7:6: warning[support-cycle]: " + tt.want
		if len(cycles) != 1 || cycles[0] != want {
			t.Errorf("a ring of %d claims: support-cycle warnings %q; want [%q]", tt.n, cycles, want)
		}
	}
}

// The curator's bottom line, key points and notes are read as written, and bounded: an
// oversized one is refused at its value. Markup and bidi controls are text, kept for the
// writers to escape.
func TestBottomLine(t *testing.T) {
	head := "title = \"T\"\n"
	props := "\n[[propositions]]\nid = \"p1\"\ntext = \"One.\"\n"
	tests := []struct {
		name, toml string
		bottom     string
		points     []string
		notes      string
		want       []string // diagnostics other than warnings
	}{
		{"none", "", "", nil, "", nil},
		{"all", "bottom_line = \"They split.\"\nkey_points = [\"One\", \"Two\"]\nnotes = \"Read in March.\"\n",
			"They split.", []string{"One", "Two"}, "Read in March.", nil},
		{"markup and bidi kept as text", "key_points = [\"<b>x</b>\", \"a \\u202Eb\"]\n",
			"", []string{"<b>x</b>", "a \u202Eb"}, "", nil},
		{"megabytes", "bottom_line = \"" + strings.Repeat("word ", 400000) + "\"\n", "", nil, "",
			[]string{"d/debate.toml:2:15: error: bottom_line is 2000000 characters long, over the limit of 1200 (a bottom line is a short paragraph; put the rest in description or notes)"}},
		{"at the limit", "bottom_line = \"" + strings.Repeat("é", MaxBottomLine) + "\"\n", strings.Repeat("é", MaxBottomLine), nil, "", nil},
		{"long point", "key_points = [\"ok\", \"" + strings.Repeat("x", MaxKeyPoint+1) + "\"]\n", "", []string{"ok"}, "",
			[]string{"d/debate.toml:2:21: error: key_points[1] is 301 characters long, over the limit of 300 (a key point is one sentence)"}},
		{"blank point", "key_points = [\" \"]\n", "", nil, "",
			[]string{"d/debate.toml:2:15: error: key_points[0] must not be empty"}},
		{"too many points", "key_points = [" + strings.Repeat("\"p\", ", MaxKeyPoints) + "\"p\"]\n", "", nil, "",
			[]string{"d/debate.toml:2:14: error: key_points has 11 points, over the limit of 10 (the bottom line is for a few points; put the rest in description)"}},
		{"not a string", "bottom_line = 3\n", "", nil, "",
			[]string{"d/debate.toml:2:15: error: bottom_line must be a string, not an integer"}},
		{"long notes", "notes = \"" + strings.Repeat("n", MaxNotes+1) + "\"\n", "", nil, "",
			[]string{"d/debate.toml:2:9: error: notes is 10001 characters long, over the limit of 10000 (notes on method are read at the end of a briefing: keep them to a page)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := []File{
				{Path: "d/debate.toml", Data: []byte(head + tt.toml + props)},
				{Path: "d/experts/b.toml", Data: []byte("id = \"b\"\nname = \"B\"\n\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n")},
			}
			d, diags := Parse(files, Options{})
			var got []string
			for _, x := range diags {
				if x.Severity == Error {
					got = append(got, x.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("Parse() errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if d == nil {
				return
			}
			if d.BottomLine != tt.bottom || fmt.Sprint(d.KeyPoints) != fmt.Sprint(tt.points) || d.Notes != tt.notes {
				t.Errorf("Parse() = bottom %.40q, points %q, notes %q; want %.40q, %q, %q", d.BottomLine, d.KeyPoints, d.Notes, tt.bottom, tt.points, tt.notes)
			}
		})
	}
}
