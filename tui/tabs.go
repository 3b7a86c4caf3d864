package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/lru"
	"github.com/docsurvey/docsurvey/render"
)

// tabZone is the bubblezone ID of a view's tab.
func tabZone(view string) string { return "tab-" + view }

// drawTabs draws the view tabs (each a click zone) and, on the right, info:
// what the view is showing (sort, series, big mode). Names shrink to fit: "1 Overview",
// then the short name ("1 Ove", or the one the data declares), then "1".
// When even that does not fit, the tabs scroll a page at a time with the
// active one in sight (see tabPage), "‹" and "›" saying there are more.
func (m *Model) drawTabs(info string) string {
	views := m.common.Data.ViewList()
	for _, form := range []int{tabFull, tabShort, tabNumber} {
		labels := tabLabels(views, form)
		plain := 0
		for _, t := range labels {
			plain += render.Width(t)
		}
		if plain > m.width {
			continue
		}
		line := m.tabRow(views, labels, 0, len(labels))
		if form == tabNumber {
			// Numbers only: say which view this is.
			name := views[m.active].Title
			if plain+2+render.Width(name+"  "+info) > m.width {
				info = ""
			}
			info = strings.TrimSpace(name + "  " + info)
		}
		// The state summary goes on the right if it fits whole.
		if info != "" && plain+2+render.Width(info) <= m.width {
			line += strings.Repeat(" ", m.width-plain-render.Width(info)) + m.common.Styles.Status.Render(info)
		}
		return line
	}
	return m.scrolledTabs(views)
}

// Tab label forms, from widest to narrowest.
const (
	tabFull = iota
	tabShort
	tabNumber
)

// tabLabels returns each view's tab text in a form: " 1 Overview ",
// " 1 Ove ", " 1 ". Views past the ninth have no number key and so no
// number; in the numbers-only form they keep their short name.
func tabLabels(views []dataset.View, form int) []string {
	out := make([]string, len(views))
	for i, v := range views {
		name := v.Title
		if form != tabFull {
			name = shortTitle(v)
		}
		num := ""
		if i < 9 {
			num = fmt.Sprintf("%d", i+1)
			if form == tabNumber {
				name = ""
			}
		}
		out[i] = " " + strings.TrimSpace(num+" "+name) + " "
	}
	return out
}

// shortTitle is a view's name on a narrow tab: the short name the data
// declares, or the first three letters of the title.
func shortTitle(v dataset.View) string {
	if v.Short != "" {
		return v.Short
	}
	if r := []rune(v.Title); len(r) > 3 {
		return string(r[:3])
	}
	return v.Title
}

// tabRow renders tabs [first, end) as click zones.
func (m *Model) tabRow(views []dataset.View, labels []string, first, end int) string {
	s := m.common.Styles
	var b strings.Builder
	for i := first; i < end; i++ {
		b.WriteString(m.common.Zone.Mark(tabZone(views[i].ID), styledTab(s, labels[i], i == m.active)))
	}
	return b.String()
}

// tabKey is every input of one drawn tab.
type tabKey struct {
	style  render.StyleKey
	label  string
	active bool
}

// styledTabs are the tabs drawn so far, shared by every session of the
// process: the zone marks around them are each session's own, the styled
// label is the same for all (drawing the tabs was an eighth of the
// server's CPU for 200 sessions tabbing at once). A few hundred short
// strings.
var styledTabs = lru.New[tabKey, string](512)

// styledTab is a tab's label drawn in s, as the active tab or not.
func styledTab(s *render.Styles, label string, active bool) string {
	k := tabKey{style: s.Key(), label: label, active: active}
	if t, ok := styledTabs.Get(k); ok {
		return t
	}
	st := s.Tab
	if active {
		st, label = s.TabActive, activeTab(label, s.Mono() || s.ASCII())
	}
	t := st.Render(label)
	styledTabs.Put(k, t)
	return t
}

// activeTab marks the active tab's label: without colour (NO_COLOR,
// --color never, monochrome) and under --ascii its padding becomes brackets,
// "[2 Platforms]", so the tab reads as active with no attribute at all
// (the bold and reverse video it also gets need not survive a terminal
// or a screen reader); the width stays the same.
func activeTab(label string, mono bool) string {
	if !mono || len(label) < 2 {
		return label
	}
	return "[" + label[1:len(label)-1] + "]"
}

// scrolledTabs draws the page of tabs, by their full titles, that holds the
// active one, with "‹" before it and "›" after it when there are tabs that
// way.
func (m *Model) scrolledTabs(views []dataset.View) string {
	labels := tabLabels(views, tabFull)
	widths := make([]int, len(labels))
	for i, t := range labels {
		widths[i] = render.Width(t)
	}
	left, right := "‹", "›"
	if m.common.Env.ASCII {
		left, right = "<", ">"
	}
	first, end := tabPage(widths, m.active, m.width-2)
	line := m.tabRow(views, labels, first, end)
	muted := m.common.Styles.Status
	if first > 0 {
		line = muted.Render(left) + line
	} else {
		line = " " + line
	}
	if end < len(views) {
		line += muted.Render(right)
	}
	return ansi.Truncate(line, m.width, "")
}

// info describes the active view's state beside the tabs: the one label
// (stateLabel) the status line shows after the sort and series keys.
func (m *Model) info() string { return stateLabel(m.common.Data, m.State(), m.common.Styles.Dot()) }

// stateLabel says how the view is drawn, in one format at every width and
// after every key: "gap (rev) · both · butterfly · big", each part only
// where it applies (the sort of a sortable chart, the series of one with
// several). The tab row shows it whole or not at all; it never drops a
// part to fit.
func stateLabel(c *dataset.Collection, st explore.State, dot string) string {
	var parts []string
	if st.Sortable(c) {
		parts = append(parts, sortName(c, st))
	}
	if st.MultiSeries(c) {
		parts = append(parts, seriesName(c, st))
	}
	if st.Diverging && explore.CanDiverge(st.CurrentChart(c)) {
		parts = append(parts, "butterfly")
	}
	if st.Big {
		parts = append(parts, "big")
	}
	return strings.Join(parts, dot)
}

// sortName names the sort: "order", "value", "name (rev)";
// a sort by difference is named as the chart's difference is: "gap" with
// two series, "spread" with three or more (explore.DifferenceName), so a
// four-series chart never claims a gap of its first two.
func sortName(c *dataset.Collection, st explore.State) string {
	n := map[string]string{dataset.SortOrder: "order", dataset.SortValue: "value", dataset.SortGap: "gap", dataset.SortName: "name"}[st.Sort]
	if ch := st.CurrentChart(c); st.Sort == dataset.SortGap && ch != nil {
		if d := explore.DifferenceName(ch, explore.SeriesShown(ch, st.Series)); d != "" {
			n = d
		}
	}
	if st.Reverse {
		n += " (rev)"
	}
	return n
}

// seriesName names the series selection: "both", or the series label.
func seriesName(c *dataset.Collection, st explore.State) string {
	ch := st.CurrentChart(c)
	if ch == nil || st.Series == dataset.SeriesAll || st.Series == "" {
		if ch != nil && len(ch.Series) == 2 {
			return "both"
		}
		return "all"
	}
	if i := ch.SeriesIndex(st.Series); i >= 0 {
		return ch.Series[i].Label + " only"
	}
	return st.Series
}
