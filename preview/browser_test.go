package preview

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"net/http/httptest"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/internal/browsertest"
	"github.com/argmap-dev/argmap/render"
	"github.com/chromedp/chromedp"
)

// drawInProcess draws maps the way argmap map does, in this process (a test draws few).
func drawInProcess(ctx context.Context, dir string, v View) ([]byte, error) {
	d, diags := argmap.Load(dir, argmap.Options{})
	if d == nil {
		return nil, fmt.Errorf("invalid debate: %v", diags)
	}
	opt := graph.Options{RankDir: "LR", Wrap: 28, Depth: 2}
	switch v.Kind {
	case "expert":
		opt.View, opt.Expert = graph.Expert, v.ID
	case "proposition":
		opt.View, opt.Proposition = graph.Proposition, v.ID
	case "conflicts":
		opt.View = graph.Conflicts
	}
	m, err := graph.New(d, opt)
	if err != nil {
		return nil, err
	}
	return render.Render(ctx, m.DOT(), render.SVG, render.Options{})
}

// browser starts a headless Chromium for a test, with a time limit. Stop it before closing
// the server it talks to: its event stream keeps a connection open.
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	ctx, stop := browsertest.Start(t, 1024, 768)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	return ctx, func() { cancel(); stop() }
}

// waitFor polls a JavaScript expression until it is true, and returns how long it took.
func waitFor(t *testing.T, ctx context.Context, what, js string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %s", what, limit)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// The author's loop in a real browser: edit a claim, see it in the map within a second
// with the zoom kept; break a file, see the error with its position above the old map; fix
// it, the error goes.
func TestBrowserPreview(t *testing.T) {
	ctx, stopBrowser := browser(t)
	dir := copyDebate(t, "../seeds/camp-taji")
	s := New(Options{Dir: dir, Draw: drawInProcess, Debounce: 50 * time.Millisecond})
	w, err := s.Watch()
	if err != nil {
		t.Fatal(err)
	}
	s.Reload(ctx)
	wctx, stop := context.WithCancel(context.Background())
	defer stop()
	go w.Run(wctx)
	ts := httptest.NewServer(s.Handler(""))
	defer ts.Close()
	defer stopBrowser()

	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL), chromedp.WaitVisible("#map svg")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "first map", `document.body.dataset.version === "1" && document.querySelector("#map svg g") !== null`, 10*time.Second)
	if path := os.Getenv("PREVIEW_SCREENSHOT"); path != "" { // to look at the page
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(path, png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	transform := chromedp.Evaluate[string](`document.getElementById("map").style.transform`)
	if err := chromedp.Do(ctx, chromedp.Click("#zoom-in"), chromedp.Click("#zoom-in")); err != nil {
		t.Fatal(err)
	}
	zoomed, err := chromedp.Run(ctx, transform)
	if err != nil {
		t.Fatal(err)
	}

	// Edit a claim's text on disk.
	slavin := filepath.Join(dir, "experts", "slavin.toml")
	orig, _ := os.ReadFile(slavin)
	edited := strings.Replace(string(orig), "Nobody has claimed the attack", "Zanzibarian nobody claimed it", 1)
	if edited == string(orig) {
		t.Fatal("the seed changed: no claim to edit")
	}
	writeAtomic(t, slavin, edited)
	took := waitFor(t, ctx, "edited text in the map", `document.getElementById("map").textContent.includes("Zanzibarian")`, time.Second)
	t.Logf("edit on disk to new text in the page: %s", took.Round(time.Millisecond))
	if after, _ := chromedp.Run(ctx, transform); after != zoomed {
		t.Errorf("zoom lost on update: %q, was %q", after, zoomed)
	}

	// Break a file: the error shows with its position; the old map stays.
	writeAtomic(t, slavin, "id = \n")
	waitFor(t, ctx, "error shown", `document.body.dataset.ok === "false" && !document.getElementById("diagnostics").hidden`, 3*time.Second)
	diag, _ := chromedp.Run(ctx, chromedp.Text("#diag-list"))
	mapText, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("map").textContent`))
	if !strings.Contains(diag, "slavin.toml:1:") {
		t.Errorf("diagnostics %q: want slavin.toml:1:…", diag)
	}
	if !strings.Contains(mapText, "Zanzibarian") {
		t.Errorf("the last good map is gone while the debate is invalid")
	}

	// Fix it: the error goes.
	writeAtomic(t, slavin, edited+"\n")
	waitFor(t, ctx, "error gone", `document.body.dataset.ok === "true" && document.getElementById("diagnostics").hidden`, 3*time.Second)

	// Another view, chosen in the page.
	if err := chromedp.Do(ctx, chromedp.SetValue("#view", "expert:hof")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("view").dispatchEvent(new Event("change"))`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "expert view", `document.getElementById("map").textContent.includes("Frederic C. Hof") && !document.getElementById("map").textContent.includes("Zanzibarian")`, 5*time.Second)
}
