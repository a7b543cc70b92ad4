package safefile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// guard removes a temporary file when the process is interrupted or terminated while it
// exists, then lets the signal end the process as it would have.
type guard struct {
	mu   sync.Mutex // held while the temporary file is created, renamed or removed
	temp string     // the temporary file to remove, "" when there is none
	sigs chan os.Signal
}

// newGuard starts watching for SIGINT, SIGTERM and SIGHUP, except those the process was
// started ignoring (as nohup and background jobs are): those stay ignored.
func newGuard() *guard {
	g := &guard{sigs: make(chan os.Signal, 1)}
	var watch []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			watch = append(watch, s)
		}
	}
	if len(watch) > 0 {
		signal.Notify(g.sigs, watch...)
	}
	go g.wait()
	return g
}

func (g *guard) wait() {
	sig, ok := <-g.sigs
	if !ok {
		return
	}
	g.mu.Lock() // never released: nothing is renamed once the process is ending
	if g.temp != "" {
		os.Remove(g.temp)
	}
	signal.Reset(sig)
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		p.Signal(sig) // the default action: the process ends, killed by sig
	}
	time.Sleep(time.Second)
	code := 1
	if s, ok := sig.(syscall.Signal); ok {
		code = 128 + int(s)
	}
	os.Exit(code) // where a signal cannot be raised again, the shell's status for it
}

// stop stops watching; a signal already received is still handled.
func (g *guard) stop() {
	signal.Stop(g.sigs)
	close(g.sigs)
}
