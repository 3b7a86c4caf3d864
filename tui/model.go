package tui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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
}

// Model is the explorer's root model: navigation between the views, window
// size, help and status. Each view is a sub-model (pane).
type Model struct {
	common *Common
	panes  []*pane
	active int
	help   help.Model
	full   bool // full help shown
	status string
	cmp    compareUI
	pr     presentUI

	width, height int
	frame         string
	tabScan       tabScan
	tabsCache     lineCache
	helpCache     [2]lineCache // the whole width's help, and beside a status
	frameOK       bool
	quitting      bool

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
	c := &Common{Keys: &keys, Env: o.Env, Zone: zone.New(), Data: data}
	c.restyle()
	start := o.State
	if start.View == "" {
		start = explore.Start()
		start.Big = o.State.Big
	}
	start = start.Normalize(data)
	m := &Model{common: c, help: help.New(), warmGen: new(atomic.Uint64), bg: o.Background,
		shown: make(chan struct{}), closed: make(chan struct{})}
	m.panes = newPanes(c, start)
	keys.SetViewCount(len(m.panes))
	m.active = start.ViewIndex(data)
	m.panes[m.active].SetState(start)
	m.styleHelp()
	m.resize(o.Width, o.Height)
	m.initPresent(o)
	m.syncKeys()
	return m
}

// Close stops the model's zone manager and leaves the presentation, if any.
func (m *Model) Close() {
	m.closeOnce.Do(func() { close(m.closed) })
	m.leaveHub()
	m.common.Zone.Close()
}

// State returns the state of the view on screen.
func (m *Model) State() explore.State { return m.panes[m.active].State() }

// Init implements tea.Model: the background query, if asked for, and the
// presentation's first command.
func (m *Model) Init() tea.Cmd { return tea.Batch(m.backgroundInit(), m.presentInit()) }

// Update implements tea.Model: window size, mouse and keys; the keys that
// act within a view go to the active pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.afterUpdate()
	if cmd, ok := m.terminalUpdate(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.presentUpdate(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, m.warm()
	case tea.MouseClickMsg:
		m.click(msg)
	case tea.MouseWheelMsg:
		m.wheel(msg)
	case tea.KeyPressMsg:
		if m.marginKey(msg) {
			return m, nil
		}
		if cmd, ok := m.compareKey(msg); ok {
			return m, cmd
		}
		return m, m.key(msg)
	case exportDoneMsg:
		m.exportDone(msg)
	}
	return m, nil
}

// key handles one keypress.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.common.Keys
	if m.status != "" {
		// The status lasts until the next key, even one that does nothing.
		m.status, m.frameOK = "", false
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.quitting = true
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.full = !m.full
	case m.full && msg.Code == tea.KeyEscape:
		m.full = false
	case key.Matches(msg, k.NextView):
		m.gotoView((m.active + 1) % len(m.panes))
	case key.Matches(msg, k.PrevView):
		m.gotoView((m.active + len(m.panes) - 1) % len(m.panes))
	case key.Matches(msg, k.GotoView):
		var n int
		fmt.Sscanf(msg.String(), "%d", &n)
		m.gotoView(n - 1)
	case key.Matches(msg, k.Big):
		big := m.State().ToggleBig().Big
		m.setAll(func(st *explore.State) {
			if st.Big != big {
				*st = st.ToggleBig()
			}
		})
		m.status = map[bool]string{true: "big mode", false: "normal mode"}[big]
		m.panes[m.active].SetKeys()
		m.frameOK = false
		return m.warm()
	case key.Matches(msg, k.Mono):
		m.common.Mono = !m.common.Mono
		m.common.restyle()
		m.styleHelp()
		m.status = map[bool]string{true: "monochrome", false: "colour"}[m.common.Mono]
		m.frameOK = false
		return m.warm()
	default:
		if !m.panes[m.active].Update(msg) {
			return nil
		}
		m.status = m.paneStatus(msg)
	}
	m.panes[m.active].SetKeys()
	m.frameOK = false
	return nil
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

// paneStatus says what a pane key changed.
func (m *Model) paneStatus(msg tea.KeyPressMsg) string {
	k := m.common.Keys
	st := m.State()
	switch {
	case key.Matches(msg, k.Sort), key.Matches(msg, k.Reverse):
		return "sort: " + sortName(st)
	case key.Matches(msg, k.Series):
		return "series: " + seriesName(m.common.Data, st)
	}
	return ""
}

// gotoView shows view i (0-based); out of range does nothing.
func (m *Model) gotoView(i int) {
	if i < 0 || i >= len(m.panes) {
		return
	}
	m.active = i
	m.full = false
	m.frameOK = false
}

// click switches view on a left click on a tab.
func (m *Model) click(msg tea.MouseClickMsg) {
	if msg.Button != tea.MouseLeft {
		return
	}
	for i, id := range m.common.Data.ViewIDs() {
		if z := m.common.Zone.Get(tabZone(id)); z != nil && z.InBounds(msg) {
			m.gotoView(i)
			return
		}
	}
}

// wheel moves the focus as the down and up keys do.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelDown:
		m.panes[m.active].Update(tea.KeyPressMsg{Code: tea.KeyDown})
	case tea.MouseWheelUp:
		m.panes[m.active].Update(tea.KeyPressMsg{Code: tea.KeyUp})
	default:
		return
	}
	m.frameOK = false
}

// resize records a new window size, clamped to what can be drawn.
func (m *Model) resize(w, h int) {
	m.width, m.height = terminal.ClampSize(w, h)
	m.common.Width, m.common.Height = m.width, m.height
	bw, bh := m.bodySize()
	for _, p := range m.panes {
		p.SetSize(bw, bh)
	}
	m.help.SetWidth(m.width)
	m.frameOK = false
}

// bodySize is the area left for a view below the tabs and above the help.
func (m *Model) bodySize() (int, int) {
	h := m.height - 2 - m.describeHeight() - m.tourHeight()
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
	m.frameOK = false
}

// View implements tea.Model: the frame (see Frame) with the terminal
// modes the explorer wants, declared rather than switched on by commands:
// the alternate screen, mouse clicks and wheel, and the view's title in the
// window's title bar. Bubble Tea v2 asks the terminal for synchronized
// output and basic keyboard disambiguation on its own.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Frame())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	return v
}

// Frame returns the screen as a string: the tabs, the active view's body
// and the help line, joined from strings the panes keep until their inputs
// change. It is empty after quitting and while the background colour is
// awaited (see background.go).
func (m *Model) Frame() string {
	if m.quitting || m.awaitingBackground() {
		return ""
	}
	if !m.frameOK {
		f := m.draw()
		if m.common.Env.ASCII {
			f = render.ToASCII(f)
		}
		m.frame = render.ClampLines(m.scanFrame(f), m.width)
		m.frameOK = true
		m.shownOnce.Do(func() { close(m.shown) })
	}
	return m.frame
}

// draw composes a frame.
func (m *Model) draw() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	s := m.common.Styles
	if w < MinWidth || h < MinHeight {
		lines := []string{
			s.Warning.Render(ansi.Truncate("terminal too small", w, "")),
			ansi.Truncate(fmt.Sprintf("(need %d×%d)", MinWidth, MinHeight), w, ""),
		}
		if m.common.Env.ASCII {
			lines[1] = ansi.Truncate(fmt.Sprintf("(need %dx%d)", MinWidth, MinHeight), w, "")
		}
		if h == 1 {
			lines = []string{ansi.Truncate(fmt.Sprintf("too small (need %dx%d)", MinWidth, MinHeight), w, "")}
		}
		return strings.Join(lines, "\n")
	}
	p := m.panes[m.active]
	bw, bh := m.bodySize()
	var body string
	if m.full {
		full := m.help
		full.ShowAll = true
		body = full.View(m.common.Keys)
	} else {
		body = m.bodyView(p, bw, bh)
	}
	lines := []string{m.tabs()}
	if m.height >= 30 {
		lines = append(lines, "")
	}
	bl := strings.Split(body, "\n")
	for len(bl) < bh {
		bl = append(bl, "")
	}
	lines = append(lines, bl[:bh]...)
	lines = append(lines, m.describeLines()...)
	lines = append(lines, m.tourLines()...)
	lines = append(lines, m.footer())
	for i, l := range lines {
		if len(l) > bw && render.Width(l) > bw {
			lines[i] = ansi.Truncate(l, bw, "")
		}
	}
	return strings.Join(lines, "\n")
}

// syncKeys enables the keys that do something in the state the model now
// holds; Update ends with it, so View only draws.
func (m *Model) syncKeys() {
	// Without colours (NO_COLOR, --color never, a dumb terminal) there is
	// nothing for m to switch off.
	m.common.Keys.Mono.SetEnabled(m.common.Env.HasColor())
	m.panes[m.active].SetKeys()
	m.setCompareKeys()
	m.setMarginKeys()
	m.setPresentKeys()
}

// footer is the short help, or the status after a key that changed a mode.
func (m *Model) footer() string {
	hv := m.shortHelp(m.help)
	status := m.withPresentStatus(m.statusLine())
	if status == "" {
		return hv
	}
	st := m.common.Styles.Status.Render(status) + "  "
	rest := m.width - ansi.StringWidth(st)
	if rest <= 0 {
		return ansi.Truncate(st, m.width, "")
	}
	short := m.help
	short.SetWidth(rest)
	return st + m.shortHelp(short)
}
