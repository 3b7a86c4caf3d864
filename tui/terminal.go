package tui

import (
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// BackgroundWait is how long the explorer holds its first frame for the
// terminal's answer to the background-colour query before it assumes
// Options.Dark. Terminals that answer do so within a few milliseconds; one
// that never answers must not hold the first frame for longer than this.
const BackgroundWait = 50 * time.Millisecond

// BackgroundQuery says whether the explorer asks the terminal its
// background colour and how long it waits for the answer.
type BackgroundQuery struct {
	// Ask sends tea.RequestBackgroundColor from Init. The SSH server writes
	// the query itself (it draws without Bubble Tea's renderer) and only
	// waits.
	Ask bool
	// Wait, if positive, holds the first frame until a
	// tea.BackgroundColorMsg comes or Wait has passed; zero draws at once
	// on Options.Dark.
	Wait time.Duration
	// Terminal, if set, is the terminal the query is written to at once,
	// from Init, when Bubble Tea has put it in raw mode and reads its
	// input. Without it the query is a tea.Cmd, which Bubble Tea buffers
	// until its renderer's first tick (8 ms at 120 frames a second): the
	// answer, and so the first frame held for it, would come a tick later.
	Terminal io.Writer
}

// backgroundWaitMsg ends the wait for the background answer.
type backgroundWaitMsg struct{}

// backgroundQuery asks the terminal its background colour (OSC 11), then
// its cursor position. Every terminal answers the second, and answers in
// order: a cursor position with no colour before it means the terminal
// does not answer the first (tmux, for one), so the wait ends at once
// instead of after BackgroundWait. Bubble Tea's input reader turns the
// answers into a tea.BackgroundColorMsg and a tea.CursorPositionMsg.
const backgroundQuery = ansi.RequestBackgroundColor + ansi.RequestCursorPositionReport

// ask returns the command that asks the background: written to q.Terminal
// at once when there is one, else through Bubble Tea.
func (q BackgroundQuery) ask() tea.Cmd {
	if q.Terminal == nil {
		return tea.Sequence(tea.RequestBackgroundColor, tea.RequestCursorPosition)
	}
	w := q.Terminal
	return func() tea.Msg {
		_, _ = io.WriteString(w, backgroundQuery) // a terminal that fails here fails Bubble Tea's next write too
		return nil
	}
}

// backgroundInit asks the background, if the options say so, and starts
// the fallback timer.
func (m *Model) backgroundInit() tea.Cmd {
	if m.bg.Wait <= 0 {
		m.bgKnown = true
	}
	var cmds []tea.Cmd
	if m.bg.Ask {
		cmds = append(cmds, m.bg.ask())
	}
	if !m.bgKnown {
		cmds = append(cmds, tea.Tick(m.bg.Wait, func(time.Time) tea.Msg { return backgroundWaitMsg{} }))
	}
	return tea.Batch(cmds...)
}

// awaitingBackground reports whether the first frame still waits for the
// terminal's background answer.
func (m *Model) awaitingBackground() bool { return m.bg.Wait > 0 && !m.bgKnown }

// terminalUpdate takes what the terminal tells the program about itself:
// its background colour (the answer to the query, which may come after
// the fallback) and the colour profile Bubble Tea detected from its
// environment.
func (m *Model) terminalUpdate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		m.bgKnown = true
		return m.setLook(m.common.Env.Profile, msg.IsDark())
	case tea.CursorPositionMsg:
		m.cprAnswered, m.bgKnown = true, true
	case backgroundWaitMsg:
		m.bgKnown = true
	case tea.ColorProfileMsg:
		return m.setLook(msg.Profile, m.common.Env.Dark)
	}
	return nil
}

// cursorReportKey reports whether a key is part of the cursor position
// report: a report on row 1 reads also as a modified F3 (CSI 1;n R), and
// Bubble Tea sends both; F3 is no key here. Until the report has come,
// F3 is taken to be part of it.
func (m *Model) cursorReportKey(msg tea.KeyPressMsg) bool {
	return msg.Code == tea.KeyF3 && m.bg.Wait > 0 && !m.cprAnswered
}

// setLook rebuilds the styles for a new profile or background; it returns
// the warm-up of the other views when something changed.
func (m *Model) setLook(p colorprofile.Profile, dark bool) tea.Cmd {
	c := m.common
	if p == c.Env.Profile && dark == c.Env.Dark {
		return nil
	}
	c.Env.Profile, c.Env.Dark = p, dark
	c.restyle()
	m.styleHelp()
	return m.warm()
}

// windowTitle names the view on screen in the terminal's title bar.
func (m *Model) windowTitle() string {
	return "docsurvey · " + m.common.Data.ViewList()[m.active].Title
}
