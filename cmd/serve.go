package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/preview"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	port   int
	listen string
	open   bool
}

func newServe(s *Streams) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve DEBATE",
		Short: "Preview a debate live in the browser while you edit it",
		Long: `Serve opens a live preview of a debate folder: one page with the argument map (whole debate,
one expert, one proposition, or the collisions), the stance matrix and the diagnostics.
It watches the folder: on every save it checks the debate again, redraws it and updates
the page without reloading it (the map keeps its zoom). While the debate is invalid the
last good map stays, under the problems with their path:line:col (click one to copy it).

The server listens on 127.0.0.1 only: nobody else on the network can reach it. --listen
changes the address (with a warning: anyone who can reach it can read the debate).
Ctrl-C stops it.`,
		Example: `  argmap serve seeds/camp-taji
  argmap serve --port 9000 --open my-debate`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			return runServe(c.Context(), s, o, a[0])
		},
	}
	c.Flags().IntVar(&o.port, "port", 8765, "port to listen on (0: any free port)")
	c.Flags().StringVar(&o.listen, "listen", "127.0.0.1", "`ADDRESS` to listen on")
	c.Flags().BoolVar(&o.open, "open", false, "open the page in the browser")
	return c
}

func runServe(ctx context.Context, s *Streams, o *serveOptions, dir string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.port < 0 || o.port > 65535 {
		return usage(fmt.Errorf("invalid --port %d: use 0 to 65535", o.port))
	}
	ip := net.ParseIP(o.listen)
	if ip == nil && o.listen != "localhost" {
		return usage(fmt.Errorf("invalid --listen %q: give an IP address such as 127.0.0.1", o.listen))
	}
	if fi, err := os.Stat(filepath.Join(dir, argmap.ManifestName)); err != nil || !fi.Mode().IsRegular() {
		return invalid(fmt.Errorf("%s is not a debate folder (no %s)", dir, argmap.ManifestName))
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(o.listen, strconv.Itoa(o.port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return invalid(fmt.Errorf("port %d is in use on %s: choose another with --port", o.port, o.listen))
		}
		return invalid(fmt.Errorf("cannot listen on %s port %d: %w", o.listen, o.port, err))
	}
	defer ln.Close()
	if ip != nil && !ip.IsLoopback() {
		fmt.Fprintf(s.Err, "argmap: warning: listening on %s: anyone who can reach this address can read the debate\n", o.listen)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv := preview.New(preview.Options{Dir: dir, Draw: childDraw(), Log: s.Err})
	watcher, err := srv.Watch()
	if err != nil {
		return invalid(err)
	}
	srv.Reload(ctx)
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(s.Err, "argmap: previewing %s at %s (Ctrl-C to stop)\n", dir, url)
	if o.open {
		openBrowser(s, url)
	}
	allowed := ""
	if ip != nil && !ip.IsLoopback() {
		allowed = o.listen
	}
	hs := &http.Server{
		Handler:           srv.Handler(allowed),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	go watcher.Run(ctx)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return invalid(err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	fmt.Fprintln(s.Err, "argmap: stopped")
	return nil
}

// Limits of one map drawing in the preview.
const (
	drawTimeout = time.Minute
	drawMax     = 64 << 20
)

// childDraw draws maps by running this program's map command in a child process: the
// Graphviz module keeps memory from every layout, so drawing hundreds of maps in the
// server's own process would grow it without bound.
func childDraw() preview.DrawFunc {
	self := os.Args[0]
	if filepath.Base(self) == self {
		if p, err := exec.LookPath(self); err == nil {
			self = p
		}
	}
	return func(ctx context.Context, dir string, v preview.View) ([]byte, error) {
		args := []string{"map", dir, "--format", "svg"}
		switch v.Kind {
		case "expert", "proposition":
			args = append(args, "--"+v.Kind, v.ID)
		case "conflicts":
			args = append(args, "--conflicts")
		}
		ctx, cancel := context.WithTimeout(ctx, drawTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, self, args...)
		var out, errb bytes.Buffer
		cmd.Stdout = &limited{w: &out, n: drawMax}
		cmd.Stderr = &limited{w: &errb, n: 64 << 10}
		if err := cmd.Run(); err != nil {
			msg := bytes.TrimSpace(errb.Bytes())
			if ctx.Err() == context.DeadlineExceeded {
				return nil, fmt.Errorf("drawing took over %s: choose a smaller view", drawTimeout)
			}
			if len(msg) > 0 {
				return nil, errors.New(string(bytes.TrimPrefix(msg, []byte("argmap: "))))
			}
			return nil, err
		}
		return out.Bytes(), nil
	}
}

// limited writes at most n bytes to w and fails after.
type limited struct {
	w io.Writer
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if len(p) > l.n {
		return 0, errors.New("output too large")
	}
	l.n -= len(p)
	return l.w.Write(p)
}

func openBrowser(s *Streams, url string) {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	if err := exec.Command(name, url).Start(); err != nil {
		fmt.Fprintf(s.Err, "argmap: cannot open a browser (%v): open %s yourself\n", err, url)
	}
}
