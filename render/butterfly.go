package render

import (
	"slices"
	"strings"

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
// leaves the other side empty. It returns the legend line, one group of
// lines per item (thick lines each), the focused group (-1 if none) and the
// axis line ("" in the narrowest layout).
func butterflyLines(c *dataset.Collection, ch *dataset.Chart, st explore.State, w, thick int, s *Styles) butterflyChart {
	var legendLine, axisLine string
	var groups [][]string
	focusAt := -1
	if w <= 0 || !explore.CanDiverge(ch) {
		return butterflyChart{focusAt: -1}
	}
	shown := explore.SeriesShown(ch, st.Series)
	showL, showR := slices.Contains(shown, 0), slices.Contains(shown, 1)
	// Sorted by gap with both sides shown, each row ends with its gap, so
	// the order can be read; only when the bars keep their room.
	gapW := 0
	if st.Sort == dataset.SortGap && showL && showR {
		for i := range ch.Items {
			if g, ok := explore.Gap(ch, &ch.Items[i]); ok {
				gapW = max(gapW, width(formatGap(g)))
			}
		}
	}
	lay := layoutButterfly(ch, w-gapW-2, st.Big)
	if gapW == 0 || lay.kind == bfRows {
		gapW = 0
		lay = layoutButterfly(ch, w, st.Big)
	}
	rows := explore.Rows(ch, st.Sort, st.Reverse, shown)
	mark, blank := s.Marker()
	spot, _ := s.SpotlightMarker()
	tail := s.Ellipsis()
	top := chartMax(ch)
	thick = max(1, thick)

	for gi, r := range rows {
		isFocus := r.Item.ID == st.Focus
		if isFocus {
			focusAt = gi
		}
		spotted := Spotlit(st.Spotlight, r.Item.Label)
		m := blank
		switch {
		case isFocus:
			m = mark
		case spotted:
			m = spot
		case explore.IsPinned(st.Pins, dataset.Ref{Chart: ch.ID, Item: r.Item.ID}):
			m = s.PinMarker()
		}
		fill := func(n int) string {
			if isFocus {
				return s.Band.Render(strings.Repeat(" ", n))
			}
			return strings.Repeat(" ", n)
		}
		valStyle := s.Value
		if isFocus {
			valStyle = s.ValueFocus
		}
		lstyle := s.Label
		switch {
		case isFocus:
			lstyle = s.LabelFocus
		case spotted:
			lstyle = s.Spotlight()
		}
		label := centerIn(labelOf(r.Item, lay.kind != bfFull), lay.labelW, tail)
		// side draws one side; values says whether to write the value.
		side := func(si int, left, show, values bool) string {
			if !show {
				return fill(lay.sideW)
			}
			vt := valueText(ch, r.Item, si)
			if lay.kind == bfRows {
				if !values {
					return fill(lay.sideW)
				}
				if left {
					return fill(lay.sideW-width(vt)) + valStyle.Render(vt)
				}
				return valStyle.Render(vt) + fill(lay.sideW-width(vt))
			}
			v, _ := explore.Value(ch, r.Item, si)
			n := cells(v, top, lay.barW)
			bar := s.Bar(si, isFocus).Render(strings.Repeat(string(s.Glyph(si)), n))
			text := ""
			if values {
				text = valStyle.Render(vt)
			}
			used := n + 1 + width(vt)
			if !values {
				used = n
			}
			if left {
				if values {
					return fill(lay.sideW-used) + text + fill(1) + bar
				}
				return fill(lay.sideW-used) + bar
			}
			if values {
				return bar + fill(1) + text + fill(lay.sideW-used)
			}
			return bar + fill(lay.sideW-used)
		}
		var g []string
		for t := 0; t < thick; t++ {
			lead, lbl := blank, fill(lay.labelW)
			if t == 0 {
				lead, lbl = m, lstyle.Render(label)
			}
			line := lead + side(0, true, showL, t == 0) + fill(1) + lbl + fill(1) + side(1, false, showR, t == 0)
			if gapW > 0 {
				gt := ""
				if gap, ok := explore.Gap(ch, r.Item); ok && t == 0 {
					gt = formatGap(gap)
				}
				line += fill(2) + s.Muted.Render(padLeft(gt, gapW))
			}
			g = append(g, fit(line, w, ""))
		}
		groups = append(groups, g)
	}

	// Legend: each series over its own side.
	entry := func(si int) string {
		g := string(s.Glyph(si))
		return s.Bar(si, false).Render(g+g) + " " + ch.Series[si].Label
	}
	var l, rt string
	if showL {
		l = entry(0)
	}
	if showR {
		rt = entry(1)
	}
	if lay.kind == bfRows {
		legendLine = fit(strings.TrimSpace(l+"   "+rt), w, "")
	} else {
		lw := lay.sideW
		if width(l) > lw {
			l = fit(l, lw, tail)
		}
		legendLine = blank + strings.Repeat(" ", lw-width(l)) + l + strings.Repeat(" ", lay.labelW+2) + pad(rt, lay.sideW, tail)
		if gapW > 0 {
			legendLine += "  " + s.Muted.Render(padLeft("gap", gapW))
		}
		legendLine = fit(strings.TrimRight(legendLine, " "), w, "")
	}

	// Axis: top … 0 under the left bars, 0 … top under the right ones.
	if lay.kind != bfRows {
		lo, hi := explore.FormatValue(0, ch.Unit, ""), explore.FormatValue(top, ch.Unit, "")
		if lay.barW >= width(hi)+width(lo)+2 {
			gapL := lay.barW - width(hi) - width(lo)
			leftAxis := strings.Repeat(" ", lay.sideW-lay.barW) + hi + strings.Repeat(" ", gapL) + lo
			rightAxis := lo + strings.Repeat(" ", gapL) + hi
			axisLine = fit(blank+leftAxis+strings.Repeat(" ", lay.labelW+2)+rightAxis, w, "")
		}
	}
	return butterflyChart{legend: legendLine, groups: groups, focusAt: focusAt, axis: axisLine}
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
