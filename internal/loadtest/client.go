package loadtest

import (
	"context"
	"fmt"
	"io"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// session is one SSH client with a PTY and a shell.
type session struct {
	start  time.Time
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *output
	done   chan struct{} // closed when the session ends
	// replica is the index of the server it reached in Config.addrs: 0
	// is Addr, the presenter's.
	replica int
}

func (s *session) ended() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// open logs in with auth (after "none", which a server without keys
// accepts) and starts a shell on a PTY.
func open(ctx context.Context, cfg Config, auth ...gossh.AuthMethod) (*session, error) {
	return openAt(ctx, cfg, cfg.Addr, auth...)
}

// openAt is open on the server at addr.
func openAt(ctx context.Context, cfg Config, addr string, auth ...gossh.AuthMethod) (*session, error) {
	s := &session{start: time.Now(), out: newOutput()}
	d := net.Dialer{Timeout: cfg.FrameTimeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(cfg.FrameTimeout))
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User:            cfg.User,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback only
	})
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("handshake: %w", err)
	}
	_ = conn.SetDeadline(time.Time{})
	s.client = gossh.NewClient(cc, chans, reqs)
	if s.sess, err = s.client.NewSession(); err != nil {
		s.client.Close()
		return nil, err
	}
	s.sess.Stdout = s.out
	s.sess.Stderr = s.out
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		s.client.Close()
		return nil, err
	}
	if !cfg.NoBackgroundAnswer {
		// A dark terminal's answer, as xterm gives it.
		s.out.onQuery = func() { _, _ = io.WriteString(s.stdin, "\x1b]11;rgb:0000/0000/0000\x1b\\") }
	}
	if err := s.sess.RequestPty("xterm-256color", cfg.Height, cfg.Width, gossh.TerminalModes{}); err != nil {
		s.client.Close()
		return nil, fmt.Errorf("pty: %w", err)
	}
	if err := s.sess.Shell(); err != nil {
		s.client.Close()
		return nil, fmt.Errorf("shell: %w", err)
	}
	s.done = make(chan struct{})
	go func() { _ = s.sess.Wait(); close(s.done) }()
	return s, nil
}

func (s *session) close() { _ = s.client.Close() }
