package render

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// TestPDFSameInEveryTimeZone renders one PDF with the local time zone set to UTC, to a
// positive half-hour offset and to a negative one: canvas stamps the creation date in local
// time, whose length follows the offset ("Z" or "+0530"), and the bytes must not.
func TestPDFSameInEveryTimeZone(t *testing.T) {
	defer func(loc *time.Location) { time.Local = loc }(time.Local)
	dot := []byte(`digraph { node [fontname="Helvetica", shape=box]; a -> b }`)
	var want []byte
	for _, loc := range []*time.Location{
		time.UTC,
		time.FixedZone("Asia/Kolkata", 5*3600+1800),
		time.FixedZone("America/St_Johns", -(3*3600 + 1800)),
	} {
		time.Local = loc
		got, err := Render(context.Background(), dot, PDF, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkPDF(t, got)
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("TZ=%s: PDF (%d bytes) differs from the one made under UTC (%d bytes)", loc, len(got), len(want))
		}
	}
}
