package tui

import (
	"charm.land/bubbles/v2/help"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/present"
)

// resize records a new window size, clamped to what can be drawn.
func (m *Model) resize(w, h int) {
	m.width, m.height = terminal.ClampSize(w, h)
	m.common.Width, m.common.Height = m.width, m.height
	m.help.SetWidth(m.width)
	m.layout()
}

// layout gives every component its size: the body is what the tabs, the
// describe line, the tour lines and the footer leave.
func (m *Model) layout() {
	m.describe.SetSize(m.width, 0)
	m.tour.SetSize(m.width, 0)
	m.exporter.SetSize(m.width, 0)
	bw, bh := m.bodySize()
	for _, p := range m.panes {
		p.SetSize(bw, bh)
	}
	m.compare.SetSize(bw, bh)
	m.sources.SetSize(bw, bh)
	m.table.SetSize(bw, bh)
	m.search.SetSize(bw, bh)
	m.passage.SetSize(bw, bh)
}

// bodySize is the area left for a view below the tabs and above the help.
func (m *Model) bodySize() (int, int) {
	h := m.height - 2 - m.describe.height() - len(m.tour.lines())
	if m.height >= 30 {
		h-- // a blank line under the tabs
	}
	return m.width, max(h, 0)
}

// styleHelp styles the help from the session's styles.
func (m *Model) styleHelp() {
	s := m.common.Styles
	m.help.Styles = help.Styles{
		Ellipsis:       s.HelpSep,
		ShortKey:       s.HelpKey,
		ShortDesc:      s.HelpDesc,
		ShortSeparator: s.HelpSep,
		FullKey:        s.HelpKey,
		FullDesc:       s.HelpDesc,
		FullSeparator:  s.HelpSep,
	}
	if m.common.Env.ASCII {
		m.help.ShortSeparator = " | "
		m.help.Ellipsis = "~"
	}
}

// setState replaces the state of the view on screen (host).
func (m *Model) setState(st explore.State) { m.panes[m.active].SetState(st) }

// setAll applies a change to every view's state: pins, the spotlight,
// whiskers and big mode are shared across views (host).
func (m *Model) setAll(f func(*explore.State)) {
	for _, p := range m.panes {
		st := p.State()
		f(&st)
		p.SetState(st)
	}
}

// setStatus sets the status line until the next key (host).
func (m *Model) setStatus(s string) { m.status = s }

// screen is what this session shows, as the hub carries it: without big
// mode, which each screen sets for itself (host).
func (m *Model) screen() present.Screen {
	st := m.State()
	st.Big = false
	return present.Screen{State: st, Compare: m.compare.open, Measure: m.sources.measure}
}

// closeOverlays closes what covers the body: the panel, the sources, the
// source passage and the search box (host).
func (m *Model) closeOverlays() {
	m.compare.open = false
	m.sources.measure = ""
	m.passage.open = false
	m.search.open = false
}

// showState turns to st's view and shows st there (host).
func (m *Model) showState(st explore.State) {
	c := m.common.Data
	st = st.Normalize(c)
	m.active = st.ViewIndex(c)
	m.panes[m.active].SetState(st)
}

// applyScreen shows a screen: the view and its state, with the pins,
// spotlight and tour step on every view, and the overlay. Big mode stays
// this session's own: it suits a screen (a projector), not the talk
// (host).
func (m *Model) applyScreen(sc present.Screen) {
	c := m.common.Data
	st := sc.State.Normalize(c)
	st.Big = m.State().Big
	m.setAll(func(s *explore.State) {
		s.Pins, s.Spotlight, s.Step = st.Pins, st.Spotlight, st.Step
	})
	m.active = st.ViewIndex(c)
	m.panes[m.active].SetState(st)
	m.compare.open = sc.Compare && len(st.Pins) > 0
	m.sources.show(sc.Measure)
}
