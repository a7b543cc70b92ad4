package schema

import (
	"encoding"
	"reflect"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
)

// Model returns the schema of the debate model as argmap show --format json and argmap
// export --format json write it (docs/json.md). It is derived from the model's Go types, so
// it cannot drift from what argmap writes: every field, with its JSON name; the fields that
// are never omitted are required; positions, claim kinds and proposition kinds are enums.
func Model() *Node {
	n := modelNode(reflect.TypeFor[argmap.Debate]())
	n.Schema, n.ID = "https://json-schema.org/draft/2020-12/schema", "urn:argmap:schema:model"
	n.Title = "argmap debate model (JSON)"
	n.Description = "A validated debate as argmap show --format json writes it. See docs/json.md."
	return n
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// enums are the model's named string types and their values.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[argmap.Position]():        argmap.PositionNames(),
	reflect.TypeFor[argmap.Kind]():            Kinds,
	reflect.TypeFor[argmap.PropositionKind](): {"policy", "fact", "value"},
}

func modelNode(t reflect.Type) *Node {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if values, ok := enums[t]; ok {
		return &Node{Type: "string", Enum: values}
	}
	if t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return &Node{Type: "string"}
	}
	switch t.Kind() {
	case reflect.String:
		return &Node{Type: "string"}
	case reflect.Bool:
		return &Node{Type: "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return &Node{Type: "integer"}
	case reflect.Slice:
		return &Node{Type: "array", Items: modelNode(t.Elem())}
	case reflect.Struct:
		n := &Node{Type: "object", Properties: map[string]*Node{}, AdditionalProperties: ptr(false)}
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if !f.IsExported() || tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			n.Properties[name] = modelNode(f.Type)
			if !strings.Contains(opts, "omitempty") {
				n.Required = append(n.Required, name)
			}
		}
		return n
	}
	panic("schema: no JSON Schema for " + t.String())
}
