package table

import (
	"bytes"
	"testing"
)

func TestWriteAlignsWideText(t *testing.T) {
	tb := &Table{
		Header: []string{"ID", "N", "TEXT"},
		Rows: [][]string{
			{"日本", "1", "wide"},
			{"ab", "10", "bad\x1b[31m\ncell"},
			{"\u202eevil", "2", "\u2066x\u2069\u0085y"},
			{"🙂", "100"},
		},
		Right: map[int]bool{1: true},
	}
	var b bytes.Buffer
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := "ID              N  TEXT\n" +
		"日本            1  wide\n" +
		"ab             10  bad<U+001B>[31m cell\n" +
		"<U+202E>evil    2  <U+2066>x<U+2069> y\n" +
		"🙂            100\n"
	if b.String() != want {
		t.Errorf("Write =\n%q\nwant\n%q", b.String(), want)
	}
}

func TestColorOnlyWhenAsked(t *testing.T) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		(&Table{Header: []string{"A"}, Rows: [][]string{{"x"}}, Color: color}).Write(&b)
		if got := bytes.Contains(b.Bytes(), []byte("\x1b[")); got != color {
			t.Errorf("Color=%v: escape present = %v", color, got)
		}
	}
}
