// Package preview is the author's live preview of a debate: a small web server that watches
// the debate folder and, on every save, checks the debate again, redraws it and pushes the
// update to the page (Server-Sent Events), which swaps in the new map without a reload and
// keeps its zoom. While the debate is invalid the last good map and matrix stay, with the
// diagnostics above them.
//
// The map is drawn by a function the caller passes in: argmap's command runs each drawing in
// a child process, because go-graphviz keeps memory from every layout (about a megabyte a
// map) and a long preview session would otherwise grow without bound.
package preview

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/matrix"
	"github.com/argmap-dev/argmap/stances"
)

// View names a map view: "whole", "expert", "proposition" or "conflicts", with the expert or
// proposition id for the two that need one.
type View struct {
	Kind string `json:"kind"`
	ID   string `json:"id,omitempty"`
}

// DrawFunc draws the map of the debate folder dir in view v as SVG.
type DrawFunc func(ctx context.Context, dir string, v View) ([]byte, error)

// Options configure a Server.
type Options struct {
	Dir  string   // the debate folder
	Draw DrawFunc // draws maps
	// Debounce is how long the folder must be quiet after a change before the debate is
	// reloaded (editors write a file in several steps); 0 means 50 ms.
	Debounce time.Duration
	Log      io.Writer // one line per reload; nil for none
}

// State is what the page is told after each reload.
type State struct {
	Version      int          `json:"version"` // of the last good debate; 0 before there is one
	OK           bool         `json:"ok"`      // whether the debate on disk is valid now
	Diagnostics  []Diagnostic `json:"diagnostics"`
	Title        string       `json:"title"`
	Experts      []Option     `json:"experts"`
	Propositions []Option     `json:"propositions"`
	Error        string       `json:"error,omitempty"` // a drawing that failed
}

// Diagnostic is one problem, as argmap check prints it.
type Diagnostic struct {
	Text     string `json:"text"`
	Severity string `json:"severity"`
}

// Option is an expert or proposition for the view chooser.
type Option struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Server serves the preview of one debate.
type Server struct {
	opt Options

	mu      sync.Mutex
	state   State
	hash    [32]byte        // of the debate files last loaded
	good    *argmap.Debate  // the last valid debate
	matrix  []byte          // its stance matrix page
	maps    map[View][]byte // its drawn maps, by view
	clients map[chan State]bool
	reloads int
}

// New returns a server for the debate folder in opt.Dir. Start watching (Watch), then
// Reload once, then serve.
func New(opt Options) *Server {
	if opt.Debounce == 0 {
		opt.Debounce = 50 * time.Millisecond
	}
	return &Server{opt: opt, maps: map[View][]byte{}, clients: map[chan State]bool{}}
}

// Reload checks the debate again if its files changed since the last reload, draws the whole
// map of a valid debate, and tells every page. It reports whether anything changed.
func (s *Server) Reload(ctx context.Context) bool {
	h := s.filesHash()
	s.mu.Lock()
	same := h == s.hash && s.reloads > 0
	s.mu.Unlock()
	if same {
		return false // an editor's second write of the same content
	}
	d, diags := argmap.Load(s.opt.Dir, argmap.Options{})
	st := State{OK: d != nil}
	for _, x := range diags {
		st.Diagnostics = append(st.Diagnostics, Diagnostic{Text: x.String(), Severity: x.Severity.String()})
	}
	var table, whole []byte
	var drawErr error
	if d != nil {
		var b bytes.Buffer
		if err := matrix.New(stances.New(d, stances.Options{})).WriteHTML(&b); err == nil {
			table = b.Bytes()
		}
		whole, drawErr = s.opt.Draw(ctx, s.opt.Dir, View{Kind: "whole"})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hash, s.reloads = h, s.reloads+1
	st.Version = s.state.Version
	if d != nil {
		s.good, s.matrix = d, table
		s.maps = map[View][]byte{}
		if drawErr == nil {
			s.maps[View{Kind: "whole"}] = whole
		} else {
			st.Error = drawErr.Error()
		}
		st.Version++
	}
	if s.good != nil {
		st.Title = s.good.Title
		for _, e := range s.good.Experts {
			st.Experts = append(st.Experts, Option{e.ID, e.Name})
		}
		for _, p := range s.good.Propositions {
			st.Propositions = append(st.Propositions, Option{p.ID, p.Text})
		}
	}
	s.state = st
	for c := range s.clients {
		select {
		case c <- st:
		default: // a page that does not read: it gets the next state instead
		}
	}
	if s.opt.Log != nil {
		fmt.Fprintf(s.opt.Log, "%s: %s\n", time.Now().Format("15:04:05"), summary(st))
	}
	return true
}

func summary(st State) string {
	errs := 0
	for _, d := range st.Diagnostics {
		if d.Severity == "error" {
			errs++
		}
	}
	switch {
	case !st.OK:
		return fmt.Sprintf("%d errors; showing the last good version", errs)
	case st.Error != "":
		return "checked; the map failed: " + st.Error
	default:
		return fmt.Sprintf("checked and redrawn (version %d, %d warnings)", st.Version, len(st.Diagnostics))
	}
}

// filesHash hashes the names and contents of the debate's files (at most what the loader
// reads), so that a save that changes nothing is not redrawn.
func (s *Server) filesHash() [32]byte {
	h := sha256.New()
	files, _ := filepath.Glob(filepath.Join(s.opt.Dir, "experts", "*.toml"))
	files = append([]string{filepath.Join(s.opt.Dir, argmap.ManifestName)}, files...)
	sort.Strings(files[1:])
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00", f)
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			if fh, err := os.Open(f); err == nil {
				io.Copy(h, io.LimitReader(fh, 11<<20))
				fh.Close()
			}
		}
		h.Write([]byte{0})
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// State returns the current state.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Map returns the last good debate's map in view v, drawing it if needed.
func (s *Server) Map(ctx context.Context, v View) ([]byte, error) {
	s.mu.Lock()
	good, cached := s.good, s.maps[v]
	s.mu.Unlock()
	if good == nil {
		return nil, errors.New("the debate has no valid version yet")
	}
	if cached != nil {
		return cached, nil
	}
	out, err := s.opt.Draw(ctx, s.opt.Dir, v)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.good == good {
		s.maps[v] = out
	}
	s.mu.Unlock()
	return out, nil
}

// Matrix returns the last good debate's stance matrix page.
func (s *Server) Matrix() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.matrix
}

// maxClients bounds the pages listening at once.
const maxClients = 64

// subscribe registers a page for updates.
func (s *Server) subscribe() (chan State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.clients) >= maxClients {
		return nil, errors.New("too many open previews")
	}
	c := make(chan State, 1)
	s.clients[c] = true
	return c, nil
}

func (s *Server) unsubscribe(c chan State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

func (st State) json() []byte {
	if st.Diagnostics == nil {
		st.Diagnostics = []Diagnostic{}
	}
	b, _ := json.Marshal(st)
	return b
}
