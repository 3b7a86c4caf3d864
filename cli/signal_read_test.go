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
//
// The signal is sent after a pause, when the program should be reading. On
// a loaded machine it can arrive before the program has installed its
// handler, and the runtime's default action kills it: that run tested
// nothing, so it is tried again with a longer pause.
func TestSignalEndsASlowRead(t *testing.T) {
	for _, tc := range []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"validate", "-"}, syscall.SIGINT},
		{[]string{"--data", "/dev/stdin", "views"}, syscall.SIGTERM},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			for _, pause := range []time.Duration{300 * time.Millisecond, time.Second, 3 * time.Second} {
				stderr, err := signalDuringRead(t, tc.args, tc.sig, pause)
				var ee *exec.ExitError
				if errors.As(err, &ee) && !ee.Exited() {
					t.Logf("killed by the signal before its handler was installed (pause %v); again", pause)
					continue
				}
				if !errors.As(err, &ee) || ee.ExitCode() != 1 {
					t.Errorf("ended with %v, want exit status 1", err)
				}
				if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "interrupted") {
					t.Errorf("stderr %q, want one line saying interrupted", stderr)
				}
				return
			}
			t.Fatal("every run was killed before the program installed its signal handler")
		})
	}
}

// signalDuringRead starts the binary with args on a pipe that stays open
// and silent, sends sig after pause, and returns its standard error and
// how it ended.
func signalDuringRead(t *testing.T, args []string, sig syscall.Signal, pause time.Duration) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close() // open and silent until the end
	cmd := exec.Command(bin, args...)
	cmd.Stdin = r
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_ = r.Close()
	time.Sleep(pause)
	_ = cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatal("the read did not end on the signal")
	}
	return stderr.String(), err
}
