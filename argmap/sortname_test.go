package argmap

import "testing"

// TestSortName checks that an expert's optional sort_name is read, and checked like any
// string key.
func TestSortName(t *testing.T) {
	tests := []struct {
		name, a, want string
		diags         []string
	}{
		{"given", "id = \"a\"\nname = \"Xi Jinping\"\nsort_name = \"Xi\"\n", "Xi", nil},
		{"absent", "id = \"a\"\nname = \"Ann\"\n", "", nil},
		{"wrong type", "id = \"a\"\nname = \"Ann\"\nsort_name = 3\n", "", []string{
			`d/experts/a.toml:3:13: error: sort_name must be a string, not an integer`}},
	}
	for _, tt := range tests {
		a := tt.a + "\n[[stances]]\nproposition = \"p1\"\nposition = \"agree\"\n\n[[stances]]\nproposition = \"p2\"\nposition = \"agree\"\n"
		d, diags := Parse([]File{
			{Path: "d/debate.toml", Data: []byte(manifest)},
			{Path: "d/experts/a.toml", Data: []byte(a)},
		}, Options{})
		var got []string
		for _, x := range diags {
			got = append(got, x.String())
		}
		if len(got) != len(tt.diags) || (len(got) > 0 && got[0] != tt.diags[0]) {
			t.Errorf("%s: diagnostics %q; want %q", tt.name, got, tt.diags)
		}
		if tt.diags != nil {
			continue
		}
		if d == nil || len(d.Experts) != 1 || d.Experts[0].SortName != tt.want {
			t.Errorf("%s: SortName = %+v; want %q", tt.name, d, tt.want)
		}
	}
}
