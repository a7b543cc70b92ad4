package dotlabel

import (
	"testing"
)

func TestEscaping(t *testing.T) {
	if got, want := Quote(`a "b" \N c`+"\n"), `"a \"b\" \\N c "`; got != want {
		t.Errorf("Quote = %s; want %s", got, want)
	}
	if got, want := HTML(`<script>&"'\N`), `&lt;script&gt;&amp;&quot;&#39;\\N`; got != want {
		t.Errorf("HTML = %s; want %s", got, want)
	}
	if got, want := Tooltip(`a\N`), `"a\\\\N"`; got != want {
		t.Errorf("Tooltip = %s; want %s", got, want)
	}
	if got, want := Tint("#E69F00", 0.1), "#FDF5E6"; got != want {
		t.Errorf("Tint = %s; want %s", got, want)
	}
}
