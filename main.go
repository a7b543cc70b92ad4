// Command argmap maps expert arguments and compares their stances on shared propositions.
//
// See README.md, or run argmap --help.
package main

import (
	"os"

	"github.com/argmap-dev/argmap/cmd"
)

func main() { os.Exit(cmd.Main()) }
