package argmap

import "testing"

func TestIndex(t *testing.T) {
	src := `# a comment with "quotes" and [brackets]
title = "T # not a comment"
"quoted.key" = 1
a.b = 'x'

[source]
title = """
multi "line" ]
"""
url = '''also
multi'''

[[claims]]
id = "c1"   # trailing "comment"
supports = [
  "x",   # first
  'y',
  "z\"q",
]

[[claims]]
  id="c2"
attacks = ["a", "b"]
`
	ix := buildIndex(src)
	tests := []struct {
		name string
		got  loc
		want loc
	}{
		{"root key", ix.key("", 0, "title"), loc{2, 1}},
		{"root value", ix.value("", 0, "title"), loc{2, 9}},
		{"quoted key", ix.key("", 0, "quoted.key"), loc{3, 1}},
		{"dotted key", ix.key("", 0, "a.b"), loc{4, 1}},
		{"dotted key through table name", ix.key("a", 0, "b"), loc{4, 1}},
		{"table header", ix.header("source", 0), loc{6, 1}},
		{"key after multi-line string", ix.key("source", 0, "url"), loc{10, 1}},
		{"first claim id", ix.value("claims", 0, "id"), loc{14, 6}},
		{"array element 0", ix.elem("claims", 0, "supports", 0), loc{16, 3}},
		{"array element 1", ix.elem("claims", 0, "supports", 1), loc{17, 3}},
		{"array element 2", ix.elem("claims", 0, "supports", 2), loc{18, 3}},
		{"second claim, indented key", ix.key("claims", 1, "id"), loc{22, 3}},
		{"second claim element", ix.elem("claims", 1, "attacks", 1), loc{23, 17}},
		{"missing key falls back to header", ix.key("claims", 1, "kind"), loc{21, 1}},
		{"missing element falls back to key", ix.elem("claims", 1, "attacks", 5), loc{23, 1}},
		{"unknown table falls back to line 1", ix.key("nope", 0, "x"), loc{1, 1}},
		{"root key naming a table", ix.key("", 0, "claims"), loc{13, 1}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %d:%d; want %d:%d", tt.name, tt.got.line, tt.got.col, tt.want.line, tt.want.col)
		}
	}
}
