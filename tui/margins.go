package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
)

// whiskersKey is the key that draws every bar's 95% interval.
func whiskersKey() key.Binding {
	return key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "error bars"))
}

// marginKey handles the whiskers key: every view's charts draw their
// intervals, or stop. It reports whether the key was it.
func (m *Model) marginKey(msg tea.KeyMsg) bool {
	k := m.common.Keys
	if m.full || !key.Matches(msg, k.Whiskers) {
		return false
	}
	on := !m.State().Whiskers
	m.setAll(func(st *explore.State) { st.Whiskers = on })
	m.status = map[bool]string{true: "95% intervals on", false: "95% intervals off"}[on]
	m.frameOK = false
	return true
}

// setMarginKeys enables the whiskers key only where it draws something: a
// bar chart of percentages with an interval on show, no panel over it.
func (m *Model) setMarginKeys() {
	k := m.common.Keys
	overlay := m.cmp.panel || m.cmp.measure != ""
	k.Whiskers.SetEnabled(!overlay && m.State().HasIntervals(m.common.Data))
}
