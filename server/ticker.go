package server

import (
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// tickerStop stops Bubble Tea's frame ticker in a session the screen
// draws, once the session has run for stopTickerAfter.
//
// Bubble Tea v2 (v2.1.1) runs a frame ticker for every program, even one
// without a renderer, waking each session at least once a second to flush
// nothing: 200 idle sessions cost about 0.5% of a core. Upstream pull
// requests charmbracelet/bubbletea#1776 and #1796 would start it only on
// demand; until one lands, Program.ReleaseTerminal stops it. That is safe
// in a session because Bubble Tea owns no terminal state there: its output
// is not a tty, it has no input reader, it queues no output of its own
// (queries and the clipboard go through the screen), and it keeps running
// messages, commands and views after the release.
//
// The release waits half a second for a read loop that does not exist. So
// that no goroutine outlives its session, a session that ends first
// cancels the stop, and one that ends during the release waits for it.
type tickerStop struct {
	release func() error  // the program's ReleaseTerminal
	ended   chan struct{} // closed by end
	endOnce sync.Once
	state   atomic.Int32  // tickerRunning, tickerStopping or tickerEnded
	stopped chan struct{} // closed when a release has returned
}

// stopTickerAfter is how long a session runs before its ticker stops: a
// session that ends sooner never waits for a release. It is shorter than
// the ticker's first tick (a second), and longer than the first frame
// takes on loopback.
const stopTickerAfter = 100 * time.Millisecond

const (
	tickerRunning = iota
	tickerStopping
	tickerEnded
)

func newTickerStop(release func() error) *tickerStop {
	return &tickerStop{release: release, ended: make(chan struct{}), stopped: make(chan struct{})}
}

// cmd is the command, run from the model's Init (so after the program has
// started its renderer), that stops the ticker after stopTickerAfter
// unless the session ends first.
func (t *tickerStop) cmd() tea.Msg {
	wait := time.NewTimer(stopTickerAfter)
	defer wait.Stop()
	select {
	case <-wait.C:
	case <-t.ended:
		return nil
	}
	if !t.state.CompareAndSwap(tickerRunning, tickerStopping) {
		return nil
	}
	_ = t.release()
	close(t.stopped)
	return nil
}

// end is called when the program has returned: it cancels a stop not yet
// begun, or waits for one under way (at most half a second).
func (t *tickerStop) end() {
	t.endOnce.Do(func() { close(t.ended) })
	if !t.state.CompareAndSwap(tickerRunning, tickerEnded) {
		<-t.stopped
	}
}
