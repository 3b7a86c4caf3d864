package explore

import (
	"math"
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// Comparison sets pinned items side by side: one row per item, in pin order,
// and one column per series.
//
// Series are aligned by label: two charts whose series are both labelled
// "Personal use" (ignoring case and surrounding space) share one column, even
// if their series IDs differ, because the label is what the reader compares.
// Series whose labels differ get columns of their own, even if their IDs are
// equal ("share" means different things in different charts), and an item
// has no value in the columns of series its chart does not have. Columns come
// in the order they are first met, pin by pin.
type Comparison struct {
	// Items are the pinned items, in pin order.
	Items []CompareItem
	// Series are the columns.
	Series []CompareSeries
	// Cells holds each item's figure per column: Cells[item][series].
	Cells [][]Cell
	// Unit is the unit every item shares (dataset.UnitPercent or
	// dataset.UnitCount), or "" when they differ; then items of different
	// units are never subtracted or divided.
	Unit string
	// Scale is the top of the common bar scale: 100 for percentages, else
	// the largest count.
	Scale float64
}

// CompareItem is one pinned item.
type CompareItem struct {
	// Ref is the pin.
	Ref dataset.Ref
	// Found is false when the pin no longer names an item of the collection.
	Found bool
	// Label and Short are the item's labels (Short falls back to Label).
	Label, Short string
	// Chart is the title of the item's chart.
	Chart string
	// Unit is the chart's unit.
	Unit string
	// Sources are the labels of the sources the item's figures cite, in
	// series order, without repeats.
	Sources []string
	// Series lists the columns of the item's own series, in its chart's
	// order.
	Series []int
}

// CompareSeries is one column of a comparison.
type CompareSeries struct {
	// Label is the series label, as first met.
	Label string
}

// Cell is one item's figure in one column.
type Cell struct {
	// OK is false when the item has no usable value here: its chart lacks
	// the series, the item lacks the figure, or the value is not a number.
	OK bool
	// Value is the number.
	Value float64
	// Qualifier is the document's hedge ("over").
	Qualifier string
	// Source is the cited source's ID.
	Source string
	// At names the figure, for its margin (see Comparison.Verdict).
	At FigureAt
}

func unitOf(ch *dataset.Chart) string {
	if ch.Unit == "" {
		return dataset.UnitPercent
	}
	return ch.Unit
}

// Compare builds the comparison of pinned items. Pins that no longer resolve
// are kept, marked not found, with no values.
func Compare(c *dataset.Collection, pins []dataset.Ref) Comparison {
	var cmpn Comparison
	colOf := map[string]int{}
	type fig struct {
		col int
		f   dataset.Figure
		ch  *dataset.Chart
		at  FigureAt
	}
	perItem := make([][]fig, len(pins))
	units := map[string]bool{}
	for i, p := range pins {
		ci := CompareItem{Ref: p}
		ch, it := c.Resolve(p)
		if it != nil {
			ci.Found = true
			ci.Label, ci.Short = it.Label, it.Short
			if ci.Short == "" {
				ci.Short = it.Label
			}
			ci.Chart = ch.Title
			ci.Unit = unitOf(ch)
			units[ci.Unit] = true
			used := map[int]bool{}
			for _, s := range ch.Series {
				key := strings.ToLower(strings.TrimSpace(s.Label))
				col, ok := colOf[key]
				if !ok || used[col] {
					col = len(cmpn.Series)
					cmpn.Series = append(cmpn.Series, CompareSeries{Label: s.Label})
					if !ok {
						colOf[key] = col
					}
				}
				used[col] = true
				ci.Series = append(ci.Series, col)
				f, has := it.Values[s.ID]
				if !has {
					continue
				}
				perItem[i] = append(perItem[i], fig{col, f, ch, FigureAt{ch.ID, it.ID, s.ID}})
				lbl := ch.SourceOf(f)
				if src := c.Source(lbl); src != nil && src.Label != "" {
					lbl = src.Label
				}
				if !slices.Contains(ci.Sources, lbl) {
					ci.Sources = append(ci.Sources, lbl)
				}
			}
		}
		cmpn.Items = append(cmpn.Items, ci)
	}
	cmpn.Cells = make([][]Cell, len(pins))
	for i := range cmpn.Cells {
		cmpn.Cells[i] = make([]Cell, len(cmpn.Series))
		for _, fg := range perItem[i] {
			if !finite(fg.f.Value) {
				continue
			}
			cmpn.Cells[i][fg.col] = Cell{OK: true, Value: fg.f.Value, Qualifier: fg.f.Qualifier, Source: fg.ch.SourceOf(fg.f), At: fg.at}
		}
	}
	switch {
	case len(units) == 1 && units[dataset.UnitCount]:
		cmpn.Unit = dataset.UnitCount
	case len(units) <= 1:
		cmpn.Unit = dataset.UnitPercent
	}
	cmpn.Scale = 100
	if cmpn.Unit != dataset.UnitPercent {
		for i, row := range cmpn.Cells {
			for _, cell := range row {
				if cell.OK && cmpn.Items[i].Unit == dataset.UnitCount {
					cmpn.Scale = math.Max(cmpn.Scale, cell.Value)
				}
			}
		}
	}
	return cmpn
}

// comparable reports whether two items' figures may be subtracted: both
// exist and share a unit.
func (cm Comparison) comparable(a, b, col int) (Cell, Cell, bool) {
	if a < 0 || b < 0 || a >= len(cm.Cells) || b >= len(cm.Cells) || col < 0 || col >= len(cm.Series) {
		return Cell{}, Cell{}, false
	}
	ca, cb := cm.Cells[a][col], cm.Cells[b][col]
	if !ca.OK || !cb.OK || cm.Items[a].Unit != cm.Items[b].Unit {
		return Cell{}, Cell{}, false
	}
	return ca, cb, true
}

// Diff returns item a's value minus item b's in a column, in points (or in
// the count's unit), and whether both have a value in the same unit.
func (cm Comparison) Diff(a, b, col int) (float64, bool) {
	ca, cb, ok := cm.comparable(a, b, col)
	if !ok {
		return 0, false
	}
	return ca.Value - cb.Value, true
}

// Ratio returns item a's value over item b's in a column, and whether it is
// defined (both values present, same unit, b not zero).
func (cm Comparison) Ratio(a, b, col int) (float64, bool) {
	ca, cb, ok := cm.comparable(a, b, col)
	if !ok {
		return 0, false
	}
	return Ratio(ca.Value, cb.Value)
}

// ItemGap is the difference between an item's first two series, as its own
// chart orders them.
type ItemGap struct {
	// From and To are the two columns; Points is To minus From.
	From, To int
	// Points is the difference, in points.
	Points float64
	// Ratio is To over From; RatioOK is false when From is zero.
	Ratio   float64
	RatioOK bool
}

// Gap returns the difference between an item's first two series (second
// minus first, as explore.Gap counts it), and whether the item has two
// series with both values.
func (cm Comparison) Gap(item int) (ItemGap, bool) {
	if item < 0 || item >= len(cm.Items) || len(cm.Items[item].Series) < 2 {
		return ItemGap{}, false
	}
	from, to := cm.Items[item].Series[0], cm.Items[item].Series[1]
	a, b := cm.Cells[item][from], cm.Cells[item][to]
	if !a.OK || !b.OK {
		return ItemGap{}, false
	}
	g := ItemGap{From: from, To: to, Points: b.Value - a.Value}
	g.Ratio, g.RatioOK = Ratio(b.Value, a.Value)
	return g, true
}

// Order returns the item indexes in the order a sort shows them: for
// dataset.SortGap the largest absolute gap between an item's two series
// first, for dataset.SortValue the largest value in the first column first,
// for dataset.SortName by label; otherwise (and for ties) pin order. Items
// without the value sorted on go last, in pin order.
func (cm Comparison) Order(sortBy string, reverse bool) []int {
	idx := make([]int, len(cm.Items))
	for i := range idx {
		idx[i] = i
	}
	switch sortBy {
	case dataset.SortGap:
		sortLargestFirst(idx, func(i int) (float64, bool) {
			g, ok := cm.Gap(i)
			return math.Abs(g.Points), ok
		})
	case dataset.SortValue:
		sortLargestFirst(idx, func(i int) (float64, bool) {
			if len(cm.Series) == 0 || !cm.Cells[i][0].OK {
				return 0, false
			}
			return cm.Cells[i][0].Value, true
		})
	case dataset.SortName:
		sortByLabel(idx, func(i int) string { return cm.Items[i].Label })
	}
	if reverse {
		slices.Reverse(idx)
	}
	return idx
}
