package server

import (
	"net"
	"testing"
	"time"
)

// TestSilentConnectionsCannotKeepViewersOut fills the server with TCP
// connections that never speak, three from each of ten loopback addresses
// (more than MaxSessions), as the adversarial run did: a viewer still gets
// in at once, because the oldest silent connections are evicted.
func TestSilentConnectionsCannotKeepViewersOut(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.MaxSessions, c.MaxPerIP, c.MaxPending = 10, 3, 4
	})
	for i := range 30 {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i/3))}}
		c, err := d.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close() })
	}
	waitFor(t, "silent connections admitted", func() bool { return ts.openConns() > 0 })
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello 80x24")
	if n := ts.openConns(); n > 5 {
		t.Errorf("%d connections open, want at most MaxPending (4) silent ones and the viewer", n)
	}
}

// TestPreAuthTimeout: a connection that never finishes the handshake is
// closed after PreAuthTimeout, well before HandshakeTimeout.
func TestPreAuthTimeout(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.PreAuthTimeout = 200 * time.Millisecond })
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetReadDeadline(time.Now().Add(HandshakeTimeout / 2))
	buf := make([]byte, 256)
	var rerr error
	for rerr == nil {
		_, rerr = raw.Read(buf)
	}
	if ne, ok := rerr.(net.Error); ok && ne.Timeout() {
		t.Fatal("a connection that never spoke was still open after HandshakeTimeout/2")
	}
	ts.waitLog(t, "no session within 200ms")
}

// TestIPv6KeyedByPrefix: per-IP limits count an IPv6 /64 as one address.
func TestIPv6KeyedByPrefix(t *testing.T) {
	addr := func(s string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(s), Port: 4000} }
	key := ipKeyFunc(64)
	if a, b := key(addr("2001:db8:1:2::1")), key(addr("2001:db8:1:2:ffff::9")); a != b {
		t.Errorf("same /64 keyed apart: %s, %s", a, b)
	}
	if a, b := key(addr("2001:db8:1:2::1")), key(addr("2001:db8:1:3::1")); a == b {
		t.Errorf("different /64s keyed together: %s", a)
	}
	if got := key(addr("192.0.2.7")); got != "192.0.2.7" {
		t.Errorf("IPv4 keyed as %s", got)
	}
	if a, b := ipKeyFunc(128)(addr("2001:db8::1")), ipKeyFunc(128)(addr("2001:db8::2")); a == b {
		t.Error("prefix 128 keyed two addresses together")
	}

	l := newLimitListener(nil, listenerLimits{maxTotal: 10, maxPerIP: 1, maxPending: 10, ipKey: key}, nil, nil, nil)
	if lc, msg, _ := l.admit(nil, key(addr("2001:db8::1"))); lc == nil {
		t.Fatalf("first IPv6 connection refused: %s", msg)
	}
	if lc, msg, _ := l.admit(nil, key(addr("2001:db8::2"))); lc != nil || msg != msgTooManyIP {
		t.Errorf("second connection from the same /64: admitted=%v %q, want %q", lc != nil, msg, msgTooManyIP)
	}
}
