package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/dataset"
)

// serveBin is the docsurvey binary for these tests, built once on demand
// (binary_test.go's is in the external test package).
var serveBin = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "docsurvey-nats-test")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "docsurvey")
	out, err := exec.Command("go", "build", "-o", path, "../cmd/docsurvey").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("building docsurvey: %v\n%s", err, out)
	}
	return path, nil
})

// binary returns serveBin, failing t if it cannot be built.
func binary(t *testing.T) string {
	t.Helper()
	path, err := serveBin()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// serveProc is a docsurvey serve process.
type serveProc struct {
	cmd    *exec.Cmd
	addr   string
	mu     sync.Mutex
	stderr strings.Builder
}

func (p *serveProc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

var servingOn = regexp.MustCompile(`serving on (\S+);`)

// startServe runs the binary's serve with args on a free loopback port and
// waits until it listens. It is killed when the test ends.
func startServe(t *testing.T, args ...string) *serveProc {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"serve", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProc{cmd: cmd}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("serve's stderr:\n%s", p.log())
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			p.mu.Lock()
			p.stderr.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			if m := servingOn.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		_, _ = io.Copy(io.Discard, pipe)
	}()
	select {
	case p.addr = <-found:
	case <-time.After(20 * time.Second):
		t.Fatalf("serve did not start; stderr:\n%s", p.log())
	}
	return p
}

// ran is what one run of the binary did.
type ran struct {
	code   int
	stderr string
}

// runBinary runs the binary to its end.
func runBinary(t *testing.T, args ...string) ran {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var errb strings.Builder
	cmd.Stderr = &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ran{ee.ExitCode(), errb.String()}
	case err != nil:
		t.Fatal(err)
	}
	return ran{0, errb.String()}
}

// deadNATS is the URL of a port nothing listens on.
func deadNATS(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return "nats://" + addr
}

func TestServeNATSUnreachableAtStart(t *testing.T) {
	cl := startCluster(t)
	url := deadNATS(t)
	r := runBinary(t, "serve", "--listen", "127.0.0.1:0", "--host-key", cl.hostK, "--presenter-key", cl.keys, "--nats", url)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot connect to NATS at "+url) || !strings.Contains(r.stderr, "--nats-optional") {
		t.Fatalf("exit %d, stderr %q; want exit 1 and a clear error", r.code, r.stderr)
	}
	// DOCSURVEY_NATS is --nats, as every serve flag has its variable.
	env := exec.Command(binary(t), "serve", "--listen", "127.0.0.1:0", "--host-key", cl.hostK, "--presenter-key", cl.keys)
	env.Env = append(os.Environ(), "DOCSURVEY_NATS="+url)
	out, err := env.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != ExitFailure || !strings.Contains(string(out), "cannot connect to NATS at "+url) {
		t.Fatalf("DOCSURVEY_NATS: %v, %q; want exit 1 and the NATS error", err, out)
	}
	p := startServe(t, "--host-key", cl.hostK, "--presenter-key", cl.keys, "--nats", url, "--nats-optional")
	if !strings.Contains(p.log(), "warning: cannot connect to NATS at "+url) || !strings.Contains(p.log(), "presenting in this process only") {
		t.Fatalf("no warning with --nats-optional:\n%s", p.log())
	}
	v := joinAs(t, p.addr, "f", "main", newSigner(t), 100, 30, false)
	v.waitFor(t, 0, "waiting for the presenter") // serves, in process
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve --nats-optional ended with %v after SIGTERM, want exit 0", err)
	}
}

func TestServeNATSFlagsChecked(t *testing.T) {
	cl := startCluster(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--nats", cl.ns.URL()}, "--nats needs --presenter-key"},
		{[]string{"--nats-optional"}, "need --nats"},
		{[]string{"--presenter-key", cl.keys, "--nats", cl.ns.URL(), "--nats-replicas", "0"}, "--nats-replicas 0: 1 to 5"},
		{[]string{"--presenter-key", cl.keys, "--nats", cl.ns.URL(), "--host-key", filepath.Join(t.TempDir(), "missing")}, "every replica needs the same one"},
		{[]string{"--presenter-key", cl.keys, "--rooms", "talk1,Bad.Room"}, `room name "Bad.Room"`},
		{[]string{"--presenter-key", cl.keys, "--room", strings.Repeat("a", 33)}, "at most 32"},
	} {
		r := runBinary(t, append([]string{"serve", "--listen", "127.0.0.1:0"}, tc.args...)...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestKilledReplicaProcess(t *testing.T) {
	cl := startCluster(t)
	args := []string{"--host-key", cl.hostK, "--presenter-key", cl.keys, "--nats", cl.ns.URL()}
	a, b := startServe(t, args...), startServe(t, args...)
	p := joinAs(t, a.addr, "alice", "main", cl.alice, 100, 30, false)
	p.waitFor(t, 0, "presenting")
	fa, fb := joinAs(t, a.addr, "fa", "main", newSigner(t), 100, 30, false), joinAs(t, b.addr, "fb", "main", newSigner(t), 100, 30, false)
	fa.waitFor(t, 0, "following the presenter")
	fb.waitFor(t, 0, "following the presenter")
	pressAll(t, p, "3", []*sshTerm{fa, fb}, dataset.ViewBenefits)
	_ = a.cmd.Process.Kill() // SIGKILL: nothing released, the lease outlives it
	_ = a.cmd.Wait()
	// The presenter reconnects to b with the same key: the room is theirs
	// at once, not after the lease expires, and the talk goes on where it was.
	p2 := joinAs(t, b.addr, "alice-again", "main", cl.alice, 100, 30, false)
	p2.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	p2.waitFor(t, 0, "presenting")
	// a's follower reconnects to b and lands on the current screen.
	fa2 := joinAs(t, b.addr, "fa-again", "main", newSigner(t), 100, 30, false)
	fa2.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	pressAll(t, p2, "5", []*sshTerm{fb, fa2}, dataset.ViewPrivacy)
}
