package matrix

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/dotlabel"
	"github.com/argmap-dev/argmap/stances"
)

// wellFormedXML fails the test unless doc parses as XML to its end.
func wellFormedXML(t *testing.T, name string, doc []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

func TestPictureSVG(t *testing.T) {
	d := fixture(t, 3,
		"a: ++ . -*",
		"b: +  ~ .",
	)
	m := build(d, stances.Options{Order: stances.ByFile})
	var b bytes.Buffer
	if err := m.WritePictureSVG(&b, false); err != nil {
		t.Fatal(err)
	}
	wellFormedXML(t, "matrix SVG", b.Bytes())
	got := b.String()
	for _, want := range []string{
		`fill="#0072B2"`, `fill="#FFFFFF" font-weight="bold" text-anchor="middle">++</text>`,
		`text-anchor="middle">·</text>`, `fill="#EAAE80"`, `>-*</text>`, `fill="#CCCCCC"`,
		`>P3</text>`, `>p3: Proposition 3.</text>`, `>Expert A</text>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("matrix SVG lacks %s", want)
		}
	}
	var again bytes.Buffer
	build(d, stances.Options{Order: stances.ByFile}).WritePictureSVG(&again, false)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("matrix SVG differs between two builds")
	}
}

// TestAgreementPictureShowsEvidence checks the heat map (issue 8, item 5): every cell shows
// n, a pair that shares fewer than stances.MinShared propositions is drawn faded and hatched rather
// than as saturated as a pair that agrees on many, and the colour bar has equal segments.
func TestAgreementPictureShowsEvidence(t *testing.T) {
	// a and b share p1 only; a and c share all four; both pairs always take the same side.
	d := fixture(t, 4,
		"a: ++ ++ + ++",
		"b: ++ .  . .",
		"c: ++ ++ + +",
	)
	s, err := build(d, stances.Options{Order: stances.ByFile}).picture(true)
	if err != nil {
		t.Fatal(err)
	}
	// Each n=… text sits on the cell rectangle drawn before it.
	fills := map[string]string{}
	hatched := map[string]bool{}
	var cell *item
	lines := 0
	for k := range s.items {
		switch it := &s.items[k]; {
		case it.line:
			lines++
		case it.text == "":
			cell, lines = it, 0
		case strings.HasPrefix(it.text, "n=") && cell != nil:
			fills[it.text], hatched[it.text] = cell.fill, lines > 0
		}
	}
	full, _ := agreementColor(1)
	if fills["n=4"] != full {
		t.Errorf("a-c (100%%, n=4) is filled %s; want %s", fills["n=4"], full)
	}
	if want := dotlabel.Tint(full, 0.3); fills["n=1"] != want || !hatched["n=1"] {
		t.Errorf("a-b (100%%, n=1) is filled %s, hatched %v; want %s, hatched", fills["n=1"], hatched["n=1"], want)
	}
	if hatched["n=4"] {
		t.Error("a-c (n=4) is hatched; want it plain")
	}
	// The colour bar: five segments of one width, one per colour.
	var widths []float64
	for _, it := range s.items {
		if it.text == "" && !it.line && it.h == 14 && it.stroke == "" && it.w >= 40 {
			widths = append(widths, it.w)
		}
	}
	if len(widths) != 5 {
		t.Fatalf("colour bar has %d segments; want 5", len(widths))
	}
	for _, w := range widths {
		if w != widths[0] {
			t.Errorf("colour bar segments %v; want equal widths", widths)
			break
		}
	}
	// The bounds of the five segments, as every agreement output colours them.
	for v, want := range map[float64]argmap.Position{0: -2, 0.2: -2, 0.3: -1, 0.4: -1, 0.5: 0, 0.6: 1, 0.7: 1, 0.8: 2, 1: 2} {
		if got := agreementPosition(v); got != want {
			t.Errorf("agreementPosition(%v) = %v; want %v", v, got, want)
		}
	}
}

func TestPictureEscapes(t *testing.T) {
	d := parse(t, hostileFiles())
	for _, m := range []*Writer{build(d, stances.Options{}), build(d, stances.Options{Transpose: true})} {
		for _, agreement := range []bool{false, true} {
			var svg, layout bytes.Buffer
			if err := m.WritePictureSVG(&svg, agreement); err != nil {
				t.Fatal(err)
			}
			wellFormedXML(t, "hostile SVG", svg.Bytes())
			if bytes.Contains(svg.Bytes(), []byte("<script>")) {
				t.Error("SVG holds unescaped markup")
			}
			if err := m.WritePictureLayout(&layout, agreement); err != nil {
				t.Fatal(err)
			}
			var v struct {
				BB      string `json:"bb"`
				Objects []struct {
					Draw []struct {
						Op, Text string
					} `json:"_draw_"`
				} `json:"objects"`
			}
			if err := json.Unmarshal(layout.Bytes(), &v); err != nil || v.BB == "" || len(v.Objects) == 0 || len(v.Objects[0].Draw) == 0 {
				t.Fatalf("layout is not a Graphviz JSON layout: %v\n%s", err, layout.String())
			}
		}
	}
}

// TestPictureTooBig checks that a picture above MaxPictureCells is refused with a message
// that says what to do, before any drawing.
func TestPictureTooBig(t *testing.T) {
	n := 501 // 501² > MaxPictureCells
	d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: n, ClaimsPerExpert: 1, Propositions: 3}), argmap.Options{})
	if d == nil {
		t.Fatal(diags)
	}
	m := build(d, stances.Options{Order: stances.ByFile})
	var tooBig *PictureTooBigError
	err := m.WritePictureSVG(io.Discard, true)
	if !errors.As(err, &tooBig) || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("WritePictureSVG(501 experts, agreement) = %v; want a PictureTooBigError that names xlsx", err)
	}
	if err := m.WritePictureSVG(io.Discard, false); err != nil {
		t.Errorf("WritePictureSVG(501 × 3 matrix) = %v; want nil", err)
	}
}

// TestSceneRunsAndOrder checks the two savings of large pictures: adjacent cells of one
// colour merge into one rectangle, and the layout draws plain cells grouped by colour without
// moving anything drawn under or over them.
func TestSceneRunsAndOrder(t *testing.T) {
	s := &scene{}
	s.ground(0, 0, 40, 8, "#000000")
	s.rect(0, 0, 8, 8, "#BBBBBB", "")
	s.rect(8, 0, 8, 8, "#BBBBBB", "") // merges with the one before
	s.rect(16, 0, 8, 8, "#AAAAAA", "")
	s.rect(24, 0, 8, 8, "#BBBBBB", "")
	s.text(4, 6, "x", 9, false, 'c', "#000000")
	s.rect(32, 0, 8, 8, "#CCCCCC", "")
	s.rect(0, 8, 8, 8, "#AAAAAA", "")
	var got []string
	for _, it := range byFill(s.items) {
		got = append(got, fmt.Sprintf("%s%s%g+%g", it.text, it.fill, it.x, it.w))
	}
	want := []string{"#0000000+40", "#AAAAAA16+8", "#BBBBBB0+16", "#BBBBBB24+8", "x#0000004+0", "#AAAAAA0+8", "#CCCCCC32+8"}
	if !slices.Equal(got, want) {
		t.Errorf("byFill(scene) = %v; want %v", got, want)
	}
}
