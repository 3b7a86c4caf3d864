package render

import (
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Compare draws the comparison panel for the state's pins: the pinned items
// side by side, grouped by series on one 0–100 scale (0–largest for
// counts), each value with its difference in points from the first item
// shown and the ratio to it, then each item's gap between its own two
// series, then the sources. Items follow the state's sort (gap, value, name;
// else pin order). No line is wider than o.Width and there are at most
// o.Height lines; 0x0 draws nothing.
func Compare(c *dataset.Collection, st explore.State, o Options) string {
	w, h, s, out, done := o.begin(c)
	if done {
		return out
	}
	return finish(compareLines(c, st, w, h, s, o.Static), w, h, s)
}

// compareLayout is how the panel's rows fit a width: marker (2), label,
// space, bar, space, value, then the difference and ratio columns.
type compareLayout struct {
	labelW, barW, valW, diffW, ratioW int
	short                             bool
}

func layoutCompare(cm explore.Comparison, base, w int) compareLayout {
	lay := compareLayout{valW: 3, diffW: 8, ratioW: 6}
	full, short := 0, 0
	for i, it := range cm.Items {
		full = max(full, width(compareLabel(it, false)))
		short = max(short, width(compareLabel(it, true)))
		for col := range cm.Series {
			if cell := cm.Cells[i][col]; cell.OK {
				lay.valW = max(lay.valW, width(explore.FormatValue(cell.Value, cm.Items[i].Unit, cell.Qualifier)))
			}
			if d, ok := cm.Diff(i, base, col); ok {
				lay.diffW = max(lay.diffW, width(explore.FormatPoints(d, cm.Items[i].Unit)))
			}
			lay.ratioW = max(lay.ratioW, width(explore.FormatRatio(cm.Ratio(i, base, col))))
		}
	}
	fixed := 2 + 1 + 1 + lay.valW + 1 + lay.diffW + 1 + lay.ratioW
	lay.labelW = full
	if w-fixed-full < 16 || full*2 > w {
		lay.short = true
		lay.labelW = min(short, max(6, w/4))
	}
	lay.barW = min(60, w-fixed-lay.labelW)
	if lay.barW < 6 {
		lay.barW = 0
	}
	return lay
}

func compareLabel(it explore.CompareItem, short bool) string {
	if !it.Found {
		return it.Ref.String()
	}
	if short {
		return it.Short
	}
	return it.Label
}

// The comparison panel's asks, most important first (see layout.go): the
// heading, the bars, the verdicts and the sources, cut from the bottom
// when even they do not fit; then each item's own gap, whole; then the
// blank lines and the scale, all of them or none.
const (
	cpHead = iota + 1
	cpBars
	cpVerdicts
	cpSources
	cpWithin
	cpBlanks
)

// compareLines draws the panel's lines, dropping the least important
// sections (the blank lines and the scale, then the within-item gaps) when
// h is short.
func compareLines(c *dataset.Collection, st explore.State, w, h int, s *Styles, static bool) []string {
	if len(st.Pins) == 0 {
		return nothingPinned(w, s, static)
	}
	p := newComparePanel(c, st, w, s)
	secs := []section{partial("head", cpHead, p.head(static)...), blank(cpBlanks), partial("bars", cpBars, p.bars()...)}
	if axis := p.axis(); axis != "" {
		secs = append(secs, whole("axis", cpBlanks, axis))
	}
	if v := verdictLines(c, p.cm, p.order, p.base, w, p.lay.short, s); len(v) > 0 {
		secs = append(secs, blank(cpBlanks), partial("verdicts", cpVerdicts, v...))
	}
	if within := p.within(); len(within) > 0 {
		secs = append(secs, blank(cpBlanks), whole("within", cpWithin, within...))
	}
	secs = append(secs, blank(cpBlanks), partial("sources", cpSources, p.sources()...))
	return layout(h, secs...)
}

// nothingPinned is the panel without pins: how to pin, in the explorer.
func nothingPinned(w int, s *Styles, static bool) []string {
	msg := "Nothing pinned. Press c on an item to pin it (up to 4), then v to compare."
	if static {
		msg = "Nothing pinned."
	}
	return []string{
		s.Title.Render(fit("Compare pinned items", w, s.Ellipsis())),
		s.Muted.Render(fit(msg, w, s.Ellipsis())),
	}
}

// comparePanel is the comparison of the pins laid out for a width: the
// items in the state's order, the base they are measured against, each
// cell's margin ("±1.1", pmW 0 when there is no room) and the columns.
type comparePanel struct {
	c     *dataset.Collection
	st    explore.State
	w     int
	s     *Styles
	cm    explore.Comparison
	order []int
	base  int
	pms   [][]string
	pmW   int
	lay   compareLayout
}

func newComparePanel(c *dataset.Collection, st explore.State, w int, s *Styles) comparePanel {
	p := comparePanel{c: c, st: st, w: w, s: s, cm: explore.Compare(c, st.Pins)}
	p.order = p.cm.Order(st.Sort, st.Reverse)
	p.base = p.order[0]
	p.pms, p.pmW = comparePlusMinus(c, p.cm, s)
	if p.pmW > 0 && w-p.pmW-1 < 40 {
		p.pmW = 0 // no room: the verdicts give the intervals
	}
	p.lay = layoutCompare(p.cm, p.base, w-min(w, p.pmW+1))
	return p
}

// head is the panel's title and the line saying its scale, its sort and
// what the differences are against.
func (p comparePanel) head(static bool) []string {
	s, cm := p.s, p.cm
	scale := "0–100 scale"
	if cm.Unit != dataset.UnitPercent {
		scale = "0–" + explore.FormatNumber(cm.Scale) + " scale"
	}
	notes := []string{s.Text(scale)}
	if p.st.Sort != dataset.SortOrder && p.st.Sort != "" {
		notes = append(notes, "sorted by "+p.sortName())
	}
	if len(cm.Items) > 1 {
		notes = append(notes, "differences and ratios against "+compareLabel(cm.Items[p.base], false))
	}
	hint := "v or esc: close"
	if static {
		hint = ""
	}
	out := []string{
		titleLine("Comparing "+explore.CountWords(len(cm.Items), "pinned item", "pinned items"), hint, p.w, s),
		s.Muted.Render(fit(strings.Join(notes, s.Dot()), p.w, s.Ellipsis())),
	}
	// Pins whose series differ: say what they share, not "n/a n/a".
	for _, l := range WrapWords(cm.SharedNote(), p.w, 3, s.Ellipsis()) {
		out = append(out, s.Detail.Render(l))
	}
	return out
}

// label draws an item's marker and padded label, spotlit if it is.
func (p comparePanel) label(it explore.CompareItem) string {
	s := p.s
	l := pad(compareLabel(it, p.lay.short), p.lay.labelW, s.Ellipsis())
	if Spotlit(p.st.Spotlight, it.Label) {
		spot, _ := s.SpotlightMarker()
		return spot + s.Spotlight().Render(l)
	}
	_, blank := s.Marker()
	return blank + s.Label.Render(l)
}

// bars is one group per series: its heading, then a row per item that has
// the series.
func (p comparePanel) bars() []string {
	s, cm := p.s, p.cm
	var out []string
	cols := cm.Shared()
	if len(cols) == 0 {
		cols = allColumns(cm) // nothing shared: each item's own figures, nothing subtracted
	}
	for _, col := range cols {
		ser := cm.Series[col]
		g := string(s.Glyph(col))
		out = append(out, fit(s.Bar(col, false).Render(g+g)+" "+s.Title.Render(ser.Label), p.w, s.Ellipsis()))
		for _, i := range p.order {
			if !cm.Cells[i][col].OK && !slices.Contains(cm.Items[i].Series, col) {
				continue // the item's chart has no such series
			}
			out = append(out, p.barRow(i, col))
		}
	}
	return out
}

// barRow is item i's row in column col: label, bar, value, margin, then
// its difference and ratio against the base.
func (p comparePanel) barRow(i, col int) string {
	s, cm, lay := p.s, p.cm, p.lay
	it, cell := cm.Items[i], cm.Cells[i][col]
	line := p.label(it) + " "
	val := "n/a"
	if cell.OK {
		val = explore.FormatValue(cell.Value, it.Unit, cell.Qualifier)
	}
	if lay.barW > 0 {
		n := 0
		if cell.OK {
			n = cells(cell.Value, cm.Scale, lay.barW)
		}
		line += s.Bar(col, false).Render(strings.Repeat(string(s.Glyph(col)), n)) + strings.Repeat(" ", lay.barW-n) + " "
	}
	line += s.Value.Render(padLeft(val, lay.valW))
	if p.pmW > 0 {
		line += " " + s.Muted.Render(pad(p.pms[i][col], p.pmW, s.Ellipsis()))
	}
	if d, okD := cm.Diff(i, p.base, col); i != p.base && okD {
		r, okR := cm.Ratio(i, p.base, col)
		line += " " + padLeft(points(d, it.Unit, s), lay.diffW) + " " + padLeft(explore.FormatRatio(r, okR), lay.ratioW)
	}
	return fit(line, p.w, s.Ellipsis())
}

// anySpread reports whether a pinned item's chart has three series or
// more: its own difference is then a spread.
func (p comparePanel) anySpread() bool {
	for _, it := range p.cm.Items {
		if len(it.Series) > 2 {
			return true
		}
	}
	return false
}

// allColumns is every column of a comparison.
func allColumns(cm explore.Comparison) []int {
	cols := make([]int, len(cm.Series))
	for i := range cols {
		cols[i] = i
	}
	return cols
}

// sortName names the panel's sort: a sort by gap is a sort by spread when
// a pinned item's chart has three series or more (explore.DifferenceName).
func (p comparePanel) sortName() string {
	if p.st.Sort != dataset.SortGap {
		return p.st.Sort
	}
	if p.anySpread() {
		return "spread"
	}
	return "gap"
}

// axis is the scale under the bars, when there is room for its three
// marks; mixed units ("") are drawn as counts: the scale has no unit.
func (p comparePanel) axis() string {
	if p.lay.barW < 20 {
		return ""
	}
	axisUnit := dataset.UnitCount
	if p.cm.Unit == dataset.UnitPercent {
		axisUnit = p.cm.Unit
	}
	scale := p.cm.Scale
	lo, mid, hi := explore.FormatValue(0, axisUnit, ""), explore.FormatValue(scale/2, axisUnit, ""), explore.FormatValue(scale, axisUnit, "")
	return p.s.Muted.Render(fit(strings.Repeat(" ", 2+p.lay.labelW+1)+scaleMarks(p.lay.barW, lo, mid, hi), p.w, p.s.Ellipsis()))
}

// within is each item's own gap between its two series, under a heading
// that names the series when every item compares the same two.
func (p comparePanel) within() []string {
	s, cm, tail := p.s, p.cm, p.s.Ellipsis()
	pairs := map[[2]int]bool{}
	for _, i := range p.order {
		if g, ok := cm.Gap(i); ok {
			pairs[[2]int{g.From, g.To}] = true
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	one := len(pairs) == 1 && !p.anySpread()
	heading := "Within each item"
	for pair := range pairs {
		if one {
			heading += ": " + cm.Series[pair[1]].Label + " vs " + cm.Series[pair[0]].Label
		}
	}
	out := []string{s.Title.Render(fit(heading, p.w, tail))}
	for _, i := range p.order {
		g, ok := cm.Gap(i)
		if !ok {
			continue
		}
		it := cm.Items[i]
		// Three series or more: the spread, naming its series, not a gap
		// of the first two.
		if ch, ci := p.c.Resolve(it.Ref); ci != nil && len(it.Series) > 2 {
			if d, ok := explore.ItemDifference(ch, ci, nil); ok && d.Spread {
				out = append(out, fit(p.label(it)+" "+d.Words(ch, ci), p.w, tail))
				continue
			}
		}
		from, to := cm.Cells[i][g.From], cm.Cells[i][g.To]
		fv, tv := explore.FormatValue(from.Value, it.Unit, from.Qualifier), explore.FormatValue(to.Value, it.Unit, to.Qualifier)
		vs := tv + " vs " + fv
		if !one {
			vs = cm.Series[g.To].Label + " " + tv + " vs " + cm.Series[g.From].Label + " " + fv
		}
		line := p.label(it) + " " + vs + " " + padLeft(points(g.Points, it.Unit, s), p.lay.diffW) + " " + padLeft(explore.FormatRatio(g.Ratio, g.RatioOK), p.lay.ratioW)
		out = append(out, fit(line, p.w, tail))
	}
	return out
}

// sources is one line per distinct set of sources, naming the items that
// share it.
func (p comparePanel) sources() []string {
	s, cm := p.s, p.cm
	type srcGroup struct {
		key   string
		items []string
	}
	var sg []srcGroup
	for _, i := range p.order {
		it := cm.Items[i]
		key := strings.Join(it.Sources, ", ")
		if !it.Found {
			key = "not in this collection"
		} else if it.Chart != "" {
			key += s.Dot() + it.Chart
		}
		k := slices.IndexFunc(sg, func(g srcGroup) bool { return g.key == key })
		if k < 0 {
			sg = append(sg, srcGroup{key: key})
			k = len(sg) - 1
		}
		sg[k].items = append(sg[k].items, compareLabel(it, true))
	}
	_, blank := s.Marker()
	out := []string{s.Title.Render(fit("Sources", p.w, s.Ellipsis()))}
	for _, g := range sg {
		out = append(out, s.Muted.Render(fit(blank+strings.Join(g.items, ", ")+": "+g.key, p.w, s.Ellipsis())))
	}
	return out
}

// points writes a difference in points as the charts' detail line does
// ("+46 pts", "-42 pts"), or for counts without a unit word.
func points(d float64, unit string, _ *Styles) string {
	return explore.FormatPoints(d, unit)
}
