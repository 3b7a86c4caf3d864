package server

import (
	"errors"
	"net"
	"sync"
	"time"

	"github.com/pires/go-proxyproto"
)

// The PROXY protocol (HAProxy's, versions 1 and 2) lets a TCP load
// balancer tell the server who the viewer is: it sends a header with the
// viewer's address before the SSH traffic. go-proxyproto parses it (both
// versions, TLVs, the LOCAL command of health checks); we only decide when
// and where it runs.
//
// With Config.ProxyProtocol, every connection must start with a header
// (one without is refused), and the header is read under the limit
// listener, so that MaxPerIP, the rate limit, the logs and SessionInfo all
// see the viewer's address, not the balancer's. Headers are read in a
// goroutine per connection, at most maxProxyPending at a time and each
// within proxyHeaderTimeout, so a connection that sends nothing cannot
// hold up the others. Without it, a connection that starts with a header
// is refused: a header from a client that reached the port directly must
// never pass for the viewer's address, nor be taken as SSH.
//
// Why not charm.land/ssh's EnableProxyProtocol: it wraps the listener
// handed to Serve, which here is the limit listener, so the per-IP limits
// and the rate limit would count the balancer's address; and its
// go-proxyproto listener takes a header when there is one and passes a
// connection without one, where a server behind a balancer must refuse it.

// proxyHeaderTimeout is how long a connection has to send its PROXY header.
var proxyHeaderTimeout = 5 * time.Second

// maxProxyPending bounds the connections whose header is being read.
const maxProxyPending = 256

// proxyListener returns connections whose PROXY header has been read: their
// RemoteAddr is the viewer's.
type proxyListener struct {
	net.Listener
	onReject func(remote, reason string)
	conns    chan net.Conn
	pending  chan struct{}
	done     chan struct{}
	once     sync.Once
	mu       sync.Mutex
	err      error
}

func newProxyListener(ln net.Listener, onReject func(remote, reason string)) *proxyListener {
	l := &proxyListener{Listener: ln, onReject: onReject, conns: make(chan net.Conn),
		pending: make(chan struct{}, maxProxyPending), done: make(chan struct{})}
	go l.acceptLoop()
	return l
}

// acceptLoop accepts raw connections and reads their headers until the
// listener fails or is closed.
func (l *proxyListener) acceptLoop() {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			l.fail(err)
			return
		}
		select {
		case l.pending <- struct{}{}:
			go l.readHeader(c)
		default:
			l.onReject(c.RemoteAddr().String(), "too many connections waiting to send their PROXY header")
			_ = c.Close()
		}
	}
}

// readHeader reads c's header and hands it to Accept, or refuses it.
func (l *proxyListener) readHeader(c net.Conn) {
	defer func() { <-l.pending }()
	pc := proxyproto.NewConn(c, proxyproto.WithPolicy(proxyproto.REQUIRE), proxyproto.SetReadHeaderTimeout(proxyHeaderTimeout))
	if pc.ProxyHeader() == nil {
		l.onReject(c.RemoteAddr().String(), "no valid PROXY protocol header (--proxy-protocol is on)")
		_ = c.Close()
		return
	}
	select {
	case l.conns <- pc:
	case <-l.done:
		_ = pc.Close()
	}
}

func (l *proxyListener) fail(err error) {
	l.mu.Lock()
	if l.err == nil {
		l.err = err
	}
	l.mu.Unlock()
	l.once.Do(func() { close(l.done) })
}

// Accept returns the next connection whose header has been read.
func (l *proxyListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		l.mu.Lock()
		defer l.mu.Unlock()
		return nil, l.err
	}
}

// Close closes the listener; Accept then fails.
func (l *proxyListener) Close() error {
	err := l.Listener.Close()
	l.fail(net.ErrClosed)
	return err
}

// refuseProxyHeader wraps a connection of a server without
// Config.ProxyProtocol: if it starts with a PROXY header, its first read
// fails and the SSH handshake with it.
func refuseProxyHeader(c net.Conn) net.Conn {
	return proxyproto.NewConn(c, proxyproto.WithPolicy(proxyproto.REJECT), proxyproto.SetReadHeaderTimeout(0))
}
