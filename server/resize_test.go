package server

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// resizeCounter counts the window sizes its program is given and shows the
// latest.
type resizeCounter struct {
	w, h    int
	resizes *atomic.Int64
}

func (m *resizeCounter) Init() tea.Cmd { return nil }

func (m *resizeCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.resizes.Add(1)
		m.w, m.h = ws.Width, ws.Height
	}
	return m, nil
}

func (m *resizeCounter) View() tea.View { return tea.NewView(m.frame()) }

func (m *resizeCounter) frame() string { return fmt.Sprintf("size %dx%d", m.w, m.h) }

// TestWindowChangeFloodIsCoalesced sends 5,000 window changes in a burst:
// the model gets a few of them, and the last.
func TestWindowChangeFloodIsCoalesced(t *testing.T) {
	var resizes atomic.Int64
	ts := startServer(t, func(c *Config) {
		c.NewModel = func(info SessionInfo) tea.Model {
			return &resizeCounter{w: info.Width, h: info.Height, resizes: &resizes}
		}
	})
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "size 80x24")
	const n = 5000
	before := resizes.Load() // the sizes the session started with
	start := time.Now()
	for i := range n {
		if err := v.sess.WindowChange(20+i%50, 60+i%100); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.sess.WindowChange(81, 171); err != nil { // the last size, which no size of the burst equals
		t.Fatal(err)
	}
	v.waitFor(t, "size 171x81")
	got := resizes.Load() - before
	took := time.Since(start)
	t.Logf("%d window changes in %v reached the model as %d resizes", n+1, took.Round(time.Millisecond), got)
	// The server gives the model at most one size per resizeEvery (and
	// the first at once), however long the burst takes to arrive: on a
	// loaded machine it may take seconds, so the bound follows the time
	// it took rather than a fixed count.
	if most := int64(took/resizeEvery) + 2; got > most || got >= n/2 {
		t.Errorf("the model got %d resizes for %d window changes in %v, want at most %d (one per %v) and far fewer than the changes", got, n+1, took, most, resizeEvery)
	}
	// Nothing more arrives after the last size.
	time.Sleep(100 * time.Millisecond)
	if after := resizes.Load() - before; after != got {
		t.Errorf("%d more resizes after the last size was shown", after-got)
	}
}
