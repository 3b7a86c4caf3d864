package explore

import (
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// Describe is the plain-language sentence for what a state shows: the
// focused chart item under the state's series selection (DescribeItem), the
// focused finding, source or measure. It returns "" when nothing is
// focused.
func Describe(c *dataset.Collection, st State) string {
	if c == nil {
		return ""
	}
	st = st.Normalize(c)
	sec, ok := SectionAt(c, st.View, st.Chart)
	if !ok {
		return ""
	}
	switch sec.Kind {
	case SectionChart:
		return DescribeItem(c, sec.Chart, st.Focus, st.Series)
	case SectionFindings:
		for _, f := range c.FindingsIn(st.View) {
			if f.ID == st.Focus {
				return DescribeFinding(c, f)
			}
		}
	case SectionSources:
		return DescribeSource(c, st.Focus)
	case SectionMeasures:
		return DescribeMeasure(c, st.Focus)
	}
	return ""
}

// DescribeComparison is one sentence on pinned items, in the order a sort
// shows them. Two items are set against each other per series, with the
// difference in points and the ratio:
//
//	Facebook vs LinkedIn: personal use 61% vs 19% (+42 pts, 3.2x; a 42-point gap, larger than the margin of error); professional use 15% vs 17% (-2 pts, 0.88x; a 2-point gap, within the margin of error) (QuantiaMD 2011, n=4,033)
//
// More items are listed per series, largest first.
func DescribeComparison(c *dataset.Collection, pins []dataset.Ref, sortBy string, reverse bool) string {
	if len(pins) == 0 {
		return "Nothing pinned."
	}
	cm := Compare(c, pins)
	order := cm.Order(sortBy, reverse)
	name := func(i int) string {
		if !cm.Items[i].Found {
			return cm.Items[i].Ref.String()
		}
		return cm.Items[i].Label
	}
	var parts []string
	var head string
	if len(order) == 2 {
		a, b := order[0], order[1]
		head = name(a) + " vs " + name(b) + ": "
		for col, ser := range cm.Series {
			ca, cb := cm.Cells[a][col], cm.Cells[b][col]
			if !ca.OK || !cb.OK {
				continue
			}
			p := lowerFirst(ser.Label) + " " + FormatValue(ca.Value, cm.Items[a].Unit, ca.Qualifier) + " vs " + FormatValue(cb.Value, cm.Items[b].Unit, cb.Qualifier)
			d, _ := cm.Diff(a, b, col)
			p += " (" + FormatPoints(d, cm.Items[a].Unit) + ", " + FormatRatio(cm.Ratio(a, b, col)) + verdictClause(cm.Verdict(c, a, b, col)) + ")"
			parts = append(parts, p)
		}
	} else {
		head = CountWord(len(order)) + " pinned " + Plural(len(order), "item", "items") + ": "
		head = strings.ToUpper(head[:1]) + head[1:]
	}
	if len(parts) == 0 {
		for col, ser := range cm.Series {
			var xs []int
			for _, i := range order {
				if cm.Cells[i][col].OK {
					xs = append(xs, i)
				}
			}
			if len(xs) == 0 {
				continue
			}
			slices.SortStableFunc(xs, func(x, y int) int {
				vx, vy := cm.Cells[x][col].Value, cm.Cells[y][col].Value
				switch {
				case vx > vy:
					return -1
				case vx < vy:
					return 1
				}
				return 0
			})
			var vals []string
			for _, i := range xs {
				cell := cm.Cells[i][col]
				vals = append(vals, name(i)+" "+FormatValue(cell.Value, cm.Items[i].Unit, cell.Qualifier))
			}
			parts = append(parts, lowerFirst(ser.Label)+": "+strings.Join(vals, ", "))
		}
	}
	var srcs []string
	for _, i := range order {
		for col := range cm.Series {
			if cell := cm.Cells[i][col]; cell.OK && !slices.Contains(srcs, cell.Source) {
				srcs = append(srcs, cell.Source)
			}
		}
	}
	if len(parts) == 0 {
		return head + "no figures to compare" + citation(c, srcs)
	}
	if cm.SharesNothing() {
		head += "no series in common, so nothing is subtracted; "
	}
	return head + strings.Join(parts, "; ") + citation(c, srcs)
}

// verdictClause is a comparison's verdict for a sentence: "; a 2-point
// gap, within the margin of error", or "" when there is no interval.
func verdictClause(v Verdict) string {
	if !v.OK {
		return ""
	}
	return "; " + v.Gap()
}
