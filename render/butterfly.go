package render

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Butterfly layouts, from roomiest to narrowest.
const (
	bfFull  = iota // full labels, bars both sides
	bfShort        // abbreviated labels, bars both sides
	bfRows         // numbers either side of the label, no bars
)

// Smallest bar on each side worth drawing.
const (
	minBfBarFull  = 12
	minBfBarShort = 5
)

// bfLayout is how a butterfly chart fits a width: the marker (2 cells), the
// left side, a space, the label column, a space, the right side.
type bfLayout struct {
	kind   int
	labelW int
	sideW  int // each side: value, space, bar
	barW   int
	valW   int
}

func layoutButterfly(ch *dataset.Chart, w int, big bool) bfLayout {
	valW := valueWidth(ch)
	full, short := labelWidths(ch)
	side := func(lw int) int { return (w - 2 - lw - 2) / 2 }
	minFull := minBfBarFull
	if big {
		minFull = minBfBarShort
	}
	if sw := side(full); sw-valW-1 >= minFull && full*3 <= w {
		return bfLayout{kind: bfFull, labelW: full, sideW: sw, barW: capBar(sw-valW-1, big), valW: valW}
	}
	lw := min(short, max(6, w/4))
	if sw := side(lw); sw-valW-1 >= minBfBarShort {
		return bfLayout{kind: bfShort, labelW: lw, sideW: sw, barW: capBar(sw-valW-1, big), valW: valW}
	}
	lw = max(0, min(short, w-2-2*(valW+1)))
	return bfLayout{kind: bfRows, labelW: lw, sideW: valW, valW: valW}
}

// bfLabel is an item's label in the butterfly's label column: the full
// label in the full layout; else the full one if it fits, the short one if
// that fits, and otherwise cut between words (TruncateLabel: the
// abbreviation is not cut again, "Phys. communiti…").
func bfLabel(it *dataset.Item, short bool, w int, tail string) string {
	if !short {
		return it.Label
	}
	return TruncateLabel(it.Label, it.Short, w, tail)
}

// centerIn centres s in w cells.
func centerIn(s string, w int, tail string) string {
	s = fit(s, w, tail)
	left := (w - width(s)) / 2
	return strings.Repeat(" ", left) + pad(s, w-left, "")
}

// butterflyLines draws a two-series chart as a butterfly chart: the first
// series' bars grow to the left of the shared labels, the second's to the
// right, both on the same 0–100 scale (0–max for counts), values at the bar
// ends. Items come in the state's sort order; a single-series selection
// leaves the other side empty. Each item is a group of thick lines.
func butterflyLines(c *dataset.Collection, ch *dataset.Chart, st explore.State, w, thick int, s *Styles) butterflyChart {
	bf := butterflyChart{focusAt: -1}
	if w <= 0 || !explore.CanDiverge(ch) {
		return bf
	}
	p := planButterfly(ch, st, w)
	for gi, r := range explore.Rows(ch, st.Sort, st.Reverse, p.shown) {
		if r.Item.ID == st.Focus {
			bf.focusAt = gi
		}
		bf.groups = append(bf.groups, p.row(r, st, max(1, thick), w, s))
	}
	bf.legend = p.legend(w, s)
	bf.axis = p.axis(w, s)
	return bf
}

// butterflyChart is a butterfly chart drawn: its legend line, one group of
// lines per item, the focused group (-1 if none) and the axis line ("" in
// the narrowest layout).
type butterflyChart struct {
	legend  string
	groups  [][]string
	focusAt int
	axis    string
}

// bfPlan is a butterfly chart laid out for a width: the layout, the sides
// shown, and the gap column (0 when there is none).
type bfPlan struct {
	bfLayout
	ch           *dataset.Chart
	shown        []int
	showL, showR bool
	gapW         int
	top          float64
}

// planButterfly lays a chart out as a butterfly for w cells. Sorted by gap
// with both sides shown, each row ends with its gap, so the order can be
// read; only when the bars keep their room.
func planButterfly(ch *dataset.Chart, st explore.State, w int) bfPlan {
	p := bfPlan{ch: ch, shown: explore.SeriesShown(ch, st.Series), top: chartMax(ch)}
	p.showL, p.showR = slices.Contains(p.shown, 0), slices.Contains(p.shown, 1)
	if st.Sort == dataset.SortGap && p.showL && p.showR {
		for i := range ch.Items {
			if g, ok := explore.Gap(ch, &ch.Items[i]); ok {
				p.gapW = max(p.gapW, width(formatGap(g)))
			}
		}
	}
	p.bfLayout = layoutButterfly(ch, w-p.gapW-2, st.Big)
	if p.gapW == 0 || p.kind == bfRows {
		p.gapW = 0
		p.bfLayout = layoutButterfly(ch, w, st.Big)
	}
	return p
}

// bfRowLook is how one item's row is drawn: its marker and styles, on the
// focus band when it holds the focus.
type bfRowLook struct {
	mark         string
	label, value lipgloss.Style
	focus        bool
	band         lipgloss.Style
}

// fill is n blank cells, on the focus band if the row holds the focus.
func (k bfRowLook) fill(n int) string {
	if k.focus {
		return k.band.Render(strings.Repeat(" ", n))
	}
	return strings.Repeat(" ", n)
}

// rowLook picks the marker and styles of an item's row: its styles for
// the focus or the spotlight, and every mark that applies (RowMarker).
func rowLook(ch *dataset.Chart, it *dataset.Item, st explore.State, s *Styles) bfRowLook {
	spotlit := Spotlit(st.Spotlight, it.Label)
	k := bfRowLook{label: s.Label, value: s.Value, band: s.Band}
	switch {
	case it.ID == st.Focus:
		k.label, k.value, k.focus = s.LabelFocus, s.ValueFocus, true
	case spotlit:
		k.label = s.Spotlight()
	}
	k.mark = s.RowMarker(k.focus, spotlit, explore.IsPinned(st.Pins, dataset.Ref{Chart: ch.ID, Item: it.ID}))
	return k
}

// row draws an item's group: thick lines, the label, values and gap on the
// first.
func (p bfPlan) row(r explore.Row, st explore.State, thick, w int, s *Styles) []string {
	k := rowLook(p.ch, r.Item, st, s)
	_, blank := s.Marker()
	label := centerIn(bfLabel(r.Item, p.kind != bfFull, p.labelW, s.Ellipsis()), p.labelW, s.Ellipsis())
	g := make([]string, 0, thick)
	for t := 0; t < thick; t++ {
		lead, lbl := blank, k.fill(p.labelW)
		if t == 0 {
			lead, lbl = k.mark, k.label.Render(label)
		}
		line := lead + p.side(r.Item, 0, k, t == 0, s) + k.fill(1) + lbl + k.fill(1) + p.side(r.Item, 1, k, t == 0, s)
		if p.gapW > 0 {
			gt := ""
			if gap, ok := explore.Gap(p.ch, r.Item); ok && t == 0 {
				gt = formatGap(gap)
			}
			line += k.fill(2) + s.Muted.Render(padLeft(gt, p.gapW))
		}
		g = append(g, fit(line, w, ""))
	}
	return g
}

// side draws series si's side of an item's row (0 left, growing leftward;
// 1 right), sideW cells: the bar with its value at the end (values set),
// or in the narrowest layout the value alone. Every value above zero gets
// at least one cell of bar (see cells).
func (p bfPlan) side(it *dataset.Item, si int, k bfRowLook, values bool, s *Styles) string {
	left := si == 0
	if left && !p.showL || !left && !p.showR {
		return k.fill(p.sideW)
	}
	vt := valueText(p.ch, it, si)
	if p.kind == bfRows {
		switch {
		case !values:
			return k.fill(p.sideW)
		case left:
			return k.fill(p.sideW-width(vt)) + k.value.Render(vt)
		}
		return k.value.Render(vt) + k.fill(p.sideW-width(vt))
	}
	v, _ := explore.Value(p.ch, it, si)
	n := cells(v, p.top, p.barW)
	bar := s.Bar(si, k.focus).Render(strings.Repeat(string(s.Glyph(si)), n))
	if !values {
		if left {
			return k.fill(p.sideW-n) + bar
		}
		return bar + k.fill(p.sideW-n)
	}
	used := n + 1 + width(vt)
	if left {
		return k.fill(p.sideW-used) + k.value.Render(vt) + k.fill(1) + bar
	}
	return bar + k.fill(1) + k.value.Render(vt) + k.fill(p.sideW-used)
}

// legend puts each series over its own side; in the narrowest layout both
// on one line.
func (p bfPlan) legend(w int, s *Styles) string {
	entry := func(si int, show bool) string {
		if !show {
			return ""
		}
		g := string(s.Glyph(si))
		return s.Bar(si, false).Render(g+g) + " " + p.ch.Series[si].Label
	}
	l, rt := entry(0, p.showL), entry(1, p.showR)
	if p.kind == bfRows {
		return fit(strings.TrimSpace(l+"   "+rt), w, "")
	}
	tail := s.Ellipsis()
	_, blank := s.Marker()
	if width(l) > p.sideW {
		l = fit(l, p.sideW, tail)
	}
	line := blank + strings.Repeat(" ", p.sideW-width(l)) + l + strings.Repeat(" ", p.labelW+2) + pad(rt, p.sideW, tail)
	if p.gapW > 0 {
		line += "  " + s.Muted.Render(padLeft("gap", p.gapW))
	}
	return fit(strings.TrimRight(line, " "), w, "")
}

// axis is top … 0 under the left bars and 0 … top under the right ones;
// "" in the narrowest layout or when the marks do not fit the bars.
func (p bfPlan) axis(w int, s *Styles) string {
	if p.kind == bfRows {
		return ""
	}
	lo, hi := explore.FormatValue(0, p.ch.Unit, ""), explore.FormatValue(p.top, p.ch.Unit, "")
	if p.barW < width(hi)+width(lo)+2 {
		return ""
	}
	gapL := p.barW - width(hi) - width(lo)
	leftAxis := strings.Repeat(" ", p.sideW-p.barW) + hi + strings.Repeat(" ", gapL) + lo
	rightAxis := lo + strings.Repeat(" ", gapL) + hi
	_, blank := s.Marker()
	return fit(blank+leftAxis+strings.Repeat(" ", p.labelW+2)+rightAxis, w, "")
}
