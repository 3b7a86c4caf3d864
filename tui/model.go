package tui

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/render"
	zone "github.com/lrstanley/bubblezone/v2"
)

// The smallest window the explorer draws in; below it a "terminal too
// small" screen says what it needs.
const (
	MinWidth  = 36
	MinHeight = 10
)

// Options configure a new explorer.
type Options struct {
	// Data is the collection to explore; nil uses the embedded one, or
	// in Run, Load's.
	Data *dataset.Collection
	// Load, used by Run when Data is nil, loads the collection while the
	// program starts (the first frame waits for it).
	Load func() (*dataset.Collection, error)
	// Env is the terminal: colour profile (the program's
	// tea.ColorProfileMsg replaces it; the zero value draws plain text),
	// the background assumed until the terminal answers (see Background),
	// ASCII and monochrome. Package terminal decides it.
	Env terminal.Env
	// Background says whether to ask the terminal its background colour
	// and how long to wait for the answer (see terminal.go).
	Background BackgroundQuery
	// State is the state to start in, e.g. a view from --view.
	State explore.State
	// Width and Height are the initial size; 0 waits for the first
	// tea.WindowSizeMsg.
	Width, Height int
	// Role is the session's part in a presentation (see present.go);
	// RolePresenter and RoleAudience need Hub.
	Role Role
	// Hub carries the presenter's screen to the audience; nil explores
	// alone.
	Hub *present.Hub
	// Who names a presenter to the others (RolePresenter): one presenter
	// holds a room at a time, and a second one is told who.
	Who present.Who
	// Context ends the session's part in the presentation when done (the
	// SSH session's context); Close does the same.
	Context context.Context
	// Tour starts on the first step of the dataset's guided tour.
	Tour bool
	// Touch, if set, is called when a following audience session shows a
	// new screen from the presenter: over SSH it counts as the viewer's
	// input for the idle timeout (server.SessionInfo.Touch).
	Touch func()
	// Clipboard, if set, puts text on the viewer's clipboard (the copy
	// keys): the SSH server's screen writes the OSC 52 sequence itself,
	// between two frames. Nil sets it through Bubble Tea
	// (tea.SetClipboard, OSC 52 on the program's output).
	Clipboard func(text string)
	// Frames, if set, is a cache of frames shared with other sessions
	// (the SSH server's): while following the presenter, a session whose
	// frame's inputs equal another's shows that frame instead of drawing
	// its own (see frames.go).
	Frames *Frames
}

// Model is the explorer's root model: it owns the window size, the help,
// the status line and which view is on screen, and routes every message to
// the component it is for (component.go). It draws nothing itself but the
// tabs and the footer around its components' views.
type Model struct {
	common *Common
	panes  []*pane
	active int
	help   help.Model
	full   bool // full help shown
	status string

	compare    *comparePanel
	sources    *sourcesPanel
	describe   *describeLine
	tour       *tourGuide
	presenting *presenting
	exporter   *exporter
	table      *tableView
	search     *searchBox
	copier     *copier
	passage    *passageView

	// helpTop is the first line of the full help shown when it scrolls.
	helpTop int

	width, height int
	quitting      bool
	keysFor       keyInputs // the inputs the keys were last set from
	keysSet       bool
	frames        frameCache
	tabScan       tabScan
	tabsCache     lineCache
	helpCache     [2]lineCache // the whole width's help, and beside a status

	// warmGen numbers the warm-ups: only the newest draws, so a burst of
	// resizes leaves one warm-up at the final size, not one per size.
	warmGen *atomic.Uint64
	// warmed, if set (by tests), is called when a warm-up starts drawing.
	warmed func(w, h int)
	// shown is closed once the first frame is composed, closed when the
	// model is closed (Close):
	// warm-ups wait for either.
	shown, closed        chan struct{}
	shownOnce, closeOnce sync.Once

	bg      BackgroundQuery // the background query asked for
	bgKnown bool            // the answer came, or the wait is over
	// cprAnswered: the cursor position asked after the background came.
	cprAnswered bool
}

// New returns the explorer model. Call Close when done with it, to stop its
// zone manager.
func New(o Options) *Model {
	data := o.Data
	if data == nil {
		data, _ = dataset.Embedded()
	}
	keys := DefaultKeyMap()
	if o.Env.ASCII {
		keys.UseASCII()
	}
	keys.SetViewCount(len(data.ViewIDs()))
	c := &Common{Keys: &keys, Env: o.Env, Zone: zone.New(), Data: data, Clipboard: o.Clipboard}
	c.restyle()
	start := o.State
	if start.View == "" {
		start = explore.Start()
		start.Big = o.State.Big
	}
	m := &Model{common: c, help: help.New(), warmGen: new(atomic.Uint64), bg: o.Background,
		shown: make(chan struct{}), closed: make(chan struct{})}
	m.frames.shared = o.Frames
	m.compare = &comparePanel{common: c, host: m}
	m.sources = &sourcesPanel{common: c, host: m}
	m.describe = &describeLine{common: c, host: m, compare: m.compare, sources: m.sources}
	m.tour = &tourGuide{common: c, host: m, notes: o.Role != RoleAudience}
	m.presenting = &presenting{common: c, host: m}
	m.exporter = &exporter{common: c, host: m}
	m.table = &tableView{common: c, host: m}
	m.search = &searchBox{common: c, host: m}
	m.copier = &copier{common: c, host: m}
	m.passage = &passageView{common: c, host: m}
	m.panes = newPanes(c, m, start)
	m.active = start.Normalize(data).ViewIndex(data)
	m.panes[m.active].SetState(start)
	m.styleHelp()
	m.resize(o.Width, o.Height)
	if o.Tour {
		if st, ok := m.State().GotoStep(data, 0); ok {
			m.applyScreen(present.Screen{State: st})
		}
	}
	m.presenting.join(o)
	m.afterUpdate()
	return m
}

// Close stops the model's zone manager and leaves the presentation, if any.
func (m *Model) Close() {
	m.closeOnce.Do(func() { close(m.closed) })
	m.presenting.leaveHub()
	m.common.Zone.Close()
}

// State returns the state of the view on screen.
func (m *Model) State() explore.State { return m.panes[m.active].State() }

// Init implements tea.Model: the background query, if asked for, and the
// presentation's first command.
func (m *Model) Init() tea.Cmd { return tea.Batch(m.backgroundInit(), m.presenting.Init()) }

// Update implements tea.Model. It routes by message, and keys by state
// (handleKey); whatever the message, it ends by laying the screen out,
// deciding which keys are on and publishing a presenter's screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.afterUpdate()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		cmd = m.warm()
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.MouseClickMsg:
		m.click(msg)
	case tea.MouseMsg:
		m.wheel(msg)
	case hubMsg:
		cmd = m.presenting.Update(msg)
	case exportDoneMsg:
		cmd = m.exporter.Update(msg)
	default:
		cmd = m.terminalUpdate(msg)
	}
	return m, cmd
}

// afterUpdate runs after every message: the body makes room for the
// describe and tour lines, the keys that now do something are enabled,
// and a presenter publishes what changed.
func (m *Model) afterUpdate() {
	m.layout()
	m.updateKeybindings()
	if m.presenting.pres != nil {
		m.presenting.publish(m.screen())
	}
}

// handleKey routes a key by the session's state: following the presenter,
// under the full help, or exploring (with or without an overlay open).
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.cursorReportKey(msg) {
		return nil
	}
	m.status = "" // the status lasts until the next key, even one that does nothing
	m.presenting.keyPressed()
	switch {
	case m.search.open:
		return m.handleSearching(msg)
	case m.presenting.following():
		return m.handleFollowing(msg)
	case m.full:
		return m.handleHelp(msg)
	}
	return m.handleBrowsing(msg)
}

// handleSearching handles a key while the search box is open: ctrl+c
// quits, every other key is the box's (its keys, or text to type).
func (m *Model) handleSearching(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.common.Keys.Quit) {
		return m.quit(msg)
	}
	return m.search.Update(msg)
}

// handleBrowsing handles a key while exploring: the root's own keys, then
// the one component whose enabled keys match (an open overlay first).
func (m *Model) handleBrowsing(msg tea.KeyPressMsg) tea.Cmd {
	k := m.common.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(msg)
	case key.Matches(msg, k.Help):
		m.full, m.helpTop = true, 0
	case key.Matches(msg, k.NextView, k.PrevView, k.GotoView):
		m.closeOverlays()
		m.navigate(msg)
	case key.Matches(msg, k.Big, k.Mono):
		return m.display(msg)
	case key.Matches(msg, k.Whiskers):
		m.toggleWhiskers()
	default:
		return m.route(msg, m.passage, m.search, m.compare, m.sources, m.tour, m.presenting, m.describe, m.exporter,
			m.table, m.copier, m.panes[m.active])
	}
	return nil
}

// route hands msg to the first of cs whose enabled keys it matches.
func (m *Model) route(msg tea.KeyPressMsg, cs ...Component) tea.Cmd {
	for _, c := range cs {
		if key.Matches(msg, bindings(c)...) {
			return c.Update(msg)
		}
	}
	return nil
}

// handleHelp handles a key under the full help: its keys (? and Esc)
// close it; every other key means what it means below the help (the view
// keys close the help as they turn the view), so each key the help lists
// acts.
func (m *Model) handleHelp(msg tea.KeyPressMsg) tea.Cmd {
	k := m.common.Keys
	switch {
	case key.Matches(msg, k.Help):
		m.full = false
		return nil
	case key.Matches(msg, k.HelpUp):
		m.scrollHelp(-1)
		return nil
	case key.Matches(msg, k.HelpDown):
		m.scrollHelp(1)
		return nil
	}
	open := m.passage.open
	cmd := m.handleBrowsing(msg)
	if m.search.open || m.passage.open && !open {
		m.full = false // the box, or a passage just opened, takes the body
	}
	return cmd
}

// handleFollowing handles a key while following the presenter: only help,
// quit, the display keys, describe, the table, copy, follow and take-over
// act, and an audience's search, which detaches as follow does; any other
// says how to stop following.
func (m *Model) handleFollowing(msg tea.KeyPressMsg) tea.Cmd {
	k := m.common.Keys
	switch {
	case key.Matches(msg, k.Follow, k.TakeOver):
		return m.presenting.Update(msg)
	case key.Matches(msg, k.Quit):
		return m.quit(msg)
	case key.Matches(msg, k.Search):
		m.presenting.toggleFollow() // detach, as f does, and search alone
		m.full = false
		return m.search.Update(msg)
	case key.Matches(msg, k.Table, k.Copy, k.CopyChart):
		return m.route(msg, m.table, m.copier)
	case key.Matches(msg, k.HelpUp):
		m.scrollHelp(-1)
	case key.Matches(msg, k.HelpDown):
		m.scrollHelp(1)
	case key.Matches(msg, k.Help):
		m.full, m.helpTop = !m.full, 0
	case key.Matches(msg, k.Big, k.Mono):
		return m.display(msg)
	case key.Matches(msg, k.Describe):
		return m.describe.Update(msg)
	default:
		m.status = m.presenting.followHint()
	}
	return nil
}

// quit quits, or for a presenter's first q (or ctrl+c) asks again.
func (m *Model) quit(msg tea.KeyPressMsg) tea.Cmd {
	if m.presenting.confirmQuit(msg.String()) {
		return nil
	}
	m.quitting = true
	return tea.Quit
}

// navigate handles the view keys.
func (m *Model) navigate(msg tea.KeyPressMsg) {
	k := m.common.Keys
	switch n := len(m.panes); {
	case key.Matches(msg, k.NextView):
		m.gotoView((m.active + 1) % n)
	case key.Matches(msg, k.PrevView):
		m.gotoView((m.active + n - 1) % n)
	default:
		var i int
		fmt.Sscanf(msg.String(), "%d", &i)
		m.gotoView(i - 1)
	}
}

// display handles the keys of how this session draws: big mode (every
// view) and monochrome. Both warm the other views up again.
func (m *Model) display(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.common.Keys.Big) {
		big := !m.State().Big
		m.setAll(func(st *explore.State) {
			if st.Big != big {
				*st = st.ToggleBig()
			}
		})
		m.status = map[bool]string{true: "big mode", false: "normal mode"}[big]
		return m.warm()
	}
	m.common.Mono = !m.common.Mono
	m.common.restyle()
	m.styleHelp()
	m.status = map[bool]string{true: "monochrome", false: "colour"}[m.common.Mono]
	return m.warm()
}

// warm draws the other views in the background at the current size, so
// that switching to one finds its bars in render's cache instead of drawing
// them during the keypress. It only fills the shared, concurrency-safe
// cache; nothing of the model is touched outside Update but the atomic
// generation. A newer warm-up makes older ones stale: they return at once,
// or stop before their next view if already drawing.
func (m *Model) warm() tea.Cmd {
	gen := m.warmGen.Add(1)
	w, h := m.bodySize()
	if w < MinWidth || h <= 0 || m.height < MinHeight {
		return nil
	}
	data, styles, current, warmed := m.common.Data, m.common.Styles, m.warmGen, m.warmed
	var states []explore.State
	for i, p := range m.panes {
		if i != m.active {
			states = append(states, p.State())
		}
	}
	shown, closed := m.shown, m.closed
	return func() tea.Msg {
		if current.Load() != gen {
			return nil
		}
		// On two cores the warm-up would compete with the first frame:
		// it waits until the first frame is composed.
		select {
		case <-shown:
		case <-closed:
			return nil
		}
		if current.Load() != gen {
			return nil
		}
		if warmed != nil {
			warmed(w, h)
		}
		for _, st := range states {
			if current.Load() != gen {
				return nil
			}
			render.View(data, st, render.Options{Width: w, Height: h, Styles: styles})
		}
		return nil
	}
}

// gotoView shows view i (0-based); out of range does nothing.
func (m *Model) gotoView(i int) {
	if i < 0 || i >= len(m.panes) {
		return
	}
	m.active = i
	m.full = false
}

// click switches view on a left click on a tab and focuses the item of a
// clicked bar (click.go); a following session says how to explore alone
// instead.
func (m *Model) click(msg tea.MouseClickMsg) {
	if m.presenting.following() {
		m.status = m.presenting.followHint()
		return
	}
	if msg.Button != tea.MouseLeft {
		return
	}
	for i, id := range m.common.Data.ViewIDs() {
		if z := m.common.Zone.Get(tabZone(id)); z != nil && z.InBounds(msg) {
			m.closeOverlays()
			m.gotoView(i)
			return
		}
	}
	m.clickBody(msg)
}

// wheel moves the focus as the down and up keys do; a following session
// ignores the mouse (its view is the presenter's).
func (m *Model) wheel(msg tea.MouseMsg) {
	w, ok := msg.(tea.MouseWheelMsg)
	if !ok || m.presenting.following() {
		return
	}
	switch w.Button {
	case tea.MouseWheelDown:
		m.route(tea.KeyPressMsg{Code: tea.KeyDown}, m.panes[m.active])
	case tea.MouseWheelUp:
		m.route(tea.KeyPressMsg{Code: tea.KeyUp}, m.panes[m.active])
	}
}
