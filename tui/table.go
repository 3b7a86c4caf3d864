package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/render"
)

// tableView is the component of the table view: the current chart as
// aligned columns (item, each series' value, gap or spread, n, source),
// which a screen reader reads row by row and a mouse copies whole. It is
// this session's way of drawing, as big mode is: it is not part of the
// screen a presenter sends, and it draws the same in big mode. The focus,
// sort and series keys act on it as on the chart.
type tableView struct {
	common *Common
	host   host
	w, h   int
	// on is set while the table replaces the chart.
	on bool
}

// ShortHelp implements help.KeyMap.
func (t *tableView) ShortHelp() []key.Binding { return []key.Binding{t.common.Keys.Table} }

// FullHelp implements help.KeyMap: the key routed to the table view.
func (t *tableView) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }

// SetSize sets the area the table is drawn in.
func (t *tableView) SetSize(w, h int) { t.w, t.h = w, h }

// Update switches between the chart and the table.
func (t *tableView) Update(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok && key.Matches(kp, t.common.Keys.Table) {
		t.on = !t.on
		t.host.setStatus(map[bool]string{true: "table view", false: "chart view"}[t.on])
	}
	return nil
}

// View is the table of the chart in focus, "" while off.
func (t *tableView) View() string {
	if !t.on {
		return ""
	}
	return render.Table(t.common.Data, t.host.State(), render.Options{Width: t.w, Height: t.h, Styles: t.common.Styles})
}
