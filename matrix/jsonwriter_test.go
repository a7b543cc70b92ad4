package matrix

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/argmap-dev/argmap/stances"
)

// TestAppendJSONString checks the streaming writer's strings against encoding/json's, on
// hostile text and on random bytes.
func TestAppendJSONString(t *testing.T) {
	inputs := []string{"", "plain", hostile, "\"\\/\b\f\n\r\t\x00\x1f\x7f", "<script>&amp;</script>",
		"\u2028\u2029", "\xff\xfe", "a\xc3", "é 中 😀", "\u202e bidi"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(12))
		for k := range b {
			b[k] = byte(r.IntN(256))
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s; want %s", s, got, want)
		}
	}
}

// FuzzAppendJSONString checks that any string comes out as encoding/json writes it.
func FuzzAppendJSONString(f *testing.F) {
	f.Add(hostile)
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s; want %s", s, got, want)
		}
	})
}

// TestFigureAsJSON checks the streaming writer's numbers against stances.Figure.MarshalJSON.
func TestFigureAsJSON(t *testing.T) {
	values := []float64{0, -0.0, 1, -1, 0.5, 1.0 / 3, -2.0 / 3, 2.6667, 0.00004, 0.00005, -0.00005, 4, 1e-7, 123456.78915}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		values = append(values, (r.Float64()-0.5)*8)
	}
	for _, v := range values {
		for _, f := range []stances.Figure{stances.Figure{Value: v, OK: true}, {}} {
			want, _ := f.MarshalJSON()
			var b bytes.Buffer
			j := newJSONWriter(&b)
			j.figure(f)
			j.flush()
			if b.String() != string(want) {
				t.Errorf("stances.Figure{Value: %v, OK: true} = %s; want %s", f, b.String(), want)
			}
		}
	}
}
