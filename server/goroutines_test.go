//go:build unix

package server

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/internal/goroutines"
	"github.com/docsurvey/docsurvey/internal/tooltest"
)

// goroutinesPerSession is what an open, idle session may cost in
// goroutines: the SSH connection's (x/crypto's connection reader, packet
// reader and key exchange loop; charm ssh's connection, global request
// and session request handlers), the session's (the input reader, the
// request filter, the watch loop, the screen's writer) and the program's
// (Bubble Tea's event loop and command loop). Every goroutine is a stack
// the garbage collector scans on every cycle, for every session.
const goroutinesPerSession = 12

// TestGoroutinesPerIdleSession opens 10 sessions with OpenSSH's ssh (in
// processes of their own, so that only the server's goroutines count in
// this one), lets them settle, and checks each costs no more than
// goroutinesPerSession: waits on a connection's or session's end go
// through context.AfterFunc, not a goroutine each.
func TestGoroutinesPerIdleSession(t *testing.T) {
	sshPath := tooltest.OpenSSH(t)
	ts := startServer(t, nil)
	host, port, _ := net.SplitHostPort(ts.addr)
	base := goroutines.Settled()
	const n = 10
	var outs []string
	for i := range n {
		cmd := exec.Command(sshPath, "-tt", "-p", port, "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
			"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "PubkeyAuthentication=no", "viewer@"+host)
		// A file, not a buffer: os/exec copies into a buffer with a
		// goroutine of this process.
		out := filepath.Join(t.TempDir(), fmt.Sprintf("viewer%d", i))
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = f.Close() })
		cmd.Stdout, cmd.Stderr = f, f
		stdin, err := cmd.StdinPipe() // held open: the session stays idle
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = stdin.Close(); _ = cmd.Process.Kill(); _ = cmd.Wait() })
		outs = append(outs, out)
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, out := range outs {
		for b, _ := os.ReadFile(out); !strings.Contains(string(b), "hello"); b, _ = os.ReadFile(out) {
			if time.Now().After(deadline) {
				t.Fatalf("no first frame: %q", b)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	time.Sleep(stopTickerAfter + 700*time.Millisecond) // the frame ticker's stop has come and gone
	got := float64(goroutines.Settled()-base) / n
	t.Logf("%.1f goroutines per idle session", got)
	if got > goroutinesPerSession {
		t.Errorf("%.1f goroutines per idle session, want at most %d", got, goroutinesPerSession)
	}
}
