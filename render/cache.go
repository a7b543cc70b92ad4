package render

import "github.com/argmap-dev/argmap/internal/wasmcache"

// go-graphviz has started by the time this package initialises (it imports go-graphviz):
// tell wasmcache, which restores TMPDIR and vouches for the compiled code now cached.
func init() { wasmcache.Done() }
