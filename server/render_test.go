package server

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

func TestHasDarkBackground(t *testing.T) {
	for _, c := range []struct {
		env  []string
		dark bool
	}{
		{nil, true},
		{[]string{"COLORFGBG=15;0"}, true},
		{[]string{"COLORFGBG=0;15"}, false},
		{[]string{"COLORFGBG=0;default;7"}, false},
		{[]string{"COLORFGBG=garbage"}, true},
	} {
		if got := hasDarkBackground(c.env); got != c.dark {
			t.Errorf("hasDarkBackground(%q) = %v, want %v", c.env, got, c.dark)
		}
	}
}

// TestSessionRenderer checks that each session gets its own renderer with
// the client's colour profile and background, without any terminal query.
func TestSessionRenderer(t *testing.T) {
	infos := make(chan SessionInfo, 2)
	ts := startServer(t, func(c *Config) {
		c.NewModel = func(info SessionInfo) tea.Model {
			infos <- info
			return &fakeModel{w: info.Width, h: info.Height}
		}
	})

	dark := mustDial(t, ts.addr, 80, 24)
	dark.waitFor(t, "hello")

	_, sess := openSession(t, ts.addr)
	out := &syncBuffer{}
	sess.Stdout = out
	if err := sess.Setenv("COLORFGBG", "0;15"); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}

	var got []SessionInfo
	for range 2 {
		select {
		case i := <-infos:
			got = append(got, i)
		case <-time.After(5 * time.Second):
			t.Fatal("no session info")
		}
	}
	a, b := got[0], got[1]
	if a.Renderer == nil || b.Renderer == nil || a.Renderer == b.Renderer {
		t.Fatal("sessions must get their own renderers")
	}
	if a.Renderer.ColorProfile() != termenv.ANSI256 || !a.Renderer.HasDarkBackground() {
		t.Errorf("xterm-256color client: profile %v dark %v", a.Renderer.ColorProfile(), a.Renderer.HasDarkBackground())
	}
	if b.Renderer.HasDarkBackground() {
		t.Error("COLORFGBG=0;15 client should have a light background")
	}
	if a.User != "tester" || a.RemoteAddr == "" || a.Context == nil || a.Presenter {
		t.Errorf("session info: %+v", a)
	}
}
