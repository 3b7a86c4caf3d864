package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// pane is the component of one view: it owns that view's state (focus,
// sort, series), answers the keys that act within a view and keeps its
// rendered body until an input changes. The root model keeps one pane per
// view, so a view remembers its focus when you come back to it.
type pane struct {
	common *Common
	host   host
	id     string
	st     explore.State
	w, h   int

	body    string
	bodyKey paneKey
}

// paneKey is every input of a rendered body.
type paneKey struct {
	st    explore.Key
	w, h  int
	style render.StyleKey
	ok    bool
}

// newPane returns the component of the view id.
func newPane(c *Common, h host, id string, start explore.State) *pane {
	st := start
	if st.View != id {
		st = st.GotoViewID(c.Data, id)
	}
	p := &pane{common: c, host: h, id: id}
	p.SetState(st)
	return p
}

// newPanes returns one component per view of the data, in tab order.
func newPanes(c *Common, h host, st explore.State) []*pane {
	ids := c.Data.ViewIDs()
	out := make([]*pane, len(ids))
	for i, id := range ids {
		out[i] = newPane(c, h, id, st)
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (p *pane) ShortHelp() []key.Binding {
	k := p.common.Keys
	return []key.Binding{k.Down, k.Sort, k.Series}
}

// FullHelp implements help.KeyMap: the keys routed to a pane.
func (p *pane) FullHelp() [][]key.Binding {
	k := p.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.First, k.Last}, {k.Sort, k.Reverse, k.Series}}
}

// SetSize sets the area the body is drawn in.
func (p *pane) SetSize(w, h int) { p.w, p.h = w, h }

// State returns the view's state.
func (p *pane) State() explore.State { return p.st }

// SetState replaces the view's state (e.g. the big mode, set for all),
// normalized: the one place a view's state is made valid for the data.
// The state it already holds is normal: setting it again costs nothing
// (a follower sets every view's shared fields on each of the presenter's
// keys, most often to what they were).
func (p *pane) SetState(st explore.State) {
	if p.st.View != "" && st.Equal(p.st) {
		return
	}
	p.st = st.Normalize(p.common.Data)
}

// Update handles the keys that act within a view: focus, sort, series.
func (p *pane) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k, c := p.common.Keys, p.common.Data
	st := p.st
	switch {
	case key.Matches(kp, k.Up):
		st = st.MoveFocus(c, -1)
	case key.Matches(kp, k.Down):
		st = st.MoveFocus(c, 1)
	case key.Matches(kp, k.First):
		st = st.FocusFirst(c)
	case key.Matches(kp, k.Last):
		st = st.FocusLast(c)
	case key.Matches(kp, k.Sort, k.Reverse):
		if key.Matches(kp, k.Sort) {
			st = st.CycleSort()
		} else {
			st = st.ToggleReverse()
		}
		p.host.setStatus(stateLabel(c, st, p.common.Styles.Dot()))
	case key.Matches(kp, k.Series):
		st = st.CycleSeries(c)
		p.host.setStatus(stateLabel(c, st, p.common.Styles.Dot()))
	}
	p.SetState(st)
	return nil
}

// moves reports whether the view has more than one item to move the focus
// over (counted up to 2, a chart's without sorting it).
func (p *pane) moves() bool {
	c := p.common.Data
	n := 0
	for i, sec := range explore.Sections(c, p.id) {
		if sec.Chart != nil {
			n += len(sec.Chart.Items)
		} else {
			n += len(explore.FocusIDs(c, p.st, i))
		}
		if n > 1 {
			return true
		}
	}
	return false
}

// View returns the view's body, drawn again only when the state, size or
// styles changed.
func (p *pane) View() string {
	k := paneKey{st: p.st.Key(), w: p.w, h: p.h, style: p.common.Styles.Key(), ok: true}
	if k != p.bodyKey {
		p.body = render.View(p.common.Data, p.st, render.Options{Width: p.w, Height: p.h, Styles: p.common.Styles})
		p.bodyKey = k
	}
	return p.body
}
