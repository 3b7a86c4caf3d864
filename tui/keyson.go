package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/docsurvey/docsurvey/explore"
)

// keyState is everything that decides which keys are on: the state of the
// session reduced to what keys depend on. Model.keyState reads it; enable
// turns it into bindings, with no other input, so the rules are one table
// (keyson_test.go).
type keyState struct {
	// help: the full help is shown.
	help bool
	// panel: the comparison panel covers the body; sources: a measure's
	// sources do.
	panel, sources bool
	// following: the session follows the presenter (an audience, or a
	// presenter waiting for the room).
	following bool
	// role is the session's part in a presentation; holds says a
	// presenter holds the room.
	role  Role
	holds bool
	// moves: the view has more than one item to move the focus over.
	moves bool
	// sortable: the focused chart sorts; multiSeries: it has series to
	// pick from; diverge: it can be drawn as a butterfly; intervals: a
	// bar on show has a 95% interval.
	sortable, multiSeries, diverge, intervals bool
	// onItem: the focus is on a chart item; onMeasure: it reports a
	// measure with sources to set side by side.
	onItem, onMeasure bool
	// pinned: something is pinned.
	pinned bool
	// export: the export key writes somewhere.
	export bool
	// color: the session draws in colour, so monochrome is a change.
	color bool
	// hasTour: the data has a tour; touring: a step is on screen;
	// lastStep: it is the tour's last.
	hasTour, touring, lastStep bool
	// searching: the search box is open, typed: its query is not empty,
	// and matches: how many things match it (counted up to 2).
	searching, typed bool
	matches          int
	// passage: the source passage covers the body; helpScrolls: the full
	// help is taller than the body; up, down: the one that is open can
	// scroll that way.
	passage, helpScrolls, up, down bool
	// onFigure: the focus is on a figure or a finding to copy or open;
	// onChart: on a chart, to copy or show as a table.
	onFigure, onChart bool
}

// keyState reads the state the keys depend on from the model.
func (m *Model) keyState() keyState {
	c := m.common.Data
	st := m.State()
	ch := st.CurrentChart(c)
	_, _, onItem := focusedRef(c, st)
	_, onMeasure := explore.MeasureAt(c, st)
	k := keyState{
		help: m.full, panel: m.compare.open, sources: m.sources.measure != "",
		following: m.presenting.following(), role: m.presenting.role, holds: m.presenting.holds,
		moves: m.panes[m.active].moves(), sortable: st.Sortable(c) && len(ch.Items) > 1,
		multiSeries: st.MultiSeries(c), diverge: explore.CanDiverge(ch), intervals: st.HasIntervals(c),
		onItem: onItem, onMeasure: onMeasure, pinned: len(st.Pins) > 0,
		export: m.exporter.dir != "", color: m.common.Env.HasColor(),
		hasTour: explore.TourLen(c) > 0, touring: st.Step >= 0, lastStep: st.Step >= 0 && st.Step == explore.TourLen(c)-1,
		searching: m.search.open, typed: m.search.query != "", matches: min(len(m.search.matches()), 2),
		passage: m.passage.open, helpScrolls: m.helpScrolls(),
		onFigure: onItem || focusedFinding(c, st) != nil, onChart: ch != nil,
	}
	k.up, k.down = m.scrolls()
	return k
}

// scrolls reports which ways the open passage, or the full help, can
// scroll.
func (m *Model) scrolls() (up, down bool) {
	switch {
	case m.passage.open:
		return m.passage.top > 0, m.passage.top < m.passage.maxTop()
	case m.helpScrolls():
		return m.helpTop > 0, m.helpTop < m.helpMaxTop()
	}
	return false, false
}

// keyInputs is what keyState is read from, comparable: the keys are set
// again only when it changes (a follower takes many screens that change
// none of it), and it stands for the keys in the frame's key.
type keyInputs struct {
	active                        int
	st                            explore.Key
	help, panel, following, holds bool
	export, color                 bool
	measure                       string
	role                          Role
	// search: the search box as drawn; passage: the passage is open and
	// top, where the passage or the full help is scrolled to, with size,
	// which decides how far they scroll.
	search        searchKey
	passage       bool
	top           int
	width, height int
}

// keyInputs reads the inputs of the keys from the model.
func (m *Model) keyInputs() keyInputs {
	return keyInputs{active: m.active, st: m.State().Key(), help: m.full, panel: m.compare.open,
		following: m.presenting.following(), holds: m.presenting.holds, export: m.exporter.dir != "",
		color: m.common.Env.HasColor(), measure: m.sources.measure, role: m.presenting.role,
		search: m.search.key(), passage: m.passage.open, top: m.helpTop + m.passage.top,
		width: m.width, height: m.height}
}

// updateKeybindings enables the keys that do something in the model's
// state and disables the rest, as bubbles' list.updateKeybindings does.
// Update calls it once, at its end (and New and SetExportDir after
// theirs); nothing else enables or disables a key.
func (m *Model) updateKeybindings() {
	in := m.keyInputs()
	if m.keysSet && in == m.keysFor {
		return
	}
	m.common.Keys.enable(m.keyState())
	m.keysFor, m.keysSet = in, true
}

// enable sets every binding from s: which are on, and the keys of those
// whose meaning moves with the state (PgDn and PgUp step the tour while
// touring and turn the view otherwise; Esc closes whatever is open).
func (k *KeyMap) enable(s keyState) {
	overlay := s.panel || s.sources || s.passage
	on := func(enabled bool, bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(enabled)
		}
	}
	on(true, &k.NextView, &k.PrevView, &k.GotoView, &k.Big, &k.Describe, &k.Help, &k.Quit)
	on(s.moves && !overlay, &k.First, &k.Last)
	on(s.moves && !overlay && !s.helpScrolls, &k.Up, &k.Down)
	on(s.helpScrolls && s.up, &k.HelpUp)
	on(s.helpScrolls && s.down, &k.HelpDown)
	on(s.onChart && !overlay, &k.Table, &k.CopyChart)
	on(s.onFigure && !overlay, &k.Copy, &k.Open)
	on(!overlay, &k.Search)
	on(s.passage, &k.CloseSource)
	on(s.passage && s.up, &k.ScrollUp)
	on(s.passage && s.down, &k.ScrollDown)
	on(s.searching, &k.Everywhere, &k.Clear)
	on(s.searching && s.typed, &k.Erase)
	on(s.searching && s.matches > 0, &k.Go)
	on(s.searching && s.matches > 1, &k.MatchUp, &k.MatchDown)
	on(s.sortable, &k.Sort, &k.Reverse)
	on(s.multiSeries && !overlay, &k.Series)
	on(s.intervals && !overlay, &k.Whiskers)
	on(s.color, &k.Mono)
	on(s.onItem && !overlay, &k.Pin, &k.Spotlight)
	on(s.pinned, &k.ClearPins, &k.Compare)
	on(s.diverge && !s.sources, &k.Diverging)
	on(s.export, &k.Export)
	on(s.onMeasure && !overlay, &k.Measure)
	on(s.sources, &k.Close)
	on(s.role == RoleAudience, &k.Follow)
	on(s.role == RolePresenter && !s.holds, &k.TakeOver)
	on(s.hasTour, &k.Tour)
	// Off the tour, space starts it only for a presenter: a local explorer
	// starts it with t (or --tour).
	on(s.hasTour && (s.touring || s.role == RolePresenter), &k.NextStep) // the last step's ends the tour
	on(s.hasTour && s.touring, &k.PrevStep)
	k.setMovingKeys(s)
	if s.following {
		on(false, &k.NextView, &k.PrevView, &k.GotoView, &k.Up, &k.Down, &k.First, &k.Last,
			&k.Sort, &k.Reverse, &k.Series, &k.Pin, &k.ClearPins, &k.Compare, &k.Diverging, &k.Spotlight,
			&k.Export, &k.Measure, &k.Close, &k.Tour, &k.NextStep, &k.PrevStep, &k.Whiskers, &k.Open,
			&k.CloseSource, &k.ScrollUp, &k.ScrollDown)
		// An audience's / leaves the presenter to search, as f does.
		on(s.role == RoleAudience && !s.help, &k.Search)
	}
	if s.searching {
		k.searchOnly()
	}
}

// searchOnly leaves on only the search box's keys and ctrl+c: while the
// box is open every other key types into the query.
func (k *KeyMap) searchOnly() {
	for _, b := range []*key.Binding{&k.NextView, &k.PrevView, &k.GotoView, &k.Up, &k.Down, &k.First, &k.Last,
		&k.Sort, &k.Reverse, &k.Series, &k.Whiskers, &k.Big, &k.Mono, &k.Pin, &k.ClearPins, &k.Compare,
		&k.Diverging, &k.Spotlight, &k.Describe, &k.Export, &k.Measure, &k.Close, &k.Follow, &k.Tour,
		&k.NextStep, &k.PrevStep, &k.TakeOver, &k.Table, &k.Search, &k.Copy, &k.CopyChart, &k.Open,
		&k.ScrollUp, &k.ScrollDown, &k.CloseSource, &k.HelpUp, &k.HelpDown, &k.Help} {
		b.SetEnabled(false)
	}
}

// setMovingKeys gives the keys whose meaning depends on the state their
// keys and labels: one meaning per key in each state.
func (k *KeyMap) setMovingKeys(s keyState) {
	// A clicker's PgDn and PgUp step the tour while touring (the help
	// still turns views with them), and turn the view otherwise.
	if s.touring && !s.help {
		k.NextView.SetKeys("tab", "right", "l")
		k.PrevView.SetKeys("shift+tab", "left", "h")
		k.NextStep.SetKeys("space", "pgdown")
		k.PrevStep.SetKeys("backspace", "pgup")
	} else {
		k.NextView.SetKeys("tab", "right", "l", "pgdown")
		k.PrevView.SetKeys("shift+tab", "left", "h", "pgup")
		k.NextStep.SetKeys("space")
		k.PrevStep.SetKeys("backspace")
	}
	// The last step's next step ends the tour: the key bar never offers a
	// step that is not there.
	switch {
	case s.lastStep && !s.help:
		k.NextStep.SetHelp("space/pgdn", "end tour")
	case s.lastStep:
		k.NextStep.SetHelp("space", "end tour")
	case s.touring && !s.help:
		k.NextStep.SetHelp("space/pgdn", "next step")
	case s.touring:
		k.NextStep.SetHelp("space", "next step")
	default:
		k.NextStep.SetHelp("space", "start tour")
	}
	if s.touring && !s.help {
		k.PrevStep.SetHelp("bksp/pgup", "prev step")
	} else {
		k.PrevStep.SetHelp("bksp", "prev step")
	}
	// While searching, q types: only ctrl+c quits.
	if s.searching {
		k.Quit.SetKeys("ctrl+c")
		k.Quit.SetHelp("ctrl+c", "quit")
	} else {
		k.Quit.SetKeys("q", "ctrl+c")
		k.Quit.SetHelp("q", "quit")
	}
	// With the panel open, v and esc both close it, shown as one key.
	if s.panel {
		k.Compare.SetKeys("v", "esc")
		k.Compare.SetHelp("v/esc", "close")
	} else {
		k.Compare.SetKeys("v")
		k.Compare.SetHelp("v", "compare pins")
	}
	// Under the full help, Esc closes it (handleHelp takes the help's
	// keys before any other, so Esc means nothing else there).
	if s.help {
		k.Help.SetKeys("?", "esc")
	} else {
		k.Help.SetKeys("?")
	}
}
