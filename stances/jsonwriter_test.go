package stances

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
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
