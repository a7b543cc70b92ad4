package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/argmap-dev/argmap/argmap"
	. "github.com/argmap-dev/argmap/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compile compiles a schema with a real JSON Schema validator.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	b, err := Get(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name+".json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name + ".json")
	if err != nil {
		t.Fatalf("compile %s schema: %v", name, err)
	}
	return s
}

// instance decodes TOML as an editor's schema validator sees it: JSON values, dates as
// "YYYY-MM-DD".
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatal(err)
	}
	var conv func(v any) any
	conv = func(v any) any {
		switch v := v.(type) {
		case time.Time:
			return v.Format("2006-01-02")
		case map[string]any:
			for k, x := range v {
				v[k] = conv(x)
			}
		case []map[string]any:
			out := make([]any, len(v))
			for i, x := range v {
				out[i] = conv(x)
			}
			return out
		case []any:
			for i, x := range v {
				v[i] = conv(x)
			}
		}
		return v
	}
	b, err := json.Marshal(conv(m))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func schemaFor(path string) string {
	if filepath.Base(path) == "debate.toml" {
		return "debate"
	}
	return "expert"
}

// Every file of every seed debate, and of the starter debate, is valid.
func TestSeedsValidate(t *testing.T) {
	files, _ := filepath.Glob("../seeds/*/debate.toml")
	experts, _ := filepath.Glob("../seeds/*/experts/*.toml")
	files = append(files, experts...)
	if len(files) < 2 {
		t.Fatalf("no seed files found")
	}
	schemas := map[string]*jsonschema.Schema{"debate": compile(t, "debate"), "expert": compile(t, "expert")}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas[schemaFor(f)].Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// A typo key and a bad position are rejected by the schema as argmap check rejects them.
func TestSchemaRejectsWhatCheckRejects(t *testing.T) {
	const debate = "title = \"T\"\n\n[[propositions]]\nid = \"p\"\ntext = \"P.\"\n"
	const expert = "id = \"e\"\nname = \"E E\"\n\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = \"C.\"\n\n[[stances]]\nproposition = \"p\"\nposition = \"agree\"\nevidence = [\"c\"]\n"
	cases := []struct {
		name, file, old, new string
	}{
		{"typo key in a claim", "expert", "text = \"C.\"", "text = \"C.\"\nsuports = [\"c\"]"},
		{"bad position", "expert", `"agree"`, `"agrees"`},
		{"bad kind", "expert", `"premise"`, `"premiss"`},
		{"confidence out of range", "expert", "evidence", "confidence = 11\nevidence"},
		{"bad id", "expert", `id = "c"`, `id = "Claim One"`},
		{"typo key in the debate", "debate", "title", "titel = \"x\"\ntitle"},
		{"typo in a source table", "debate", "title = \"T\"\n", "title = \"T\"\n[source]\ntitle = \"S\"\nurll = \"x\"\n"},
		{"missing proposition text", "debate", "text = \"P.\"", ""},
	}
	schemas := map[string]*jsonschema.Schema{"debate": compile(t, "debate"), "expert": compile(t, "expert")}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"debate": debate, "expert": expert}
			// The unbroken pair is valid for both.
			dir := t.TempDir()
			write := func() {
				os.MkdirAll(filepath.Join(dir, "experts"), 0o755)
				os.WriteFile(filepath.Join(dir, "debate.toml"), []byte(files["debate"]), 0o644)
				os.WriteFile(filepath.Join(dir, "experts/e.toml"), []byte(files["expert"]), 0o644)
			}
			write()
			if d, diags := argmap.Load(dir, argmap.Options{}); d == nil || diags.HasErrors() {
				t.Fatalf("the unbroken debate does not check: %v", diags)
			}
			if err := schemas[c.file].Validate(instance(t, []byte(files[c.file]))); err != nil {
				t.Fatalf("the unbroken %s file fails the schema: %v", c.file, err)
			}
			files[c.file] = strings.Replace(files[c.file], c.old, c.new, 1)
			write()
			if err := schemas[c.file].Validate(instance(t, []byte(files[c.file]))); err == nil {
				t.Errorf("the schema accepts it")
			}
			if _, diags := argmap.Load(dir, argmap.Options{}); !diags.HasErrors() {
				t.Errorf("argmap check accepts it")
			}
		})
	}
}

// The schemas and docs/schema.md list the same keys, with the same descriptions.
func TestSchemaMatchesDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("^\\| `([^`]+)` \\|[^|]*\\|[^|]*\\|\\s*(.*?)\\s*\\|$")
	documented := map[string]map[string]string{"debate": {}, "expert": {}}
	section := ""
	for _, line := range strings.Split(string(doc), "\n") {
		switch {
		case strings.HasPrefix(line, "## `debate.toml`"):
			section = "debate"
		case strings.HasPrefix(line, "## `experts/"):
			section = "expert"
		case strings.HasPrefix(line, "## "):
			section = ""
		}
		if m := row.FindStringSubmatch(line); m != nil && section != "" {
			key := strings.Trim(m[1], "[]")
			documented[section][key] = strings.TrimSpace(m[2])
		}
	}
	for _, name := range []string{"debate", "expert"} { // the model's schema is derived from its types
		var n *Node
		if name == "debate" {
			n = Debate()
		} else {
			n = Expert()
		}
		inSchema := map[string]string{}
		var walk func(prefix string, n *Node)
		walk = func(prefix string, n *Node) {
			for k, p := range n.Properties {
				inSchema[prefix+k] = p.Description
				if p.Items != nil && p.Items.Properties != nil {
					walk(prefix+k+".", p.Items)
				}
				if p.Properties != nil {
					walk(prefix+k+".", p)
				}
			}
		}
		walk("", n)
		for k, d := range documented[name] {
			got, ok := inSchema[k]
			switch {
			case !ok:
				t.Errorf("%s: docs/schema.md documents %q; the schema lacks it", name, k)
			case got != d:
				t.Errorf("%s: %q described as %q in the schema, %q in docs/schema.md", name, k, got, d)
			}
		}
		for k := range inSchema {
			if _, ok := documented[name][k]; !ok {
				t.Errorf("%s: the schema has %q; docs/schema.md does not document it", name, k)
			}
		}
	}
}

// The JSON model of every seed and test debate passes the model schema.
func TestModelSchema(t *testing.T) {
	s := compile(t, "model")
	dirs, _ := filepath.Glob("../seeds/*")
	dirs = append(dirs, "../aif/testdata/multi", "../argdown/testdata/hostile")
	for _, dir := range dirs {
		d, diags := argmap.Load(dir, argmap.Options{})
		if d == nil {
			t.Fatalf("%s: %v", dir, diags)
		}
		b, _ := json.Marshal(d)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
	// And it rejects what the model never holds.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"title": "T", "propositions": [], "experts": [{"id": "e", "name": "E", "claims": [], "stances": [{"expert": "e", "proposition": "p", "position": "agrees"}]}]}`))
	if err := s.Validate(bad); err == nil {
		t.Errorf("the model schema accepts an unknown position")
	}
}
