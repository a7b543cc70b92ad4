// Package schema describes the debate format as JSON Schemas (draft 2020-12), one for
// debate.toml and one for expert files, for editors: with Taplo (VS Code's Even Better TOML)
// they give completion, hover documentation and inline errors while a curator types.
//
// The schemas say what docs/schema.md says, and a test holds the two together: every key
// documented there is in a schema with the same description, and no other. They check the
// shape of one file; what needs the whole debate (references, duplicate ids, stances on
// unknown propositions) only argmap check can say.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/argmap-dev/argmap/argmap"
)

// Node is a JSON Schema node: just the keywords these schemas use.
type Node struct {
	Schema               string           `json:"$schema,omitempty"`
	ID                   string           `json:"$id,omitempty"`
	Title                string           `json:"title,omitempty"`
	Description          string           `json:"description,omitempty"`
	Type                 string           `json:"type,omitempty"`
	Format               string           `json:"format,omitempty"`
	Pattern              string           `json:"pattern,omitempty"`
	MinLength            *int             `json:"minLength,omitempty"`
	MaxLength            *int             `json:"maxLength,omitempty"`
	MaxItems             *int             `json:"maxItems,omitempty"`
	Enum                 []string         `json:"enum,omitempty"`
	Minimum              *int             `json:"minimum,omitempty"`
	Maximum              *int             `json:"maximum,omitempty"`
	AnyOf                []*Node          `json:"anyOf,omitempty"`
	Items                *Node            `json:"items,omitempty"`
	Required             []string         `json:"required,omitempty"`
	Properties           map[string]*Node `json:"properties,omitempty"`
	AdditionalProperties *bool            `json:"additionalProperties,omitempty"`
}

// Patterns of ids and references (docs/schema.md, "Identifiers").
const (
	IDPattern  = `^[a-z0-9][a-z0-9_-]{0,63}$`
	RefPattern = `^([a-z0-9][a-z0-9_-]{0,63}/)?[a-z0-9][a-z0-9_-]{0,63}$`
)

func ptr[T any](v T) *T { return &v }

func str(desc string) *Node { return &Node{Type: "string", Description: desc} }

func text(desc string) *Node { return &Node{Type: "string", MinLength: ptr(1), Description: desc} }

func id(desc string) *Node { return &Node{Type: "string", Pattern: IDPattern, Description: desc} }

func boolean(desc string) *Node { return &Node{Type: "boolean", Description: desc} }

func refs(desc string) *Node {
	return &Node{Type: "array", Description: desc, Items: &Node{Type: "string", Pattern: RefPattern}}
}

// date is a TOML local date, or the same as a string "YYYY-MM-DD".
func date(desc string) *Node {
	return &Node{Description: desc, AnyOf: []*Node{
		{Type: "string", Format: "date"},
		{Type: "string", Pattern: `^\d{4}-\d{2}-\d{2}$`},
	}}
}

// object is a closed table: a key not listed is an error, as in argmap check.
func object(desc string, required []string, props map[string]*Node) *Node {
	return &Node{Type: "object", Description: desc, Required: required, Properties: props, AdditionalProperties: ptr(false)}
}

func arrayOf(desc string, item *Node) *Node {
	return &Node{Type: "array", Description: desc, Items: item}
}

// Debate returns the schema of debate.toml.
func Debate() *Node {
	n := object("", []string{"title", "propositions"}, map[string]*Node{
		"title":       text("the debate's title"),
		"date":        date("the date of the event or of the curation"),
		"description": str("one paragraph: what the experts react to"),
		"bottom_line": &Node{Type: "string", MaxLength: ptr(argmap.MaxBottomLine),
			Description: "the curator's conclusion in a short paragraph (at most 1,200 characters), what a reader takes away first: shown first in `argmap brief`, on the PDF's cover and in `argmap show`"},
		"key_points": &Node{Type: "array", MaxItems: ptr(argmap.MaxKeyPoints), Items: &Node{Type: "string", MinLength: ptr(1), MaxLength: ptr(argmap.MaxKeyPoint)},
			Description: "up to 10 points that back the bottom line, one sentence each (at most 300 characters)"},
		"notes": &Node{Type: "string", MaxLength: ptr(argmap.MaxNotes),
			Description: "the curator's notes on method (how the experts were chosen, how stances were read; at most 10,000 characters): shown at the end of a briefing"},
		"source": object("where the reactions were published", []string{"title"}, map[string]*Node{
			"title":     text("the publication's title"),
			"publisher": str(`e.g. "Atlantic Council"`),
			"url":       str("link to the publication"),
			"date":      date("publication date"),
		}),
		"sources": arrayOf("instead of `[source]`, for a debate that draws on several publications (a roundup and its follow-up): each with an id that experts and claims name",
			object("", []string{"id", "title"}, map[string]*Node{
				"id":        id(""),
				"title":     text("the publication's title"),
				"publisher": str("as in `[source]`"),
				"url":       str("as in `[source]`"),
				"date":      date("as in `[source]`"),
			})),
		"check": object("what `argmap check` accepts for this debate", nil, map[string]*Node{
			"allow": &Node{Type: "array", Items: &Node{Type: "string", Pattern: `^[a-z][a-z-]*(:.+)?$`},
				Description: "warnings the curators acknowledge: a warning code (`\"expert-without-stance\"`) allows every warning of that code, `\"CODE:SUBJECT\"` one (`\"unaddressed-proposition:troops-stay\"`); see below"},
		}),
		"propositions": arrayOf("the shared propositions experts take stances on",
			object("", []string{"id", "text"}, map[string]*Node{
				"id":   id(""),
				"text": text("a statement one can agree or disagree with"),
				"kind": &Node{Type: "string", Enum: []string{"policy", "fact", "value"},
					Description: "the sort of question: `policy` (what someone should do), `fact` (what is, was or will be the case) or `value` (a judgement); opposite stances on a `policy` proposition are opposing recommendations (`compare`)"},
				"tags": &Node{Type: "array", Description: "free labels (`\"attribution\"`, `\"escalation\"`); the tag `\"policy\"` (in any case), which marked a policy question before `kind` existed, still does, with a `deprecated-policy-tag` warning", Items: &Node{Type: "string"}},
			})),
	})
	n.Schema, n.ID = "https://json-schema.org/draft/2020-12/schema", "urn:argmap:schema:debate"
	n.Title = "argmap debate.toml"
	n.Description = "A debate: title, source and the shared propositions. See docs/schema.md."
	return n
}

// Positions are the 5-point scale's names.
var Positions = []string{"strongly-agree", "agree", "mixed", "disagree", "strongly-disagree"}

// Kinds are the claim kinds.
var Kinds = []string{"premise", "conclusion", "recommendation"}

// Expert returns the schema of an expert file, experts/<id>.toml.
func Expert() *Node {
	kind := &Node{Type: "string", Enum: Kinds, Description: "`premise`, `conclusion` or `recommendation` (see below)"}
	position := &Node{Type: "string", Enum: Positions, Description: "`strongly-agree`, `agree`, `mixed`, `disagree`, `strongly-disagree`"}
	n := object("", []string{"id", "name"}, map[string]*Node{
		"id":          id(""),
		"name":        text("the expert's name"),
		"role":        str(`title or position ("director of the Iraq Initiative")`),
		"affiliation": str(`organisation ("Atlantic Council")`),
		"source":      &Node{Type: "string", Pattern: IDPattern, Description: "with `[[sources]]`: the source the expert's words come from (default: the first listed)"},
		"sort_name":   str("what `--order name` sorts the expert by, when the last word of `name` is not the family name: `\"Xi\"` for Xi Jinping, `\"Van Buren\"` for Martin Van Buren"),
		"claims": arrayOf("the expert's reasoning", object("", []string{"id", "kind", "text"}, map[string]*Node{
			"id":       id("unique within the expert"),
			"kind":     kind,
			"text":     text("our paraphrase of the claim"),
			"quote":    str("a short verbatim excerpt of the source, one sentence at most"),
			"implicit": boolean("`true` for a claim the curator supplied: the argument needs it, the expert never says it. It applies to any kind (premise, conclusion or recommendation); maps draw every implicit claim dashed"),
			"source":   &Node{Type: "string", Pattern: IDPattern, Description: "with `[[sources]]`: the source this claim's quote comes from, when not the expert's"},
			"supports": refs("claims this claim gives a reason for"),
			"attacks":  refs("claims this claim argues against (often another expert's)"),
		})),
		"stances": arrayOf("the expert's position on shared propositions", object("", []string{"proposition", "position"}, map[string]*Node{
			"proposition": id(""),
			"position":    position,
			"confidence":  &Node{Type: "integer", Minimum: ptr(1), Maximum: ptr(10), Description: "how sure the expert sounds"},
			"inferred":    boolean("`true` when the expert implies the position rather than states it"),
			"evidence":    refs("the claims the position rests on"),
			"quote":       str("a short verbatim excerpt that shows the position"),
			"note":        str("the curator's reasoning, especially for an inferred stance"),
		})),
	})
	n.Schema, n.ID = "https://json-schema.org/draft/2020-12/schema", "urn:argmap:schema:expert"
	n.Title = "argmap expert file"
	n.Description = "One expert of a debate: claims and stances. See docs/schema.md."
	return n
}

// Names are the schemas Get knows.
var Names = []string{"debate", "expert", "model"}

// Get returns the schema of that name as indented JSON.
func Get(name string) ([]byte, error) {
	var n *Node
	switch name {
	case "debate":
		n = Debate()
	case "expert":
		n = Expert()
	case "model":
		n = Model()
	default:
		return nil, fmt.Errorf("unknown schema %q: want debate, expert or model", name)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
