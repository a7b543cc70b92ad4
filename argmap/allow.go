package argmap

import (
	"slices"
	"strings"
)

// allow marks the warnings debate.toml's [check] allow list acknowledges: an entry is a
// warning code, which allows every warning of that code, or CODE:SUBJECT, which allows it
// for one proposition, expert, claim or file. An entry with an unknown code is an error.
// Every diagnostic found so far is marked, so allow runs last.
func (v *validator) allow(entries []text) {
	codes := map[string]bool{}
	items := map[[2]string]bool{}
	for _, e := range entries {
		code, subject, one := strings.Cut(e.s, ":")
		if !slices.Contains(warningCodes, code) {
			v.diags.add(e.at, Error, hintOrList(code, warningCodes), "check.allow: unknown warning code %q", code)
			continue
		}
		if one {
			items[[2]string{code, subject}] = true
		} else {
			codes[code] = true
		}
	}
	if len(codes) == 0 && len(items) == 0 {
		return
	}
	for i, d := range *v.diags {
		if d.Severity == Warning && (codes[d.Code] || items[[2]string{d.Code, d.Subject}]) {
			(*v.diags)[i].Allowed = true
		}
	}
}
