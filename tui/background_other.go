//go:build !unix

package tui

import (
	"os"
	"time"
)

// queryDark does not query on this platform: the caller assumes dark.
func queryDark(in, out *os.File, timeout time.Duration) (dark, ok bool) { return false, false }
