//go:build linux

package tui

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: the program's side (tty) and the
// terminal's side (ptm), which the test plays.
func openPTY(t testing.TB) (ptm, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skip("unlockpt:", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skip("ptsname:", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip("open pts:", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// answer plays a terminal: it reads the queries and writes reply.
func answer(ptm *os.File, reply string) {
	buf := make([]byte, 64)
	got := ""
	for len(got) < len("\x1b]11;?\a\x1b[6n") {
		n, err := ptm.Read(buf)
		if err != nil {
			return
		}
		got += string(buf[:n])
	}
	ptm.WriteString(reply)
}

func TestQueryDark(t *testing.T) {
	tests := []struct {
		name     string
		reply    string
		dark, ok bool
	}{
		{"dark", "\x1b]11;rgb:1e1e/1e1e/2e2e\a\x1b[1;1R", true, true},
		{"light", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, true},
		{"position only", "\x1b[5;1R", false, false},
		{"no answer", "", false, false},
	}
	for _, tt := range tests {
		ptm, tty := openPTY(t)
		if tt.reply != "" {
			go answer(ptm, tt.reply)
		}
		dark, ok := queryDark(tty, tty, bgTimeout)
		if dark != tt.dark || ok != tt.ok {
			t.Errorf("%s: queryDark = %v, %v; want %v, %v", tt.name, dark, ok, tt.dark, tt.ok)
		}
	}
}

// BenchmarkQueryNoAnswer is the wait on a terminal that answers nothing:
// bgTimeout, then dark.
func BenchmarkQueryNoAnswer(b *testing.B) {
	_, tty := openPTY(b)
	for i := 0; i < b.N; i++ {
		queryDark(tty, tty, bgTimeout)
	}
}
