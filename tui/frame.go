package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// frameKey is every input of a frame: two models whose keys are equal
// draw the same frame, byte for byte (TestEqualInputsEqualFrames). The
// frame is kept, and shared between sessions (Frames), by this key alone;
// nothing invalidates it by hand.
type frameKey struct {
	data          *dataset.Collection
	width, height int
	// blank: nothing is drawn (quitting, or awaiting the background).
	blank bool
	// active is the view on screen and st its state.
	active int
	st     explore.Key
	// full: the full help; panel, measure: the overlay; describe: the
	// describe line; notes: the tour's speaker notes are shown.
	full, panel, describe, notes bool
	measure                      string
	// helpTop: where the full help is scrolled to; table: the table
	// view; search: the search box (open, scope, query, pick); passage:
	// the source passage (open, its text and span, where scrolled).
	helpTop int
	table   bool
	search  searchKey
	passage passageKey
	styles  render.StyleKey
	// status is the footer's status: the key's, the pins' and the
	// presentation's, as drawn.
	status string
	// keys are the inputs of the keys as help shows them (enabled, keys,
	// label): updateKeybindings sets them from these alone.
	keys keyInputs
}

// frameKey reads the frame's inputs from the model.
func (m *Model) frameKey() frameKey {
	if m.quitting || m.awaitingBackground() {
		return frameKey{blank: true}
	}
	return frameKey{
		data: m.common.Data, width: m.width, height: m.height, active: m.active, st: m.State().Key(),
		full: m.full, panel: m.compare.open, describe: m.describe.on, notes: m.tour.notes,
		measure: m.sources.measure, styles: m.common.Styles.Key(),
		helpTop: m.helpTop, table: m.table.on, search: m.search.key(), passage: m.passage.key(),
		status: m.presenting.withStatus(m.statusLine()), keys: m.keysFor,
	}
}

// frameCache is a model's last frame and its key, and the frames shared
// with other sessions, if any.
type frameCache struct {
	key    frameKey
	frame  string
	ok     bool
	shared *Frames
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
// and the help line. It is drawn again only when its inputs (frameKey)
// changed; a following session takes it from the shared frames when
// another session drew the same. It is empty after quitting and while the
// background colour is awaited (see terminal.go).
func (m *Model) Frame() string {
	k := m.frameKey()
	if k.blank {
		return ""
	}
	fc := &m.frames
	if !fc.ok || fc.key != k {
		if fc.shared != nil && m.presenting.following() {
			fc.frame = fc.shared.get(k, m.compose)
		} else {
			fc.frame = m.compose()
		}
		fc.key, fc.ok = k, true
		m.shownOnce.Do(func() { close(m.shown) })
	}
	return fc.frame
}

// compose draws a frame and makes it ready for the terminal: ASCII when
// asked for, the tabs' zones recorded, no line wider than the window.
func (m *Model) compose() string {
	f := m.draw()
	if m.common.Env.ASCII {
		f = render.ToASCII(f)
	}
	return render.ClampLines(m.scanFrame(f), m.width)
}

// draw composes a frame.
func (m *Model) draw() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		return m.tooSmall()
	}
	bw, bh := m.bodySize()
	lines := []string{m.tabs()}
	if m.height >= 30 {
		lines = append(lines, "")
	}
	bl := strings.Split(m.body(), "\n")
	for len(bl) < bh {
		bl = append(bl, "")
	}
	lines = append(lines, bl[:bh]...)
	lines = append(lines, m.describe.lines()...)
	lines = append(lines, m.tour.lines()...)
	lines = append(lines, m.footer())
	for i, l := range lines {
		if len(l) > bw && render.Width(l) > bw {
			lines[i] = ansi.Truncate(l, bw, "")
		}
	}
	return strings.Join(lines, "\n")
}

// body is the full help, an open overlay, or the active view.
func (m *Model) body() string {
	switch {
	case m.search.open:
		return m.search.View()
	case m.full:
		return m.fullHelp()
	case m.passage.open:
		return m.passage.View()
	case m.compare.open:
		return m.compare.View()
	case m.sources.measure != "":
		return m.sources.View()
	}
	if m.table.on && m.State().CurrentChart(m.common.Data) != nil {
		return m.table.View()
	}
	return m.panes[m.active].View()
}

// tooSmall is the screen of a window too small to draw in.
func (m *Model) tooSmall() string {
	w, s := m.width, m.common.Styles
	lines := []string{
		s.Warning.Render(ansi.Truncate("terminal too small", w, "")),
		ansi.Truncate(fmt.Sprintf("(need %d×%d)", MinWidth, MinHeight), w, ""),
	}
	if m.common.Env.ASCII {
		lines[1] = ansi.Truncate(fmt.Sprintf("(need %dx%d)", MinWidth, MinHeight), w, "")
	}
	if m.height == 1 {
		lines = []string{ansi.Truncate(fmt.Sprintf("too small (need %dx%d)", MinWidth, MinHeight), w, "")}
	}
	return strings.Join(lines, "\n")
}

// footer is the short help, or the status after a key that changed a mode.
func (m *Model) footer() string {
	hv := m.shortHelp(m.help)
	status := m.presenting.withStatus(m.statusLine())
	if status == "" {
		return hv
	}
	// A status wider than the line is cut between words, with an
	// ellipsis: never mid-word ("Facebook, Linked").
	s := m.common.Styles
	if render.Width(status)+2 > m.width {
		return s.Status.Render(render.Truncate(status, m.width, s.Ellipsis()))
	}
	st := s.Status.Render(status) + "  "
	rest := m.width - render.Width(st)
	if rest <= 0 {
		return st
	}
	short := m.help
	short.SetWidth(rest)
	return st + m.shortHelp(short)
}

// statusLine is the status after a key, then the pins.
func (m *Model) statusLine() string {
	var parts []string
	if m.status != "" {
		parts = append(parts, m.status)
	}
	if p := explore.PinsSummary(m.common.Data, m.State().Pins); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, m.common.Styles.Dot())
}
