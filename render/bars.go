package render

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/v2/barchart"
	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// chartMax is the top of a chart's value axis: 100 for percentages, so
// bars compare honestly across views; for counts the largest finite value.
func chartMax(ch *dataset.Chart) float64 {
	if ch.Unit != dataset.UnitCount {
		return 100
	}
	m := 0.0
	for i := range ch.Items {
		for s := range ch.Series {
			if v, ok := explore.Value(ch, &ch.Items[i], s); ok && finite(v) && v > m {
				m = v
			}
		}
	}
	if m <= 0 {
		return 1
	}
	return m
}

// cells is how many cells a value's bar fills out of w, for an axis from 0
// to max: NaN, infinities, zero and negatives draw nothing, values past the
// axis fill it, and every other value fills at least one cell, so that a
// 2% bar does not vanish in a narrow chart while 8% gets a cell.
func cells(v, max float64, w int) int {
	if !finite(v) || v <= 0 || w <= 0 || !(max > 0) {
		return 0
	}
	if v >= max {
		return w
	}
	return clampInt(int(math.Round(v/max*float64(w))), 1, w)
}

// valueText is the text shown after a bar: the figure with its hedge
// ("over 65%"), or "n/a".
func valueText(ch *dataset.Chart, it *dataset.Item, s int) string {
	if s < 0 || s >= len(ch.Series) {
		return "n/a"
	}
	f, ok := it.Figure(ch.Series[s].ID)
	if !ok {
		return "n/a"
	}
	return explore.FormatValue(f.Value, ch.Unit, f.Qualifier)
}

// valueWidth is the widest value text of a chart.
func valueWidth(ch *dataset.Chart) int {
	w := 3
	for i := range ch.Items {
		for s := range ch.Series {
			w = max(w, width(valueText(ch, &ch.Items[i], s)))
		}
	}
	return min(w, maxValueWidth)
}

// maxValueWidth is the widest a value column gets: room for a hedged
// figure ("more than 1,300").
const maxValueWidth = 16

// barKey identifies one rendering of a chart's bars.
type barKey struct {
	c      *dataset.Collection
	ch     *dataset.Chart
	barW   int
	valW   int
	style  StyleKey
	focus  bool
	values bool
	item   int // the one item drawn, or -1 for a block
	block  int // with item -1: items block*barBlock up to the next block
	// whiskers draws each figure's interval on its bar (see whiskers.go).
	whiskers bool
}

// barBlock is how many items' bars are drawn, and cached, together. An
// ntcharts canvas keeps a styled cell per column and row (about 27 KB an
// item and series at 100 columns), so a chart is never drawn whole: only
// the blocks that hold the rows asked for, which for a screen is one or two.
const barBlock = 32

// barSet gives one line per item (dataset order) and series: the bar, then
// the value if values is set, padded to barW+1+valW cells. The bars are
// drawn by ntcharts' horizontal bar chart on a canvas that is dropped once
// its string is taken, one block of items at a time as rows are asked for;
// results are cached by every input. The zero barSet has no rows.
type barSet struct {
	key barKey
	ch  *dataset.Chart
	st  *Styles
}

func barRows(c *dataset.Collection, ch *dataset.Chart, barW, valW int, st *Styles, values, whiskers bool) barSet {
	return barSet{key: barKey{c: c, ch: ch, barW: barW, valW: valW, style: st.Key(), values: values, item: -1, whiskers: whiskers}, ch: ch, st: st}
}

// at returns row idx (item idx / series, series idx % series), or "".
func (b barSet) at(idx int) string {
	if b.ch == nil || idx < 0 || len(b.ch.Series) == 0 {
		return ""
	}
	ns := len(b.ch.Series)
	blk := idx / ns / barBlock
	k := b.key
	k.block = blk
	return pick(cachedBars(k, b.ch, b.st), idx-blk*barBlock*ns)
}

// focusRows returns the rows of one item drawn on the focus band, one per
// series; drawn when an item first takes the focus, then cached.
func focusRows(c *dataset.Collection, ch *dataset.Chart, item, barW, valW int, st *Styles, values, whiskers bool) []string {
	return cachedBars(barKey{c: c, ch: ch, barW: barW, valW: valW, style: st.Key(), focus: true, values: values, item: item, whiskers: whiskers}, ch, st)
}

func cachedBars(k barKey, ch *dataset.Chart, st *Styles) []string {
	if v, ok := bars.Get(k); ok {
		return v
	}
	var items []int
	if k.item >= 0 && k.item < len(ch.Items) {
		items = append(items, k.item)
	} else if k.item < 0 {
		for i := k.block * barBlock; i < min(len(ch.Items), (k.block+1)*barBlock); i++ {
			items = append(items, i)
		}
	}
	var wk whiskerFunc
	if k.whiskers {
		wk = whiskersOf(k.c, ch, k.barW)
	}
	rows := drawBarsWith(ch, items, k.barW, k.valW, st, k.focus, k.values, wk)
	bars.Put(k, rows)
	return rows
}

func drawBars(ch *dataset.Chart, items []int, barW, valW int, st *Styles, focus, values bool) []string {
	return drawBarsWith(ch, items, barW, valW, st, focus, values, nil)
}

// drawBarsWith is drawBars with each figure's interval drawn over its bar
// when wk is set; the value then follows the whisker.
func drawBarsWith(ch *dataset.Chart, items []int, barW, valW int, st *Styles, focus, values bool, wk whiskerFunc) []string {
	ns := len(ch.Series)
	n := len(items) * ns
	cw := barW + 1 + valW
	if n == 0 || barW <= 0 || cw <= 0 {
		return nil
	}
	max := chartMax(ch)
	bg := st.Base
	valStyle := st.Value
	if focus {
		bg = st.Band
		valStyle = st.ValueFocus
	}
	// One canvas cell per unit: the bars are pushed as whole cells, so the
	// glyphs below replace block elements one for one.
	bc := barchart.New(cw, n,
		barchart.WithNoAxis(),
		barchart.WithHorizontalBars(),
		barchart.WithBarGap(0),
		barchart.WithNoAutoMaxValue(),
		barchart.WithMaxValue(float64(cw)),
	)
	widths := make([]int, n)
	for k, i := range items {
		for s := range ch.Series {
			v, _ := explore.Value(ch, &ch.Items[i], s)
			w := cells(v, max, barW)
			widths[k*ns+s] = w
			bc.Push(barchart.BarData{Values: []barchart.BarValue{{Name: ch.Series[s].Label, Value: float64(w), Style: st.Bar(s, focus)}}})
		}
	}
	bc.Draw()
	for k, i := range items {
		for s := range ch.Series {
			y := k*ns + s
			glyph := canvas.NewCellWithStyle(st.Glyph(s), st.Bar(s, focus))
			blank := canvas.NewCellWithStyle(' ', bg)
			for x := 0; x < cw; x++ {
				if x < widths[y] {
					bc.Canvas.SetCell(canvas.Point{X: x, Y: y}, glyph)
				} else {
					bc.Canvas.SetCell(canvas.Point{X: x, Y: y}, blank)
				}
			}
			end := widths[y]
			if wk != nil {
				end = drawWhisker(&bc.Canvas, wk, i, s, y, end, st, valStyle)
			}
			if values {
				t := fit(valueText(ch, &ch.Items[i], s), valW, "")
				bc.Canvas.SetStringWithStyle(canvas.Point{X: end + 1, Y: y}, t, valStyle)
			}
		}
	}
	return strings.Split(bc.View(), "\n")
}
