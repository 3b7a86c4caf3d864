// Package inputguard bounds what a terminal's input stream can make a Bubble
// Tea program spend, as a reader between the terminal (a local tty or an SSH
// channel) and the program, so it works the same under any input parser.
//
// Two bounds:
//
//   - Bracketed paste. A paste is the bytes between ESC[200~ and ESC[201~.
//     An input parser holds a paste until its end marker, so a start with no
//     end swallows every later key, q and ctrl+c included, and a parser that
//     rescans what it holds costs time quadratic in the paste. The guard
//     ends a paste itself (it writes the end marker) after MaxPasteBytes or
//     when input arrives more than PasteTimeout after the start, and drops
//     the rest of an over-long paste up to its own end marker. Bubble Tea
//     v2's parser (ultraviolet's TerminalReader, at the version in go.mod)
//     still does this: after ESC[200~ it appends every key to a paste
//     buffer with no size or time bound until ESC[201~, and so does
//     internal/keyreader, the SSH server's reader, which keeps its
//     semantics, so the guard stays.
//   - Rate. With Options.Rate set, input is metered in events (a key, an
//     escape sequence, a paste) by a token bucket; a read that would
//     overdraw it is dropped whole, except ctrl+c, so a client streaming
//     keys costs a small, fixed share of a core and no backlog builds up:
//     the next key a person types after the flood is answered at once.
//
// Both are per reader, that is per terminal or per SSH session.
package inputguard

import (
	"bytes"
	"io"
	"sync/atomic"
	"time"
)

// Paste markers (bracketed paste mode, xterm).
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// Defaults for Options' zero fields.
const (
	DefaultMaxPasteBytes = 16 << 10
	DefaultPasteTimeout  = 2 * time.Second
)

// Per-session input rate for SSH viewers: a person types at most a few
// dozen keys a second, a mouse drag sends about 60 events; at about 0.35 ms
// an event (docs/performance.md) 200 a second is under a tenth of a core.
const (
	SessionRate  = 200 // events per second, sustained
	SessionBurst = 400 // events at once
)

// Options configures a guard. The zero value bounds pastes with the
// defaults and does not meter the rate.
type Options struct {
	MaxPasteBytes int           // bytes of one paste passed on (DefaultMaxPasteBytes)
	PasteTimeout  time.Duration // longest paste (DefaultPasteTimeout)
	Rate          float64       // events per second; 0: no rate limit
	Burst         float64       // bucket size in events (Rate if zero)
	Now           func() time.Time
}

// Reader is a guarded input stream. It is not safe for concurrent reads.
type Reader struct {
	r    io.Reader
	opts Options
	buf  []byte // scratch for reads from r
	out  []byte // processed bytes not yet returned
	scan scanner

	tokens  float64
	last    time.Time
	dropped atomic.Int64
}

// Dropped returns how many bytes the rate limit and the paste cap have
// dropped so far. Safe to call from any goroutine.
func (g *Reader) Dropped() int64 { return g.dropped.Load() }

// New returns r guarded by opts.
func New(r io.Reader, opts Options) *Reader {
	if opts.MaxPasteBytes <= 0 {
		opts.MaxPasteBytes = DefaultMaxPasteBytes
	}
	if opts.PasteTimeout <= 0 {
		opts.PasteTimeout = DefaultPasteTimeout
	}
	if opts.Burst <= 0 {
		opts.Burst = opts.Rate
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	g := &Reader{r: r, opts: opts, buf: make([]byte, 4096), tokens: opts.Burst, last: opts.Now()}
	g.scan.maxPaste = opts.MaxPasteBytes
	return g
}

// Read returns guarded input. It reads r at most once per call and may
// return 0 bytes and no error when everything it read was dropped.
func (g *Reader) Read(p []byte) (int, error) {
	if len(g.out) == 0 {
		n, err := g.r.Read(g.buf[:min(len(g.buf), max(len(p), 1))])
		if n > 0 {
			g.process(g.buf[:n])
		}
		if len(g.out) == 0 {
			return 0, err
		}
	}
	n := copy(p, g.out)
	g.out = g.out[n:]
	return n, nil
}

// process scans one read and appends what passes to g.out.
func (g *Reader) process(chunk []byte) {
	now := g.opts.Now()
	start := len(g.out)
	wasInPaste := g.scan.downstreamInPaste()
	if g.scan.state != stateNormal && now.Sub(g.scan.pasteAt) > g.opts.PasteTimeout {
		g.out = g.scan.endPaste(g.out)
	}
	var cost float64
	g.out, cost = g.scan.feed(g.out, chunk, now)
	g.dropped.Add(int64(g.scan.dropped))
	g.scan.dropped = 0
	if g.opts.Rate <= 0 || g.spend(cost, now) {
		return
	}
	// Over the rate: drop what this read added, keep ctrl+c, and leave the
	// program out of any paste.
	g.dropped.Add(int64(len(g.out) - start))
	kept := bytes.Repeat([]byte{0x03}, bytes.Count(g.out[start:], []byte{0x03}))
	g.out = g.out[:start]
	if wasInPaste { // the program saw the start: it must see an end
		g.out = append(g.out, pasteEnd...)
	}
	g.scan.reset()
	g.out = append(g.out, kept...)
}

// spend takes cost tokens from the bucket if it holds them.
func (g *Reader) spend(cost float64, now time.Time) bool {
	g.tokens = min(g.opts.Burst, g.tokens+now.Sub(g.last).Seconds()*g.opts.Rate)
	g.last = now
	if cost > g.tokens {
		return false
	}
	g.tokens -= cost
	return true
}
