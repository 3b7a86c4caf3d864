package server

import (
	"container/list"
	"net"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/internal/terminal"
)

// Size bounds applied by ClampSize. The largest size is the largest frame
// the explorer draws (terminal.MaxWidth and MaxHeight, from render): one
// source for the limits.
const (
	MinCols = 1
	MaxCols = terminal.MaxWidth
	MinRows = 1
	MaxRows = terminal.MaxHeight
)

// ClampSize bounds a terminal size sent by a client to MinCols..MaxCols
// columns and MinRows..MaxRows rows. A client can claim any uint32 size; a
// model laying out 2^31 columns would allocate until the process dies, so
// every PTY request and window change goes through ClampSize before the
// model sees it. Zero or negative values become the minimum.
func ClampSize(w, h int) (int, int) {
	return clamp(w, MinCols, MaxCols), clamp(h, MinRows, MaxRows)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Reject messages written on the raw connection, before the SSH handshake.
const (
	msgServerFull  = "docsurvey: server full, please try again later"
	msgTooManyIP   = "docsurvey: server full (too many connections from your address), please try again later"
	msgRateLimited = "docsurvey: too many new connections from your address, please slow down"
)

// limitListener enforces the connection caps and the per-IP rate limit on
// accepted connections, before any SSH traffic, and tracks every open
// connection so that Shutdown can close even those still in the handshake.
type limitListener struct {
	net.Listener
	maxTotal, maxPerIP int
	maxPending         int // connections without a session channel yet
	ipKey              func(net.Addr) string
	rate               *ipRate
	onReject           func(remote, reason string)
	signer             gossh.Signer // host key for refusals; nil: the line only

	rejecting chan struct{} // semaphore bounding concurrent rejections

	spareSlots bool // one connection per IP over the cap, for a presenter (presenterip.go)

	mu      sync.Mutex
	total   int
	perIP   map[string]int
	spares  map[string]int // connections admitted over the cap, per IP
	conns   map[*limitConn]struct{}
	pending pendingQueue // admitted, no session channel yet, oldest first
	closed  bool
}

// listenerLimits are the caps a limitListener enforces.
type listenerLimits struct {
	maxTotal, maxPerIP, maxPending int
	ipKey                          func(net.Addr) string // the address a per-IP limit counts
}

func newLimitListener(ln net.Listener, lim listenerLimits, rate *ipRate, signer gossh.Signer, onReject func(remote, reason string)) *limitListener {
	return &limitListener{
		Listener:   ln,
		signer:     signer,
		maxTotal:   lim.maxTotal,
		maxPerIP:   lim.maxPerIP,
		maxPending: lim.maxPending,
		ipKey:      lim.ipKey,
		rate:       rate,
		onReject:   onReject,
		rejecting:  make(chan struct{}, 64),
		perIP:      map[string]int{},
		spares:     map[string]int{},
		conns:      map[*limitConn]struct{}{},
	}
}

// Accept returns the next connection within the limits. Connections over a
// limit are answered with one line and closed here, and never returned.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		lc, msg, evicted := l.admit(c, l.ipKey(c.RemoteAddr()))
		if evicted != nil {
			if l.onReject != nil {
				l.onReject(evicted.RemoteAddr().String(), "evicted: oldest connection without a session")
			}
			_ = evicted.Close()
		}
		if lc != nil {
			return lc, nil
		}
		if l.onReject != nil {
			l.onReject(c.RemoteAddr().String(), msg)
		}
		l.reject(c, msg)
	}
}

// admit decides on a new connection from ip: it returns the admitted
// connection, or nil and the refusal line. To admit it, it may evict the
// oldest connection that has no session yet (returned, released, for the
// caller to close): when maxPending such connections are open, or when the
// server is full and one of them is. So connections that never speak cannot
// keep a viewer out; they can only push each other out.
func (l *limitListener) admit(c net.Conn, ip string) (*limitConn, string, *limitConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.closed:
		return nil, "docsurvey: server is shutting down", nil
	case l.perIP[ip] >= l.maxPerIP && !l.spareFree(ip):
		return nil, msgTooManyIP, nil
	case l.total >= l.maxTotal && l.pending.len() == 0:
		return nil, msgServerFull, nil
	case l.rate != nil && !l.rate.allow(ip, time.Now()):
		return nil, msgRateLimited, nil
	}
	var evicted *limitConn
	if l.total >= l.maxTotal || l.pending.len() >= l.maxPending {
		evicted = l.pending.oldest()
		l.releaseLocked(evicted)
	}
	l.total++
	lc := &limitConn{Conn: c, l: l, ip: ip}
	l.takeSlot(lc)
	l.conns[lc] = struct{}{}
	l.pending.push(lc)
	return lc, "", evicted
}

// established records that lc has opened its session channel: it no longer
// counts as pending and is never evicted.
func (l *limitListener) established(lc *limitConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending.remove(lc)
}

func (l *limitListener) release(lc *limitConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.releaseLocked(lc)
}

func (l *limitListener) releaseLocked(lc *limitConn) {
	if _, ok := l.conns[lc]; !ok {
		return
	}
	delete(l.conns, lc)
	l.pending.remove(lc)
	l.total--
	l.dropSlot(lc)
}

// reject answers a refused connection with msg (see rejectConn) in a
// goroutine of its own, at most 64 at a time; past that it just closes.
func (l *limitListener) reject(c net.Conn, msg string) {
	select {
	case l.rejecting <- struct{}{}:
	default:
		_ = c.Close() // too many rejections in flight: just close
		return
	}
	go func() {
		defer func() { <-l.rejecting }()
		defer c.Close()
		rejectConn(c, msg, l.signer)
	}()
}

// closeAll marks the listener closed (no more admissions) and closes every
// connection it admitted.
func (l *limitListener) closeAll() {
	l.mu.Lock()
	l.closed = true
	conns := make([]*limitConn, 0, len(l.conns))
	for c := range l.conns {
		conns = append(conns, c)
	}
	l.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
}

// stopAdmitting makes every later connection a rejection.
func (l *limitListener) stopAdmitting() {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
}

// open reports the number of admitted connections still open.
func (l *limitListener) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

type limitConn struct {
	net.Conn
	l    *limitListener
	ip   string
	once sync.Once
	slot slotKind      // guarded by l.mu
	elem *list.Element // in l.pending while it has no session; guarded by l.mu
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.release(c) })
	return err
}

// hostOf returns the IP address of a, or a's string if it has none.
func hostOf(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok {
		return ta.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// ipRate is a token bucket of new connections per IP address.
type ipRate struct {
	rate  float64 // tokens per second
	burst float64
	max   int // entries kept before full buckets are dropped

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newIPRate(perSecond float64, burst int) *ipRate {
	if perSecond < 0 {
		return nil
	}
	return &ipRate{rate: perSecond, burst: float64(burst), max: 10000, buckets: map[string]*bucket{}}
}

func (r *ipRate) allow(ip string, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.buckets[ip]
	if !ok {
		if len(r.buckets) >= r.max {
			r.prune(now)
		}
		b = &bucket{tokens: r.burst, last: now}
		r.buckets[ip] = b
	}
	b.tokens = min(r.burst, b.tokens+now.Sub(b.last).Seconds()*r.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// prune drops buckets that have refilled completely: they are the same as a
// new bucket. If every bucket is busy the map is simply allowed to grow by one.
func (r *ipRate) prune(now time.Time) {
	for ip, b := range r.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*r.rate >= r.burst {
			delete(r.buckets, ip)
		}
	}
}
