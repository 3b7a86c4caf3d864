package explore

import (
	"fmt"
	"math"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// Difference is what an item's "gap" means under a series selection, so
// that a number shown as a gap always says which series it spans (see
// docs/comparing.md, Gap and spread):
//
//   - with two series, the gap: the second series minus the first, as the
//     chart orders them (Gap);
//   - with three or more, the spread: the highest figure minus the lowest,
//     naming both series, since the first two alone would hide the others.
type Difference struct {
	// From and To are series indexes of the chart: Points is To's figure
	// minus From's. For a spread From is the lowest and To the highest.
	From, To int
	// Points is the difference, in points (or the count's unit).
	Points float64
	// Spread is set when the difference is a spread over three or more
	// series; Of is then how many series had a figure.
	Spread bool
	Of     int
}

// ItemDifference returns an item's difference over the series shown (all
// of the chart's when fewer than two are shown, as a sort by gap needs),
// and false when fewer than two of them have a finite figure. Ties for the
// lowest or highest go to the first series in chart order.
func ItemDifference(ch *dataset.Chart, it *dataset.Item, shown []int) (Difference, bool) {
	if len(shown) < 2 {
		shown = SeriesShown(ch, dataset.SeriesAll)
	}
	if len(shown) < 2 {
		return Difference{}, false
	}
	if len(shown) == 2 {
		a, okA := Value(ch, it, shown[0])
		b, okB := Value(ch, it, shown[1])
		if !okA || !okB || !finite(a) || !finite(b) {
			return Difference{}, false
		}
		return Difference{From: shown[0], To: shown[1], Points: b - a, Of: 2}, true
	}
	d := Difference{From: -1, To: -1, Spread: true}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range shown {
		v, ok := Value(ch, it, s)
		if !ok || !finite(v) {
			continue
		}
		d.Of++
		if v < lo {
			lo, d.From = v, s
		}
		if v > hi {
			hi, d.To = v, s
		}
	}
	if d.Of < 2 {
		return Difference{}, false
	}
	if d.From == d.To { // all equal: from the first to the second
		for _, s := range shown {
			if v, ok := Value(ch, it, s); ok && finite(v) && s != d.From {
				d.To = s
				break
			}
		}
	}
	d.Points = hi - lo
	return d, true
}

// DifferenceName is the heading of a chart's difference column under a
// series selection: "gap" for two series, "spread" for three or more, ""
// for a chart with one series.
func DifferenceName(ch *dataset.Chart, shown []int) string {
	n := len(shown)
	if n < 2 {
		n = len(ch.Series)
	}
	switch {
	case n >= 3:
		return "spread"
	case n == 2:
		return "gap"
	}
	return ""
}

// Words says what the difference spans, for a detail line or a sentence:
// "gap +46 pts, Personal use − Professional use" or "spread 12 pts, from
// Nurses (40%) to Physicians (52%)".
func (d Difference) Words(ch *dataset.Chart, it *dataset.Item) string {
	if d.From < 0 || d.To < 0 || d.From >= len(ch.Series) || d.To >= len(ch.Series) {
		return ""
	}
	unit := unitOf(ch)
	from, to := ch.Series[d.From], ch.Series[d.To]
	if !d.Spread {
		return "gap " + FormatPoints(d.Points, unit) + ", " + to.Label + " − " + from.Label
	}
	lo, _ := Value(ch, it, d.From)
	hi, _ := Value(ch, it, d.To)
	return "spread " + strings.TrimPrefix(FormatPoints(d.Points, unit), "+") + ", from " + from.Label + " (" + FormatValue(lo, unit, "") + ") to " + to.Label + " (" + FormatValue(hi, unit, "") + ")"
}

// describeSpread writes the figures of an item in three or more shown
// series, in chart order, and its spread with its rank: "52% physicians,
// 45% midwives, 40% nurses; a 12-point spread from nurses to physicians,
// the largest of five items". cite is called for each figure written.
func describeSpread(b *strings.Builder, ch *dataset.Chart, it *dataset.Item, shown []int, base, noun string, cite func(dataset.Figure)) {
	unit := unitOf(ch)
	var parts []string
	for _, si := range shown {
		f, ok := it.Figure(ch.Series[si].ID)
		if !ok || !finite(f.Value) {
			continue
		}
		cite(f)
		parts = append(parts, FormatValue(f.Value, unit, f.Qualifier)+" "+lowerFirst(ch.Series[si].Label))
	}
	if len(parts) == 0 {
		b.WriteString("no figures")
		return
	}
	b.WriteString(strings.Join(parts, ", ") + base)
	d, ok := ItemDifference(ch, it, shown)
	if !ok {
		return
	}
	spread := "a " + FormatNumber(d.Points) + "-point spread"
	if unit == dataset.UnitCount {
		spread = "a spread of " + FormatNumber(d.Points)
	}
	fmt.Fprintf(b, "; %s from %s to %s", spread, lowerFirst(ch.Series[d.From].Label), lowerFirst(ch.Series[d.To].Label))
	if !it.Ranked() {
		return
	}
	var vals []float64
	for i := range ch.Items {
		if x, ok := ItemDifference(ch, &ch.Items[i], shown); ok && ch.Items[i].Ranked() {
			vals = append(vals, x.Points)
		}
	}
	b.WriteString(rankPhrase(vals, d.Points, "largest", "smallest", "larger", "smaller", "spread ", "among", noun))
}
