// Package tooltest finds the outside programs some tests drive as a
// person would (the OpenSSH client), so that every such test skips, or
// fails, the same way and says why.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// OpenSSH returns the path of the OpenSSH client. Without one the test is
// skipped, saying what to install, except under CI (CI set), where a
// missing client fails the test: CI's machine has it, and a real-SSH test
// that quietly skipped there would pass without testing anything.
func OpenSSH(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("ssh")
	if err == nil {
		return path
	}
	const why = "needs the OpenSSH client (ssh on PATH; Debian: apt-get install openssh-client)"
	if os.Getenv("CI") != "" {
		t.Fatal(why + "; CI must have it")
	}
	t.Skip(why)
	return ""
}

// Tmux returns the path of tmux, which the local-terminal tests drive as a
// person's terminal. Without it the test is skipped, saying what to
// install: the same behaviour is covered on a creack/pty terminal by the
// pty tests, so CI does not require it.
func Tmux(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("needs tmux, the terminal this test types into as a person would (tmux on PATH; Debian: apt-get install tmux)")
	}
	return path
}
