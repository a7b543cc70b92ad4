package argmap

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds any bytes to the loader, as an expert file or as the manifest: it must
// return diagnostics or a debate, never panic, and every diagnostic must point inside the
// file it names.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../seeds/*/*.toml")
	more, _ := filepath.Glob("../seeds/*/experts/*.toml")
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, filepath.Base(p) == ManifestName)
		}
	}
	f.Add([]byte(expertB), false)
	f.Add([]byte(manifest), true)
	f.Add([]byte("id = \"a\"\nname = \"A\"\n[[claims]]\nid = \"c\"\nsupports = [\"b/x\", 'c',\n]\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asManifest bool) {
		files := []File{{Path: "d/debate.toml", Data: []byte(manifest)}, {Path: "d/experts/b.toml", Data: []byte(expertB)}}
		if asManifest {
			files[0].Data = data
		} else {
			files = append(files, File{Path: "d/experts/x.toml", Data: data})
		}
		d, diags := Parse(files, Options{Source: "b", SourceName: "src.txt"})
		if (d == nil) != diags.HasErrors() {
			t.Fatalf("debate is nil: %v, but errors: %v", d == nil, diags.HasErrors())
		}
		lines := map[string]int{"src.txt": 1}
		for _, f := range files {
			lines[f.Path] = bytes.Count(f.Data, []byte("\n")) + 1
		}
		for _, x := range diags {
			n, ok := lines[x.Path]
			if !ok || x.Line < 1 || x.Line > n || x.Col < 1 {
				t.Fatalf("diagnostic outside its file (%d lines): %s", n, x)
			}
		}
		if d != nil {
			if _, err := json.Marshal(d); err != nil {
				t.Fatalf("valid debate does not marshal: %v", err)
			}
		}
	})
}
