package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/docsurvey/docsurvey/dataset"
)

// maxPending bounds the messages a starter keeps while the data loads.
const maxPending = 256

// starter is the program's model while the data loads (Options.Load): the
// program starts at once, so parsing the dataset overlaps Bubble Tea's
// start, the terminal's set-up and the background query's round trip
// instead of coming before them. The explorer is built when the data is
// in; what came before it (the window size, the colour profile, the
// background answer, early keys) is handed to it in order.
type starter struct {
	o       Options
	m       *Model
	pending []tea.Msg
	err     error
}

// loadedMsg carries the loaded data, or why it could not be loaded.
type loadedMsg struct {
	c   *dataset.Collection
	err error
}

// Init implements tea.Model: the background query, its fallback timer and
// the load, at once.
func (s *starter) Init() tea.Cmd {
	load := s.o.Load
	return tea.Batch(
		s.o.Background.ask(),
		tea.Tick(BackgroundWait, func(time.Time) tea.Msg { return backgroundWaitMsg{} }),
		func() tea.Msg {
			c, err := load()
			return loadedMsg{c, err}
		},
	)
}

// Update implements tea.Model: until the data is in it keeps the messages
// (ctrl+c quits), then builds the explorer and hands them to it.
func (s *starter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s.m != nil {
		_, cmd := s.m.Update(msg)
		return s, cmd
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			s.err = msg.err
			return s, tea.Quit
		}
		return s, s.build(msg.c)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return s, tea.Quit
		}
	}
	if len(s.pending) < maxPending {
		s.pending = append(s.pending, msg)
	}
	return s, nil
}

// build makes the explorer on c and gives it what came before.
func (s *starter) build(c *dataset.Collection) tea.Cmd {
	o := s.o
	o.Data = c
	o.Background.Ask = false // asked by Init
	s.m = New(o)
	s.m.SetExportDir(".")
	cmds := []tea.Cmd{s.m.Init()}
	for _, msg := range s.pending {
		_, cmd := s.m.Update(msg)
		cmds = append(cmds, cmd)
	}
	s.pending = nil
	return tea.Batch(cmds...)
}

// View implements tea.Model: the explorer's view, or an empty alternate
// screen while the data loads.
func (s *starter) View() tea.View {
	if s.m != nil {
		return s.m.View()
	}
	v := tea.NewView("")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// close closes the explorer, if it was built.
func (s *starter) close() {
	if s.m != nil {
		s.m.Close()
	}
}
