package explore

import (
	"slices"

	"github.com/docsurvey/docsurvey/dataset"
)

// State is everything that decides what the explorer shows: the view, the
// chart and item in focus, the sort, the series shown and the display modes.
// It is a plain value: the presenter broadcasts it, and (with the size and
// colour profile) it keys cached frames. Transitions are pure methods that
// return a new State; Normalize makes any State valid for a collection.
type State struct {
	// View is the ID of one of the collection's views (Collection.ViewIDs).
	View string
	// Chart is the index of the focused section within the view: a chart in
	// chart views, 0 for the overview's findings, 0 (sources) or 1 (the
	// measures several sources report) in the sources view.
	Chart int
	// Focus is the ID of the focused item within the section.
	Focus string
	// Sort is one of dataset.SortOrders.
	Sort string
	// Reverse reverses the sort.
	Reverse bool
	// Series is dataset.SeriesAll or one series ID of the focused chart.
	Series string
	// Diverging draws a two-series chart as a butterfly chart.
	Diverging bool
	// Pins are items pinned for comparison (see pins.go).
	Pins []dataset.Ref
	// Spotlight is an item label to highlight wherever it appears.
	Spotlight string
	// Step is the guided tour step, -1 when not touring.
	Step int
	// Big is the projector mode: larger bars, fewer words.
	Big bool
	// Whiskers draws each bar's 95% interval on it (see margin.go).
	Whiskers bool
}

// Start returns the state the explorer opens in: the overview, dataset
// order, every series, no tour.
func Start() State {
	return State{View: dataset.ViewOverview, Sort: dataset.SortOrder, Series: dataset.SeriesAll, Step: -1}
}

// Section is one focusable list of a view: a chart's items, the overview's
// findings, the sources, or the measures several sources report.
type Section struct {
	// Chart is the chart, nil for lists that are not charts.
	Chart *dataset.Chart
	// Kind is "chart", "findings", "sources" or "measures".
	Kind string
}

// Section kinds.
const (
	SectionChart    = "chart"
	SectionFindings = "findings"
	SectionSources  = "sources"
	SectionMeasures = "measures"
)

// Sections returns the focusable sections of a view, in display order:
// every chart of the view; for a view without charts, its findings; for the
// sources view, the sources and the measures they report.
func Sections(c *dataset.Collection, view string) []Section {
	if c == nil {
		return nil
	}
	if view == dataset.ViewSources {
		out := []Section{{Kind: SectionSources}}
		if len(MeasuresCompared(c)) > 0 {
			out = append(out, Section{Kind: SectionMeasures})
		}
		return out
	}
	var out []Section
	for _, ch := range c.ChartsIn(view) {
		out = append(out, Section{Chart: ch, Kind: SectionChart})
	}
	if len(out) == 0 && len(c.FindingsIn(view)) > 0 {
		out = append(out, Section{Kind: SectionFindings})
	}
	return out
}

// SectionAt returns section i of the state's view, and false when there is
// none.
func SectionAt(c *dataset.Collection, view string, i int) (Section, bool) {
	secs := Sections(c, view)
	if i < 0 || i >= len(secs) {
		return Section{}, false
	}
	return secs[i], true
}

// CurrentChart returns the chart the state focuses, or nil when its section
// is not a chart.
func (s State) CurrentChart(c *dataset.Collection) *dataset.Chart {
	sec, ok := SectionAt(c, s.View, s.Chart)
	if !ok {
		return nil
	}
	return sec.Chart
}

// FocusIDs returns the IDs of a section's items in display order: a chart's
// items sorted as the state says (the series selection applies to the
// focused chart only), findings, sources and measures in dataset order.
func FocusIDs(c *dataset.Collection, s State, section int) []string {
	sec, ok := SectionAt(c, s.View, section)
	if !ok {
		return nil
	}
	var ids []string
	switch sec.Kind {
	case SectionChart:
		series := dataset.SeriesAll
		if section == s.Chart {
			series = s.Series
		}
		for _, r := range Rows(sec.Chart, s.Sort, s.Reverse, SeriesShown(sec.Chart, series)) {
			ids = append(ids, r.Item.ID)
		}
	case SectionFindings:
		for _, f := range c.FindingsIn(s.View) {
			ids = append(ids, f.ID)
		}
	case SectionSources:
		for _, src := range c.Sources {
			ids = append(ids, src.ID)
		}
	case SectionMeasures:
		for _, m := range MeasuresCompared(c) {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// Sortable reports whether sorting changes the state's current section (only
// charts sort).
func (s State) Sortable(c *dataset.Collection) bool {
	return s.CurrentChart(c) != nil
}

// MultiSeries reports whether the focused chart has two or more series, so
// the series selection can change.
func (s State) MultiSeries(c *dataset.Collection) bool {
	ch := s.CurrentChart(c)
	return ch != nil && len(ch.Series) > 1
}

// Normalize returns the state made valid for the collection: an unknown view
// becomes the overview, a section out of range the first, a focus not in the
// section its first item, an unknown sort dataset order, a series the chart
// does not have every series, a negative tour step -1.
func (s State) Normalize(c *dataset.Collection) State {
	if !c.HasView(s.View) {
		s.View = dataset.ViewOverview
	}
	if !slices.Contains(dataset.SortOrders(), s.Sort) {
		s.Sort = dataset.SortOrder
	}
	if s.Step < -1 {
		s.Step = -1
	}
	n := len(Sections(c, s.View))
	if s.Chart < 0 || s.Chart >= n {
		s.Chart = 0
	}
	ch := s.CurrentChart(c)
	if ch == nil || s.Series == "" || !ValidSeries(ch, s.Series) || len(ch.Series) < 2 {
		s.Series = dataset.SeriesAll
	}
	ids := FocusIDs(c, s, s.Chart)
	if !slices.Contains(ids, s.Focus) {
		s.Focus = ""
		if len(ids) > 0 {
			s.Focus = ids[0]
		}
	}
	return s
}

// ViewIndex returns the position of the state's view among the collection's
// views, or 0 when unknown.
func (s State) ViewIndex(c *dataset.Collection) int {
	if i := slices.Index(c.ViewIDs(), s.View); i >= 0 {
		return i
	}
	return 0
}

// GotoView returns the state showing view n, counted from 1 as on the number
// keys (1 = the overview, then the collection's views in tab order).
// Out-of-range n leaves the view as it is. The new view starts on its first section and item; sort and modes
// carry over.
func (s State) GotoView(c *dataset.Collection, n int) State {
	views := c.ViewIDs()
	if n < 1 || n > len(views) {
		return s.Normalize(c)
	}
	return s.withView(c, views[n-1])
}

// GotoViewID returns the state showing the view with the given ID; an
// unknown ID shows the overview.
func (s State) GotoViewID(c *dataset.Collection, id string) State {
	return s.withView(c, id)
}

func (s State) withView(c *dataset.Collection, id string) State {
	if s.View != id {
		s.View, s.Chart, s.Focus, s.Series = id, 0, "", dataset.SeriesAll
	}
	return s.Normalize(c)
}

// NextView returns the state showing the next view, wrapping after the last.
func (s State) NextView(c *dataset.Collection) State {
	n := len(c.ViewIDs())
	return s.GotoView(c, (s.ViewIndex(c)+1)%n+1)
}

// PrevView returns the state showing the previous view, wrapping before the
// first.
func (s State) PrevView(c *dataset.Collection) State {
	n := len(c.ViewIDs())
	return s.GotoView(c, (s.ViewIndex(c)+n-1)%n+1)
}

// MoveFocus moves the focus delta items down (positive) or up (negative)
// across every section of the view in display order: past the last item of
// one chart it goes to the first of the next. It stops at the ends.
func (s State) MoveFocus(c *dataset.Collection, delta int) State {
	s = s.Normalize(c)
	for delta != 0 {
		ids := FocusIDs(c, s, s.Chart)
		i := slices.Index(ids, s.Focus)
		switch {
		case delta > 0 && i+1 < len(ids):
			s.Focus = ids[i+1]
			delta--
		case delta > 0 && s.Chart+1 < len(Sections(c, s.View)):
			s = s.enterSection(c, s.Chart+1, true)
			delta--
		case delta < 0 && i > 0:
			s.Focus = ids[i-1]
			delta++
		case delta < 0 && s.Chart > 0:
			s = s.enterSection(c, s.Chart-1, false)
			delta++
		default:
			return s
		}
	}
	return s
}

// enterSection moves to another section, focusing its first (or last) item;
// the series selection resets, since series belong to one chart.
func (s State) enterSection(c *dataset.Collection, section int, first bool) State {
	s.Chart, s.Series = section, dataset.SeriesAll
	ids := FocusIDs(c, s, section)
	s.Focus = ""
	if len(ids) > 0 {
		s.Focus = ids[0]
		if !first {
			s.Focus = ids[len(ids)-1]
		}
	}
	return s
}

// FocusFirst focuses the first item of the view's first section.
func (s State) FocusFirst(c *dataset.Collection) State {
	return s.enterSection(c, 0, true).Normalize(c)
}

// FocusLast focuses the last item of the view's last section.
func (s State) FocusLast(c *dataset.Collection) State {
	n := len(Sections(c, s.View))
	if n == 0 {
		return s.Normalize(c)
	}
	return s.enterSection(c, n-1, false).Normalize(c)
}

// CycleSort returns the state with the next sort order (order → value → gap
// → name → order). The focused item stays focused.
func (s State) CycleSort() State {
	s.Sort = NextSort(s.Sort)
	return s
}

// ToggleReverse returns the state with the sort reversed.
func (s State) ToggleReverse() State {
	s.Reverse = !s.Reverse
	return s
}

// CycleSeries returns the state showing the next series selection of the
// focused chart: every series → the first only → the second only → … →
// every series. On a one-series chart it stays on every series.
func (s State) CycleSeries(c *dataset.Collection) State {
	ch := s.CurrentChart(c)
	if ch == nil {
		s.Series = dataset.SeriesAll
		return s
	}
	s.Series = NextSeries(ch, s.Series)
	return s
}

// ToggleBig returns the state with the projector mode switched.
func (s State) ToggleBig() State {
	s.Big = !s.Big
	return s
}

// ToggleDiverging returns the state with the butterfly layout switched.
func (s State) ToggleDiverging() State {
	s.Diverging = !s.Diverging
	return s
}

// Key is the comparable form of a State: every field, pins joined.
type Key struct {
	View, Focus, Sort, Series, Spotlight, Pins string
	Chart, Step                                int
	Reverse, Diverging, Big, Whiskers          bool
}

// Key returns the state's comparable form, e.g. for a map key.
func (s State) Key() Key {
	pins := ""
	for i, p := range s.Pins {
		if i > 0 {
			pins += " "
		}
		pins += p.String()
	}
	return Key{View: s.View, Focus: s.Focus, Sort: s.Sort, Series: s.Series, Spotlight: s.Spotlight, Pins: pins,
		Chart: s.Chart, Step: s.Step, Reverse: s.Reverse, Diverging: s.Diverging, Big: s.Big, Whiskers: s.Whiskers}
}

// Equal reports whether two states show the same thing, pins included.
func (s State) Equal(o State) bool { return s.Key() == o.Key() }
