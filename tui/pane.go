package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// pane is the sub-model of one view: it owns that view's state (focus,
// sort, series), answers the keys that act within a view and keeps its
// rendered body until an input changes. The root model keeps one pane per
// view, so a view remembers its focus when you come back to it.
type pane struct {
	common *Common
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

// newPane returns the sub-model of the view id.
func newPane(c *Common, id string, start explore.State) *pane {
	st := start
	if st.View != id {
		st = st.GotoViewID(c.Data, id)
	}
	return &pane{common: c, id: id, st: st.Normalize(c.Data)}
}

// newPanes returns one sub-model per view of the data, in tab order.
func newPanes(c *Common, st explore.State) []*pane {
	ids := c.Data.ViewIDs()
	out := make([]*pane, len(ids))
	for i, id := range ids {
		out[i] = newPane(c, id, st)
	}
	return out
}

// SetSize sets the area the body is drawn in.
func (p *pane) SetSize(w, h int) { p.w, p.h = w, h }

// State returns the view's state.
func (p *pane) State() explore.State { return p.st }

// SetState replaces the view's state (e.g. the big mode, set for all).
func (p *pane) SetState(st explore.State) { p.st = st.Normalize(p.common.Data) }

// Update handles the keys that act within a view and reports whether the
// key was one of them.
func (p *pane) Update(msg tea.KeyPressMsg) bool {
	k, c := p.common.Keys, p.common.Data
	st := p.st
	switch {
	case key.Matches(msg, k.Up):
		st = st.MoveFocus(c, -1)
	case key.Matches(msg, k.Down):
		st = st.MoveFocus(c, 1)
	case key.Matches(msg, k.First):
		st = st.FocusFirst(c)
	case key.Matches(msg, k.Last):
		st = st.FocusLast(c)
	case key.Matches(msg, k.Sort):
		st = st.CycleSort()
	case key.Matches(msg, k.Reverse):
		st = st.ToggleReverse()
	case key.Matches(msg, k.Series):
		st = st.CycleSeries(c)
	default:
		return false
	}
	p.st = st.Normalize(c)
	return true
}

// SetKeys enables the keys that do something in this view and disables the
// rest, so help shows only what works.
func (p *pane) SetKeys() {
	k, c := p.common.Keys, p.common.Data
	n := 0 // items to move over, counted up to 2 (a chart's without sorting it)
	for i, sec := range explore.Sections(c, p.id) {
		if sec.Chart != nil {
			n += len(sec.Chart.Items)
		} else {
			n += len(explore.FocusIDs(c, p.st, i))
		}
		if n > 1 {
			break
		}
	}
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.First, &k.Last} {
		b.SetEnabled(n > 1)
	}
	sortable := p.st.Sortable(c) && len(p.st.CurrentChart(c).Items) > 1
	k.Sort.SetEnabled(sortable)
	k.Reverse.SetEnabled(sortable)
	k.Series.SetEnabled(p.st.MultiSeries(c))
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
