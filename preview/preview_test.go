package preview

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// copyDebate copies a debate folder into a temporary one.
func copyDebate(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fakeDraw counts its drawings and draws the view's name.
func fakeDraw(n *atomic.Int32) DrawFunc {
	return func(ctx context.Context, dir string, v View) ([]byte, error) {
		n.Add(1)
		return []byte("<svg><text>" + v.Kind + ":" + v.ID + "</text></svg>"), nil
	}
}

// writeAtomic saves a file the way many editors do: a new file renamed over the old.
func writeAtomic(t testing.TB, path, data string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestReload(t *testing.T) {
	dir := copyDebate(t, "../seeds/camp-taji")
	var draws atomic.Int32
	s := New(Options{Dir: dir, Draw: fakeDraw(&draws)})
	ctx := context.Background()
	if !s.Reload(ctx) {
		t.Fatal("first Reload reported no change")
	}
	st := s.State()
	if !st.OK || st.Version != 1 || len(st.Experts) != 5 || draws.Load() != 1 {
		t.Fatalf("after the first reload: %+v, %d drawings", st, draws.Load())
	}
	// The same content again (an editor writing twice): nothing is redrawn.
	slavin := filepath.Join(dir, "experts", "slavin.toml")
	b, _ := os.ReadFile(slavin)
	writeAtomic(t, slavin, string(b))
	if s.Reload(ctx) || draws.Load() != 1 {
		t.Errorf("an unchanged save was reloaded (%d drawings)", draws.Load())
	}
	// A broken file: the diagnostics come, the last good version stays.
	writeAtomic(t, slavin, "id = \n")
	s.Reload(ctx)
	st = s.State()
	if st.OK || st.Version != 1 || len(st.Diagnostics) == 0 || !strings.Contains(st.Diagnostics[0].Text, "slavin.toml:1:") {
		t.Errorf("after breaking a file: %+v", st)
	}
	if m, err := s.Map(ctx, View{Kind: "whole"}); err != nil || !strings.Contains(string(m), "whole") {
		t.Errorf("the last good map is gone: %q %v", m, err)
	}
	// Fixed: a new version.
	writeAtomic(t, slavin, string(b))
	s.Reload(ctx)
	if st = s.State(); !st.OK || st.Version != 2 || len(st.Diagnostics) != 0 {
		t.Errorf("after fixing: %+v", st)
	}
	// Other views are drawn on demand, once per version.
	for range 2 {
		if m, err := s.Map(ctx, View{Kind: "expert", ID: "hof"}); err != nil || string(m) != "<svg><text>expert:hof</text></svg>" {
			t.Errorf("expert view: %q %v", m, err)
		}
	}
	if n := draws.Load(); n != 3 {
		t.Errorf("%d drawings, want 3 (whole twice, expert once)", n)
	}
}

// Several quick writes make one reload, after the folder is quiet.
func TestWatchDebounces(t *testing.T) {
	dir := copyDebate(t, "../seeds/camp-taji")
	var draws atomic.Int32
	s := New(Options{Dir: dir, Draw: fakeDraw(&draws), Debounce: 200 * time.Millisecond})
	s.Reload(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := s.Watch()
	if err != nil {
		t.Fatal(err)
	}
	go w.Run(ctx)
	hof := filepath.Join(dir, "experts", "hof.toml")
	b, _ := os.ReadFile(hof)
	for i := range 5 {
		writeAtomic(t, hof, string(b)+strings.Repeat("\n", i+1))
		time.Sleep(20 * time.Millisecond)
	}
	deadline := time.Now().Add(3 * time.Second)
	for s.State().Version < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(400 * time.Millisecond)
	if v, n := s.State().Version, draws.Load(); v != 2 || n != 2 {
		t.Errorf("after 5 quick saves: version %d, %d drawings; want one reload (version 2, 2 drawings)", v, n)
	}
}

func TestHandler(t *testing.T) {
	dir := copyDebate(t, "../seeds/camp-taji")
	var draws atomic.Int32
	s := New(Options{Dir: dir, Draw: fakeDraw(&draws)})
	s.Reload(context.Background())
	ts := httptest.NewServer(s.Handler(""))
	defer ts.Close()
	get := func(path, host string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		if host != "" {
			req.Host = host
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b strings.Builder
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		return res, b.String()
	}
	res, body := get("/", "")
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") || strings.Contains(body, "<script>") {
		t.Errorf("page: %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	if res, _ := get("/", "attacker.example:80"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a request for another host name: %d, want 403", res.StatusCode)
	}
	if res, _ := get("/map.svg?kind=bogus", ""); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown view: %d", res.StatusCode)
	}
	if res, body := get("/map.svg?kind=conflicts&id=x", ""); res.StatusCode != 200 || !strings.Contains(body, "conflicts:<") {
		t.Errorf("conflicts view: %d %q", res.StatusCode, body)
	}
	if res, body := get("/matrix.html", ""); res.StatusCode != 200 || !strings.Contains(body, "Kadhim") {
		t.Errorf("matrix: %d", res.StatusCode)
	}
	// The event stream starts with the current state.
	req, _ := http.NewRequest("GET", ts.URL+"/events", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	res2, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer res2.Body.Close()
	sc := bufio.NewScanner(res2.Body)
	sc.Buffer(nil, 1<<20)
	sc.Scan()
	first := sc.Text()
	sc.Scan()
	data := sc.Text()
	if first != "event: update" || !strings.HasPrefix(data, `data: {"version":1,"ok":true`) {
		t.Errorf("event stream starts %q %q", first, data)
	}
}
