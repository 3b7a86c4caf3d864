package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalEndsASlowRead: reading a data file from a pipe that never
// ends (a slow /dev/stdin) ends on SIGINT or SIGTERM with exit 1 and one
// line, instead of waiting forever.
func TestSignalEndsASlowRead(t *testing.T) {
	for _, tc := range []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"validate", "-"}, syscall.SIGINT},
		{[]string{"--data", "/dev/stdin", "views"}, syscall.SIGTERM},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close() // open and silent until the end
			cmd := exec.Command(bin, tc.args...)
			cmd.Stdin = r
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			_ = r.Close()
			time.Sleep(300 * time.Millisecond)
			_ = cmd.Process.Signal(tc.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("the read did not end on the signal")
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("ended with %v, want exit status 1", err)
			}
			if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "interrupted") {
				t.Errorf("stderr %q, want one line saying interrupted", got)
			}
		})
	}
}
