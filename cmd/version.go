package cmd

import (
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version returns the module version the binary was built from, or "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// versionText is what both "argmap version" and "argmap --version" print.
func versionText() string { return "argmap version " + version() + "\n" }

func newVersion(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print argmap's version (as --version does)",
		Args:  args(cobra.NoArgs),
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := s.Out.Write([]byte(versionText()))
			return err
		},
	}
}
