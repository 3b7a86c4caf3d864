package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// tabZone is the bubblezone ID of a view's tab.
func tabZone(view string) string { return "tab-" + view }

// drawTabs draws the view tabs (each a click zone) and, on the right, info:
// what the view is showing (sort, series, big mode). Names shrink to fit:
// "1 Overview", then "1 Ove", then "1".
func (m *Model) drawTabs(info string) string {
	s := m.common.Styles
	ids := dataset.ViewIDs()
	for _, n := range []int{-1, 3, 0} {
		var parts []string
		plain := 0
		for i, id := range ids {
			name := render.ViewTitle(id)
			if n >= 0 && len([]rune(name)) > n {
				name = string([]rune(name)[:n])
			}
			t := strings.TrimSpace(fmt.Sprintf(" %d %s ", i+1, name))
			t = " " + t + " "
			plain += ansi.StringWidth(t)
			st := s.Tab
			if i == m.active {
				st = s.TabActive
			}
			parts = append(parts, m.common.Zone.Mark(tabZone(id), st.Render(t)))
		}
		if plain > m.width {
			continue
		}
		line := strings.Join(parts, "")
		if n == 0 {
			// Numbers only: say which view this is.
			name := render.ViewTitle(ids[m.active])
			if plain+2+ansi.StringWidth(name+"  "+info) > m.width {
				info = ""
			}
			info = strings.TrimSpace(name + "  " + info)
		}
		// The state summary goes on the right if it fits whole.
		if info != "" && plain+2+ansi.StringWidth(info) <= m.width {
			line += strings.Repeat(" ", m.width-plain-ansi.StringWidth(info)) + s.Status.Render(info)
		}
		return line
	}
	return ""
}

// info describes the active view's state: sort, series, big mode; in
// words if that fits the space after the tabs, else in short.
func (m *Model) info() string {
	st := m.State()
	c := m.common.Data
	var long, short []string
	if st.Sortable(c) {
		long = append(long, "sort: "+sortName(st))
		short = append(short, shortSortName(st))
	}
	if st.MultiSeries(c) {
		long = append(long, "series: "+seriesName(c, st))
		short = append(short, seriesName(c, st))
	}
	if st.Diverging && explore.CanDiverge(st.CurrentChart(c)) {
		long = append(long, "butterfly")
		short = append(short, "butterfly")
	}
	if st.Big {
		long = append(long, "big")
		short = append(short, "big")
	}
	if l := strings.Join(long, "  "); ansi.StringWidth(l)+76 <= m.width {
		return l
	}
	// Short forms, dropping the last until they fit beside the tabs.
	for n := len(short); n > 0; n-- {
		if l := strings.Join(short[:n], m.common.Styles.Dot()); ansi.StringWidth(l)+76 <= m.width {
			return l
		}
	}
	return strings.Join(short, m.common.Styles.Dot())
}

// shortSortName is the sort in a word or two: "value", "gap (rev)".
func shortSortName(st explore.State) string {
	n := st.Sort
	if n == dataset.SortOrder {
		n = "order"
	}
	if st.Reverse {
		n += " (rev)"
	}
	return n
}

// sortName names the sort for the status: "value", "name (reversed)".
func sortName(st explore.State) string {
	n := map[string]string{dataset.SortOrder: "dataset order", dataset.SortValue: "value", dataset.SortGap: "gap", dataset.SortName: "name"}[st.Sort]
	if st.Reverse {
		n += ", reversed"
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
