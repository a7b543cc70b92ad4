package briefing

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/argmap-dev/argmap/internal/testdebate"

	"github.com/argmap-dev/argmap/internal/browsertest"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// problems collects what the page should never do: console errors (CSP violations among
// them), uncaught exceptions, requests other than the page itself, and failed loads.
type problems struct {
	mu   sync.Mutex
	page string
	list []string
}

func (p *problems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func (p *problems) listen(ev any) {
	switch ev := ev.(type) {
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			p.add("console %s: %s", ev.Entry.Level, ev.Entry.Text)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			p.add("console.%s called", ev.Type)
		}
	case *runtime.EventExceptionThrown:
		p.add("exception: %s", ev.ExceptionDetails.Text)
	case *network.EventRequestWillBeSent:
		if ev.Request.URL != p.page {
			p.add("request: %s", ev.Request.URL)
		}
	case *network.EventLoadingFailed:
		p.add("failed load: %s", ev.ErrorText)
	}
}

func (p *problems) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.list {
		t.Error(s)
	}
}

// openPage starts a headless Chromium (Debian's chromium) with the network off and opens
// the page from a file:// URL. Outside CI it skips when there is no chromium; in CI it fails.
func openPage(t *testing.T, page []byte) (context.Context, *problems) {
	t.Helper()
	ctx, _ := browsertest.Start(t, 1280, 900)
	file := filepath.Join(t.TempDir(), "briefing.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	p := &problems{page: "file://" + file}
	if err := chromedp.Listen(ctx, p.listen); err != nil {
		t.Fatal(err)
	}
	tctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	var err error
	t.Cleanup(cancel3)
	err = chromedp.Do(tctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{
				Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
			}); err != nil {
				return fmt.Errorf("offline: %w", err)
			}
			if _, err := cdp.Call(ctx, t, log.Enable, cdp.Empty{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, runtime.Enable, cdp.Empty{})
			return err
		}),
		chromedp.Navigate(p.page),
		chromedp.WaitVisible("body[data-ready=true]"),
	)
	if err != nil {
		t.Fatal(err)
	}
	return tctx, p
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// screenshot saves the page as PNG when BRIEF_SCREENSHOT names a folder (to look at it).
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("BRIEF_SCREENSHOT")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// search types words into the search box.
func search(t *testing.T, ctx context.Context, words string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById("search"); s.focus(); s.value = %q; return s.dispatchEvent(new Event("input")); })()`, words))
}

// logTiming logs how long the page took to load, from the browser's navigation timing and
// the marks the script sets when it starts and when it is done.
func logTiming(t *testing.T, ctx context.Context) {
	t.Helper()
	t.Log(eval[string](t, ctx, `(() => {
		const n = performance.getEntriesByType("navigation")[0], ms = (v) => Math.round(v) + " ms";
		const mark = (m) => ms(performance.getEntriesByName(m)[0].startTime);
		return "load: file read " + ms(n.responseEnd) + ", script starts " + mark("brief-start") + ", ready " + mark("brief-ready") + ", load event " + ms(n.loadEventEnd);
	})()`))
}

func TestBrowserBriefing(t *testing.T) {
	d := testdebate.Load(t, "../seeds/camp-taji")
	page, err := New(d, Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, p := openPage(t, page)
	logTiming(t, ctx)
	screenshot(t, ctx, "top")

	// Every expert and proposition is on the page, visible.
	for _, e := range d.Experts {
		js := fmt.Sprintf(`(() => { const r = document.querySelector('tr[data-expert=%q] th'); return !!r && r.offsetWidth > 0 && r.textContent.includes(%q); })()`, e.ID, e.Name)
		if !eval[bool](t, ctx, js) {
			t.Errorf("expert %s not visible in the matrix", e.ID)
		}
	}
	for _, q := range d.Propositions {
		js := fmt.Sprintf(`(() => { const a = document.getElementById(%q); return !!a && a.offsetHeight > 0 && a.textContent.includes(%q); })()`, "prop-"+q.ID, q.Text)
		if !eval[bool](t, ctx, js) {
			t.Errorf("proposition %s not visible", q.ID)
		}
	}

	// A matrix cell opens its stance's quote.
	s := d.Experts[2].Stances[0]
	if s.Quote == "" {
		t.Fatal("the seed changed: the stance has no quote")
	}
	cell := fmt.Sprintf(`button.cell[data-expert=%q][data-proposition=%q]`, s.Expert, s.Proposition)
	if err := chromedp.Do(ctx, chromedp.Click(cell)); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.getElementById("detail").hidden ? "" : document.getElementById("detail-body").textContent`); !strings.Contains(got, s.Quote) {
		t.Errorf("after clicking %s the panel shows %q; want the quote %q", cell, got, s.Quote)
	}
	screenshot(t, ctx, "stance")

	// The search box highlights a known claim on the maps.
	c := d.Experts[0].Claims[0]
	search(t, ctx, strings.Fields(c.Text)[1]+" "+strings.Fields(c.Text)[2])
	hit := fmt.Sprintf(`document.querySelectorAll('#map-whole g.node.hit[data-ref=%q]').length`, c.Ref)
	if n := eval[int](t, ctx, hit); n != 1 {
		t.Errorf("search for a claim of %s: %d highlighted nodes with ref %s, want 1", c.Expert, n, c.Ref)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#map-whole g.node.hit").length`); n == 0 || n > 5 {
		t.Errorf("search highlights %d nodes", n)
	}

	// Clicking a claim on the map shows its text, its quote and who supports or attacks it.
	target := "kadhim/government-cannot-control"
	if _, ok := d.Claim(target); !ok {
		t.Fatalf("the seed changed: no %s", target)
	}
	if err := chromedp.Do(ctx, chromedp.Click(fmt.Sprintf(`#map-whole g.node[data-ref=%q]`, target))); err != nil {
		t.Fatal(err)
	}
	got := eval[string](t, ctx, `document.getElementById("detail-body").textContent`)
	tc, _ := d.Claim(target)
	if !strings.Contains(got, tc.Text) || !strings.Contains(got, "Attacked by") {
		t.Errorf("claim panel %q: want its text and who attacks it", got)
	}

	// Clicking a stance's box on the map opens that stance, as its matrix cell does (the open
	// panel is closed first: it covers the right of the map, where the boxes are).
	stanceBox := fmt.Sprintf(`#map-whole g.node[data-ref="stance:%s:%s"]`, s.Expert, s.Proposition)
	eval[bool](t, ctx, `document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}))`)
	if err := chromedp.Do(ctx, chromedp.Click(stanceBox)); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.getElementById("detail-body").textContent`); !strings.Contains(got, s.Quote) {
		t.Errorf("after clicking %s the panel shows %q; want the quote %q", stanceBox, got, s.Quote)
	}

	// Choosing an expert highlights their row and their claims.
	if err := chromedp.Do(ctx, chromedp.SetValue("#expert", "kadhim")); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `document.getElementById("expert").dispatchEvent(new Event("change"))`)
	if !eval[bool](t, ctx, `document.querySelector('tr[data-expert="kadhim"]').classList.contains("sel") && !document.querySelector('tr[data-expert="hof"]').classList.contains("sel")`) {
		t.Error("choosing kadhim does not highlight their row alone")
	}
	mine := eval[int](t, ctx, `document.querySelectorAll('#map-whole g.node.mine').length`)
	if want := len(d.Experts[2].Claims) + 1 + len(d.Experts[2].Stances); d.Experts[2].ID != "kadhim" || mine != want {
		t.Errorf("choosing kadhim marks %d nodes on the whole map, want %d (claims, header and stance boxes)", mine, want)
	}
	screenshot(t, ctx, "expert")

	// Zoom changes the map's transform: buttons, keyboard and wheel.
	transform := `document.querySelector("#map-whole .map").style.transform`
	before := eval[string](t, ctx, transform)
	if err := chromedp.Do(ctx, chromedp.Click(`#map-whole button[data-zoom="in"]`)); err != nil {
		t.Fatal(err)
	}
	after := eval[string](t, ctx, transform)
	if before == after || !strings.Contains(after, "scale(") {
		t.Errorf("zoom in: transform %q, was %q", after, before)
	}
	eval[bool](t, ctx, `document.querySelector("#map-whole .viewport").dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowLeft", bubbles: true}))`)
	if moved := eval[string](t, ctx, transform); moved == after {
		t.Error("the arrow key does not pan")
	}
	panned := eval[string](t, ctx, transform)
	eval[bool](t, ctx, `document.querySelector("#map-whole .viewport").dispatchEvent(new WheelEvent("wheel", {deltaY: -100, clientX: 300, clientY: 300, bubbles: true, cancelable: true}))`)
	wheeled := eval[string](t, ctx, transform)
	if wheeled == panned {
		t.Error("the wheel does not zoom")
	}
	// Drag with the mouse: the map moves.
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("#map-whole .viewport").getBoundingClientRect(); return [r.left + 200, r.top + 150]; })()`)
	err = chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, box[0], box[1], chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0]+60, box[1]+40, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0]+120, box[1]+80, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, box[0]+120, box[1]+80, chromedp.ButtonLeft))
	if err != nil {
		t.Fatal(err)
	}
	if dragged := eval[string](t, ctx, transform); dragged == wheeled {
		t.Error("dragging does not pan")
	}
	screenshot(t, ctx, "zoomed")

	// Printed: no controls, maps unzoomed and whole, sections on new pages.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for js, want := range map[string]string{
		`getComputedStyle(document.querySelector(".toolbar")).display`:                                                                                       "none",
		`getComputedStyle(document.querySelector(".controls")).display`:                                                                                      "none",
		`getComputedStyle(document.querySelector("#map-whole .map")).transform`:                                                                              "none",
		`getComputedStyle(document.querySelector("#map-whole .viewport")).overflow`:                                                                          "visible",
		`getComputedStyle(document.getElementById("propositions")).breakBefore`:                                                                              "page",
		`String(document.querySelector("#map-whole svg").getBoundingClientRect().width <= document.querySelector("main").getBoundingClientRect().width + 1)`: "true",
	} {
		if got := eval[string](t, ctx, js); got != want {
			t.Errorf("print: %s = %q; want %q", js, got, want)
		}
	}
	p.check(t)
}

// Hostile text in every field runs nothing: a sentinel the injected scripts would set stays
// unset, no element comes out of the text, and the javascript: source is not a link.
func TestBrowserHostile(t *testing.T) {
	page, err := New(testdebate.Load(t, hostileDebate(t)), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, p := openPage(t, page)
	if err := chromedp.Do(ctx, chromedp.Click(`button.cell[data-expert="aa"][data-proposition="p1"]`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#map-whole g.node[data-ref="aa/c1"]`)); err != nil {
		t.Fatal(err)
	}
	search(t, ctx, "script")
	screenshot(t, ctx, "hostile")
	for js, want := range map[string]string{
		`String(window.__pwned)`:                                                                "undefined",
		`String(document.scripts.length)`:                                                       "2",
		`String(document.querySelectorAll("img, b, iframe").length)`:                            "0",
		`String(document.querySelectorAll("a[href^=javascript], [onerror]").length)`:            "0",
		`String(document.querySelector("h1").textContent.includes("<script>window.__pwned=1"))`: "true",
		`String(document.getElementById("detail-body").textContent.includes("<img src=x"))`:     "true",
	} {
		if got := eval[string](t, ctx, js); got != want {
			t.Errorf("%s = %s; want %s", js, got, want)
		}
	}
	p.check(t)
}

// The page stays usable on a generated 1,000-claim debate: it loads, pans and zooms, and
// the search answers. The load time is logged (go test -v) for the README.
func TestBrowserGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a 1,000-claim map: seconds")
	}
	page, err := New(generated(t, 1000), Options{}).HTML(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ctx, p := openPage(t, page)
	t.Logf("1,000-claim page: %.1f MB, open to ready in %s (browser start included)", float64(len(page))/(1<<20), time.Since(start).Round(time.Millisecond))
	logTiming(t, ctx)
	transform := `document.querySelector("#map-whole .map").style.transform`
	before := eval[string](t, ctx, transform)
	took := time.Now()
	if err := chromedp.Do(ctx, chromedp.Click(`#map-whole button[data-zoom="in"]`)); err != nil {
		t.Fatal(err)
	}
	if after := eval[string](t, ctx, transform); after == before {
		t.Error("zoom does not change the big map")
	}
	eval[bool](t, ctx, `document.querySelector('#map-whole button[data-zoom="fit"]').click() || true`)
	for range 12 { // zoom in far: most of the map is out of view
		eval[bool](t, ctx, `document.querySelector('#map-whole button[data-zoom="in"]').click() || true`)
	}
	search(t, ctx, "e0080/")
	if n := eval[int](t, ctx, `document.querySelectorAll("#map-whole g.node.hit").length`); n == 0 {
		t.Error("search highlights nothing on the big map")
	}
	inView := `(() => { const v = document.querySelector("#map-whole .viewport").getBoundingClientRect(), r = document.querySelector("#map-whole g.node.hit").getBoundingClientRect();
		return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom; })()`
	if !eval[bool](t, ctx, inView) {
		t.Error("the first match is not brought into view")
	}
	t.Logf("zoom and search: %s", time.Since(took).Round(time.Millisecond))
	screenshot(t, ctx, "generated")
	p.check(t)
}
