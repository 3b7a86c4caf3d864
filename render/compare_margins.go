package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// signed writes a difference's limit in points with its sign: "+4.3",
// "-0.3", "0.0".
func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	switch {
	case s == "-0.0":
		return "0.0"
	case v > 0 && s != "0.0":
		return "+" + s
	}
	return s
}

// verdictLine is one difference with its interval and verdict: "LinkedIn,
// Professional use: +2 pts (-0.3 to +4.3), within the margin of error".
func verdictLine(label string, v explore.Verdict, unit string) string {
	t := label + ": " + explore.FormatPoints(v.Diff, unit)
	if v.OK {
		t += " (" + signed(v.Low) + " to " + signed(v.High) + ")"
	}
	return t + ", " + v.Words()
}

// verdictLines is the panel's section on the margins of error: each item's
// difference from the base item, per column, with its 95% interval and the
// verdict in words, then the methods used. Nil when no two figures can be
// compared.
func verdictLines(c *dataset.Collection, cm explore.Comparison, order []int, base, w int, short bool, s *Styles) []string {
	var body, methods []string
	for _, i := range order {
		if i == base {
			continue
		}
		for col, ser := range cm.Series {
			if _, ok := cm.Diff(i, base, col); !ok {
				continue
			}
			v := cm.Verdict(c, i, base, col)
			label := compareLabel(cm.Items[i], short)
			if len(cm.Series) > 1 {
				label += ", " + ser.Label
			}
			for _, l := range wrap(asciiMargin(verdictLine(label, v, cm.Items[i].Unit), s), w-2, 2, s.Ellipsis()) {
				body = append(body, styleVerdict(v, s).Render("  "+l))
			}
			if m := v.MethodWords(); m != "" && !slices.Contains(methods, m) {
				methods = append(methods, m)
			}
		}
	}
	if len(body) == 0 {
		return nil
	}
	tail := s.Ellipsis()
	head := s.Title.Render(fit("Against "+compareLabel(cm.Items[base], short)+", with 95% intervals", w, tail))
	out := append([]string{head}, body...)
	if len(methods) > 0 {
		out = append(out, s.Muted.Render(fit("  Method: "+strings.Join(methods, "; "), w, tail)))
	}
	return out
}

// styleVerdict draws a difference larger than the margin of error in the
// value style, one within it muted.
func styleVerdict(v explore.Verdict, s *Styles) interface{ Render(...string) string } {
	if v.Larger() {
		return s.Value
	}
	return s.Muted
}

// comparePlusMinus is each cell's margin for the panel's rows ("±1.1"),
// in the style the rows use, and the widest; 0 when no cell has one.
func comparePlusMinus(c *dataset.Collection, cm explore.Comparison, s *Styles) ([][]string, int) {
	out := make([][]string, len(cm.Cells))
	widest := 0
	for i := range cm.Cells {
		out[i] = make([]string, len(cm.Series))
		for col := range cm.Series {
			out[i][col] = asciiMargin(cm.CellMargin(c, i, col).PlusMinus(), s)
			widest = max(widest, width(out[i][col]))
		}
	}
	return out, widest
}
