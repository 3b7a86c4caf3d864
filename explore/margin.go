package explore

import (
	"math"
	"strconv"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/stats"
)

// SmallBase is the base under which a figure is flagged: its interval is
// wide and the normal approximations behind the comparisons are rough.
const SmallBase = 100

// Margin is a percentage's 95% Wilson interval and the base it rests on.
// See docs/statistics.md.
type Margin struct {
	// Value is the figure, in percent.
	Value float64
	// Percent is set for a percentage; a count never has an interval.
	Percent bool
	// Base is how many respondents the figure is a share of.
	Base dataset.Base
	// OK is set when there is an interval: a finite percentage from 0 to
	// 100 with a known base.
	OK bool
	// Low and High are the interval's limits, in percent.
	Low, High float64
}

// Small reports whether the base is known and under SmallBase.
func (m Margin) Small() bool { return m.Base.Known() && m.Base.N < SmallBase }

// marginOf computes the interval of v percent of base.
func marginOf(v float64, unit string, b dataset.Base) Margin {
	m := Margin{Value: v, Base: b, Percent: unit != dataset.UnitCount}
	if !m.Percent || !b.Known() || !finite(v) {
		return m
	}
	iv, ok := stats.Wilson(v/100, float64(b.N), stats.Z95)
	if !ok {
		return m
	}
	m.OK, m.Low, m.High = true, iv.Low*100, iv.High*100
	return m
}

// FigureMargin returns the margin of an item's figure in series si of its
// chart. A count, a figure with no known base (no stated sample, or a
// subgroup without n) or a missing figure has no interval (OK false).
func FigureMargin(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, si int) Margin {
	if c == nil || ch == nil || it == nil || si < 0 || si >= len(ch.Series) {
		return Margin{}
	}
	f, ok := it.Values[ch.Series[si].ID]
	if !ok {
		return Margin{Value: math.NaN()}
	}
	return marginOf(f.Value, unitOf(ch), c.BaseN(ch, it, ch.Series[si].ID))
}

// FindingMargin returns the margin of a finding's figure (see
// dataset.Collection.FindingBase); a worded finding has none.
func FindingMargin(c *dataset.Collection, fd *dataset.Finding) Margin {
	if c == nil || fd == nil || fd.Value == nil {
		return Margin{Value: math.NaN()}
	}
	unit := fd.Unit
	if unit == "" {
		unit = dataset.UnitPercent
	}
	return marginOf(*fd.Value, unit, c.FindingBase(fd))
}

// oneDecimal writes a percentage to one decimal: "13.9".
func oneDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// PlusMinus writes the margin in points: "±1.1", half the interval's
// width. Where the Wilson interval leans inwards so much that ± would
// mislead (near 0% or 100%, or a tiny base: one side half as long again as
// the other), it gives both sides: "+16.1/-0.0". "" without an interval.
func (m Margin) PlusMinus() string {
	if !m.OK {
		return ""
	}
	below, above := m.Value-m.Low, m.High-m.Value
	if lo, hi := math.Min(below, above), math.Max(below, above); lo > 0 && hi <= 1.5*lo {
		return "±" + oneDecimal((m.High-m.Low)/2)
	}
	return "+" + oneDecimal(above) + "/-" + oneDecimal(below)
}

// Range writes the interval's limits, "13.9–16.1", with sep between them
// ("–" on screen, "-" in ASCII). "" without an interval.
func (m Margin) Range(sep string) string {
	if !m.OK {
		return ""
	}
	return oneDecimal(m.Low) + sep + oneDecimal(m.High)
}

// BaseText writes the base: "n=4,033", "n ≈ 444, derived", "n=38, small
// base", or "n not stated".
func (m Margin) BaseText() string {
	if !m.Base.Known() {
		return "n not stated"
	}
	s := "n=" + FormatNumber(float64(m.Base.N))
	if m.Base.Derived {
		s = "n ≈ " + FormatNumber(float64(m.Base.N)) + ", derived"
	}
	if m.Small() {
		s += ", small base"
	}
	return s
}

// Text writes the figure with its margin, the way the detail line shows
// it: "15% ±1.1 pts (13.9–16.1), n=4,033"; "12%, n not stated" when there
// is no interval. figure is the figure as FormatValue writes it.
func (m Margin) Text(figure, sep string) string {
	if !m.Percent {
		return figure
	}
	if !m.OK {
		return figure + ", " + m.BaseText()
	}
	return figure + " " + m.PlusMinus() + " pts (" + m.Range(sep) + "), " + m.BaseText()
}

// ToggleWhiskers returns the state with interval whiskers switched.
func (s State) ToggleWhiskers() State {
	s.Whiskers = !s.Whiskers
	return s
}

// HasIntervals reports whether whiskers would draw anything on the chart
// the state focuses: a bar chart (not the butterfly) of percentages with
// at least one figure that has an interval.
func (s State) HasIntervals(c *dataset.Collection) bool {
	ch := s.CurrentChart(c)
	if ch == nil || unitOf(ch) != dataset.UnitPercent || (s.Diverging && CanDiverge(ch)) {
		return false
	}
	for i := range ch.Items {
		for si := range ch.Series {
			if FigureMargin(c, ch, &ch.Items[i], si).OK {
				return true
			}
		}
	}
	return false
}
