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
