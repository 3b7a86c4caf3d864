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

// eventLog records the input events it is given, one word each, and
// quits on ctrl+d, handing the record to done.
type eventLog struct {
	seen []string
	done chan<- string
}

func (m *eventLog) Init() tea.Cmd { return nil }

func (m *eventLog) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+d" {
			m.done <- strings.Join(m.seen, " ")
			return m, tea.Quit
		}
		m.seen = append(m.seen, "key:"+msg.String())
	case tea.PasteMsg:
		m.seen = append(m.seen, "paste:"+msg.Content)
	case tea.BackgroundColorMsg:
		m.seen = append(m.seen, "background")
	case tea.MouseClickMsg:
		m.seen = append(m.seen, "click")
	}
	return m, nil
}

func (m *eventLog) View() tea.View { return tea.NewView("recording") }

// TestOneWriteOfInputIsEveryEventInIt writes a burst, a paste holding q, an
// arrow, a mouse click and the background answer in one write, then
// ctrl+d in a second, on the server's own input reader
// (internal/keyreader) and on Bubble Tea's (--tea-renderer): both give
// the same events, key by key, and q in the paste does not act.
func TestOneWriteOfInputIsEveryEventInIt(t *testing.T) {
	const burst = "jjj\x1b[200~q\x1b[201~\x1b[A\x1b[<0;3;2M\x1b]11;rgb:0000/0000/0000\x07ss"
	const want = "key:j key:j key:j paste:q key:up click background key:s key:s"
	for _, teaRenderer := range []bool{false, true} {
		done := make(chan string, 1)
		ts := startServer(t, func(c *Config) {
			c.TeaRenderer = teaRenderer
			c.NewModel = func(SessionInfo) tea.Model { return &eventLog{done: done} }
		})
		v := mustDial(t, ts.addr, 100, 10)
		v.waitFor(t, "recording")
		v.send(t, burst)
		time.Sleep(100 * time.Millisecond) // two writes, not one
		v.send(t, "\x04")
		select {
		case got := <-done:
			if got != want {
				t.Errorf("tea renderer %v:\n got %s\nwant %s", teaRenderer, got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("tea renderer %v: ctrl+d never reached the model", teaRenderer)
		}
		if code := v.waitEnd(t); code != 0 {
			t.Errorf("tea renderer %v: exit status %d", teaRenderer, code)
		}
	}
}
