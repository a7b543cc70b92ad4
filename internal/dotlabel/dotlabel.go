// Package dotlabel writes text and colours into Graphviz DOT so that any text comes out
// literally: HTML-like labels, quoted strings and tooltips, with Graphviz's own escapes
// (\N, \G, ...) disarmed.
package dotlabel

import (
	"fmt"
	"strconv"
	"strings"
)

// HTML escapes text for an HTML-like Graphviz label.
func HTML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\\': // Graphviz expands \N, \G, ... even in HTML-like labels
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Tooltip writes s as a DOT string for a tooltip. Graphviz unescapes tooltips twice, so a
// backslash needs four to come out as one (and \N, \G, ... never expand).
func Tooltip(s string) string {
	return Quote(strings.ReplaceAll(s, `\`, `\\`))
}

// Quote writes s as a DOT double-quoted string. Backslashes are doubled so that Graphviz's
// escapes (\N, \G, \n, \l) cannot be triggered by text.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Tint mixes a #RRGGBB colour with white: share 1 is the colour, 0 is white.
func Tint(hex string, share float64) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return hex
	}
	mix := func(c uint64) uint64 { return uint64(255 - (255-float64(c))*share + 0.5) }
	r, g, bl := mix(v>>16&0xff), mix(v>>8&0xff), mix(v&0xff)
	return fmt.Sprintf("#%02X%02X%02X", r, g, bl)
}
