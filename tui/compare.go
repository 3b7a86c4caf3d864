package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// CompareKeys are the keys for comparing: pins and their panel, the
// butterfly chart, the spotlight, the describe line, export and the
// side-by-side view of a measure's sources.
type CompareKeys struct {
	// Pin pins or unpins the focused item (up to explore.MaxPins).
	Pin key.Binding
	// ClearPins unpins everything.
	ClearPins key.Binding
	// Compare opens or closes the comparison panel.
	Compare key.Binding
	// Diverging switches a two-series chart to a butterfly chart and back.
	Diverging key.Binding
	// Spotlight highlights the focused item's label in every view.
	Spotlight key.Binding
	// Describe shows a plain-language sentence on the focused item.
	Describe key.Binding
	// Export writes the view as text, Markdown and CSV files.
	Export key.Binding
	// Measure sets the sources of the focused figure's measure side by side.
	Measure key.Binding
	// Close closes the comparison panel or the measure view.
	Close key.Binding
}

// DefaultCompareKeys returns the comparing keys.
func DefaultCompareKeys() CompareKeys {
	return CompareKeys{
		Pin:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "pin/unpin")),
		ClearPins: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "clear pins")),
		Compare:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "compare pins")),
		Diverging: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "butterfly")),
		Spotlight: key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "spotlight")),
		Describe:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "describe")),
		Export:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
		Measure:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "compare sources")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// column is the comparing keys as one column of the full help.
func (k CompareKeys) column() []key.Binding {
	return []key.Binding{k.Pin, k.ClearPins, k.Compare, k.Diverging, k.Spotlight, k.Describe, k.Export, k.Measure, k.Close}
}

// compareUI is the root model's comparing state that is not part of a
// view's explore.State: which panel covers the body, whether the describe
// line is on, and where exports go.
type compareUI struct {
	// panel is set while the comparison panel covers the body.
	panel bool
	// measure is the measure whose sources are shown side by side, "" for
	// none.
	measure string
	// describe is set while the describe line is shown.
	describe bool
	// export says where and when exports are written.
	export exportConfig
}

// describeLineHeight is how many lines the describe line takes.
const describeLineHeight = 2

// focusedRef is the chart item the active view focuses, and false when the
// focus is not on a chart item (findings, sources).
func (m *Model) focusedRef() (dataset.Ref, *dataset.Item, bool) {
	st := m.State()
	ch := st.CurrentChart(m.common.Data)
	if ch == nil {
		return dataset.Ref{}, nil, false
	}
	it := ch.Item(st.Focus)
	if it == nil {
		return dataset.Ref{}, nil, false
	}
	return dataset.Ref{Chart: ch.ID, Item: it.ID}, it, true
}

// focusedMeasure is the measure the focus reports (a measure in the
// sources view, a finding or chart figure tagged with one), if any.
func (m *Model) focusedMeasure() (string, bool) {
	return explore.MeasureAt(m.common.Data, m.State())
}

// setAll applies a change to every view's state: pins and the spotlight
// are shared across views.
func (m *Model) setAll(f func(*explore.State)) {
	for _, p := range m.panes {
		st := p.State()
		f(&st)
		p.SetState(st)
	}
}

// compareKey handles the comparing keys. It reports whether the key was
// one of them; other keys go on to the explorer, except that switching
// views closes an open panel first.
func (m *Model) compareKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, c := m.common.Keys, m.common.Data
	if m.full {
		return nil, false
	}
	m.setCompareKeys()
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Close):
		m.cmp.panel, m.cmp.measure = false, ""
		m.status = ""
	case key.Matches(msg, k.Pin):
		ref, it, ok := m.focusedRef()
		if !ok {
			m.status = "nothing to pin here: focus a chart item"
			break
		}
		pins, pinned, err := explore.TogglePin(m.State().Pins, ref)
		if err != nil {
			m.status = err.Error()
			break
		}
		m.setAll(func(st *explore.State) { st.Pins = pins })
		if pinned {
			m.status = "pinned " + it.Label
			if len(pins) >= 2 && !m.cmp.panel {
				m.status += " (v to compare)"
			}
		} else {
			m.status = "unpinned " + it.Label
			if len(pins) == 0 {
				m.cmp.panel = false
			}
		}
	case key.Matches(msg, k.ClearPins):
		m.setAll(func(st *explore.State) { st.Pins = nil })
		m.cmp.panel = false
		m.status = "pins cleared"
	case key.Matches(msg, k.Compare):
		if len(m.State().Pins) == 0 {
			m.status = "nothing pinned: press c on an item first"
			break
		}
		m.cmp.panel = !m.cmp.panel
		m.cmp.measure = ""
		m.status = ""
	case key.Matches(msg, k.Diverging):
		if !explore.CanDiverge(m.State().CurrentChart(c)) {
			m.status = "the butterfly chart needs a chart with two series"
			break
		}
		p := m.panes[m.active]
		st := p.State().ToggleDiverging()
		p.SetState(st)
		m.cmp.panel, m.cmp.measure = false, ""
		m.status = map[bool]string{true: "butterfly chart", false: "bar chart"}[st.Diverging]
	case key.Matches(msg, k.Spotlight):
		_, it, ok := m.focusedRef()
		if !ok {
			m.status = "nothing to spotlight here: focus a chart item"
			break
		}
		spot := it.Label
		if render.Spotlit(m.State().Spotlight, it.Label) {
			spot = ""
		}
		m.setAll(func(st *explore.State) { st.Spotlight = spot })
		m.status = "spotlight off"
		if spot != "" {
			m.status = "spotlight: " + spot
		}
	case key.Matches(msg, k.Describe):
		m.cmp.describe = !m.cmp.describe
		m.resize(m.width, m.height)
		m.status = map[bool]string{true: "describe on", false: "describe off"}[m.cmp.describe]
	case key.Matches(msg, k.Export):
		if m.cmp.export.dir == "" {
			m.status = "export is off in this session"
			break
		}
		m.status = "exporting" + m.common.Styles.Ellipsis()
		cmd = m.exportCmd()
	case key.Matches(msg, k.Measure):
		id, ok := m.focusedMeasure()
		if !ok {
			return nil, false
		}
		m.cmp.measure, m.cmp.panel = id, false
		m.status = ""
	default:
		if m.cmp.panel || m.cmp.measure != "" {
			if key.Matches(msg, k.NextView, k.PrevView, k.GotoView) {
				m.cmp.panel, m.cmp.measure = false, ""
			}
		}
		return nil, false
	}
	m.panes[m.active].SetKeys()
	m.setCompareKeys()
	m.frameOK = false
	return cmd, true
}

// setCompareKeys enables the comparing keys that do something now, so help
// lists only those.
func (m *Model) setCompareKeys() {
	k := m.common.Keys
	st := m.State()
	_, _, onItem := m.focusedRef()
	_, onMeasure := m.focusedMeasure()
	overlay := m.cmp.panel || m.cmp.measure != ""
	k.Pin.SetEnabled(onItem && !overlay)
	k.Spotlight.SetEnabled(onItem && !overlay)
	k.ClearPins.SetEnabled(len(st.Pins) > 0)
	k.Compare.SetEnabled(len(st.Pins) > 0)
	k.Diverging.SetEnabled(explore.CanDiverge(st.CurrentChart(m.common.Data)) && m.cmp.measure == "")
	k.Describe.SetEnabled(true)
	k.Export.SetEnabled(m.cmp.export.dir != "")
	k.Measure.SetEnabled(onMeasure && !overlay)
	// With the panel open, v and esc both close it, shown as one key.
	if m.cmp.panel {
		k.Compare.SetKeys("v", "esc")
		k.Compare.SetHelp("v/esc", "close")
	} else {
		k.Compare.SetKeys("v")
		k.Compare.SetHelp("v", "compare pins")
	}
	k.Close.SetEnabled(m.cmp.measure != "")
	if overlay {
		// The panel covers the chart: moving its hidden focus or series
		// would change nothing visible. Sort still orders the panel.
		for _, b := range []*key.Binding{&k.Up, &k.Down, &k.First, &k.Last, &k.Series} {
			b.SetEnabled(false)
		}
	}
}

// compareBody draws the panel that covers the body, if one is open.
func (m *Model) compareBody(w, h int) (string, bool) {
	o := render.Options{Width: w, Height: h, Styles: m.common.Styles}
	switch {
	case m.cmp.panel:
		return render.Compare(m.common.Data, m.State(), o), true
	case m.cmp.measure != "":
		return render.Measure(m.common.Data, m.cmp.measure, o), true
	}
	return "", false
}

// describeLines is the describe line under the body: the sentence for what
// the active view focuses, wrapped to describeHeight lines; nil when off.
func (m *Model) describeLines() []string {
	if !m.cmp.describe {
		return nil
	}
	s := m.common.Styles
	text := m.describe()
	if m.common.Env.ASCII {
		text = strings.NewReplacer("“", "\"", "”", "\"").Replace(text)
	}
	lines := wrapText(text, m.width-2, describeLineHeight, s.Ellipsis())
	out := make([]string, describeLineHeight)
	mark := "i "
	for i := range out {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		lead := "  "
		if i == 0 {
			lead = mark
		}
		out[i] = s.Detail.Render(lead + l)
	}
	return out
}

// describe is the sentence for the active view: the comparison when the
// panel is open, else what the focus is on.
func (m *Model) describe() string {
	c := m.common.Data
	st := m.State()
	if m.cmp.measure != "" {
		return explore.DescribeMeasure(c, m.cmp.measure)
	}
	if m.cmp.panel {
		return explore.DescribeComparison(c, st.Pins, st.Sort, st.Reverse)
	}
	if t := explore.Describe(c, st); t != "" {
		return t
	}
	return "Nothing focused."
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

// describeHeight is the height of the describe line: 0 when it is off.
func (m *Model) describeHeight() int {
	if m.cmp.describe {
		return describeLineHeight
	}
	return 0
}

// bodyView is the body: an open panel, or the active view.
func (m *Model) bodyView(p *pane, w, h int) string {
	if b, ok := m.compareBody(w, h); ok {
		return b
	}
	return p.View()
}
