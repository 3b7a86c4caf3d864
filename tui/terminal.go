package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
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
}

// backgroundWaitMsg ends the wait for the background answer.
type backgroundWaitMsg struct{}

// askBackground asks the terminal its background colour, then its cursor
// position. Every terminal answers the second, and answers in order: a
// cursor position with no colour before it means the terminal does not
// answer the first (tmux, for one), so the wait ends at once instead of
// after BackgroundWait.
var askBackground = tea.Sequence(tea.RequestBackgroundColor, tea.RequestCursorPosition)

// backgroundInit asks the background, if the options say so, and starts
// the fallback timer.
func (m *Model) backgroundInit() tea.Cmd {
	if m.bg.Wait <= 0 {
		m.bgKnown = true
	}
	var cmds []tea.Cmd
	if m.bg.Ask {
		cmds = append(cmds, askBackground)
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
