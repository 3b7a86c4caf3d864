package render

import (
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// rangeDash joins an interval's limits: an en dash, or "-" in ASCII.
func rangeDash(s *Styles) string { return s.Text("–") }

// marginText is the focused item's margins of error for the detail line,
// one per shown series: "95%: 15% ±1.1 pts (13.9–16.1), n=4,033" for one
// series; with several, each value is named by its series and a base they
// share is said once at the end. compact leaves out the limits and "pts"
// ("95%: Professional use 15% ±1.1 · …"). "" for a count chart.
func marginText(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, shown []int, s *Styles, compact bool) string {
	if it == nil || ch.Unit == dataset.UnitCount || len(shown) == 0 {
		return ""
	}
	ms := make([]explore.Margin, len(shown))
	shared := true
	for k, si := range shown {
		ms[k] = explore.FigureMargin(c, ch, it, si)
		shared = shared && ms[k].Base == ms[0].Base
	}
	var parts []string
	for k, si := range shown {
		t := valueText(ch, it, si)
		switch {
		case ms[k].OK && compact:
			t += " " + ms[k].PlusMinus()
		case ms[k].OK:
			t += " " + ms[k].PlusMinus() + " pts (" + ms[k].Range(rangeDash(s)) + ")"
		}
		if !shared {
			t += ", " + ms[k].BaseText()
		}
		if len(shown) > 1 {
			t = ch.Series[si].Label + " " + t
		}
		parts = append(parts, t)
	}
	out := "95%: " + strings.Join(parts, s.Dot())
	if shared {
		sep := ", "
		if len(shown) > 1 {
			sep = s.Dot()
		}
		out += sep + ms[0].BaseText()
	}
	if !ms[0].OK && shared {
		out += ", so no margin of error"
	}
	return out
}

// asciiMargin spells a margin's symbols in ASCII ("+/-" for "±", "~" for
// "≈"), before the text is fitted to its width: Styles.Text.
func asciiMargin(t string, s *Styles) string { return s.Text(t) }

// marginLines is marginText as one detail line, indented under the detail
// head: in full if it fits, else compact, wrapped to two lines only if even
// that does not fit.
func marginLines(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, shown []int, w int, s *Styles) []string {
	t := asciiMargin(marginText(c, ch, it, shown, s, false), s)
	if t == "" {
		return nil
	}
	if width(t) > w-2 {
		t = asciiMargin(marginText(c, ch, it, shown, s, true), s)
	}
	lines := wrap(t, w-2, 2, s.Ellipsis())
	for i := range lines {
		lines[i] = s.Detail.Render("  " + lines[i])
	}
	return lines
}

// findingMarginText is a numeric finding's margin for its detail: "95%:
// 87% ±1.0 pts (85.9–88.0), n=4,033." or "95%: 18%, n not stated, so no
// margin of error."; "" for a worded finding or a count.
func findingMarginText(c *dataset.Collection, f *dataset.Finding, s *Styles) string {
	m := explore.FindingMargin(c, f)
	if f.Value == nil || !m.Percent {
		return ""
	}
	t := "95%: " + m.Text(findingValue(f), rangeDash(s))
	if !m.OK {
		t += ", so no margin of error"
	}
	return asciiMargin(t+".", s)
}
