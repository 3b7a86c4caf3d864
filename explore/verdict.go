package explore

import (
	"math"
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/stats"
)

// Methods a Verdict's interval is computed by (see docs/statistics.md).
const (
	// MethodNewcombe: Newcombe's hybrid score interval, for figures from
	// different samples.
	MethodNewcombe = "newcombe"
	// MethodMultinomial: the variance of a difference of multinomial
	// shares, for two answers of one single-choice question.
	MethodMultinomial = "multinomial"
	// MethodConservative: a conservative bound, for figures of the same
	// respondents whose overlap is unknown.
	MethodConservative = "conservative"
)

// FigureAt names one chart figure: chart, item and series IDs.
type FigureAt struct {
	Chart, Item, Series string
}

// Verdict says whether the difference between two figures is larger than
// the margin of error: the difference a − b in points, its 95% interval
// and the method that gave it.
type Verdict struct {
	// OK is set when there is an interval: both figures are percentages
	// with known bases.
	OK bool
	// Diff is a − b, in points; Low and High the interval's limits.
	Diff, Low, High float64
	// Method is one of the Method constants.
	Method string
	// Missing says why there is no interval when OK is false: "n not
	// stated" or "not percentages".
	Missing string
	// Small is set when either base is under SmallBase: the interval is
	// rough.
	Small bool
}

// Larger reports whether the interval leaves out 0: the difference is
// larger than the margin of error.
func (v Verdict) Larger() bool { return v.OK && (v.Low > 0 || v.High < 0) }

// Words is the verdict in plain words: "larger than the margin of error",
// "within the margin of error", or why there is none ("no margin of
// error: n not stated").
func (v Verdict) Words() string {
	w := "within the margin of error"
	switch {
	case !v.OK:
		return "no margin of error: " + v.Missing
	case v.Larger():
		w = "larger than the margin of error"
	}
	if v.Small {
		w += " (small base: a rough guide)"
	}
	return w
}

// MethodWords names the method and its assumption, for the panel.
func (v Verdict) MethodWords() string {
	switch v.Method {
	case MethodNewcombe:
		return "Newcombe hybrid score, independent samples"
	case MethodMultinomial:
		return "multinomial shares, one single-choice question"
	case MethodConservative:
		return "conservative bound: the answers can overlap, by an unknown amount"
	}
	return ""
}

// Gap writes the difference as a phrase for a sentence: "a 2-point gap,
// within the margin of error", "an 8-point gap, larger than the margin of
// error".
func (v Verdict) Gap() string {
	n := FormatNumber(math.Abs(v.Diff))
	article := "a "
	if n[0] == '8' || n == "11" || n == "18" || strings.HasPrefix(n, "11.") || strings.HasPrefix(n, "18.") {
		article = "an "
	}
	return article + n + "-point gap, " + v.Words()
}

// figure is one side of a comparison, resolved.
type figure struct {
	ch   *dataset.Chart
	it   *dataset.Item
	m    Margin
	f    dataset.Figure
	sid  string
	smpl string
}

func resolveFigure(c *dataset.Collection, at FigureAt) (figure, bool) {
	ch := c.Chart(at.Chart)
	if ch == nil {
		return figure{}, false
	}
	it := ch.Item(at.Item)
	si := ch.SeriesIndex(at.Series)
	if it == nil || si < 0 {
		return figure{}, false
	}
	f, ok := it.Values[at.Series]
	if !ok {
		return figure{}, false
	}
	return figure{ch: ch, it: it, m: FigureMargin(c, ch, it, si), f: f, sid: at.Series, smpl: c.SampleOf(ch.SourceOf(f))}, true
}

// CompareFigures is the verdict on figure a minus figure b:
//   - figures of different samples (sources with different sample_id):
//     Newcombe's hybrid score interval;
//   - two answers of one single-choice question (same chart, series and
//     base, the chart's answers "single", neither a sum of the other):
//     the multinomial variance (p1+p2−(p1−p2)²)/n;
//   - any other two figures of the same respondents (items of a
//     multi-answer question, two series of one item, a subgroup and its
//     parent): the conservative bound, since their overlap is unknown.
func CompareFigures(c *dataset.Collection, a, b FigureAt) Verdict {
	fa, okA := resolveFigure(c, a)
	fb, okB := resolveFigure(c, b)
	if c == nil || !okA || !okB {
		return Verdict{Missing: "no such figure"}
	}
	v := Verdict{Diff: fa.f.Value - fb.f.Value}
	switch {
	case !fa.m.Percent || !fb.m.Percent:
		v.Missing = "not percentages"
		return v
	case !fa.m.OK || !fb.m.OK:
		v.Missing = "n not stated"
		return v
	}
	p1, n1 := fa.m.Value/100, float64(fa.m.Base.N)
	p2, n2 := fb.m.Value/100, float64(fb.m.Base.N)
	var iv stats.Interval
	var ok bool
	switch {
	case fa.smpl != fb.smpl:
		v.Method = MethodNewcombe
		iv, ok = stats.NewcombeDiff(p1, n1, p2, n2)
	case singleChoice(c, fa, fb):
		v.Method = MethodMultinomial
		iv, ok = stats.MultinomialDiff(p1, p2, n1)
	}
	if !ok {
		v.Method = MethodConservative
		iv, ok = stats.ConservativeDiff(p1, n1, p2, n2)
	}
	if !ok {
		v.Method, v.Missing = "", "n not stated"
		return v
	}
	v.OK, v.Low, v.High = true, iv.Low*100, iv.High*100
	v.Small = fa.m.Small() || fb.m.Small()
	return v
}

// singleChoice reports whether two figures are shares of one single-choice
// question: the same chart (answers "single"), series and base, two
// different items, neither declared (by a sum check) to contain the other.
func singleChoice(c *dataset.Collection, a, b figure) bool {
	if a.ch != b.ch || a.ch.Answers != dataset.AnswersSingle || a.sid != b.sid || a.it == b.it || a.m.Base != b.m.Base {
		return false
	}
	ra, rb := a.ch.ID+"/"+a.it.ID, b.ch.ID+"/"+b.it.ID
	for _, ck := range c.Checks {
		if ck.Kind != dataset.CheckSum {
			continue
		}
		if (ck.Total == ra && slices.Contains(ck.Parts, rb)) || (ck.Total == rb && slices.Contains(ck.Parts, ra)) {
			return false
		}
	}
	return true
}

// Verdict is the verdict on item a's figure minus item b's in a column;
// OK is false when either has no figure there or no interval.
func (cm Comparison) Verdict(c *dataset.Collection, a, b, col int) Verdict {
	ca, cb, ok := cm.comparable(a, b, col)
	if !ok {
		return Verdict{Missing: "no figures to compare"}
	}
	return CompareFigures(c, ca.At, cb.At)
}

// GapVerdict is the verdict on an item's own gap (its second series minus
// its first, as Gap counts it).
func (cm Comparison) GapVerdict(c *dataset.Collection, item int) Verdict {
	g, ok := cm.Gap(item)
	if !ok {
		return Verdict{Missing: "no gap"}
	}
	return CompareFigures(c, cm.Cells[item][g.To].At, cm.Cells[item][g.From].At)
}

// CellMargin returns the margin of an item's figure in a column.
func (cm Comparison) CellMargin(c *dataset.Collection, item, col int) Margin {
	if item < 0 || item >= len(cm.Cells) || col < 0 || col >= len(cm.Series) || !cm.Cells[item][col].OK || c == nil {
		return Margin{Value: math.NaN()}
	}
	at := cm.Cells[item][col].At
	ch := c.Chart(at.Chart)
	if ch == nil {
		return Margin{Value: math.NaN()}
	}
	return FigureMargin(c, ch, ch.Item(at.Item), ch.SeriesIndex(at.Series))
}
