package server

import (
	"container/list"
	"net"
	"strconv"
)

// pendingQueue holds the admitted connections that have not opened their
// session channel yet (still in the handshake, or authenticated and idle),
// oldest first. Its methods are called with limitListener.mu held.
type pendingQueue struct {
	l list.List
}

func (q *pendingQueue) len() int { return q.l.Len() }

func (q *pendingQueue) push(c *limitConn) { c.elem = q.l.PushBack(c) }

// oldest returns the connection admitted first, or nil.
func (q *pendingQueue) oldest() *limitConn {
	if e := q.l.Front(); e != nil {
		return e.Value.(*limitConn)
	}
	return nil
}

func (q *pendingQueue) remove(c *limitConn) {
	if c != nil && c.elem != nil {
		q.l.Remove(c.elem)
		c.elem = nil
	}
}

// ipKeyFunc returns the key under which per-IP limits count a remote
// address: the IPv4 address itself, and an IPv6 address masked to its
// first prefix bits (a /64 is what one home or one host is given, so
// limits on the full address are no limit at all).
func ipKeyFunc(prefix int) func(net.Addr) string {
	return func(a net.Addr) string {
		host := hostOf(a)
		ip := net.ParseIP(host)
		if ip == nil || ip.To4() != nil {
			return host
		}
		return ip.Mask(net.CIDRMask(prefix, 128)).String() + "/" + strconv.Itoa(prefix)
	}
}
