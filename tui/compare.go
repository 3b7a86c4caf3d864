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
	// Close closes the measure view.
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

// comparePanel is the component of comparing: the pins, the spotlight,
// the butterfly switch and the comparison panel that covers the body while
// open. Pins and the spotlight are shared by every view (host.setAll).
type comparePanel struct {
	common *Common
	host   host
	w, h   int
	// open is set while the panel covers the body.
	open bool
}

// ShortHelp implements help.KeyMap.
func (p *comparePanel) ShortHelp() []key.Binding { return []key.Binding{p.common.Keys.Compare} }

// FullHelp implements help.KeyMap: the keys routed to the panel.
func (p *comparePanel) FullHelp() [][]key.Binding {
	k := p.common.Keys
	return [][]key.Binding{{k.Pin, k.ClearPins, k.Compare, k.Diverging, k.Spotlight}}
}

// SetSize sets the area the panel covers.
func (p *comparePanel) SetSize(w, h int) { p.w, p.h = w, h }

// Update handles the comparing keys.
func (p *comparePanel) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k, c := p.common.Keys, p.common.Data
	st := p.host.State()
	switch {
	case key.Matches(kp, k.Pin):
		p.pin(st)
	case key.Matches(kp, k.ClearPins):
		p.host.setAll(func(st *explore.State) { st.Pins = nil })
		p.open = false
		p.host.setStatus("pins cleared")
	case key.Matches(kp, k.Compare):
		open := !p.open
		p.host.closeOverlays()
		p.open = open
		// Pins whose series differ: say what they share before the
		// panel shows what it can compare.
		if note := explore.Compare(c, st.Pins).SharedNote(); open && note != "" {
			p.host.setStatus(note)
		}
	case key.Matches(kp, k.Diverging):
		st = st.ToggleDiverging()
		p.host.setState(st)
		p.host.closeOverlays()
		p.host.setStatus(map[bool]string{true: "butterfly chart", false: "bar chart"}[st.Diverging])
	case key.Matches(kp, k.Spotlight):
		_, it, _ := focusedRef(c, st)
		spot := it.Label
		if render.Spotlit(st.Spotlight, it.Label) {
			spot = ""
		}
		p.host.setAll(func(st *explore.State) { st.Spotlight = spot })
		p.host.setStatus(map[bool]string{true: "spotlight: " + spot, false: "spotlight off"}[spot != ""])
	}
	return nil
}

// pin pins or unpins the focused item.
func (p *comparePanel) pin(st explore.State) {
	ref, it, _ := focusedRef(p.common.Data, st)
	pins, pinned, err := explore.TogglePin(st.Pins, ref)
	if err != nil {
		p.host.setStatus(err.Error())
		return
	}
	p.host.setAll(func(st *explore.State) { st.Pins = pins })
	switch {
	case pinned && len(pins) >= 2 && !p.open:
		p.host.setStatus("pinned " + it.Label + " (v to compare)")
	case pinned:
		p.host.setStatus("pinned " + it.Label)
	default:
		p.host.setStatus("unpinned " + it.Label)
		p.open = p.open && len(pins) > 0
	}
}

// View is the panel over the body while open, else "".
func (p *comparePanel) View() string {
	if !p.open {
		return ""
	}
	return render.Compare(p.common.Data, p.host.State(), render.Options{Width: p.w, Height: p.h, Styles: p.common.Styles})
}

// focusedRef is the chart item st focuses, and false when the focus is not
// on a chart item (findings, sources).
func focusedRef(c *dataset.Collection, st explore.State) (dataset.Ref, *dataset.Item, bool) {
	ch := st.CurrentChart(c)
	if ch == nil {
		return dataset.Ref{}, nil, false
	}
	it := ch.Item(st.Focus)
	if it == nil {
		return dataset.Ref{}, nil, false
	}
	return dataset.Ref{Chart: ch.ID, Item: it.ID}, it, true
}

// sourcesPanel is the component that sets a measure's sources side by
// side over the body.
type sourcesPanel struct {
	common *Common
	host   host
	w, h   int
	// measure is the measure shown, "" for none.
	measure string
}

// ShortHelp implements help.KeyMap.
func (p *sourcesPanel) ShortHelp() []key.Binding {
	k := p.common.Keys
	return []key.Binding{k.Close, k.Measure}
}

// FullHelp implements help.KeyMap: the keys routed to the sources.
func (p *sourcesPanel) FullHelp() [][]key.Binding {
	k := p.common.Keys
	return [][]key.Binding{{k.Measure, k.Close}}
}

// SetSize sets the area the sources cover.
func (p *sourcesPanel) SetSize(w, h int) { p.w, p.h = w, h }

// Update opens the focused figure's measure or closes it.
func (p *sourcesPanel) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := p.common.Keys
	switch {
	case key.Matches(kp, k.Measure):
		id, _ := explore.MeasureAt(p.common.Data, p.host.State())
		p.host.closeOverlays()
		p.measure = id
	case key.Matches(kp, k.Close):
		p.measure = ""
	}
	return nil
}

// show sets the measure shown ("" closes); one the data lacks shows none.
func (p *sourcesPanel) show(id string) {
	p.measure = ""
	if p.common.Data.Measure(id) != nil {
		p.measure = id
	}
}

// View is the sources side by side while open, else "".
func (p *sourcesPanel) View() string {
	if p.measure == "" {
		return ""
	}
	return render.Measure(p.common.Data, p.measure, render.Options{Width: p.w, Height: p.h, Styles: p.common.Styles})
}

// describeLineHeight is how many lines the describe line takes.
const describeLineHeight = 2

// describeLine is the component of the describe line under the body: a
// plain-language sentence on what the screen shows.
type describeLine struct {
	common  *Common
	host    host
	compare *comparePanel
	sources *sourcesPanel
	width   int
	// on is set while the line is shown.
	on bool
}

// ShortHelp implements help.KeyMap.
func (d *describeLine) ShortHelp() []key.Binding { return []key.Binding{d.common.Keys.Describe} }

// FullHelp implements help.KeyMap.
func (d *describeLine) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// SetSize sets the width the sentence wraps to.
func (d *describeLine) SetSize(w, _ int) { d.width = w }

// Update toggles the line.
func (d *describeLine) Update(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok && key.Matches(kp, d.common.Keys.Describe) {
		d.on = !d.on
		d.host.setStatus(map[bool]string{true: "describe on", false: "describe off"}[d.on])
	}
	return nil
}

// height is the lines the describe line takes: 0 when it is off.
func (d *describeLine) height() int {
	if d.on {
		return describeLineHeight
	}
	return 0
}

// View is the sentence for what the screen shows, wrapped to
// describeLineHeight lines; "" when off.
func (d *describeLine) View() string { return strings.Join(d.lines(), "\n") }

// lines are the describe line's lines; nil when off.
func (d *describeLine) lines() []string {
	if !d.on {
		return nil
	}
	s := d.common.Styles
	// Under --ascii the frame's one mapping (render.ToASCII) rewrites
	// the quotes.
	lines := wrapText(d.text(), d.width-2, describeLineHeight, s.Ellipsis())
	out := make([]string, describeLineHeight)
	for i := range out {
		l, lead := "", "  "
		if i < len(lines) {
			l = lines[i]
		}
		if i == 0 {
			lead = "i "
		}
		out[i] = s.Detail.Render(lead + l)
	}
	return out
}

// text is the sentence: the measure or the comparison when one is open,
// else what the focus is on.
func (d *describeLine) text() string {
	c, st := d.common.Data, d.host.State()
	switch {
	case d.sources.measure != "":
		return explore.DescribeMeasure(c, d.sources.measure)
	case d.compare.open:
		return explore.DescribeComparison(c, st.Pins, st.Sort, st.Reverse)
	}
	if t := explore.Describe(c, st); t != "" {
		return t
	}
	return "Nothing focused."
}
