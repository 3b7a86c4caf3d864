package render

import (
	"fmt"
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
	return clampBlock(compareLines(c, st, w, h, s, o.Static), w, h)
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

// compareLines draws the panel's lines, dropping the least important
// sections (within-item gaps, then blank lines) when h is short.
func compareLines(c *dataset.Collection, st explore.State, w, h int, s *Styles, static bool) []string {
	tail := s.Ellipsis()
	if len(st.Pins) == 0 {
		msg := "Nothing pinned. Press c on an item to pin it (up to 4), then v to compare."
		if static {
			msg = "Nothing pinned."
		}
		return []string{
			s.Title.Render(fit("Compare pinned items", w, tail)),
			s.Muted.Render(fit(msg, w, tail)),
		}
	}
	cm := explore.Compare(c, st.Pins)
	order := cm.Order(st.Sort, st.Reverse)
	base := order[0]
	pms, pmW := comparePlusMinus(c, cm, s)
	if pmW > 0 && w-pmW-1 < 40 {
		pmW = 0 // no room: the section below gives the intervals
	}
	lay := layoutCompare(cm, base, w-min(w, pmW+1))
	unit := cm.Unit

	scale := "0–100 scale"
	if unit != dataset.UnitPercent {
		scale = "0–" + explore.FormatNumber(cm.Scale) + " scale"
	}
	if s.ASCII() {
		scale = strings.ReplaceAll(scale, "–", "-")
	}
	notes := []string{scale}
	if st.Sort != dataset.SortOrder && st.Sort != "" {
		notes = append(notes, "sorted by "+st.Sort)
	}
	if len(cm.Items) > 1 {
		notes = append(notes, "differences and ratios against "+compareLabel(cm.Items[base], false))
	}
	hint := "v or esc: close"
	if static {
		hint = ""
	}
	head := []string{
		titleLine(fmt.Sprintf("Comparing %s pinned %s", explore.CountWord(len(cm.Items)), plural(len(cm.Items), "item", "items")), hint, w, s),
		s.Muted.Render(fit(strings.Join(notes, s.Dot()), w, tail)),
	}

	// One group per series: a bar per item.
	var groups []string
	_, blank := s.Marker()
	spot, _ := s.SpotlightMarker()
	// label draws an item's marker and padded label, spotlit if it is.
	label := func(it explore.CompareItem) string {
		l := pad(compareLabel(it, lay.short), lay.labelW, tail)
		if Spotlit(st.Spotlight, it.Label) {
			return spot + s.Spotlight().Render(l)
		}
		return blank + s.Label.Render(l)
	}
	for col, ser := range cm.Series {
		g := string(s.Glyph(col))
		groups = append(groups, fit(s.Bar(col, false).Render(g+g)+" "+s.Title.Render(ser.Label), w, tail))
		for _, i := range order {
			it := cm.Items[i]
			cell := cm.Cells[i][col]
			if !cell.OK && !slices.Contains(it.Series, col) {
				continue // the item's chart has no such series
			}
			line := label(it) + " "
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
			if pmW > 0 {
				line += " " + s.Muted.Render(pad(pms[i][col], pmW, tail))
			}
			if i != base {
				d, okD := cm.Diff(i, base, col)
				r, okR := cm.Ratio(i, base, col)
				ds := "n/a"
				if okD {
					ds = points(d, it.Unit, s)
				}
				line += " " + padLeft(ds, lay.diffW) + " " + padLeft(explore.FormatRatio(r, okR), lay.ratioW)
			}
			groups = append(groups, fit(line, w, tail))
		}
	}

	verdicts := verdictLines(c, cm, order, base, w, lay.short, s)

	// Each item's own gap between its two series.
	var within []string
	pairs := map[[2]int]bool{}
	for _, i := range order {
		if g, ok := cm.Gap(i); ok {
			pairs[[2]int{g.From, g.To}] = true
		}
	}
	if len(pairs) > 0 {
		one := len(pairs) == 1
		if one {
			for p := range pairs {
				within = append(within, s.Title.Render(fit("Within each item: "+cm.Series[p[1]].Label+" vs "+cm.Series[p[0]].Label, w, tail)))
			}
		} else {
			within = append(within, s.Title.Render(fit("Within each item", w, tail)))
		}
		for _, i := range order {
			g, ok := cm.Gap(i)
			if !ok {
				continue
			}
			it := cm.Items[i]
			from, to := cm.Cells[i][g.From], cm.Cells[i][g.To]
			vs := explore.FormatValue(to.Value, it.Unit, to.Qualifier) + " vs " + explore.FormatValue(from.Value, it.Unit, from.Qualifier)
			if !one {
				vs = cm.Series[g.To].Label + " " + explore.FormatValue(to.Value, it.Unit, to.Qualifier) + " vs " + cm.Series[g.From].Label + " " + explore.FormatValue(from.Value, it.Unit, from.Qualifier)
			}
			line := label(it) + " " + vs + " " + padLeft(points(g.Points, it.Unit, s), lay.diffW) + " " + padLeft(explore.FormatRatio(g.Ratio, g.RatioOK), lay.ratioW)
			within = append(within, fit(line, w, tail))
		}
	}

	// Sources: one line per distinct set of sources.
	srcLines := []string{s.Title.Render(fit("Sources", w, tail))}
	type srcGroup struct {
		key   string
		items []string
	}
	var sg []srcGroup
	for _, i := range order {
		it := cm.Items[i]
		key := strings.Join(it.Sources, ", ")
		if !it.Found {
			key = "not in this collection"
		} else if it.Chart != "" {
			key += s.Dot() + it.Chart
		}
		found := false
		for k := range sg {
			if sg[k].key == key {
				sg[k].items = append(sg[k].items, compareLabel(it, true))
				found = true
			}
		}
		if !found {
			sg = append(sg, srcGroup{key: key, items: []string{compareLabel(it, true)}})
		}
	}
	for _, g := range sg {
		srcLines = append(srcLines, s.Muted.Render(fit(blank+strings.Join(g.items, ", ")+": "+g.key, w, tail)))
	}

	// The scale under the bars, when there is room for its three marks.
	var axisLine string
	if lay.barW >= 20 {
		// Mixed units ("") are drawn as counts: the scale has no unit.
		axisUnit := dataset.UnitCount
		if unit == dataset.UnitPercent {
			axisUnit = unit
		}
		lo, mid, hi := explore.FormatValue(0, axisUnit, ""), explore.FormatValue(cm.Scale/2, axisUnit, ""), explore.FormatValue(cm.Scale, axisUnit, "")
		axisLine = s.Muted.Render(fit(strings.Repeat(" ", 2+lay.labelW+1)+scaleMarks(lay.barW, lo, mid, hi), w, tail))
	}

	// Fit the height: drop the within-item section, then the blank lines
	// and the scale.
	assemble := func(withWithin, blanks bool) []string {
		var out []string
		out = append(out, head...)
		if blanks {
			out = append(out, "")
		}
		out = append(out, groups...)
		if blanks && axisLine != "" {
			out = append(out, axisLine)
		}
		if len(verdicts) > 0 {
			if blanks {
				out = append(out, "")
			}
			out = append(out, verdicts...)
		}
		if withWithin && len(within) > 0 {
			if blanks {
				out = append(out, "")
			}
			out = append(out, within...)
		}
		if blanks {
			out = append(out, "")
		}
		out = append(out, srcLines...)
		return out
	}
	for _, opt := range [][2]bool{{true, true}, {true, false}, {false, false}} {
		if out := assemble(opt[0], opt[1]); len(out) <= h {
			return out
		}
	}
	return assemble(false, false)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// points writes a difference in points as the charts' detail line does
// ("+46 pts", "-42 pts"), or for counts without a unit word.
func points(d float64, unit string, _ *Styles) string {
	return explore.FormatPoints(d, unit)
}
