package render

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Chart layouts, from roomiest to narrowest.
const (
	layoutFull  = iota // full labels and bars
	layoutShort        // abbreviated labels and bars
	layoutRows         // value rows: labels and numbers, no bars
)

// Minimum bar widths for each layout.
const (
	minBarFull  = 24
	minBarShort = 16
)

// chartLayout is how one chart fits a width.
type chartLayout struct {
	kind   int
	labelW int // label column, without the marker
	barW   int // bar area
	valW   int // widest value text
}

// labelOf returns an item's label for a layout: the full label, or the
// short one (falling back to the full one) when abbreviating.
func labelOf(it *dataset.Item, short bool) string {
	if short && it.Short != "" {
		return it.Short
	}
	return it.Label
}

// labelWidths are the widest full and abbreviated labels of a chart.
func labelWidths(ch *dataset.Chart) (full, short int) {
	for i := range ch.Items {
		full = max(full, width(labelOf(&ch.Items[i], false)))
		short = max(short, width(labelOf(&ch.Items[i], true)))
	}
	return full, short
}

// layoutChart picks the roomiest layout that fits w cells.
func layoutChart(ch *dataset.Chart, w int, big bool) chartLayout {
	valW := valueWidth(ch)
	full, short := labelWidths(ch)
	const marker = 2
	minFull := minBarFull
	if big {
		minFull = minBarShort
	}
	// Full labels, if they leave room for the bars and take under half the
	// width.
	if bar := w - marker - full - 1 - 1 - valW; bar >= minFull && full*2 <= w {
		return chartLayout{kind: layoutFull, labelW: full, barW: capBar(bar, big), valW: valW}
	}
	// Abbreviated labels, cut to at most 40% of the width.
	lw := min(short, max(6, w*2/5))
	if bar := w - marker - lw - 1 - 1 - valW; bar >= minBarShort {
		return chartLayout{kind: layoutShort, labelW: lw, barW: capBar(bar, big), valW: valW}
	}
	// Value rows: whatever is left after the numbers goes to the label.
	ns := max(1, len(ch.Series))
	nums := ns * (valW + 2)
	lw = max(0, min(short, w-marker-1-nums))
	return chartLayout{kind: layoutRows, labelW: lw, valW: valW}
}

// capBar keeps very wide bars readable: past 80 cells (60 in big mode,
// where the block is centred) longer bars only stretch the eye.
func capBar(bar int, big bool) int {
	limit := 80
	if big {
		limit = 64
	}
	return min(bar, limit)
}

// chartLines draws a chart's rows for the state, in display order, as one
// group of lines per item; focusAt is the focused group, -1 if none. Only
// the groups within visible lines of the focus (or of the top) are drawn:
// the others are blank lines of the same height, which window never shows
// when given at most visible lines. visible <= 0 draws every group.
func chartLines(c *dataset.Collection, ch *dataset.Chart, st explore.State, focused bool, lay chartLayout, thick int, s *Styles, visible int) (groups [][]string, focusAt int) {
	series := dataset.SeriesAll
	if focused {
		series = st.Series
	}
	shown := explore.SeriesShown(ch, series)
	rows := explore.Rows(ch, st.Sort, st.Reverse, shown)
	_, blank := s.Marker()
	tail := s.Ellipsis()
	ns := len(ch.Series)
	var plain, plainNoVal barSet
	if lay.kind != layoutRows {
		plain = barRows(c, ch, lay.barW, lay.valW, s, true, st.Whiskers)
		if thick > 1 {
			plainNoVal = barRows(c, ch, lay.barW, lay.valW, s, false, st.Whiskers)
		}
	}
	focusAt = focusIndex(rows, focused, st.Focus)
	drawLo, drawHi := drawnRange(focusAt, len(rows), visible)
	placeholder := placeholderGroup(lay, len(shown), thick)
	for gi, r := range rows {
		if gi < drawLo || gi >= drawHi {
			groups = append(groups, placeholder)
			continue
		}
		isFocus := gi == focusAt
		label := padLabel(r.Item, lay, tail)
		spotlit := Spotlit(st.Spotlight, r.Item.Label)
		lstyle := s.Label
		if isFocus {
			lstyle = s.LabelFocus
		} else if spotlit {
			lstyle = s.Spotlight()
		}
		m := s.RowMarker(isFocus, spotlit, explore.IsPinned(st.Pins, dataset.Ref{Chart: ch.ID, Item: r.Item.ID}))
		var g []string
		if lay.kind == layoutRows {
			var nums []string
			for _, si := range shown {
				v := s.Bar(si, false).Render(string(s.Glyph(si))) + valueTextStyled(ch, r.Item, si, isFocus, lay.valW, s)
				nums = append(nums, v)
			}
			g = append(g, m+lstyle.Render(label)+" "+strings.Join(nums, " "))
			groups = append(groups, g)
			continue
		}
		blankLabel := strings.Repeat(" ", lay.labelW+1)
		if isFocus {
			blankLabel = s.Band.Render(blankLabel)
		}
		var hi, hiNoVal []string
		if isFocus {
			hi = focusRows(c, ch, r.Index, lay.barW, lay.valW, s, true, st.Whiskers)
			if thick > 1 {
				hiNoVal = focusRows(c, ch, r.Index, lay.barW, lay.valW, s, false, st.Whiskers)
			}
		}
		for k, si := range shown {
			idx := r.Index*ns + si
			bar, barNoVal := plain.at(idx), plainNoVal.at(idx)
			if isFocus {
				bar, barNoVal = pick(hi, si), pick(hiNoVal, si)
			}
			for t := 0; t < thick; t++ {
				line := bar
				if t != (thick-1)/2 && barNoVal != "" {
					line = barNoVal
				}
				lead := blank + blankLabel
				if k == 0 && t == (thick-1)/2 {
					lead = m + lstyle.Render(label) + sp(isFocus, s)
				}
				g = append(g, lead+line)
			}
		}
		groups = append(groups, g)
	}
	return groups, focusAt
}

// padLabel is an item's label in a layout's label column: the full label
// in the full layout, else the full one if it fits, the short one if that
// fits, and otherwise cut at a word boundary (TruncateLabel: an
// abbreviation is not cut again where the full label can be cut between
// words), padded to the column.
func padLabel(it *dataset.Item, lay chartLayout, tail string) string {
	l := it.Label
	if lay.kind != layoutFull {
		l = TruncateLabel(it.Label, it.Short, lay.labelW, tail)
	}
	return pad(l, lay.labelW, tail)
}

// focusIndex is the display index of the focused item, -1 if none.
func focusIndex(rows []explore.Row, focused bool, focus string) int {
	for gi, r := range rows {
		if focused && r.Item.ID == focus {
			return gi
		}
	}
	return -1
}

// placeholderGroup stands for a group that is not drawn: as many blank
// lines as its drawing would have. One is shared by every such group.
func placeholderGroup(lay chartLayout, shown, thick int) []string {
	if lay.kind == layoutRows {
		return make([]string, 1)
	}
	return make([]string, shown*thick)
}

// drawnRange is the range of groups chartLines draws: every group within
// visible of the focus (the top if none), since each group is at least one
// line; all of them when visible <= 0.
func drawnRange(focus, n, visible int) (lo, hi int) {
	if visible <= 0 {
		return 0, n
	}
	focus = max(focus, 0)
	return max(0, focus-visible), min(n, focus+visible+1)
}

func pick(rows []string, i int) string {
	if i < 0 || i >= len(rows) {
		return ""
	}
	return rows[i]
}

// sp is the space between label and bar, on the focus band when focused.
func sp(focus bool, s *Styles) string {
	if focus {
		return s.Band.Render(" ")
	}
	return " "
}

func valueTextStyled(ch *dataset.Chart, it *dataset.Item, si int, focus bool, w int, s *Styles) string {
	t := padLeft(valueText(ch, it, si), w)
	if focus {
		return s.ValueFocus.Render(t)
	}
	return s.Value.Render(t)
}

// legend lists the shown series, each with its glyph in its colour: on one
// line if it fits w, else one series per line.
func legend(ch *dataset.Chart, shown []int, w int, s *Styles) []string {
	var parts, plain []string
	for _, si := range shown {
		g := string(s.Glyph(si))
		parts = append(parts, s.Bar(si, false).Render(g+g)+" ")
		plain = append(plain, ch.Series[si].Label)
	}
	one := 0
	for i := range parts {
		one += 3 + width(plain[i]) + 3
	}
	if one-3 <= w {
		var b strings.Builder
		for i := range parts {
			if i > 0 {
				b.WriteString("   ")
			}
			b.WriteString(parts[i] + plain[i])
		}
		return []string{b.String()}
	}
	var out []string
	for i := range parts {
		out = append(out, parts[i]+fit(plain[i], w-3, s.Ellipsis()))
	}
	return out
}

// axis is the scale under the bars: 0 at the start, the middle, the top of
// the axis at the end of the bar area.
func axis(ch *dataset.Chart, lay chartLayout) string {
	max := chartMax(ch)
	lo, hi := explore.FormatValue(0, ch.Unit, ""), explore.FormatValue(max, ch.Unit, "")
	mid := explore.FormatValue(max/2, ch.Unit, "")
	return strings.Repeat(" ", 2+lay.labelW+1) + scaleMarks(lay.barW, lo, mid, hi)
}

// scaleMarks writes the marks under a bar area barW cells wide: lo at its
// start, mid in the middle (from 20 cells), hi centred on its end.
func scaleMarks(barW int, lo, mid, hi string) string {
	cells := []rune(strings.Repeat(" ", barW+width(hi)))
	put := func(at int, t string) {
		for i, r := range []rune(t) {
			if at+i >= 0 && at+i < len(cells) {
				cells[at+i] = r
			}
		}
	}
	put(0, lo)
	if barW >= 20 {
		put(barW/2-len([]rune(mid))/2, mid)
	}
	put(barW-len([]rune(hi))/2, hi)
	return strings.TrimRight(string(cells), " ")
}

// detail describes the focused item: full label, every series' value, the
// gap between the first two series, base, and the exact wording. A figure's
// source is named only when it is not the chart's, which the footnote
// below cites, as in "Source: Jones & Bartlett 2012 (Personal use)".
func detail(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, s *Styles) (head, body string) {
	var parts []string
	for si := range ch.Series {
		parts = append(parts, fmt.Sprintf("%c %s %s", s.Glyph(si), ch.Series[si].Label, valueText(ch, it, si)))
	}
	if g, ok := explore.Gap(ch, it); ok {
		parts = append(parts, "gap "+formatGap(g))
	}
	head = it.Label + ": " + strings.Join(parts, s.Dot())
	var words []string
	var srcs []string               // sources other than the chart's, in order
	series := map[string][]string{} // their series
	for si := range ch.Series {
		f, ok := it.Figure(ch.Series[si].ID)
		if !ok {
			continue
		}
		if f.Wording != "" && !contains(words, f.Wording) {
			words = append(words, f.Wording)
		}
		if id := ch.SourceOf(f); id != ch.Source {
			if !contains(srcs, id) {
				srcs = append(srcs, id)
			}
			series[id] = append(series[id], ch.Series[si].Label)
		}
	}
	for i := range words {
		words[i] = quote(words[i], s)
	}
	var more []string
	if len(srcs) > 0 {
		var labels []string
		for _, id := range srcs {
			l := sourceLabel(c, id)
			if len(ch.Series) > 1 {
				l += " (" + strings.Join(series[id], ", ") + ")"
			}
			labels = append(labels, l)
		}
		more = append(more, "Source: "+strings.Join(labels, ", ")+".")
	}
	if it.Base != "" {
		more = append(more, "Base: "+it.Base+".")
	}
	if it.Note != "" {
		more = append(more, it.Note)
	}
	body = strings.Join(append(words, more...), " ")
	return head, body
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quote puts t in quotation marks.
func quote(t string, s *Styles) string { return s.Text("“") + t + s.Text("”") }

// sourceLabel is a source's short citation with its date.
func sourceLabel(c *dataset.Collection, id string) string {
	src := c.Source(id)
	if src == nil {
		return id
	}
	return src.Label
}

// footnote cites a chart's source: label, publisher, date, sample, base.
func footnote(c *dataset.Collection, ch *dataset.Chart, s *Styles) string {
	parts := []string{"Source: " + sourceLabel(c, ch.Source)}
	if src := c.Source(ch.Source); src != nil {
		if src.Publisher != "" {
			parts[0] += " (" + src.Publisher + ")"
		}
		if src.Date != "" {
			parts = append(parts, src.Date)
		}
		if src.Sample > 0 {
			parts = append(parts, "n="+groupThousands(fmt.Sprint(src.Sample)))
		} else {
			parts = append(parts, "n not stated")
		}
	}
	if ch.Base != "" {
		parts = append(parts, ch.Base)
	}
	others := 0
	seen := map[string]bool{ch.Source: true}
	for i := range ch.Items {
		for _, f := range ch.Items[i].Values {
			if id := ch.SourceOf(f); !seen[id] {
				seen[id] = true
				others++
			}
		}
	}
	if others > 0 {
		parts = append(parts, explore.Count(others, "more source", "more sources")+" in the detail line")
	}
	return strings.Join(parts, s.Dot())
}
