// Package browsertest starts the headless Chromium that argmap's browser tests drive
// (Debian's chromium, which make test installs), with what this machine's closed network
// needs: no sandbox as root, no background networking, no name resolution.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Start starts a headless Chromium and returns a chromedp context for it and a function
// that stops it (also called when the test ends). Outside CI it skips the test when there
// is no chromium; in CI (CI set) it fails.
func Start(t testing.TB, width, height int) (context.Context, context.CancelFunc) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must have Debian's chromium (make test installs it)")
		}
		t.Skip("no chromium: the browser tests need Debian's chromium (make test installs it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"), // nothing outside this machine resolves
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel2 := chromedp.NewContext(alloc)
	stop := func() { cancel2(); cancel() }
	t.Cleanup(stop)
	return ctx, stop
}
