package server

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// rendererLoop is the goroutine Bubble Tea v2 runs for a program's frame
// ticker.
const rendererLoop = "bubbletea/v2.(*Program).startRenderer.func1"

// tickerGoroutines counts the goroutines running a program's frame ticker.
func tickerGoroutines() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), rendererLoop)
		}
		buf = make([]byte, 2*len(buf))
	}
}

// waitTickers waits up to 3s (stopTickerAfter and the release's half
// second, with room) for the number of frame tickers to be want,
// and returns the last count seen.
func waitTickers(want int) int {
	deadline := time.Now().Add(3 * time.Second)
	n := tickerGoroutines()
	for n != want && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		n = tickerGoroutines()
	}
	return n
}

// TestIdleSessionsHaveNoFrameTicker: a session drawn by the server's
// screen stops Bubble Tea's frame ticker once it runs, so an idle session
// wakes nothing, and it still takes keys and sizes afterwards. With
// Config.TeaRenderer the ticker is Bubble Tea's renderer and stays, which
// shows the count sees it.
func TestIdleSessionsHaveNoFrameTicker(t *testing.T) {
	t.Run("screen", func(t *testing.T) {
		ts := startServer(t, nil)
		var viewers []*viewer
		for range 3 {
			v := mustDial(t, ts.addr, 80, 24)
			v.waitFor(t, "hello 80x24 n=0")
			viewers = append(viewers, v)
		}
		if n := waitTickers(0); n != 0 {
			t.Fatalf("%d frame tickers still run for 3 idle sessions, want 0", n)
		}
		for _, v := range viewers {
			v.send(t, "+")
			v.waitFor(t, "n=1")
			if err := v.sess.WindowChange(20, 90); err != nil {
				t.Fatal(err)
			}
			v.waitFor(t, "hello 90x20 n=1")
		}
	})
	t.Run("tea renderer", func(t *testing.T) {
		ts := startServer(t, func(c *Config) { c.TeaRenderer = true })
		before := tickerGoroutines()
		v := mustDial(t, ts.addr, 80, 24)
		v.waitFor(t, "hello")
		time.Sleep(stopTickerAfter + 700*time.Millisecond) // longer than a stop would take
		if n := tickerGoroutines(); n != before+1 {
			t.Fatalf("%d frame tickers with Bubble Tea's renderer, want %d", n, before+1)
		}
	})
}

// TestTickerStop: the stop releases the program stopTickerAfter in; a session
// that ends first cancels it (no release, nothing left waiting), and one
// that ends during the release waits for it to return.
func TestTickerStop(t *testing.T) {
	t.Run("stops after stopTickerAfter", func(t *testing.T) {
		released := make(chan struct{})
		ts := newTickerStop(func() error { close(released); return nil })
		go ts.cmd()
		select {
		case <-released:
		case <-time.After(stopTickerAfter + 2*time.Second):
			t.Fatal("the ticker was never stopped")
		}
		ts.end()
	})
	t.Run("a session that ends first cancels the stop", func(t *testing.T) {
		var calls atomic.Int32
		ts := newTickerStop(func() error { calls.Add(1); return nil })
		returned := make(chan struct{})
		go func() { ts.cmd(); close(returned) }()
		ts.end()
		select {
		case <-returned:
		case <-time.After(time.Second / 2):
			t.Fatal("the stop still waits after its session ended")
		}
		if n := calls.Load(); n != 0 {
			t.Fatalf("released %d times after the session ended", n)
		}
	})
	t.Run("a session that ends during the release waits for it", func(t *testing.T) {
		inRelease, finish := make(chan struct{}), make(chan struct{})
		var finished atomic.Bool
		ts := newTickerStop(func() error { close(inRelease); <-finish; finished.Store(true); return nil })
		go ts.cmd()
		<-inRelease
		go func() { time.Sleep(50 * time.Millisecond); close(finish) }()
		ts.end()
		if !finished.Load() {
			t.Fatal("end returned while the release was still under way")
		}
	})
}
