package explore

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// Row is one item of a chart in display order.
type Row struct {
	// Item is the chart's item.
	Item *dataset.Item
	// Index is the item's position in dataset order.
	Index int
}

// SeriesShown returns the indexes of the chart's series that a series
// selection shows: every series for dataset.SeriesAll (or ""), else the one
// named. An unknown ID shows every series; ValidSeries tells them apart.
func SeriesShown(ch *dataset.Chart, selection string) []int {
	if i := ch.SeriesIndex(selection); i >= 0 && selection != dataset.SeriesAll {
		return []int{i}
	}
	all := make([]int, len(ch.Series))
	for i := range all {
		all[i] = i
	}
	return all
}

// ValidSeries reports whether a series selection names "all" or one of the
// chart's series.
func ValidSeries(ch *dataset.Chart, selection string) bool {
	return selection == "" || selection == dataset.SeriesAll || ch.SeriesIndex(selection) >= 0
}

// NextSeries returns the selection after cur in the cycle all → first series
// → second series → … → all.
func NextSeries(ch *dataset.Chart, cur string) string {
	if len(ch.Series) < 2 {
		return dataset.SeriesAll
	}
	i := ch.SeriesIndex(cur)
	if cur == "" || cur == dataset.SeriesAll || i < 0 {
		return ch.Series[0].ID
	}
	if i+1 < len(ch.Series) {
		return ch.Series[i+1].ID
	}
	return dataset.SeriesAll
}

// NextSort returns the sort order after cur in the cycle order → value → gap
// → name → order.
func NextSort(cur string) string {
	orders := dataset.SortOrders()
	i := slices.Index(orders, cur)
	return orders[(i+1)%len(orders)]
}

// Value returns an item's value in a series of its chart, and whether it has
// one.
func Value(ch *dataset.Chart, it *dataset.Item, series int) (float64, bool) {
	if series < 0 || series >= len(ch.Series) {
		return 0, false
	}
	f, ok := it.Values[ch.Series[series].ID]
	return f.Value, ok
}

// Gap returns the second series' value minus the first's, in points, and
// whether the chart has two series with both values present.
func Gap(ch *dataset.Chart, it *dataset.Item) (float64, bool) {
	if len(ch.Series) < 2 {
		return 0, false
	}
	a, okA := Value(ch, it, 0)
	b, okB := Value(ch, it, 1)
	if !okA || !okB {
		return 0, false
	}
	return b - a, true
}

// Rows returns the chart's items in the given sort order, reversed if asked:
//   - order: dataset order;
//   - value: largest first, by the first shown series;
//   - gap: largest absolute difference first (ItemDifference: the gap
//     between two series, the spread over three or more shown);
//   - name: by label, ignoring case.
//
// Ties keep dataset order, so the result is stable. Items missing the value
// sorted on go last. Sorted by value, gap or name, the answers that are not
// items (dataset.Item.Ranked false: "None of the above", a total) come after
// the items, in dataset order, reversed or not: they are not ranked.
func Rows(ch *dataset.Chart, sortBy string, reverse bool, shown []int) []Row {
	rows := make([]Row, len(ch.Items))
	for i := range ch.Items {
		rows[i] = Row{Item: &ch.Items[i], Index: i}
	}
	switch sortBy {
	case dataset.SortValue:
		s := 0
		if len(shown) > 0 {
			s = shown[0]
		}
		sortLargestFirst(rows, func(r Row) (float64, bool) { return Value(ch, r.Item, s) })
	case dataset.SortGap:
		sortLargestFirst(rows, func(r Row) (float64, bool) {
			d, ok := ItemDifference(ch, r.Item, shown)
			return math.Abs(d.Points), ok
		})
	case dataset.SortName:
		sortByLabel(rows, func(r Row) string { return r.Item.Label })
	}
	if reverse {
		slices.Reverse(rows)
	}
	if sortBy == dataset.SortValue || sortBy == dataset.SortGap || sortBy == dataset.SortName {
		rows = unrankedLast(rows)
	}
	return rows
}

// unrankedLast moves the rows of answers that are not items after the
// others, keeping each group's order, and the unranked in dataset order.
func unrankedLast(rows []Row) []Row {
	var unranked []Row
	out := rows[:0:0]
	for _, r := range rows {
		if r.Item.Ranked() {
			out = append(out, r)
		} else {
			unranked = append(unranked, r)
		}
	}
	if len(unranked) == 0 {
		return rows
	}
	slices.SortStableFunc(unranked, func(a, b Row) int { return cmp.Compare(a.Index, b.Index) })
	return append(out, unranked...)
}

// sortLargestFirst sorts xs by key, largest first, stably (ties keep their
// order); those without a key (ok false) go last, in their order. Rows and
// Comparison.Order sort with it.
func sortLargestFirst[T any](xs []T, key func(T) (float64, bool)) {
	slices.SortStableFunc(xs, func(a, b T) int {
		va, okA := key(a)
		vb, okB := key(b)
		switch {
		case okA != okB:
			if okA {
				return -1
			}
			return 1
		case okA && va != vb:
			return cmp.Compare(vb, va)
		}
		return 0
	})
}

// sortByLabel sorts xs by label, ignoring case, stably.
func sortByLabel[T any](xs []T, label func(T) string) {
	slices.SortStableFunc(xs, func(a, b T) int {
		return cmp.Compare(strings.ToLower(label(a)), strings.ToLower(label(b)))
	})
}
