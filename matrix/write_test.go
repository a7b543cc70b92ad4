package matrix

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/tomlstr"
	"github.com/argmap-dev/argmap/stances"
	"github.com/xuri/excelize/v2"
)

// TestSeedGolden writes the seed in every text format; ARGMAP_UPDATE_GOLDEN=1 go test ./matrix/ rewrites
// the files.
func TestSeedGolden(t *testing.T) {
	d := seed(t)
	m := build(d, stances.Options{})
	mt := build(d, stances.Options{Transpose: true})
	cmp, err := m.mx.Compare("kadhim", "pfaff")
	if err != nil {
		t.Fatal(err)
	}
	outputs := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"matrix.txt", func(b *bytes.Buffer) error { return m.WriteTable(b, false) }},
		{"matrix.color.txt", func(b *bytes.Buffer) error { return m.WriteTable(b, true) }},
		{"matrix.transposed.txt", func(b *bytes.Buffer) error { return mt.WriteTable(b, false) }},
		{"matrix.md", func(b *bytes.Buffer) error { return m.WriteMarkdown(b) }},
		{"matrix.transposed.md", func(b *bytes.Buffer) error { return mt.WriteMarkdown(b) }},
		{"matrix.csv", func(b *bytes.Buffer) error { return m.WriteCSV(b, ',') }},
		{"matrix.transposed.tsv", func(b *bytes.Buffer) error { return mt.WriteCSV(b, '\t') }},
		{"matrix.json", func(b *bytes.Buffer) error { return m.WriteJSON(b) }},
		{"matrix.long.csv", func(b *bytes.Buffer) error { return m.WriteLong(b, CSV, false) }},
		{"matrix.long.json", func(b *bytes.Buffer) error { return m.WriteLong(b, JSON, false) }},
		{"matrix.html", func(b *bytes.Buffer) error { return m.WriteHTML(b) }},
		{"agreement.txt", func(b *bytes.Buffer) error { return m.WriteAgreementTable(b, false) }},
		{"agreement.md", func(b *bytes.Buffer) error { return m.WriteAgreementMarkdown(b) }},
		{"agreement.csv", func(b *bytes.Buffer) error { return m.WriteAgreementCSV(b, ',') }},
		{"agreement.json", func(b *bytes.Buffer) error { return m.WriteAgreementJSON(b) }},
		{"agreement.html", func(b *bytes.Buffer) error { return m.WriteAgreementHTML(b) }},
		{"cruxes.txt", func(b *bytes.Buffer) error { return m.WriteCruxes(b, false, false) }},
		{"cruxes.md", func(b *bytes.Buffer) error { return m.WriteCruxes(b, true, false) }},
		{"cruxes.json", func(b *bytes.Buffer) error { return m.WriteCruxesJSON(b) }},
		{"compare-kadhim-pfaff.txt", func(b *bytes.Buffer) error { return writeComparison(b, cmp, false, false) }},
		{"compare-kadhim-pfaff.md", func(b *bytes.Buffer) error { return writeComparison(b, cmp, true, false) }},
		{"compare-kadhim-pfaff.json", func(b *bytes.Buffer) error { return writeComparisonJSON(b, cmp) }},
	}
	for _, o := range outputs {
		var b bytes.Buffer
		if err := o.write(&b); err != nil {
			t.Fatalf("%s: %v", o.file, err)
		}
		golden.Check(t, "testdata/camp-taji."+o.file, b.Bytes())
	}
}

// TestSeedJSONShape checks the documented contract of the matrix JSON.
func TestSeedJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := build(seed(t), stances.Options{}).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Experts []struct{ ID, Name string }
		Cells   []struct {
			Expert, Proposition string
			Position            int
			Label               string
			Inferred            *bool
			Confidence          *int
			Evidence            struct {
				Claims []string
				Quote  string
			}
		}
		Pairs []struct {
			A, B  string
			Kappa *float64
			Note  string
		}
		PropositionsStats []struct{ Proposition string } `json:"propositions_stats"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Experts) != 5 || len(out.Cells) != 23 || len(out.Pairs) != 10 || len(out.PropositionsStats) != 8 {
		t.Errorf("WriteJSON(seed) has %d experts, %d cells, %d pairs, %d propositions_stats; want 5, 23, 10, 8",
			len(out.Experts), len(out.Cells), len(out.Pairs), len(out.PropositionsStats))
	}
	for _, c := range out.Cells {
		if c.Inferred == nil || c.Label != argmap.Position(c.Position).String() || len(c.Evidence.Claims) == 0 {
			t.Errorf("cell %s/%s = %+v; want inferred present, label matching position, evidence claims", c.Expert, c.Proposition, c)
		}
		if c.Expert == "pfaff" && c.Proposition == "military-retaliation" && c.Confidence != nil {
			t.Errorf("cell pfaff/military-retaliation has confidence %d; want it omitted", *c.Confidence)
		}
	}
	for _, p := range out.Pairs {
		if (p.Kappa == nil) != (p.Note != "") {
			t.Errorf("pair %s/%s: kappa %v with note %q; want a note exactly when kappa is null", p.A, p.B, p.Kappa, p.Note)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, s := range []string{"", "table", "md", "csv", "tsv", "json", "html", "xlsx"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q) = %v; want nil", s, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) = nil; want an error")
	}
	m := build(seed(t), stances.Options{})
	c, _ := m.mx.Compare("hof", "slavin")
	for _, f := range []Format{CSV, HTML, XLSX} {
		if err := m.WriteCruxesAs(&bytes.Buffer{}, f, false); err == nil {
			t.Errorf("WriteCruxesAs(%s) = nil; want an error", f)
		}
		if err := WriteComparison(&bytes.Buffer{}, c, f, false); err == nil {
			t.Errorf("WriteComparison(%s) = nil; want an error", f)
		}
	}
}

// writeAll writes m in every format, both layouts, with and without colour, and returns the
// text outputs by name.
func writeAll(t *testing.T, d *argmap.Debate) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, transpose := range []bool{false, true} {
		m := build(d, stances.Options{Transpose: transpose})
		for _, f := range Formats() {
			for _, color := range []bool{false, true} {
				name := fmt.Sprintf("%s transpose=%v color=%v", f, transpose, color)
				var b bytes.Buffer
				if err := m.Write(&b, f, color); err != nil {
					t.Errorf("Write(%s) = %v", name, err)
				}
				out["matrix "+name] = b.String()
				b.Reset()
				if err := m.WriteAgreement(&b, f, color); err != nil {
					t.Errorf("WriteAgreement(%s) = %v", name, err)
				}
				out["agreement "+name] = b.String()
			}
		}
		for _, agreement := range []bool{false, true} {
			name := fmt.Sprintf("picture agreement=%v transpose=%v", agreement, transpose)
			var svg, layout bytes.Buffer
			if err := m.WritePictureSVG(&svg, agreement); err != nil {
				t.Errorf("WritePictureSVG(%s) = %v", name, err)
			}
			wellFormedXML(t, name, svg.Bytes())
			if err := m.WritePictureLayout(&layout, agreement); err != nil {
				t.Errorf("WritePictureLayout(%s) = %v", name, err)
			}
			out[name+" svg"], out[name+" layout json"] = svg.String(), layout.String()
		}
		for _, f := range []Format{Table, Markdown, CSV, TSV, JSON} {
			var b bytes.Buffer
			if err := m.WriteLong(&b, f, true); err != nil {
				t.Errorf("WriteLong(%s) = %v", f, err)
			}
			out[fmt.Sprintf("long %s transpose=%v", f, transpose)] = b.String()
		}
		for _, f := range []Format{Table, Markdown, HTML, JSON, XLSX} {
			var b bytes.Buffer
			if err := m.WriteWithStats(&b, f, true); err != nil {
				t.Errorf("WriteWithStats(%s) = %v", f, err)
			}
			out[fmt.Sprintf("stats %s transpose=%v", f, transpose)] = b.String()
		}
		for _, f := range []Format{Table, Markdown, JSON} {
			var b bytes.Buffer
			if err := m.WriteCruxesAs(&b, f, true); err != nil {
				t.Errorf("WriteCruxesAs(%s) = %v", f, err)
			}
			out["cruxes "+string(f)] = b.String()
			if d != nil && len(d.Experts) >= 2 {
				c, err := m.mx.Compare(d.Experts[0].ID, d.Experts[1].ID)
				if err != nil {
					t.Fatal(err)
				}
				b.Reset()
				if err := WriteComparison(&b, c, f, true); err != nil {
					t.Errorf("WriteComparison(%s) = %v", f, err)
				}
				out["compare "+string(f)] = b.String()
			}
		}
	}
	for name, s := range out {
		if strings.Contains(name, "json") && !json.Valid([]byte(s)) {
			t.Errorf("%s: invalid JSON", name)
		}
		if !strings.Contains(name, "xlsx") && (strings.Contains(s, "NaN") || strings.Contains(s, "Inf")) {
			t.Errorf("%s: holds NaN or Inf:\n%s", name, s)
		}
	}
	return out
}

// TestDegenerate writes debates with no expert, one expert, no stance and no proposition:
// every writer gives a sensible result, never NaN, a division by zero or a panic.
func TestDegenerate(t *testing.T) {
	tests := []struct {
		name string
		d    *argmap.Debate
	}{
		{"nil", nil},
		{"no experts", fixture(t, 2)},
		{"one expert", fixture(t, 2, "a: + -")},
		{"no stances", fixture(t, 3, "a: . . .", "b: . . .", "c: . . .")},
		{"one expert without stances", fixture(t, 2, "a: . .", "b: ++ --")},
		{"all constant", fixture(t, 3, "a: + + +", "b: + + +")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, tt.d)
			if tt.name == "one expert" && !strings.Contains(out["agreement table transpose=false color=false"], "needs at least two experts") {
				t.Errorf("agreement of one expert = %q; want a note", out["agreement table transpose=false color=false"])
			}
		})
	}
	m := build(fixture(t, 3, "a: . . .", "b: . . ."), stances.Options{})
	if p, _ := m.mx.Pair("a", "b"); p.Note != stances.NoteNoShared || p.Agreement.OK || p.Kappa.OK {
		t.Errorf("Pair(no stances) = %+v; want no figure and note %q", p, stances.NoteNoShared)
	}
	if c := m.mx.Cruxes(); len(c) != 0 {
		t.Errorf("Cruxes(no stances) = %d; want none", len(c))
	}
}

const hostile = "<script>alert(1)</script> =cmd|' /C calc'!A0 \"quoted\"\nnew line\r\x1b[31mred"

// TestHostileText feeds markup, formulas, quotes, line breaks and terminal escapes through
// every writer.
func TestHostileText(t *testing.T) {
	d := parse(t, hostileFiles())
	out := writeAll(t, d)
	for name, s := range out {
		switch {
		case strings.HasPrefix(name, "matrix html") || strings.HasPrefix(name, "agreement html"):
			if strings.Contains(s, "<script>") || strings.Contains(s, "</td><script") || strings.Contains(s, "\x1b") {
				t.Errorf("%s: unescaped markup or escape:\n%s", name, s)
			}
		case strings.Contains(name, " md ") || name == "cruxes md" || name == "compare md":
			if strings.Contains(s, "<script>") || strings.Contains(s, "\x1b") {
				t.Errorf("%s: unescaped markup or escape:\n%s", name, s)
			}
			cols := -1 // cells per row in the current table
			for _, line := range strings.Split(s, "\n") {
				if !strings.HasPrefix(line, "|") {
					cols = -1
					continue
				}
				n := strings.Count(line, "|") - strings.Count(line, `\|`)
				if cols >= 0 && n != cols {
					t.Errorf("%s: a cell breaks the row: %q", name, line)
				}
				cols = n
			}
		case strings.Contains(name, "table") && strings.Contains(name, "color=false"):
			if strings.Contains(s, "\x1b") || strings.Contains(s, "\r") {
				t.Errorf("%s: holds a terminal escape or carriage return:\n%q", name, s)
			}
		}
	}
	// CSV: every record keeps its fields, and text is never a formula.
	for _, name := range []string{"matrix csv transpose=false color=false", "matrix csv transpose=true color=false"} {
		recs, err := csv.NewReader(strings.NewReader(out[name])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range recs {
			for _, cell := range r {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q can run as a formula", name, cell)
				}
			}
		}
	}
	if s := out["matrix csv transpose=false color=false"]; !strings.Contains(s, ",'=cmd|' /C calc'!A0,") || !strings.Contains(s, "'-2+3") {
		t.Errorf("CSV does not neutralise formulas:\n%s", s)
	}
	// JSON keeps the text as it is.
	var js struct {
		Experts []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(out["matrix json transpose=false color=false"]), &js); err != nil || js.Experts[0].Name != "=cmd|' /C calc'!A0" {
		t.Errorf("JSON experts = %+v, %v; want the name as given", js.Experts, err)
	}
	// XLSX keeps the text as a string, never a formula.
	f, err := excelize.OpenReader(strings.NewReader(out["matrix xlsx transpose=false color=false"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetStances)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for i := range r {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			if formula, _ := f.GetCellFormula(SheetStances, cell); formula != "" {
				t.Errorf("XLSX cell %s holds formula %q", cell, formula)
			}
		}
	}
	if v, _ := f.GetCellValue(SheetStances, "B2"); v != "=cmd|' /C calc'!A0" && v != "-2+3" {
		t.Errorf("XLSX B2 = %q; want an expert's name as text", v)
	}
}

func TestTableAlignsWideText(t *testing.T) {
	files := []argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = \"T\"\n\n[[propositions]]\nid = \"p1\"\ntext = \"One.\"\n")},
		{Path: "d/experts/a.toml", Data: []byte("id = \"a\"\nname = \"王小明\"\n\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n")},
		{Path: "d/experts/b.toml", Data: []byte("id = \"bb\"\nname = \"Bo\"\n\n[[stances]]\nproposition = \"p1\"\nposition = \"disagree\"\n")},
	}
	var b bytes.Buffer
	if err := build(parse(t, files), stances.Options{Order: stances.ByFile}).WriteTable(&b, false); err != nil {
		t.Fatal(err)
	}
	want := "EXPERT  NAME    P1\n" +
		"a       王小明  +\n" +
		"bb      Bo      -\n"
	if got := b.String(); !strings.HasPrefix(got, want) {
		t.Errorf("WriteTable(wide names) =\n%s\nwant it to start with\n%s", got, want)
	}
}

// anyShown marks a cell whose displayed value is not checked.
const anyShown = "(any)"

func TestXLSX(t *testing.T) {
	m := build(seed(t), stances.Options{Order: stances.ByFile})
	var a bytes.Buffer
	if err := m.WriteXLSX(&a); err != nil {
		t.Fatal(err)
	}
	for range 8 { // excelize orders streamed sheets at random unless we do
		var b bytes.Buffer
		if err := m.WriteXLSX(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("WriteXLSX gives different bytes on two writes")
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{SheetStances, SheetAgreement, SheetPairs, SheetPropositions, SheetLegend}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sheets = %v; want %v", got, want)
	}
	cells := []struct {
		sheet, cell, raw, shown string
	}{
		{SheetStances, "A1", "expert", "expert"},
		{SheetStances, "C1", "iran-behind-attack", "iran-behind-attack"},
		{SheetStances, "A2", "fontenrose", "fontenrose"},
		{SheetStances, "B2", "Kirsten Fontenrose", "Kirsten Fontenrose"},
		{SheetStances, "C2", "2", "+2"},      // fontenrose strongly agrees that Iran was behind it
		{SheetStances, "E2", "1", "+1*"},     // inferred agreement with retaliation
		{SheetStances, "D2", "", ""},         // soleimani: not addressed, empty
		{SheetStances, "E5", "0", anyShown},  // pfaff mixed on retaliation: Excel shows ~, excelize's renderer +0
		{SheetStances, "E4", "-2", "-2"},     // kadhim strongly disagrees
		{SheetAgreement, "F2", "0.6", "60%"}, // fontenrose and pfaff
		{SheetAgreement, "E2", "0", "0%"},    // fontenrose and kadhim
		{SheetAgreement, "B2", "Kirsten Fontenrose", "Kirsten Fontenrose"},
		{SheetAgreement, "D2", "1", "100%"}, // fontenrose and hof: n=2, faded
		{SheetPropositions, "A2", "iran-behind-attack", "iran-behind-attack"},
		{SheetPropositions, "G2", "agree", "agree"},     // the consensus
		{SheetPropositions, "H9", "0", "0"},             // withdrawal-harms-iraq (P8): divisiveness 0
		{SheetPropositions, "G3", "divided", "divided"}, // soleimani-restored-deterrence (P2)
	}
	for _, c := range cells {
		raw, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetCellValue(c.sheet, c.cell)
		if raw != c.raw || (c.shown != anyShown && shown != c.shown) {
			t.Errorf("%s!%s = %q shown %q; want %q shown %q", c.sheet, c.cell, raw, shown, c.raw, c.shown)
		}
	}
	pairs, _ := f.GetRows(SheetPairs)
	if got := strings.Join(pairs[2], ","); got != "fontenrose,kadhim,3,0,0,3,0,2.6667,-0.5" {
		t.Errorf("Pairs row 3 = %s; want fontenrose,kadhim,3,0,0,3,0,2.6667,-0.5", got)
	}
	fills := []struct{ cell, color string }{
		{"C2", "0072B2"}, {"E2", "80B8D8"}, {"E5", "CCCCCC"}, {"E4", "D55E00"}, {"I2", "EAAE80"},
	}
	for _, c := range fills {
		id, err := f.GetCellStyle(SheetStances, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], c.color) {
			t.Errorf("Stances!%s fill = %v; want %s", c.cell, st.Fill.Color, c.color)
		}
	}
	for cell, few := range map[string]bool{"D2": true, "F2": false} {
		id, _ := f.GetCellStyle(SheetAgreement, cell)
		st, _ := f.GetStyle(id)
		if st.Font == nil || st.Font.Italic != few {
			t.Errorf("Agreement!%s font %+v; want italic (faded) exactly when the pair shares fewer than %d", cell, st.Font, stances.MinShared)
		}
	}
	formats := []struct{ cell, format string }{{"C2", positionFormat}, {"E5", positionFormat}, {"E2", inferredFormat}}
	for _, c := range formats {
		id, _ := f.GetCellStyle(SheetStances, c.cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != c.format || st.Font == nil || st.Font.Italic != (c.format == inferredFormat) {
			t.Errorf("Stances!%s number format %v, font %+v; want %s, italic only when inferred", c.cell, st.CustomNumFmt, st.Font, c.format)
		}
	}
	props, _ := f.GetDocProps()
	if props.Created != "2020-03-11T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("doc props created %q modified %q; want the debate's date", props.Created, props.Modified)
	}

	var ag bytes.Buffer
	if err := m.WriteAgreementXLSX(&ag); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&ag)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if got := fmt.Sprint(g.GetSheetList()); got != fmt.Sprint([]string{SheetAgreement, SheetPairs, SheetLegend}) {
		t.Errorf("agreement sheets = %s", got)
	}
}

// hostileFiles is a debate whose texts try to break out of every output format.
func hostileFiles() []argmap.File {
	q := tomlstr.Quote
	return []argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = " + q(hostile) + "\n\n[[propositions]]\nid = \"p1\"\ntext = " + q(hostile) +
			"\n\n[[propositions]]\nid = \"p2\"\ntext = " + q("=1+1") + "\n")},
		{Path: "d/experts/a.toml", Data: []byte("id = \"a\"\nname = " + q("=cmd|' /C calc'!A0") + "\nrole = " + q(hostile) +
			"\n\n[[claims]]\nid = \"c\"\nkind = \"recommendation\"\ntext = " + q(hostile) +
			"\n\n[[stances]]\nproposition = \"p1\"\nposition = \"strongly-disagree\"\nevidence = [\"c\"]\nquote = " + q("</td><script>x</script>") +
			"\nnote = " + q(hostile) + "\n")},
		{Path: "d/experts/b.toml", Data: []byte("id = \"b\"\nname = " + q("-2+3") + "\n\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = " + q(hostile) +
			"\nattacks = [\"a/c\"]\n\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\nquote = " + q(hostile) +
			"\n\n[[stances]]\nproposition = \"p2\"\nposition = \"disagree\"\ninferred = true\n")},
	}
}

// Terminal outputs show bidirectional and other control characters as visible escapes: a
// name with U+202E must not turn the rest of its line around.
func TestTerminalNeutralisesBidi(t *testing.T) {
	d, diags := argmap.Load("../argdown/testdata/hostile", argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	d.Experts[0].Name = "Evil \u202eeman\u202c Name"
	m := build(d, stances.Options{})
	for name, write := range map[string]func(*bytes.Buffer) error{
		"matrix": func(b *bytes.Buffer) error { return m.Write(b, Table, false) },
		"cruxes": func(b *bytes.Buffer) error { return m.WriteCruxesAs(b, Table, false) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(b.String(), '\u202e') {
			t.Errorf("%s: the terminal output holds a raw U+202E", name)
		}
	}
}

// TestJSONPairsInOrder checks the pairs of a panel big enough to be formatted in several runs
// at once: every pair once, in the order of Pairs, with its figures, and the same bytes on
// every run.
func TestJSONPairsInOrder(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 200} {
		d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: max(n, 1), ClaimsPerExpert: 1, Propositions: 6, Coverage: 0.7}), argmap.Options{})
		if d == nil {
			t.Fatal(diags)
		}
		if n == 0 {
			d.Experts = nil
		}
		m := build(d, stances.Options{})
		var b bytes.Buffer
		if err := m.WriteAgreement(&b, JSON, false); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Pairs []struct {
				A, B      string
				Shared    int
				Agreement *float64
			}
		}
		if err := json.Unmarshal(b.Bytes(), &out); err != nil {
			t.Fatalf("%d experts: %v\n%s", n, err, b.Bytes())
		}
		want := m.mx.Pairs()
		if len(out.Pairs) != len(want) || len(want) != n*(n-1)/2 {
			t.Fatalf("%d experts: %d pairs written, Pairs has %d; want %d", n, len(out.Pairs), len(want), n*(n-1)/2)
		}
		for k, p := range want {
			got := out.Pairs[k]
			if got.A != p.A.ID || got.B != p.B.ID || got.Shared != p.Shared || (got.Agreement == nil) != !p.Agreement.OK {
				t.Fatalf("%d experts, pair %d = %+v; want %s/%s shared %d", n, k, got, p.A.ID, p.B.ID, p.Shared)
			}
		}
		var again bytes.Buffer
		if err := m.WriteAgreement(&again, JSON, false); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Errorf("%d experts: a second run wrote other bytes (err %v)", n, err)
		}
	}
}

func TestPairRuns(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 100, 301} {
		for _, size := range []int{1, 7, 4096} {
			next, pairs := 0, 0
			for _, r := range pairRuns(n, size) {
				if r[0] != next || r[1] <= r[0] || r[1] > n-1 {
					t.Fatalf("pairRuns(%d, %d): run %v after row %d", n, size, r, next)
				}
				for x := r[0]; x < r[1]; x++ {
					pairs += n - 1 - x
				}
				next = r[1]
			}
			if pairs != n*(n-1)/2 {
				t.Errorf("pairRuns(%d, %d) covers %d pairs; want %d", n, size, pairs, n*(n-1)/2)
			}
		}
	}
}
