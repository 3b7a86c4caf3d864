package report

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// margin is a figure's base and 95% Wilson interval as the reports give
// them: percent to one decimal, null (JSON) or empty (CSV) when there is
// none. See docs/statistics.md.
type margin struct {
	N        *int     `json:"n"`
	NDerived bool     `json:"n_derived,omitempty"`
	CILow    *float64 `json:"ci_low"`
	CIHigh   *float64 `json:"ci_high"`
}

// round1 rounds to one decimal, as every output prints intervals.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// marginFrom converts an explore.Margin.
func marginFrom(m explore.Margin) margin {
	var out margin
	if m.Base.Known() {
		n := m.Base.N
		out.N, out.NDerived = &n, m.Base.Derived
	}
	if m.OK {
		lo, hi := round1(m.Low), round1(m.High)
		out.CILow, out.CIHigh = &lo, &hi
	}
	return out
}

// addMargins fills in every chart value's and finding's margin.
func addMargins(c *dataset.Collection, d *doc) {
	for i := range d.Charts {
		ch := c.Chart(d.Charts[i].ID)
		if ch == nil {
			continue
		}
		for j := range d.Charts[i].Items {
			it := &d.Charts[i].Items[j]
			src := ch.Item(it.ID)
			for k := range it.Values {
				it.Values[k].margin = marginFrom(explore.FigureMargin(c, ch, src, ch.SeriesIndex(it.Values[k].Series)))
			}
		}
	}
	for i := range d.Findings {
		for k := range c.Findings {
			if c.Findings[k].ID == d.Findings[i].ID {
				d.Findings[i].margin = marginFrom(explore.FindingMargin(c, &c.Findings[k]))
				break
			}
		}
	}
}

// csvCols are the CSV's n, n_derived, ci_low and ci_high columns.
func (m margin) csvCols() []string {
	cols := []string{"", "", "", ""}
	if m.N != nil {
		cols[0] = strconv.Itoa(*m.N)
	}
	if m.NDerived {
		cols[1] = "true"
	}
	if m.CILow != nil {
		cols[2], cols[3] = strconv.FormatFloat(*m.CILow, 'f', 1, 64), strconv.FormatFloat(*m.CIHigh, 'f', 1, 64)
	}
	return cols
}

// plusMinus is the Markdown table's ± cell: "±1.1 (13.9–16.1), n=4,033",
// "n not stated", or "" for a count; with pts, "±1.1 pts (…)" for prose.
func (m margin) plusMinus(v float64, unit string, pts bool) string {
	if unit == dataset.UnitCount {
		return ""
	}
	if m.N == nil {
		return "n not stated"
	}
	em := explore.Margin{Value: v, Percent: true, Base: dataset.Base{N: *m.N, Derived: m.NDerived}}
	if m.CILow != nil {
		em.OK, em.Low, em.High = true, *m.CILow, *m.CIHigh
	}
	if !em.OK {
		return em.BaseText()
	}
	unitWord := ""
	if pts {
		unitWord = " pts"
	}
	return em.PlusMinus() + unitWord + " (" + em.Range("–") + "), " + em.BaseText()
}

// svgWhisker draws a value's interval as a whisker over its bar: a line
// from ci_low to ci_high with end ticks, on a scale of 0–max.
func svgWhisker(b io.Writer, m margin, x0, y, plotW, barH, max float64) {
	if m.CILow == nil || max <= 0 {
		return
	}
	at := func(v float64) float64 { return x0 + math.Max(0, math.Min(v, max))/max*plotW }
	lo, hi, mid := at(*m.CILow), at(*m.CIHigh), y+barH/2
	fmt.Fprintf(b, `<path class="whisker" d="M%s %sH%sM%s %sV%sM%s %sV%s" stroke="#c00000" stroke-width="1.5" fill="none"/>`+"\n",
		num(lo), num(mid), num(hi), num(lo), num(y+2), num(y+barH-2), num(hi), num(y+2), num(y+barH-2))
}
