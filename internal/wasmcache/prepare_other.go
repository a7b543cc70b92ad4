//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package wasmcache

const ggDir = "go-graphviz"

// prepare finds no safe cache on systems where argmap cannot check who owns a folder:
// go-graphviz then compiles its module at every start.
func prepare() (dir, why string) {
	return "", "argmap cannot check folder owners on this system"
}

func writeMarker(string) string { return "" }

func writeManifest(string) {}

type entry struct{}
