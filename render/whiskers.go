package render

import (
	"math"

	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// whiskerFunc gives the cells, from lo to hi inclusive, that an item's
// interval in a series covers on its bar; ok is false when the figure has
// no interval.
type whiskerFunc func(item, series int) (lo, hi int, ok bool)

// whiskersOf maps a chart's intervals onto bars barW cells wide, on the
// chart's axis.
func whiskersOf(c *dataset.Collection, ch *dataset.Chart, barW int) whiskerFunc {
	top := chartMax(ch)
	return func(item, series int) (int, int, bool) {
		if item < 0 || item >= len(ch.Items) {
			return 0, 0, false
		}
		m := explore.FigureMargin(c, ch, &ch.Items[item], series)
		if !m.OK {
			return 0, 0, false
		}
		return whiskerSpan(m.Low, m.High, top, barW)
	}
}

// whiskerSpan maps an interval [low, high] on an axis 0–top onto cells
// 0…barW−1: the cells the interval touches, at least one.
func whiskerSpan(low, high, top float64, barW int) (lo, hi int, ok bool) {
	if barW <= 0 || !(top > 0) || !finite(low) || !finite(high) || high < low {
		return 0, 0, false
	}
	cell := func(v float64) int {
		return clampInt(int(math.Floor(v/top*float64(barW))), 0, barW-1)
	}
	lo, hi = cell(low), cell(high)
	if high >= top {
		hi = barW - 1
	}
	return lo, hi, true
}

// whiskerGlyphs are the whisker's left end, middle, right end and the
// glyph for an interval one cell wide.
func whiskerGlyphs(s *Styles) (left, mid, right, one rune) {
	g := []rune(s.Text("├─┤┼"))
	return g[0], g[1], g[2], g[3]
}

// drawWhisker draws item's interval in series on canvas row y, over the bar
// that ends at cell end, and returns the cell after which the value goes:
// past the whisker if it reaches beyond the bar.
func drawWhisker(cv *canvas.Model, wk whiskerFunc, item, series, y, end int, s *Styles, style lipgloss.Style) int {
	lo, hi, ok := wk(item, series)
	if !ok {
		return end
	}
	left, mid, right, one := whiskerGlyphs(s)
	for x := lo; x <= hi; x++ {
		r := mid
		switch {
		case lo == hi:
			r = one
		case x == lo:
			r = left
		case x == hi:
			r = right
		}
		cv.SetCell(canvas.Point{X: x, Y: y}, canvas.NewCellWithStyle(r, style))
	}
	return max(end, hi+1)
}

// whiskerLegend adds the whiskers' key, "├─┤ 95% interval", after the
// series of the legend when they are drawn (on) and there is room.
func whiskerLegend(lines []string, on bool, w int, s *Styles) []string {
	if !on || len(lines) == 0 {
		return lines
	}
	left, mid, right, _ := whiskerGlyphs(s)
	key := s.Muted.Render(string([]rune{left, mid, right}) + " 95% interval")
	last := len(lines) - 1
	if width(lines[last])+3+width(key) <= w {
		out := append([]string(nil), lines...)
		out[last] += "   " + key
		return out
	}
	return lines
}
