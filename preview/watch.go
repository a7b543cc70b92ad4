package preview

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher watches a debate folder for a Server.
type Watcher struct {
	s *Server
	w *fsnotify.Watcher
}

// Watch starts watching the debate folder; changes from now on are seen by Run. It watches
// the folders rather than the files, so that editors that save by writing a new file and
// renaming it over the old are seen.
func (s *Server) Watch() (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s: %w", s.opt.Dir, err)
	}
	if err := w.Add(s.opt.Dir); err != nil {
		w.Close()
		return nil, fmt.Errorf("cannot watch %s: %w", s.opt.Dir, err)
	}
	w.Add(filepath.Join(s.opt.Dir, "experts")) // it may not exist yet: it is added when it appears
	return &Watcher{s, w}, nil
}

// Run reloads the debate after every change to its folder, once the folder has been quiet
// for the debounce time, until ctx ends.
func (wa *Watcher) Run(ctx context.Context) {
	s, w := wa.s, wa.w
	defer w.Close()
	experts := filepath.Join(s.opt.Dir, "experts")
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Name == experts && ev.Has(fsnotify.Create) {
				w.Add(experts)
			}
			timer.Reset(s.opt.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			if s.opt.Log != nil {
				fmt.Fprintf(s.opt.Log, "watching %s: %v\n", s.opt.Dir, err)
			}
		case <-timer.C:
			s.Reload(ctx)
		}
	}
}
