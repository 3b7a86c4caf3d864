//go:build unix

package tui

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// queryDark asks the terminal for its background colour (OSC 11), followed
// by a cursor position request that every terminal answers, and reads the
// replies for at most timeout. ok is false when no colour came back.
func queryDark(in, out *os.File, timeout time.Duration) (dark, ok bool) {
	fd := in.Fd()
	if !term.IsTerminal(fd) || !term.IsTerminal(out.Fd()) {
		return false, false
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return false, false
	}
	defer term.Restore(fd, old) //nolint:errcheck // best effort
	if _, err := out.WriteString("\x1b]11;?\a\x1b[6n"); err != nil {
		return false, false
	}
	deadline := time.Now().Add(timeout)
	var reply strings.Builder
	buf := make([]byte, 256)
	for reply.Len() < 1024 {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		var set unix.FdSet
		set.Set(int(fd))
		tv := unix.NsecToTimeval(left.Nanoseconds())
		n, err := unix.Select(int(fd)+1, &set, nil, nil, &tv)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		k, err := unix.Read(int(fd), buf)
		if err != nil || k <= 0 {
			break
		}
		reply.Write(buf[:k])
		// The cursor position reply ("ESC [ row ; col R") comes last.
		if s := reply.String(); strings.Contains(s, "\x1b[") && strings.HasSuffix(s, "R") {
			break
		}
	}
	return parseBackgroundReply(reply.String())
}
