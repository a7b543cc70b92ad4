// Package wasmcache decides where go-graphviz keeps wazero's cache of compiled machine code,
// before go-graphviz starts.
//
// go-graphviz compiles its WebAssembly module when the program starts (in a package init)
// and keeps the machine code wazero produced in $TMPDIR/go-graphviz: a shared, predictable
// folder. Whatever sits there is loaded and run as code, so a folder another local user can
// write would let that user run code as whoever runs argmap next. This package runs first
// (Go initialises packages in import-path order, and this one imports nothing go-graphviz
// does not), and points TMPDIR, for the moment of go-graphviz's start-up only, at a folder
// that only the current user can write:
//
//	$XDG_CACHE_HOME/argmap/wasm/go-graphviz   (os.UserCacheDir: ~/.cache on Linux)
//
// created with mode 0700, and used only if it and the folders it holds are owned by the
// current user and not writable by group or others, and every folder above it is owned by the
// user or by root and not writable by others unless sticky (as /tmp is: others cannot rename
// or remove what we own there). Otherwise go-graphviz runs with no cache: every start then
// compiles the module again (about a second), which is slow but safe.
//
// A damaged cache must not break every later start either (a truncated file makes
// go-graphviz panic in its init, before any code of ours could recover). So the cache is
// checked before go-graphviz reads it: after each successful start [Done] records the size,
// inode and change times of every cached file in a manifest, and the next start removes any
// file that does not match it (wazero then compiles and stores it again). A start that died inside
// go-graphviz's init leaves a marker naming its process; the next start that finds the
// marker of a process that no longer runs clears the cache.
//
// The package keeps the state of this one start-up in package variables: it exists to run
// once, in init, before main.
package wasmcache

import (
	"os"
	"path/filepath"
	"runtime/debug"
)

// state is what init decided, for Done and Status.
var state struct {
	tmpdir    string // TMPDIR before init, restored by Done
	hadTmpdir bool
	dir       string // the folder handed to go-graphviz as $TMPDIR; "" when there is no cache
	marker    string // this process's start-up marker; "" when none was written
	status    string // a sentence for humans
	verified  map[string]entry
	done      bool
	gcPercent int   // the collector's setting before init, restored by Done
	memLimit  int64 // the soft memory limit before init, restored by Done
}

// startLimit bounds the heap while the collector is paused for go-graphviz's start-up (it
// allocates about 6 MiB there, all of it kept): should Done never be called, the collector
// still runs once the heap reaches this size.
const startLimit = 64 << 20

// noCache is given to go-graphviz as TMPDIR when no safe cache exists: a path below a
// device, which can be neither read as a folder nor created, so go-graphviz runs uncached.
const noCache = "/dev/null/argmap-no-cache"

func init() {
	// go-graphviz's start-up allocates a few MiB that all stay live: a collection during it
	// finds nothing to free and costs about 5 ms of a 60 ms process. Pause the collector
	// until Done, with a soft limit as a safety net.
	state.gcPercent = debug.SetGCPercent(-1)
	state.memLimit = debug.SetMemoryLimit(startLimit)
	state.tmpdir, state.hadTmpdir = os.LookupEnv("TMPDIR")
	dir, why := prepare()
	if dir == "" {
		os.Setenv("TMPDIR", noCache)
		state.status = "no compilation cache: " + why
		return
	}
	state.dir = dir
	state.marker = writeMarker(filepath.Dir(dir))
	os.Setenv("TMPDIR", dir)
	state.status = "compilation cache in " + filepath.Join(dir, ggDir)
}

// Done is called once go-graphviz has started: it restores TMPDIR, records the cached files
// in the manifest and removes this start's marker. Calling it again does nothing.
func Done() {
	if state.done {
		return
	}
	state.done = true
	debug.SetGCPercent(state.gcPercent)
	debug.SetMemoryLimit(state.memLimit)
	if state.hadTmpdir {
		os.Setenv("TMPDIR", state.tmpdir)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if state.dir == "" {
		return
	}
	writeManifest(filepath.Join(state.dir, ggDir))
	if state.marker != "" {
		os.Remove(state.marker)
	}
}

// Status says where the compiled code is cached, or why it is not.
func Status() string { return state.status }

// Dir returns the folder that go-graphviz keeps its cache in ("" when it runs uncached).
func Dir() string {
	if state.dir == "" {
		return ""
	}
	return filepath.Join(state.dir, ggDir)
}
