package server

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// handler composes the session middleware, outermost first: recover,
// logging, activeterm, the program. Unlike wish's recover.Middleware, which
// only protects the middleware passed into it, recover here is simply the
// outermost layer, so a panic anywhere in the chain is caught.
func (s *Server) handler() ssh.Handler {
	return compose(s.runProgram, s.recoverMiddleware, s.loggingMiddleware, s.activeTermMiddleware)
}

// compose returns h wrapped in mw, mw[0] outermost.
func compose(h ssh.Handler, mw ...wish.Middleware) ssh.Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// sessionStats is shared by the middleware of one session.
type sessionStats struct {
	mu     sync.Mutex
	reason string
}

func (st *sessionStats) setReason(r string) {
	st.mu.Lock()
	st.reason = r
	st.mu.Unlock()
}

func (st *sessionStats) getReason() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.reason
}

type statsKey struct{}

// statsOf returns the session's stats, set by the logging middleware (a
// throwaway value if there is none, so that inner handlers can run alone).
func statsOf(sess ssh.Session) *sessionStats {
	if st, ok := sess.Context().Value(statsKey{}).(*sessionStats); ok {
		return st
	}
	return &sessionStats{}
}

func (s *Server) recoverMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("panic in session", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(),
					"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				fmt.Fprint(sess, "\r\ndocsurvey: internal error, session closed\r\n")
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

func (s *Server) loggingMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		st := &sessionStats{}
		sess.Context().SetValue(statsKey{}, st)
		pty, _, _ := sess.Pty()
		w, h := ClampSize(pty.Window.Width, pty.Window.Height)
		key := "none"
		if pk := sess.PublicKey(); pk != nil {
			key = gossh.FingerprintSHA256(pk)
		}
		s.log.Info("session start", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(),
			"term", pty.Term, "width", w, "height", h, "key", key, "presenter", s.isPresenter(sess), "client", sess.Context().ClientVersion())
		defer func() {
			reason := st.getReason()
			if reason == "" {
				reason = reasonPanic // only a panic leaves the chain without a reason
			}
			s.log.Info("session end", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(),
				"duration", time.Since(start).Round(time.Millisecond), "reason", reason)
		}()
		next(sess)
	}
}

func (s *Server) activeTermMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			statsOf(sess).setReason(reasonNoPTY)
			fmt.Fprint(sess, "docsurvey needs an interactive terminal; connect with ssh -t\r\n")
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}
