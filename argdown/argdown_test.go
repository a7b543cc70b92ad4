package argdown

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/golden"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

func TestGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, testdebate.Load(t, "../seeds/camp-taji")); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/camp-taji.argdown", b.Bytes())
}

// parsed is what tools/argdown/parse.js reports.
type parsed struct {
	LexerErrors  []string `json:"lexerErrors"`
	ParserErrors []string `json:"parserErrors"`
	FrontMatter  struct {
		Title  string `json:"title"`
		Argmap struct {
			Stances []stanceData `json:"stances"`
		} `json:"argmap"`
	} `json:"frontMatter"`
	Statements []struct {
		Title string         `json:"title"`
		Text  string         `json:"text"`
		Tags  []string       `json:"tags"`
		Data  map[string]any `json:"data"`
	} `json:"statements"`
	Relations []struct{ From, To, Type string } `json:"relations"`
}

// argdownParse runs the real Argdown parser (@argdown/core, which make test installs in
// tools/argdown) on src.
func argdownParse(t *testing.T, src []byte) parsed {
	t.Helper()
	node, err := exec.LookPath("node")
	dir, _ := filepath.Abs("../tools/argdown")
	_, modErr := os.Stat(filepath.Join(dir, "node_modules", "@argdown", "core"))
	if err != nil || modErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must have Node and @argdown/core in tools/argdown (make test installs them)")
		}
		t.Skip("no Node or no @argdown/core in tools/argdown: make test installs them")
	}
	cmd := exec.Command(node, filepath.Join(dir, "parse.js"))
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("the Argdown parser failed: %v\n%s", err, errb.String())
	}
	var p parsed
	if err := json.Unmarshal(out.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// The real Argdown parser reads the export without an error and finds every statement,
// relation, tag and text we wrote, byte for byte.
func TestArgdownParserAgrees(t *testing.T) {
	for _, dir := range []string{"../seeds/camp-taji", "testdata/hostile"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			d := testdebate.Load(t, dir)
			var b bytes.Buffer
			if err := Write(&b, d); err != nil {
				t.Fatal(err)
			}
			p := argdownParse(t, b.Bytes())
			if len(p.LexerErrors)+len(p.ParserErrors) > 0 {
				t.Fatalf("parser errors: %v %v", p.LexerErrors, p.ParserErrors)
			}
			if p.FrontMatter.Title != d.Title {
				t.Errorf("front matter title %q, want %q", p.FrontMatter.Title, d.Title)
			}
			type want struct {
				text, quote string
				tags        []string
			}
			wants := map[string]want{}
			for _, pr := range d.Propositions {
				wants[pr.ID] = want{text: pr.Text, tags: propTags(pr)}
			}
			relations, stances := 0, 0
			for _, e := range d.Experts {
				for _, c := range e.Claims {
					wants[c.Ref] = want{text: c.Text, quote: c.Quote, tags: []string{e.ID, string(c.Kind)}}
					relations += len(c.Supports) + len(c.Attacks)
				}
				for _, s := range e.Stances {
					stances++
					if s.Position != 0 {
						relations += len(s.Evidence)
					}
				}
			}
			if len(p.Statements) != len(wants) {
				t.Errorf("%d statements, want %d", len(p.Statements), len(wants))
			}
			for _, s := range p.Statements {
				w, ok := wants[s.Title]
				if !ok {
					t.Errorf("unexpected statement %q", s.Title)
					continue
				}
				text := strings.TrimRight(s.Text, " ")
				for i := len(w.tags) - 1; i >= 0; i-- {
					text = strings.TrimSuffix(text, " "+Tag(w.tags[i]))
				}
				if exact, ok := s.Data["text"].(string); ok {
					if exact != w.text {
						t.Errorf("%s: data text %q, want %q", s.Title, exact, w.text)
					}
				} else if text != w.text {
					t.Errorf("%s: text %q, want %q", s.Title, text, w.text)
				}
				if q, _ := s.Data["quote"].(string); q != w.quote {
					t.Errorf("%s: quote %q, want %q", s.Title, q, w.quote)
				}
				if len(s.Tags) != len(w.tags) {
					t.Errorf("%s: tags %q, want %q", s.Title, s.Tags, w.tags)
				}
			}
			if len(p.Relations) != relations {
				t.Errorf("%d relations, want %d", len(p.Relations), relations)
			}
			if len(p.FrontMatter.Argmap.Stances) != stances {
				t.Errorf("%d stances in the front matter, want %d", len(p.FrontMatter.Argmap.Stances), stances)
			}
		})
	}
}

func BenchmarkExport1000(b *testing.B) {
	d, diags := argmap.Parse(synth.Generate(synth.Config{Claims: 1000}), argmap.Options{})
	if d == nil {
		b.Fatal(diags)
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPropTags: a proposition's Argdown tags name each tag once, the deprecated tag "policy"
// beside the kind policy included.
func TestPropTags(t *testing.T) {
	tests := []struct {
		kind argmap.PropositionKind
		tags []string
		want string
	}{
		{"", nil, "proposition"},
		{argmap.PolicyProposition, nil, "proposition policy"},
		{argmap.PolicyProposition, []string{"policy"}, "proposition policy"},
		{argmap.PolicyProposition, []string{"Policy", "iran"}, "proposition policy iran"},
		{argmap.FactProposition, []string{"iran", "iran", "fact"}, "proposition fact iran"},
		{argmap.FactProposition, []string{"policy"}, "proposition fact policy"},
	}
	for _, tt := range tests {
		p := &argmap.Proposition{ID: "p", Text: "P.", Kind: tt.kind, Tags: tt.tags}
		if got := strings.Join(propTags(p), " "); got != tt.want {
			t.Errorf("propTags(kind %q, tags %q) = %s; want %s", tt.kind, tt.tags, got, tt.want)
		}
	}
}
