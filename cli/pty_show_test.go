//go:build unix

package cli_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// runOnPTY runs the binary with args on a 100x30 pseudo-terminal (its
// input, output and error), with env added to the test's environment,
// and returns all it wrote once it exits. Nothing is typed.
func runOnPTY(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	// CI cleared: a colour library takes any CI variable to mean "not a
	// terminal", which would make these tests pass without the terminal.
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=", "COLORFGBG=", "CI="), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	done := make(chan []byte, 1)
	go func() {
		var out bytes.Buffer
		_, err := io.Copy(&out, tty)
		if err != nil && !errors.Is(err, syscall.EIO) { // EIO: the program closed its side
			t.Errorf("reading the pty: %v", err)
		}
		done <- out.Bytes()
	}()
	select {
	case out := <-done:
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("%s did not end on a terminal", strings.Join(args, " "))
		return nil
	}
}

// TestShowTextColorOnATerminal runs show on a pseudo-terminal: color by
// default, none with NO_COLOR or --color never.
// TERM is tmux-256color, for which the terminal is not asked its background
// (nothing here would answer).
func TestShowTextColorOnATerminal(t *testing.T) {
	tests := []struct {
		env    []string
		args   string
		escape bool
	}{
		{nil, "show privacy", true},
		{[]string{"NO_COLOR=1"}, "show privacy", false},
		{nil, "show privacy --color never", false},
		{[]string{"TERM=dumb"}, "show privacy", false},
		{[]string{"NO_COLOR=1"}, "show privacy --color always", true},
	}
	for _, tt := range tests {
		out := runOnPTY(t, append([]string{"TERM=tmux-256color"}, tt.env...), strings.Fields(tt.args)...)
		if got := bytes.Contains(out, []byte("\x1b[")); got != tt.escape {
			t.Errorf("%v %s on a terminal: escape codes %v, want %v:\n%.300q", tt.env, tt.args, got, tt.escape, out)
		}
		if !bytes.Contains(out, []byte("What holds doctors back")) {
			t.Errorf("%v %s: no chart in the output:\n%.300q", tt.env, tt.args, out)
		}
	}
}

// TestNoTerminalQueryAtStartup runs commands on a pseudo-terminal that
// answers nothing, with a TERM for which a terminal library might ask the
// background colour. Bubble Tea v1 asked in its package init (and waited
// 5 s for an answer); v2 does no I/O at init, and the commands that print
// must never ask: no OSC 11 query may reach the terminal.
func TestNoTerminalQueryAtStartup(t *testing.T) {
	for _, args := range []string{"version", "views", "show benefits"} {
		out := runOnPTY(t, nil, strings.Fields(args)...)
		if bytes.Contains(out, []byte("\x1b]11;?")) {
			t.Errorf("%s asked the terminal for its background at startup:\n%.200q", args, out)
		}
		if len(bytes.TrimSpace(out)) == 0 {
			t.Errorf("%s printed nothing", args)
		}
	}
}
