package server

import (
	"charm.land/ssh"
)

// sessionEnviron returns the session's environment as its viewer's
// terminal describes itself: the variables the client sent (COLORTERM,
// NO_COLOR, ... when its SendEnv/SetEnv allows) and the PTY's TERM.
func sessionEnviron(sess ssh.Session) []string {
	env := sess.Environ()
	if pty, _, ok := sess.Pty(); ok {
		env = append(env, "TERM="+pty.Term)
	}
	return env
}
