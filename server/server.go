package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// ErrServerClosed is returned by Serve and ListenAndServe after Shutdown.
var ErrServerClosed = ssh.ErrServerClosed

// closeGrace is how long a connection whose session has ended is left for
// the client to close it before the server does.
const closeGrace = 2 * time.Second

// Server is a read-only SSH server of Bubble Tea sessions. Create it with New.
type Server struct {
	cfg         Config
	log         *log.Logger
	ssh         *ssh.Server
	fingerprint string
	hostSigner  gossh.Signer
	authorized  keySet // nil: anyone may view
	presenters  keySet // nil: nobody presents
	rate        *ipRate

	shutdown     chan struct{} // closed by Shutdown
	shutdownOnce sync.Once
	sessions     atomic.Int64 // sessions whose handler is running
	screens      sync.Map     // *screen of every running session

	mu sync.Mutex
	ln *limitListener
}

// handshakeTimeout is HandshakeTimeout; tests shorten it.
var handshakeTimeout = HandshakeTimeout

// connState is kept in each connection's context.
type connState struct {
	sessions atomic.Int32 // open session channels
	opened   atomic.Bool  // a session channel has been opened
	started  atomic.Bool  // a session handler (shell) has started
	timer    *time.Timer  // closes the connection if no session starts in time
	lc       *limitConn   // the admitted connection, nil outside Serve (presenterip.go)
}

type connStateKey struct{}

// New checks cfg, loads or creates the host key and the key files, and
// returns a server ready to Serve.
func New(cfg Config) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	signer, err := loadOrCreateHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:         cfg,
		log:         cfg.Logger,
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey()),
		hostSigner:  signer,
		rate:        newIPRate(cfg.RatePerIP, cfg.RateBurst),
		shutdown:    make(chan struct{}),
	}
	if cfg.AuthorizedKeysPath != "" {
		if s.authorized, err = readAuthorizedKeys(cfg.AuthorizedKeysPath); err != nil {
			return nil, err
		}
	}
	if cfg.PresenterKeysPath != "" {
		if s.presenters, err = readAuthorizedKeys(cfg.PresenterKeysPath); err != nil {
			return nil, err
		}
	}

	s.ssh = &ssh.Server{
		Addr:        cfg.Listen,
		Handler:     s.sessionHandler(s.handler()),
		HostSigners: []ssh.Signer{signer},
		Version:     "docsurvey",
		// Only "session" channels; no direct-tcpip, no forwarding requests,
		// no subsystems (sftp, scp -s): the zero values refuse them.
		ChannelHandlers:   map[string]ssh.ChannelHandler{"session": s.sessionChannel},
		RequestHandlers:   map[string]ssh.RequestHandler{},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{},
		PtyCallback:       func(ssh.Context, ssh.Pty) bool { return true },
		// A shell, never exec: "ssh host cmd" is refused.
		SessionRequestCallback: func(sess ssh.Session, typ string) bool {
			if typ == "shell" {
				return true
			}
			s.log.Info("refused", "what", typ, "command", logSafe(sess.RawCommand()), "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String())
			return false
		},
		ConnCallback:             s.onConn,
		ConnectionFailedCallback: s.onConnFailed,
		// Backstops under our own timeouts: these count any traffic.
		IdleTimeout: cfg.IdleTimeout + ConnGrace,
		MaxTimeout:  cfg.MaxTimeout + ConnGrace,
	}
	if err := s.ssh.SetOption(ssh.EmulatePty()); err != nil {
		return nil, err
	}
	s.warnEmptyKeyFiles()
	s.setAuth()
	return s, nil
}

// setAuth installs the authentication handlers.
//
// With an allowlist, its keys and the presenter keys may log in. With
// presenter keys and no allowlist, every key may log in (as audience unless
// it is a presenter key), and so may a client without a key, through a
// keyboard-interactive exchange with no questions; "none" is not offered,
// because OpenSSH would take it before trying its keys and no presenter
// could ever log in. With neither, no authentication at all.
//
// Who presents is never decided here: these handlers also run for keys that
// are merely offered (the public-key query), not proven. It is decided
// after the handshake from the key the connection authenticated with (see
// isPresenter).
func (s *Server) setAuth() {
	switch {
	case s.authorized != nil:
		s.ssh.PublicKeyHandler = func(ctx ssh.Context, key ssh.PublicKey) bool {
			ok := s.authorized.allows(key, ctx.RemoteAddr()) || s.presenters.allows(key, ctx.RemoteAddr())
			if !ok {
				s.log.Debug("key not authorized", "user", logSafe(ctx.User()), "remote", ctx.RemoteAddr().String(), "key", gossh.FingerprintSHA256(key))
			}
			return ok
		}
	case s.presenters != nil:
		s.ssh.PublicKeyHandler = func(ssh.Context, ssh.PublicKey) bool { return true }
		s.ssh.KeyboardInteractiveHandler = func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
	}
}

// isPresenter reports whether the session's connection authenticated with
// a presenter key. ssh.Session.PublicKey is set after the handshake from
// the permissions of the key whose signature the server verified, never
// from a key only offered, so a client that offers the presenter's public
// key without its private key and then logs in with its own key is
// audience.
func (s *Server) isPresenter(sess ssh.Session) bool {
	return s.presenters.allows(sess.PublicKey(), sess.RemoteAddr())
}

// Fingerprint returns the SHA256 fingerprint of the host key, as ssh shows it.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Addr returns the address the server listens on, or nil before Serve.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// openConns reports the admitted connections still open.
func (s *Server) openConns() int {
	s.mu.Lock()
	lim := s.ln
	s.mu.Unlock()
	if lim == nil {
		return 0
	}
	return lim.open()
}

// ListenAndServe listens on Config.Listen and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve serves connections from ln until Shutdown, after which it returns
// ErrServerClosed. It closes ln. A Server serves one listener.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.ln != nil {
		s.mu.Unlock()
		_ = ln.Close()
		return errors.New("server: Serve called twice")
	}
	if s.cfg.ProxyProtocol {
		ln = newProxyListener(ln, func(remote, reason string) {
			s.log.Warn("connection rejected", "remote", remote, "reason", reason)
		})
	}
	s.ln = newLimitListener(ln, listenerLimits{
		maxTotal: s.cfg.MaxSessions, maxPerIP: s.cfg.MaxPerIP, maxPending: s.cfg.MaxPending,
		ipKey: ipKeyFunc(s.cfg.IPv6Prefix),
	}, s.rate, s.hostSigner, func(remote, reason string) {
		s.log.Warn("connection rejected", "remote", remote, "reason", reason)
	})
	s.ln.spareSlots = s.presenters != nil
	lim := s.ln
	s.mu.Unlock()
	select {
	case <-s.shutdown:
		_ = ln.Close()
		return ErrServerClosed
	default:
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "host-key", s.fingerprint,
		"max-sessions", s.cfg.MaxSessions, "max-per-ip", s.cfg.MaxPerIP,
		"idle-timeout", s.cfg.IdleTimeout, "max-timeout", s.cfg.MaxTimeout,
		"allowlist", s.authorized != nil, "presenter-keys", len(s.presenters), "proxy-protocol", s.cfg.ProxyProtocol)
	err := s.ssh.Serve(lim)
	select {
	case <-s.shutdown:
		return ErrServerClosed
	default:
		return err
	}
}

// Shutdown stops accepting connections, ends every session with the line
// "server is shutting down", and waits for the sessions to end until ctx is
// done. Then it closes every connection that is left and returns: nil if
// every session ended in time, ctx.Err() otherwise. It returns at most about
// half a second after ctx's deadline.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdownOnce.Do(func() { close(s.shutdown) })
	s.mu.Lock()
	lim := s.ln
	s.mu.Unlock()
	if lim != nil {
		lim.stopAdmitting()
		_ = lim.Close() // the net.Listener; Serve then returns
	}

	err := s.waitSessions(ctx)
	left := s.sessions.Load()
	_ = s.ssh.Close()
	if lim != nil {
		lim.closeAll()
	}
	// Closing the connections unblocks any session still writing; give
	// them a moment to unwind so callers see a quiet server.
	wctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_ = s.waitSessions(wctx)
	if err != nil {
		s.log.Warn(fmt.Sprintf("closed %d sessions that did not end in time", left))
	}
	return err
}

func (s *Server) waitSessions(ctx context.Context) error {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for s.sessions.Load() > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// Close closes the listener and every connection at once, without telling
// the viewers.
func (s *Server) Close() error {
	s.shutdownOnce.Do(func() { close(s.shutdown) })
	err := s.ssh.Close()
	s.mu.Lock()
	lim := s.ln
	s.mu.Unlock()
	if lim != nil {
		lim.stopAdmitting()
		_ = lim.Close()
		lim.closeAll()
	}
	return err
}

// onConn runs for each admitted connection before the handshake: it starts
// the timer that closes the connection if it has not opened its session
// channel within Config.PreAuthTimeout, or started its shell within
// HandshakeTimeout.
func (s *Server) onConn(ctx ssh.Context, conn net.Conn) net.Conn {
	cs := &connState{}
	cs.lc, _ = conn.(*limitConn)
	preAuth := min(s.cfg.PreAuthTimeout, handshakeTimeout)
	closeIt := func(limit time.Duration) {
		s.log.Info("connection closed", "remote", conn.RemoteAddr().String(), "reason", "no session within "+limit.String())
		_ = conn.Close()
	}
	admitted := time.Now()
	cs.timer = time.AfterFunc(preAuth, func() {
		switch rest := handshakeTimeout - time.Since(admitted); {
		case cs.started.Load():
		case !cs.opened.Load():
			closeIt(preAuth)
		case rest > 0:
			cs.timer.Reset(rest) // a late callback sees started and does nothing
		default:
			closeIt(handshakeTimeout)
		}
	})
	ctx.SetValue(connStateKey{}, cs)
	context.AfterFunc(ctx, func() { cs.timer.Stop() }) // cancelled when the connection closes
	if !s.cfg.ProxyProtocol {
		return refuseProxyHeader(conn)
	}
	return conn
}

func (s *Server) onConnFailed(conn net.Conn, err error) {
	s.log.Info("connection rejected", "remote", conn.RemoteAddr().String(), "reason", err.Error())
}

// sessionChannel accepts one session channel at a time per connection.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	cs, _ := ctx.Value(connStateKey{}).(*connState)
	select {
	case <-s.shutdown:
		_ = newChan.Reject(gossh.Prohibited, "server is shutting down")
		return
	default:
	}
	if cs == nil || cs.sessions.Add(1) > 1 {
		if cs != nil {
			cs.sessions.Add(-1)
		}
		_ = newChan.Reject(gossh.ResourceShortage, "one session per connection")
		return
	}
	defer cs.sessions.Add(-1)
	cs.opened.Store(true)
	if cs.lc != nil {
		cs.lc.l.established(cs.lc)
	}
	remote := conn.RemoteAddr().String()
	bounded := boundedChannel{NewChannel: newChan, onDrop: func(kind string) {
		s.log.Warn("requests ignored", "what", kind, "remote", remote, "why", "over the session's limits or never offered")
	}}
	ssh.DefaultSessionHandler(srv, conn, bounded, ctx)
}

// sessionHandler counts running sessions for Shutdown and closes the
// connection once its session is over (one session per connection).
func (s *Server) sessionHandler(h ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if cs, ok := sess.Context().Value(connStateKey{}).(*connState); ok {
			cs.started.Store(true)
			cs.timer.Stop()
		}
		s.sessions.Add(1)
		if s.settleSlot(sess) {
			h(sess)
		}
		_ = sess.Exit(0) // no-op if the chain already exited
		s.sessions.Add(-1)

		// Let the client close first, so that nothing it sent is still
		// unread when we close (which would reset the connection and could
		// lose our last lines), then close it ourselves.
		t := time.NewTimer(closeGrace)
		defer t.Stop()
		select {
		case <-sess.Context().Done():
		case <-t.C:
			if c, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
				_ = c.Close()
			}
		}
	}
}

// Stalled returns how many sessions are waiting on a viewer who has stopped
// reading (a write held up for over half a second). Such a session holds
// only its own screen writer: its program, and every other session, go on.
func (s *Server) Stalled() int {
	n := 0
	s.screens.Range(func(k, _ any) bool {
		if k.(*screen).stalled() {
			n++
		}
		return true
	})
	return n
}
