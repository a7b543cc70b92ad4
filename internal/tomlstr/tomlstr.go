// Package tomlstr writes strings as TOML, for the files argmap writes as text (scaffolds)
// and the debates tests write.
package tomlstr

import (
	"fmt"
	"strings"
)

// Quote returns s as a TOML basic string: quotes and backslashes escaped, control characters
// as \uXXXX.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
