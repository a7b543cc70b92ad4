package aif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
	"github.com/argmap-dev/argmap/internal/testdebate"
)

var fixtures = []string{"../seeds/camp-taji", "../argdown/testdata/hostile", "../diff/testdata/new", "testdata/multi"}

// AIF's structural rules hold on every export: ids unique; every RA and CA node has at
// least one incoming edge from an I node and exactly one outgoing edge, to an I node; every
// L node is anchored by a YA node to the I node it asserts, and spoken by a participant.
func TestExportStructure(t *testing.T) {
	for _, dir := range fixtures {
		doc := Export(testdebate.Load(t, dir))
		nodes := map[ID]Node{}
		for _, n := range doc.Nodes {
			if _, dup := nodes[n.NodeID]; dup {
				t.Errorf("%s: node id %q twice", dir, n.NodeID)
			}
			nodes[n.NodeID] = n
		}
		edgeIDs := map[ID]bool{}
		in, out := map[ID][]ID{}, map[ID][]ID{}
		for _, e := range doc.Edges {
			if edgeIDs[e.EdgeID] {
				t.Errorf("%s: edge id %q twice", dir, e.EdgeID)
			}
			edgeIDs[e.EdgeID] = true
			if _, ok := nodes[e.FromID]; !ok {
				t.Errorf("%s: edge from unknown node %q", dir, e.FromID)
			}
			if _, ok := nodes[e.ToID]; !ok {
				t.Errorf("%s: edge to unknown node %q", dir, e.ToID)
			}
			out[e.FromID] = append(out[e.FromID], e.ToID)
			in[e.ToID] = append(in[e.ToID], e.FromID)
		}
		spoken := map[ID]bool{}
		people := map[ID]bool{}
		for _, p := range doc.Participants {
			people[p.ParticipantID] = true
		}
		for _, l := range doc.Locutions {
			spoken[l.NodeID] = people[l.PersonID]
		}
		for _, n := range doc.Nodes {
			switch n.Type {
			case "RA", "CA":
				fromI := 0
				for _, f := range in[n.NodeID] {
					if nodes[f].Type == "I" {
						fromI++
					}
				}
				if fromI == 0 || len(out[n.NodeID]) != 1 || nodes[out[n.NodeID][0]].Type != "I" {
					t.Errorf("%s: %s node %q: %d premises from I nodes, out %v", dir, n.Type, n.NodeID, fromI, out[n.NodeID])
				}
			case "L":
				anchored := false
				for _, ya := range out[n.NodeID] {
					if nodes[ya].Type == "YA" && len(out[ya]) == 1 && nodes[out[ya][0]].Type == "I" {
						anchored = true
					}
				}
				if !anchored || !spoken[n.NodeID] {
					t.Errorf("%s: L node %q anchored %v, spoken by a participant %v", dir, n.NodeID, anchored, spoken[n.NodeID])
				}
			case "I", "YA":
			default:
				t.Errorf("%s: unexpected node type %q", dir, n.Type)
			}
		}
	}
}

// Export, write, read, import: the same debate, every claim, relation, speaker, proposition
// and stance, byte for byte.
func TestRoundTrip(t *testing.T) {
	for _, dir := range fixtures {
		d := testdebate.Load(t, dir)
		var b bytes.Buffer
		if err := Write(&b, d); err != nil {
			t.Fatal(err)
		}
		doc, err := Read(&b)
		if err != nil {
			t.Fatal(err)
		}
		files, notes, err := Debate(doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) > 0 {
			t.Errorf("%s: notes on a round trip: %v", dir, notes)
		}
		out := writeFiles(t, files)
		back := testdebate.Load(t, out)
		want, _ := json.MarshalIndent(d, "", " ")
		got, _ := json.MarshalIndent(back, "", " ")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the debate changed on a round trip through AIF:\n%s", dir, firstDiff(string(got), string(want)))
		}
	}
}

func writeFiles(t *testing.T, files []File) string {
	t.Helper()
	out := t.TempDir()
	for _, f := range files {
		p := filepath.Join(out, f.Path)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "got:  " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths differ"
}

// A small xAIF file of the kind argument-mining corpora publish (numeric ids, TA and MA
// nodes, locutions with timestamps): its speakers become experts, its I nodes their claims,
// its RA and CA nodes supports and attacks.
func TestReadXAIF(t *testing.T) {
	f, err := os.Open("testdata/xaif-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	files, notes, err := Debate(doc)
	if err != nil {
		t.Fatal(err)
	}
	d, diags := argmap.Load(writeFiles(t, files), argmap.Options{})
	if d == nil {
		t.Fatalf("the imported debate does not load: %v", diags)
	}
	var got []string
	for _, e := range d.Experts {
		for _, c := range e.Claims {
			got = append(got, c.Ref+" "+string(c.Kind)+" supports="+strings.Join(c.Supports, ",")+" attacks="+strings.Join(c.Attacks, ",")+" quote="+c.Quote)
		}
	}
	want := []string{ // expert files in name order
		"tran/the-militias-were-already premise supports= attacks=walker/it-emboldened-the-militias quote=no, the militias were already weakened",
		"unattributed/the-strike-was-an premise supports= attacks= quote=",
		"walker/the-strike-was-a conclusion supports= attacks= quote=the strike was a mistake",
		"walker/it-emboldened-the-militias premise supports=walker/the-strike-was-a attacks= quote=it emboldened the militias",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	names := ""
	for _, e := range d.Experts {
		names += e.ID + "=" + e.Name + ";"
	}
	if names != "tran=Bob Tran;unattributed=Unattributed;walker=Alice Walker;" {
		t.Errorf("experts %s", names)
	}
	if !strings.Contains(strings.Join(notes, "\n"), "1 MA node(s) left out") || !strings.Contains(strings.Join(notes, "\n"), "no propositions or stances") {
		t.Errorf("notes %q", notes)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"not JSON", "<html>", "not AIF JSON"},
		{"no nodes", `{"nodes": []}`, "no nodes"},
		{"bad id", `{"nodes": [{"nodeID": true, "type": "I"}]}`, "string or a number"},
	} {
		if _, err := Read(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	for _, c := range []struct{ name, in, want string }{
		{"duplicate node", `{"nodes": [{"nodeID": "1", "type": "I"}, {"nodeID": "1", "type": "I"}]}`, "used twice"},
		{"dangling edge", `{"nodes": [{"nodeID": "1", "type": "I"}], "edges": [{"edgeID": "e", "fromID": "1", "toID": "9"}]}`, "does not exist"},
	} {
		doc, err := Read(strings.NewReader(c.in))
		if err == nil {
			_, _, err = Debate(doc)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
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

// TestImportDeprecatedPolicyTag: a debate that marks a policy question by the deprecated tag
// comes back from AIF with the kind policy and without the tag, so check has nothing to say.
func TestImportDeprecatedPolicyTag(t *testing.T) {
	d, diags := argmap.Parse([]argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = \"T\"\n\n[[propositions]]\nid = \"p\"\ntext = \"P.\"\ntags = [\"policy\", \"iran\"]\n")},
		{Path: "d/experts/a.toml", Data: []byte("id = \"a\"\nname = \"A\"\n\n[[claims]]\nid = \"c\"\nkind = \"premise\"\ntext = \"C.\"\n\n[[stances]]\nproposition = \"p\"\nposition = \"agree\"\nevidence = [\"c\"]\n")},
	}, argmap.Options{})
	if d == nil || len(diags) != 1 || diags[0].Code != "deprecated-policy-tag" {
		t.Fatalf("the fixture: %v; want one deprecated-policy-tag warning", diags)
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := Debate(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, diags := argmap.Load(writeFiles(t, files), argmap.Options{})
	if back == nil || len(diags) > 0 {
		t.Fatalf("import --from aif wrote a debate check warns about: %v", diags)
	}
	if p := back.Propositions[0]; p.Kind != argmap.PolicyProposition || strings.Join(p.Tags, " ") != "iran" {
		t.Errorf("imported proposition: kind %q, tags %q; want policy, [iran]", p.Kind, p.Tags)
	}
}
