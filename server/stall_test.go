package server

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// busyToucher calls Touch every 20ms and draws a frame that changes on
// every row each time, as a follower does while the presenter acts, only
// faster, so that a viewer who stops reading stalls within a second.
type busyToucher struct {
	touch func()
	w, h  int
	n     int
}

type busyMsg struct{}

func (m *busyToucher) Init() tea.Cmd {
	return tea.Tick(20*time.Millisecond, func(time.Time) tea.Msg { return busyMsg{} })
}

func (m *busyToucher) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(busyMsg); ok {
		m.n++
		m.touch()
		return m, m.Init()
	}
	return m, nil
}

func (m *busyToucher) View() tea.View { return tea.NewView(m.frame()) }

func (m *busyToucher) frame() string {
	row := strings.Repeat(string(rune('a'+m.n%26)), m.w)
	return strings.TrimSuffix(strings.Repeat(row+"\n", m.h), "\n")
}

// TestStalledViewerTimesOutDespiteTouch: a model that calls Touch keeps a
// session alive only while its viewer reads. A viewer who stops reading
// (its SSH window fills) is ended by the idle timeout.
func TestStalledViewerTimesOutDespiteTouch(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.IdleTimeout = time.Second
		c.NewModel = func(info SessionInfo) tea.Model {
			return &busyToucher{touch: info.Touch, w: info.Width, h: info.Height}
		}
	})
	_, sess := openSession(t, ts.addr)
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe() // open, silent: no input, no EOF
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := sess.RequestPty("xterm-256color", MaxRows, MaxCols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stalled, ended := false, false
	for deadline := start.Add(20 * time.Second); time.Now().Before(deadline) && !ended; time.Sleep(20 * time.Millisecond) {
		stalled = stalled || ts.Stalled() == 1
		ended = strings.Contains(ts.logs.String(), "session end")
	}
	if !stalled {
		t.Fatal("the viewer never stalled; this test proves nothing")
	}
	if !ended {
		t.Fatalf("the stalled session was still open after %v", time.Since(start).Round(time.Millisecond))
	}
	t.Logf("the stalled session ended after %v", time.Since(start).Round(time.Millisecond))
	if log := ts.logs.String(); !strings.Contains(log, `reason="idle timeout"`) {
		t.Errorf("the stalled session did not end by the idle timeout; log:\n%s", log)
	}
}
