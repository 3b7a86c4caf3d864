package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

func TestClampSize(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{
		{80, 24, 80, 24},
		{0, 0, 1, 1},
		{-5, -1, 1, 1},
		{1 << 31, 1 << 31, MaxCols, MaxRows},
		{1000, 500, 1000, 500},
		{1001, 501, 1000, 500},
	} {
		if w, h := ClampSize(c.w, c.h); w != c.ww || h != c.wh {
			t.Errorf("ClampSize(%d, %d) = %d, %d; want %d, %d", c.w, c.h, w, h, c.ww, c.wh)
		}
	}
}

func TestFirstFrameKeysAndResize(t *testing.T) {
	ts := startServer(t, nil)
	v := mustDial(t, ts.addr, 80, 24)
	// The client never answers terminal queries; the first frame must still come.
	d := v.waitFor(t, "hello 80x24 n=0")
	t.Logf("first frame after %v (dial included)", d)
	if d > 3*time.Second {
		t.Errorf("first frame took %v", d)
	}
	// The background is asked once, as the session starts, by the screen;
	// the frame does not wait for the answer here (fakeModel never does).
	if out := v.out.String(); strings.Count(out, "\x1b]11;?") != 1 || !strings.HasPrefix(out, "\x1b]11;?") {
		t.Errorf("the server must ask the background colour once, first: %q", out)
	}

	v.send(t, "+")
	v.waitFor(t, "hello 80x24 n=1")
	v.send(t, "++")
	v.waitFor(t, "hello 80x24 n=3")

	if err := v.sess.WindowChange(40, 100); err != nil {
		t.Fatal(err)
	}
	v.waitFor(t, "hello 100x40 n=3")

	v.send(t, "q")
	if code := v.waitEnd(t); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	ts.waitLog(t, "reason=quit")
}

func TestHugeWindowIsClamped(t *testing.T) {
	ts := startServer(t, nil)
	v := mustDial(t, ts.addr, 1<<31, 1<<31-1) // the PTY request itself
	v.waitFor(t, fmt.Sprintf("hello %dx%d", MaxCols, MaxRows))
	if err := v.sess.WindowChange(10, 1<<31); err != nil {
		t.Fatal(err)
	}
	v.waitFor(t, fmt.Sprintf("hello %dx10", MaxCols))
	if err := v.sess.WindowChange(0, 30); err != nil {
		t.Fatal(err)
	}
	v.waitFor(t, "hello 30x1")

	other := mustDial(t, ts.addr, 80, 24)
	other.waitFor(t, "hello 80x24")
}

func TestAuthorizedKeys(t *testing.T) {
	allowed, allowedLine := newKey(t)
	stranger, _ := newKey(t)
	path := filepath.Join(t.TempDir(), "authorized_keys")
	content := "# viewers\n\n" + allowedLine
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.AuthorizedKeysPath = path })

	if _, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(stranger))); err == nil {
		t.Fatal("unknown key got in")
	}
	if _, err := dial(ts.addr, 80, 24, clientConfig()); err == nil {
		t.Fatal("client without a key got in")
	}
	v, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(allowed)))
	if err != nil {
		t.Fatalf("allowed key refused: %v", err)
	}
	t.Cleanup(v.close)
	v.waitFor(t, "hello 80x24")
	if !strings.Contains(ts.logs.String(), gossh.FingerprintSHA256(allowed.PublicKey())) {
		t.Error("session start does not log the key fingerprint")
	}
}

func TestAuthorizedKeysBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte("ssh-ed25519 not-base64!\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := New(Config{HostKeyPath: filepath.Join(t.TempDir(), "k"), AuthorizedKeysPath: path,
		NewModel: func(SessionInfo) tea.Model { return &fakeModel{} }})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q:1", path)) {
		t.Fatalf("New with a bad authorized_keys: err = %v, want one naming %s:1", err, path)
	}
}

func TestMaxSessions(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 2 })
	a := mustDial(t, ts.addr, 80, 24)
	b := mustDial(t, ts.addr, 80, 24)
	a.waitFor(t, "hello")
	b.waitFor(t, "hello")

	// A raw client reads the line before the SSH version; an SSH client (as
	// OpenSSH, which shows no such line) is told in its session.
	if got := rawBanner(t, ts.addr, ""); !strings.HasPrefix(got, msgServerFull+"\r\nSSH-2.0-docsurvey") {
		t.Errorf("third connection got %q, want the server-full line before the SSH version", got)
	}
	expectRefused(t, ts.addr, "", msgServerFull)
	ts.waitLog(t, "connection rejected")

	// A slot frees up when a viewer leaves.
	a.send(t, "q")
	a.waitEnd(t)
	a.close()
	// Until the server notices, a new viewer may still be told it is full.
	deadline := time.Now().Add(5 * time.Second)
	for {
		v, err := dial(ts.addr, 80, 24, nil)
		if err == nil {
			if reached := v.waitEither("hello", msgServerFull); reached == "hello" {
				t.Cleanup(v.close)
				break
			}
			v.close()
		}
		if time.Now().After(deadline) {
			t.Fatalf("slot never freed: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMaxPerIP(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxPerIP = 1 })
	a := mustDial(t, ts.addr, 80, 24)
	a.waitFor(t, "hello")
	expectRefused(t, ts.addr, "127.0.0.1", msgTooManyIP)
	// Another address on the loopback network is still welcome.
	got := make(chan string, 1)
	go func() { got <- rawBanner(t, ts.addr, "127.0.0.2") }()
	select {
	case s := <-got:
		if !strings.HasPrefix(s, "SSH-2.0-docsurvey") {
			t.Errorf("connection from 127.0.0.2 got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Error("no answer for 127.0.0.2")
	}
}

func TestRateLimit(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.RatePerIP, c.RateBurst = 0.001, 2 })
	for i := range 2 {
		v := mustDial(t, ts.addr, 80, 24)
		v.waitFor(t, "hello")
		v.close()
		_ = i
	}
	expectRefused(t, ts.addr, "", msgRateLimited)
}

func TestIdleTimeoutCountsInputOnly(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.IdleTimeout = time.Second
		c.NewModel = func(info SessionInfo) tea.Model {
			return &fakeModel{w: info.Width, h: info.Height, tick: true} // redraws every 50ms
		}
	})
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello")
	// Typing keeps it alive well past the idle timeout.
	for range 20 {
		time.Sleep(100 * time.Millisecond)
		v.send(t, "+")
	}
	v.waitFor(t, "n=20")
	select {
	case err := <-v.waited:
		t.Fatalf("session ended while typing: %v", err)
	default:
	}
	// Our own redraws do not; stopping typing ends it.
	start := time.Now()
	if code := v.waitEnd(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
	t.Logf("ended %v after the last key", time.Since(start))
	v.waitFor(t, "closed after 1s without input")
	ts.waitLog(t, `reason="idle timeout"`)
}

func TestMaxTimeout(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxTimeout = 300 * time.Millisecond })
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello")
	stop := make(chan struct{})
	go func() { // keep typing: the limit is absolute
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				_, _ = v.stdin.Write([]byte("+"))
			}
		}
	}()
	v.waitEnd(t)
	close(stop)
	v.waitFor(t, "session time limit (300ms) reached")
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, nil)
	bystander := mustDial(t, ts.addr, 80, 24)
	bystander.waitFor(t, "hello")

	for _, key := range []string{"p", "v", "c", "s"} {
		v := mustDial(t, ts.addr, 80, 24)
		v.waitFor(t, "hello")
		v.send(t, key)
		if code := v.waitEnd(t); code != 1 {
			t.Errorf("key %q: exit status %d, want 1", key, code)
		}
		v.waitFor(t, "internal error")
	}
	bystander.send(t, "+")
	bystander.waitFor(t, "n=1")
	for _, want := range []string{"panic in session", "fake model panics on p", "fake view panics", "reason=panic"} {
		ts.waitLog(t, want)
	}
	after := mustDial(t, ts.addr, 80, 24)
	after.waitFor(t, "hello")
}

func TestPanicInFactory(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.NewModel = func(info SessionInfo) tea.Model {
			if info.Width == 13 {
				panic("factory panics")
			}
			return &fakeModel{w: info.Width, h: info.Height}
		}
	})
	v := mustDial(t, ts.addr, 13, 24)
	if code := v.waitEnd(t); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	ok := mustDial(t, ts.addr, 80, 24)
	ok.waitFor(t, "hello")
	ts.waitLog(t, "factory panics")
}

func TestRefusesExecAndNoPTY(t *testing.T) {
	ts := startServer(t, nil)
	client, sess := openSession(t, ts.addr)
	if err := sess.Run("cat /etc/passwd"); err == nil {
		t.Error("exec was accepted")
	}
	sess.Close()

	// The first session is over, so a second one is allowed (once the
	// server has seen the close).
	deadline := time.Now().Add(5 * time.Second)
	for {
		s, err := client.NewSession()
		if err == nil {
			s.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no second session after the first closed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if ok, _, _ := client.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0})); ok {
		t.Error("remote forwarding was accepted")
	}
	if _, err := client.Dial("tcp", "127.0.0.1:22"); err == nil {
		t.Error("port forwarding was accepted")
	}

	_, s2 := openSession(t, ts.addr)
	out := &syncBuffer{}
	s2.Stdout, s2.Stderr = out, out
	if err := s2.Shell(); err != nil { // a shell without a PTY
		t.Fatal(err)
	}
	err := s2.Wait()
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || !strings.Contains(out.String(), "interactive terminal") {
		t.Errorf("shell without PTY: out %q err %v", out, err)
	}

	_, sub := openSession(t, ts.addr)
	if err := sub.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp subsystem accepted")
	}
}

func TestOneSessionPerConnection(t *testing.T) {
	ts := startServer(t, nil)
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello")
	if _, err := v.client.NewSession(); err == nil {
		t.Error("second concurrent session on one connection was accepted")
	}
}

func TestShutdownEndsSessions(t *testing.T) {
	ts := startServer(t, nil)
	a := mustDial(t, ts.addr, 80, 24)
	b := mustDial(t, ts.addr, 80, 24)
	a.waitFor(t, "hello")
	b.waitFor(t, "hello")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	if err := ts.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	t.Logf("Shutdown took %v", time.Since(start))
	for _, v := range []*viewer{a, b} {
		v.waitEnd(t)
		v.waitFor(t, "server is shutting down")
	}
	select {
	case err := <-ts.served:
		if !errors.Is(err, ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
		ts.served <- err // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("Serve still running")
	}
	if _, err := dial(ts.addr, 80, 24, nil); err == nil {
		t.Error("connected after Shutdown")
	}
}

func TestShutdownDeadlineWithStuckSession(t *testing.T) {
	ts := startServer(t, nil)
	stuck := mustDial(t, ts.addr, 80, 24)
	stuck.waitFor(t, "hello")
	stuck.send(t, "b") // Update blocks until the test ends
	time.Sleep(100 * time.Millisecond)

	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := ts.Shutdown(ctx)
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want deadline exceeded", err)
	}
	if took > 500*time.Millisecond+time.Second {
		t.Errorf("Shutdown took %v, want at most deadline + 1s", took)
	}
	t.Logf("Shutdown took %v", took)
	select { // the connection was closed under the stuck program
	case <-stuck.waited:
	case <-time.After(5 * time.Second):
		t.Error("stuck viewer still connected")
	}
}

func TestRunUntilSignal(t *testing.T) {
	ts := startServer(t, nil)
	// startServer already serves; use a second server for RunUntilSignal.
	_ = ts
	srv, err := New(Config{HostKeyPath: filepath.Join(t.TempDir(), "k"), RatePerIP: -1,
		NewModel: func(i SessionInfo) tea.Model { return &fakeModel{w: i.Width, h: i.Height} },
		Logger:   ts.log})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- RunUntilSignal(ctx, srv, ln, 2*time.Second) }()
	v := mustDial(t, ln.Addr().String(), 80, 24)
	v.waitFor(t, "hello")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunUntilSignal: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("RunUntilSignal did not return within the deadline + 1s")
	}
	v.waitFor(t, "server is shutting down")
}

// TestRunUntilSignalStuckSession: a session still running at the deadline
// is closed with a warning, and RunUntilSignal reports no error.
func TestRunUntilSignalStuckSession(t *testing.T) {
	logs := &syncBuffer{}
	release := make(chan struct{})
	defer close(release)
	srv, err := New(Config{HostKeyPath: filepath.Join(t.TempDir(), "k"), RatePerIP: -1,
		NewModel: func(i SessionInfo) tea.Model { return &fakeModel{w: i.Width, h: i.Height, release: release} },
		Logger:   log.New(logs)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- RunUntilSignal(ctx, srv, ln, 300*time.Millisecond) }()
	v := mustDial(t, ln.Addr().String(), 80, 24)
	v.waitFor(t, "hello")
	v.send(t, "b") // Update blocks until release
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunUntilSignal with a stuck session: %v, want nil", err)
		}
	case <-time.After(300*time.Millisecond + 2*time.Second):
		t.Fatal("RunUntilSignal did not return within the deadline + 2s")
	}
	if !strings.Contains(logs.String(), "closed 1 sessions that did not end in time") {
		t.Errorf("no warning about the session closed at the deadline; log:\n%s", logs.String())
	}
}

func TestPresenterKeysParsed(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "presenters")
	_, line := newKey(t)
	if err := os.WriteFile(good, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	mk := func(p string) error {
		_, err := New(Config{HostKeyPath: filepath.Join(dir, "host"), PresenterKeysPath: p,
			NewModel: func(SessionInfo) tea.Model { return &fakeModel{} }})
		return err
	}
	if err := mk(good); err != nil {
		t.Errorf("good presenter keys: %v", err)
	}
	if err := mk(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing presenter keys file accepted")
	}
}

func TestHandshakeTimeout(t *testing.T) {
	old := handshakeTimeout
	handshakeTimeout = 300 * time.Millisecond
	t.Cleanup(func() { handshakeTimeout = old })
	ts := startServer(t, nil)

	// Authenticated, but never starts a session.
	client, err := gossh.Dial("tcp", ts.addr, clientConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	closed := make(chan error, 1)
	go func() { closed <- client.Wait() }()

	// Connected, but never speaks SSH.
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetReadDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 256)
	var rerr error
	for rerr == nil {
		_, rerr = raw.Read(buf)
	}
	if ne, ok := rerr.(net.Error); ok && ne.Timeout() {
		t.Error("silent connection was not closed")
	}
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Error("connection without a session was not closed")
	}
	ts.waitLog(t, "no session within 300ms")
}
