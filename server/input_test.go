package server

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/docsurvey/docsurvey/internal/inputguard"
)

// keyCounter counts the "+" keys it is given and quits on q.
type keyCounter struct{ n *atomic.Int64 }

func (m keyCounter) Init() tea.Cmd { return nil }

func (m keyCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		m.n.Add(int64(strings.Count(k.String(), "+")))
		if strings.Contains(k.String(), "q") {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m keyCounter) View() tea.View { return tea.NewView("counting") }

// TestUnterminatedPasteDoesNotSwallowKeys: a paste start with no end is
// ended by the server, so the q typed later still quits.
func TestUnterminatedPasteDoesNotSwallowKeys(t *testing.T) {
	old := pasteTimeout
	pasteTimeout = 200 * time.Millisecond
	t.Cleanup(func() { pasteTimeout = old })
	ts := startServer(t, nil)
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello 80x24")
	v.send(t, "\x1b[200~pasted text, never ended")
	time.Sleep(300 * time.Millisecond)
	v.send(t, "q")
	if code := v.waitEnd(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// TestKeyFloodIsBounded streams 2 MiB of keys: the model sees about the
// burst, not two million keys, and the key typed after the flood is
// answered.
func TestKeyFloodIsBounded(t *testing.T) {
	var keys atomic.Int64
	ts := startServer(t, func(c *Config) {
		c.NewModel = func(SessionInfo) tea.Model { return keyCounter{&keys} }
	})
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "counting")
	start := time.Now()
	chunk := strings.Repeat("+", 32<<10)
	for range 64 {
		v.send(t, chunk)
	}
	elapsed := time.Since(start)
	time.Sleep(time.Second) // the bucket refills
	v.send(t, "+q")
	if code := v.waitEnd(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
	n := int(keys.Load())
	bound := inputguard.SessionBurst + int(inputguard.SessionRate*(elapsed+2*time.Second).Seconds())
	t.Logf("2 MiB of keys in %v: the model counted %d", elapsed.Round(time.Millisecond), n)
	if n == 0 || n > bound {
		t.Errorf("the model counted %d keys of a 2 MiB flood, want 1..%d", n, bound)
	}
}
