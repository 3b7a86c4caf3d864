package server

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// A presenter does not count against the per-IP limit of their own
// address: the audience of a room behind one NAT may fill every slot of
// that address, and the presenter, on the same network, must still get in.
// Who presents is known only after authentication, and the per-IP limit is
// applied before it; so, with presenter keys, each address may have one
// connection over the cap (a spare slot) in the handshake. Once the
// session starts, a presenter's connection leaves the per-IP count
// altogether (it still counts in MaxSessions), and any other connection in
// the spare slot is refused with the usual "too many connections" line.

// slotKind is how a connection counts against its address.
type slotKind int

const (
	slotPerIP  slotKind = iota // within the per-IP cap
	slotSpare                  // over the cap, until the session shows who it is
	slotExempt                 // a presenter: not counted per IP
)

// spareFree reports whether ip may have a connection over the cap. The
// caller holds l.mu.
func (l *limitListener) spareFree(ip string) bool {
	return l.spareSlots && l.spares[ip] == 0
}

// takeSlot counts lc against its address. The caller holds l.mu.
func (l *limitListener) takeSlot(lc *limitConn) {
	if l.perIP[lc.ip] >= l.maxPerIP {
		lc.slot = slotSpare
		l.spares[lc.ip]++
		return
	}
	l.perIP[lc.ip]++
}

// dropSlot stops counting lc against its address. The caller holds l.mu.
func (l *limitListener) dropSlot(lc *limitConn) {
	switch lc.slot {
	case slotPerIP:
		if l.perIP[lc.ip]--; l.perIP[lc.ip] <= 0 {
			delete(l.perIP, lc.ip)
		}
	case slotSpare:
		if l.spares[lc.ip]--; l.spares[lc.ip] <= 0 {
			delete(l.spares, lc.ip)
		}
	}
	lc.slot = slotExempt
}

// settle decides lc's slot once its session knows who it is: a presenter
// is exempt; anyone else in the spare slot is over the cap. It reports
// whether the session may go on.
func (l *limitListener) settle(lc *limitConn, presenter bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, open := l.conns[lc]; !open {
		return true // closing anyway
	}
	if presenter {
		l.dropSlot(lc)
		return true
	}
	return lc.slot != slotSpare
}

// settleSlot applies settle to the session's connection, refusing a
// viewer over the per-IP cap with the usual line. It reports whether the
// session may go on.
func (s *Server) settleSlot(sess ssh.Session) bool {
	cs, _ := sess.Context().Value(connStateKey{}).(*connState)
	if cs == nil || cs.lc == nil {
		return true
	}
	if cs.lc.l.settle(cs.lc, s.isPresenter(sess)) {
		return true
	}
	s.log.Warn("connection rejected", "remote", sess.RemoteAddr().String(), "reason", msgTooManyIP)
	fmt.Fprint(sess, msgTooManyIP+"\r\n")
	_ = sess.Exit(1)
	return false
}

// presenterWho names the session's presenter: their key's fingerprint and
// its comment (or the fingerprint). Empty for the audience.
func (s *Server) presenterWho(sess ssh.Session) (id, name string) {
	if !s.isPresenter(sess) {
		return "", ""
	}
	k := sess.PublicKey()
	id = gossh.FingerprintSHA256(k)
	name = strings.TrimSpace(s.presenters[string(k.Marshal())].comment)
	if name == "" || len(name) > 64 || strings.ContainsFunc(name, unicode.IsControl) {
		name = id
	}
	return id, name
}
