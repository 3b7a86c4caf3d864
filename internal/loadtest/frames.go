package loadtest

import (
	"bytes"
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// output counts the bytes a session receives and when the last one came.
// If onQuery is set, it is called once, when the background-colour query
// (OSC 11) first arrives, to answer it as a terminal would.
type output struct {
	n       atomic.Int64
	last    atomic.Int64 // unix nanoseconds
	notify  chan struct{}
	onQuery func()
	asked   atomic.Bool
}

// bgQuery is the OSC 11 background-colour query the server sends.
var bgQuery = []byte("\x1b]11;?")

func newOutput() *output { return &output{notify: make(chan struct{}, 1)} }

func (o *output) Write(p []byte) (int, error) {
	o.last.Store(time.Now().UnixNano())
	o.n.Add(int64(len(p)))
	if o.onQuery != nil && !o.asked.Load() && bytes.Contains(p, bgQuery) {
		o.asked.Store(true)
		o.onQuery()
	}
	select {
	case o.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (o *output) count() int64 { return o.n.Load() }

// frame waits for output beyond seen bytes, then for cfg.Settle of quiet,
// and returns the time from t0 to the last byte of that burst.
func (o *output) frame(ctx context.Context, seen int64, t0 time.Time, cfg Config) (time.Duration, error) {
	deadline := time.NewTimer(cfg.FrameTimeout)
	defer deadline.Stop()
	for o.count() <= seen {
		select {
		case <-o.notify:
		case <-deadline.C:
			return 0, errors.New("no output")
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	for {
		last := time.Unix(0, o.last.Load())
		wait := cfg.Settle - time.Since(last)
		if wait <= 0 {
			return last.Sub(t0), nil
		}
		select {
		case <-time.After(wait):
		case <-deadline.C:
			return 0, errors.New("output never settled")
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}
