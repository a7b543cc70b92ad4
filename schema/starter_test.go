package schema_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/scaffold"
	"github.com/argmap-dev/argmap/schema"
)

// The files argmap new writes pass their schemas, hold the schemas that schema.Get gives,
// and their first lines point at them.
func TestStarterHooks(t *testing.T) {
	hooks := map[string]string{"debate": "#:schema ./.argmap/debate.schema.json\n", "expert": "#:schema ../.argmap/expert.schema.json\n"}
	for _, f := range scaffold.Starter() {
		if !strings.HasSuffix(f.Path, ".toml") {
			name := strings.TrimSuffix(strings.TrimPrefix(f.Path, ".argmap/"), ".schema.json")
			want, err := schema.Get(name)
			if err != nil || !bytes.Equal(f.Data, want) {
				t.Errorf("%s is not the %q schema (%v)", f.Path, name, err)
			}
			continue
		}
		name := schemaFor(f.Path)
		if !bytes.HasPrefix(f.Data, []byte(hooks[name])) {
			t.Errorf("%s starts %.40q, want %q", f.Path, f.Data, hooks[name])
		}
		if err := compile(t, name).Validate(instance(t, f.Data)); err != nil {
			t.Errorf("%s fails its schema: %v", f.Path, err)
		}
	}
}
