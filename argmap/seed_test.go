package argmap

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap-dev/argmap/internal/golden"
)

// sourceText is the article the seed debate was curated from; it lives beside the project,
// not in it.
const sourceText = "../../shared/seeds/000_82e5244e262e7d64.txt"

func seedDirs(t testing.TB) []string {
	dirs, err := filepath.Glob("../seeds/*/debate.toml")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no seed debates found under ../seeds: %v", err)
	}
	for i, d := range dirs {
		dirs[i] = filepath.Dir(d)
	}
	return dirs
}

// TestSeedsCheckClean checks every seed debate, and its quotes against the source text when
// that is present.
func TestSeedsCheckClean(t *testing.T) {
	var opt Options
	if src, err := os.ReadFile(sourceText); err == nil {
		opt.Source = string(src)
	} else {
		t.Logf("no %s: quotes not checked against the source", sourceText)
	}
	for _, dir := range seedDirs(t) {
		d, diags := Load(dir, opt)
		for _, x := range diags {
			t.Errorf("%s", x)
		}
		if d == nil {
			t.Fatalf("Load(%s) = nil", dir)
		}
	}
}

func TestSeedQuotesAreShort(t *testing.T) {
	for _, dir := range seedDirs(t) {
		d, _ := Load(dir, Options{})
		for _, e := range d.Experts {
			for _, c := range e.Claims {
				if sentences(c.Quote) > 1 || len(c.Quote) > 300 {
					t.Errorf("%s: quote of %s is longer than one sentence", dir, c.Ref)
				}
			}
		}
	}
}

func TestSeedGolden(t *testing.T) {
	d, diags := Load("../seeds/camp-taji", Options{})
	if d == nil {
		t.Fatalf("Load: %v", diags)
	}
	var summary bytes.Buffer
	if err := WriteSummary(&summary, d, SummaryOptions{}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/camp-taji.summary.txt", summary.Bytes())
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/camp-taji.json", append(js, '\n'))
}

func TestJSONRoundTrip(t *testing.T) {
	d, _ := Load("../seeds/camp-taji", Options{})
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Debate
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatalf("the model's JSON does not read back: %v", err)
	}
	if len(back.Experts) != len(d.Experts) || back.Experts[0].Stances[0].Position != d.Experts[0].Stances[0].Position {
		t.Errorf("JSON round trip lost data")
	}
}
