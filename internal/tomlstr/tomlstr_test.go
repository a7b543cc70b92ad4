package tomlstr

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// Quote's output reads back as the string it was given.
func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", `a "quoted" \ back`, "tab\tnew\nline\x7f\x00", "شبلي تلحمي", `"]; <script>`} {
		var v struct{ S string }
		if _, err := toml.Decode("S = "+Quote(s), &v); err != nil || v.S != s {
			t.Errorf("Quote(%q) = %s reads back as %q (err %v)", s, Quote(s), v.S, err)
		}
	}
}
