package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/docsurvey/docsurvey/explore"
)

// whiskersKey is the key that draws every bar's 95% interval.
func whiskersKey() key.Binding {
	return key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "error bars"))
}

// toggleWhiskers makes every view's charts draw their intervals, or stop.
// The key is on only where it draws something: a bar chart of
// percentages with an interval on show, no panel over it.
func (m *Model) toggleWhiskers() {
	on := !m.State().Whiskers
	m.setAll(func(st *explore.State) { st.Whiskers = on })
	m.status = map[bool]string{true: "95% intervals on", false: "95% intervals off"}[on]
}
