package server

import (
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
	gossh "golang.org/x/crypto/ssh"
)

// openFDs counts the process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(ents)
}

// TestResourcesAfterThousandSessions runs 1,000 sessions over real SSH
// (x/crypto's client on loopback), 25 at a time: 650 that quit, 300 that
// drop their TCP connection abruptly (a reset, no SSH close) after their
// first frame, and 50 that connect and never speak; and three more through
// OpenSSH, killed mid-session. Then the server's file
// descriptors and goroutines must be back to their baseline, goleak clean.
//
//	go test ./server -run TestResourcesAfterThousandSessions -v
func TestResourcesAfterThousandSessions(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: opens and closes 1,000 sessions (about 5 s); the full run, and .ci/run, include it")
	}
	ts := startServer(t, func(c *Config) {
		c.MaxSessions, c.MaxPerIP, c.MaxPending = 200, 200, 100
		c.PreAuthTimeout = 5 * time.Second // closes the silent ones; room for -race handshakes
	})
	warm := mustDial(t, ts.addr, 80, 24)
	warm.waitFor(t, "hello")
	warm.close()
	settle(t, ts)
	baseFDs, baseG := openFDs(t), runtime.NumGoroutine()
	ignore := goleak.IgnoreCurrent()
	start := time.Now()

	const total, silent, abrupt, parallel = 1000, 50, 300, 25
	var wg sync.WaitGroup
	for i := range silent { // all at once: they only wait
		wg.Go(func() {
			if err := silentSession(ts.addr); err != nil {
				t.Errorf("silent session %d: %v", i, err)
			}
		})
	}
	openSSHSessions(t, ts.addr, 3) // a few through OpenSSH, killed mid-session
	jobs := make(chan int)
	for range parallel {
		wg.Go(func() {
			for i := range jobs {
				var err error
				switch {
				case i < abrupt:
					err = abruptSession(ts.addr)
				default:
					err = politeSession(ts.addr)
				}
				if err != nil {
					t.Errorf("session %d: %v", i, err)
				}
			}
		})
	}
	for i := range total - silent {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	settle(t, ts)
	elapsed := time.Since(start)
	goleak.VerifyNone(t, ignore)
	fds := openFDs(t)
	t.Logf("%d sessions (%d silent, %d abrupt) in %v; fds %d -> %d, goroutines %d -> %d",
		total, silent, abrupt, elapsed.Round(time.Millisecond), baseFDs, fds, baseG, runtime.NumGoroutine())
	if fds > baseFDs {
		t.Errorf("%d file descriptors open after the sessions, %d before", fds, baseFDs)
	}
}

// openSSHSessions runs n OpenSSH clients with a terminal, waits for each
// first frame and kills the client (SIGKILL: no SSH close), if ssh is
// installed.
func openSSHSessions(t *testing.T, addr string, n int) {
	t.Helper()
	sshPath, err := exec.LookPath("ssh")
	if err != nil {
		t.Log("no OpenSSH client: x/crypto sessions only")
		return
	}
	host, port, _ := net.SplitHostPort(addr)
	for i := range n {
		cmd := exec.Command(sshPath, "-tt", "-p", port, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-F", "/dev/null", "viewer@"+host)
		out := &syncBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String(), "hello") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if !strings.Contains(out.String(), "hello") {
			t.Errorf("OpenSSH session %d: no first frame: %q", i, out.String())
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = stdin.Close()
	}
}

// silentSession connects and never speaks: the server must close it.
func silentSession(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				return err // the server kept it open
			}
			return nil
		}
	}
}

// abruptSession logs in, waits for the first frame and resets the TCP
// connection.
func abruptSession(addr string) error {
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return err
	}
	conn, chans, reqs, err := gossh.NewClientConn(c, addr, clientConfig())
	if err != nil {
		c.Close()
		return err
	}
	client := gossh.NewClient(conn, chans, reqs)
	defer client.Close()
	v, err := shellOn(client)
	if err != nil {
		return err
	}
	if err := v.waitOut("hello"); err != nil {
		return err
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // a reset, as a dropped network does
	}
	return c.Close()
}

// politeSession logs in, waits for the first frame and quits.
func politeSession(addr string) error {
	v, err := dial(addr, 80, 24, nil)
	if err != nil {
		return err
	}
	defer v.close()
	if err := v.waitOut("hello"); err != nil {
		return err
	}
	if _, err := v.stdin.Write([]byte("q")); err != nil {
		return err
	}
	select {
	case <-v.waited:
		return nil
	case <-time.After(10 * time.Second):
		return errTimeout
	}
}

var errTimeout = &net.OpError{Op: "wait", Err: os.ErrDeadlineExceeded}

// shellOn opens a session with a PTY and a shell on client.
func shellOn(client *gossh.Client) (*viewer, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	v := &viewer{client: client, sess: sess, out: &syncBuffer{}, waited: make(chan error, 1)}
	sess.Stdout = v.out
	if v.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go func() { v.waited <- sess.Wait() }()
	return v, nil
}

// waitOut waits up to 10s for the output to contain want.
func (v *viewer) waitOut(want string) error {
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(v.out.String(), want) {
		if time.Now().After(deadline) {
			return errTimeout
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}
