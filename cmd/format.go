package cmd

import (
	"path/filepath"
	"strings"
)

// formatFromExt picks an output format from a file name's extension.
func formatFromExt(name string, byExt map[string]string, fallback string) string {
	if f, ok := byExt[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	return fallback
}
