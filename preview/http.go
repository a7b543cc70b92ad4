package preview

import (
	"embed"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

//go:embed assets
var assets embed.FS

// csp allows the page its own script and style and nothing else: no inline script, no
// eval, no other origin. The matrix page (in a sandboxed frame) has inline style only.
const (
	pageCSP   = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"
	matrixCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
)

// Handler returns the preview's HTTP handler. It answers only requests addressed to a
// loopback name or address (or to the listen address it was given), so that a web page
// elsewhere cannot read the preview through DNS rebinding.
func (s *Server) Handler(allowedHost string) http.Handler {
	mux := http.NewServeMux()
	static := func(name, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b, err := assets.ReadFile("assets/" + name)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Content-Security-Policy", pageCSP)
			w.Write(b)
		}
	}
	mux.HandleFunc("GET /{$}", static("index.html", "text/html; charset=utf-8"))
	mux.HandleFunc("GET /app.js", static("app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /app.css", static("app.css", "text/css; charset=utf-8"))
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.State().json())
	})
	mux.HandleFunc("GET /map.svg", func(w http.ResponseWriter, r *http.Request) {
		v := View{Kind: r.URL.Query().Get("kind"), ID: r.URL.Query().Get("id")}
		switch v.Kind {
		case "whole", "conflicts":
			v.ID = ""
		case "expert", "proposition":
		default:
			http.Error(w, "unknown view", http.StatusBadRequest)
			return
		}
		out, err := s.Map(r.Context(), v)
		if err != nil {
			http.Error(w, "cannot draw the map: "+err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		w.Write(out)
	})
	mux.HandleFunc("GET /matrix.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", matrixCSP)
		w.Write(s.Matrix())
	})
	mux.HandleFunc("GET /events", s.events)
	return hostCheck(allowedHost, noCache(mux))
}

// events streams the state to a page: once at once, then after every reload.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c, err := s.subscribe()
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer s.unsubscribe(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func(st State) bool {
		_, err := fmt.Fprintf(w, "event: update\ndata: %s\n\n", st.json())
		fl.Flush()
		return err == nil
	}
	if !send(s.State()) {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case st := <-c:
			if !send(st) {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// hostCheck refuses requests whose Host is neither a loopback name or address nor allowed.
func hostCheck(allowed string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		host = strings.Trim(host, "[]")
		ip := net.ParseIP(host)
		if host == "localhost" || ip != nil && ip.IsLoopback() || allowed != "" && host == allowed {
			h.ServeHTTP(w, r)
			return
		}
		http.Error(w, "argmap serve answers only requests to localhost", http.StatusForbidden)
	})
}
