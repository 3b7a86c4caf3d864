package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// syncBuffer is a goroutine-safe bytes.Buffer.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// fakeModel renders "hello WxH n=N". Keys: "+" counts, "p" panics in
// Update, "v" makes View panic, "q" quits, "b" blocks Update until release
// is closed. With tick set it redraws every 50ms on its own.
type fakeModel struct {
	w, h    int
	n       int
	tick    bool
	ticks   int
	viewBad bool
	release chan struct{}
}

type tickMsg struct{}

func (m *fakeModel) Init() tea.Cmd {
	if m.tick {
		return tea.Tick(50*time.Millisecond, func(time.Time) tea.Msg { return tickMsg{} })
	}
	return nil
}

func (m *fakeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		_ = strings.Repeat(" ", m.w*m.h) // what a naive layout would allocate
	case tickMsg:
		m.ticks++
		return m, m.Init()
	case tea.KeyMsg:
		m.n += strings.Count(msg.String(), "+")
		switch msg.String() {
		case "p":
			panic("fake model panics on p")
		case "v":
			m.viewBad = true
		case "q":
			return m, tea.Quit
		case "b":
			<-m.release
		case "s":
			return m, tea.Sequence(func() tea.Msg { return nil }, func() tea.Msg { panic("sequence command panics") })
		case "c":
			return m, func() tea.Msg { panic("command panics") }
		}
	}
	return m, nil
}

func (m *fakeModel) View() tea.View { return tea.NewView(m.frame()) }

func (m *fakeModel) frame() string {
	if m.viewBad {
		panic("fake view panics")
	}
	s := fmt.Sprintf("hello %dx%d n=%d", m.w, m.h, m.n)
	if m.tick {
		s += fmt.Sprintf(" t=%d", m.ticks)
	}
	return s
}

type testServer struct {
	*Server
	addr   string
	logs   *syncBuffer
	served chan error
}

// startServer runs a server on a random loopback port with generous limits
// (unless mutate changes them) and shuts it down at the end of the test.
func startServer(t *testing.T, mutate func(*Config)) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	release := make(chan struct{})
	cfg := Config{
		HostKeyPath: t.TempDir() + "/keys/host_ed25519",
		MaxSessions: 50,
		MaxPerIP:    50,
		RatePerIP:   -1,
		Logger:      log.NewWithOptions(logs, log.Options{Level: log.DebugLevel}),
		NewModel: func(info SessionInfo) tea.Model {
			return &fakeModel{w: info.Width, h: info.Height, release: release}
		},
	}
	if mutate != nil {
		mutate(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: srv, addr: ln.Addr().String(), logs: logs, served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		select {
		case err := <-ts.served:
			if !errors.Is(err, ErrServerClosed) {
				t.Errorf("Serve returned %v, want ErrServerClosed", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Serve did not return after Shutdown")
		}
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	// Registered last, so it runs first: unblock stuck models before Shutdown.
	t.Cleanup(func() { close(release) })
	return ts
}

// viewer is one SSH client with a PTY and a shell.
type viewer struct {
	client  *gossh.Client
	sess    *gossh.Session
	stdin   io.WriteCloser
	out     *syncBuffer
	started time.Time
	waited  chan error
}

func clientConfig(auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "tester",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
}

// dial opens a session with a w×h PTY and a shell, or returns the error.
func dial(addr string, w, h int, cfg *gossh.ClientConfig) (*viewer, error) {
	if cfg == nil {
		cfg = clientConfig()
	}
	start := time.Now()
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	v := &viewer{client: client, sess: sess, out: &syncBuffer{}, started: start, waited: make(chan error, 1)}
	sess.Stdout = v.out
	sess.Stderr = v.out
	if v.stdin, err = sess.StdinPipe(); err != nil {
		client.Close()
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		client.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		client.Close()
		return nil, err
	}
	go func() { v.waited <- sess.Wait() }()
	return v, nil
}

// openSession logs in with no key and opens a session, without a PTY or a
// shell; the connection closes when the test ends.
func openSession(t *testing.T, addr string) (*gossh.Client, *gossh.Session) {
	t.Helper()
	client, err := gossh.Dial("tcp", addr, clientConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	return client, sess
}

func mustDial(t *testing.T, addr string, w, h int) *viewer {
	t.Helper()
	v, err := dial(addr, w, h, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(v.close)
	return v
}

func (v *viewer) close() { _ = v.client.Close() }

func (v *viewer) send(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(v.stdin, s); err != nil {
		t.Fatalf("send %q: %v", s, err)
	}
}

// waitFor waits up to 5s for the output to contain want.
func (v *viewer) waitFor(t *testing.T, want string) time.Duration {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(v.out.String(), want) {
			return time.Since(v.started)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("output never contained %q; got %q", want, v.out.String())
	return 0
}

// waitEither waits up to 5s for the output to contain a or b, and returns
// which ("" if neither).
func (v *viewer) waitEither(a, b string) string {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		out := v.out.String()
		switch {
		case strings.Contains(out, a):
			return a
		case strings.Contains(out, b):
			return b
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ""
}

// waitEnd waits up to 5s for the session to end and returns its exit status
// (-1 if it ended without one).
func (v *viewer) waitEnd(t *testing.T) int {
	t.Helper()
	select {
	case err := <-v.waited:
		var ee *gossh.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.ExitStatus()
		default:
			return -1
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("session did not end; output %q", v.out.String())
		return 0
	}
}

func newKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, string(gossh.MarshalAuthorizedKey(signer.PublicKey()))
}

// rawBanner connects with plain TCP (optionally from a local IP), sends an
// SSH version line and returns what the server sends up to and including
// its SSH version line (or until it closes).
func rawBanner(t *testing.T, addr, localIP string) string {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second}
	if localIP != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(localIP)}
	}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, _ = io.WriteString(c, "SSH-2.0-rawtest\r\n")
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	var b []byte
	buf := make([]byte, 512)
	for {
		n, err := c.Read(buf)
		b = append(b, buf[:n]...)
		if i := bytes.Index(b, []byte("SSH-")); err != nil || i >= 0 && bytes.Contains(b[i:], []byte("\n")) {
			if i >= 0 {
				if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
					b = b[:i+j+1]
				}
			}
			return string(b)
		}
	}
}

// expectRefused logs in as an SSH client would and checks that a refused
// connection is told want (the line an OpenSSH user sees), ends with exit
// status 1 and never reaches a model.
func expectRefused(t *testing.T, addr, localIP, want string) {
	t.Helper()
	cfg := clientConfig()
	d := net.Dialer{Timeout: 5 * time.Second}
	if localIP != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(localIP)}
	}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn, chans, reqs, err := gossh.NewClientConn(c, addr, cfg)
	if err != nil {
		t.Fatalf("refused client could not speak SSH to be told why: %v", err)
	}
	client := gossh.NewClient(conn, chans, reqs)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("refused client: no session: %v", err)
	}
	out := &syncBuffer{}
	sess.Stdout, sess.Stderr = out, out
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatalf("refused client: pty: %v", err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatalf("refused client: shell: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		var ee *gossh.ExitError
		if !errors.As(err, &ee) || ee.ExitStatus() != 1 {
			t.Errorf("refused session ended with %v, want exit status 1", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("refused session never ended; output %q", out.String())
	}
	if got := out.String(); !strings.Contains(got, want) || strings.Contains(got, "hello") {
		t.Errorf("refused session showed %q, want %q and no model", got, want)
	}
}

// waitLog waits up to 5s for the server log to contain want: the session
// end is logged just after the client sees the exit.
func (ts *testServer) waitLog(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(ts.logs.String(), want) {
		if time.Now().After(deadline) {
			t.Errorf("log never contained %q", want)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
