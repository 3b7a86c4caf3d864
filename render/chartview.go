package render

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// A chart view's asks, most important first (see layout.go): the lines
// that frame the chart, one row of it, the question's first line, the rest
// of the chart; then, only while the whole chart fits, the axis, the
// detail's body, a blank line, the rest of the question and the blank
// lines between groups. The chart's note and the findings take what is
// left.
const (
	cvTitle = iota + 1
	cvLegend
	cvDetail
	cvFootnote
	cvChartFirst
	cvQuestion
	cvChart
	cvAxis
	cvBody
	cvSpacer
	cvQuestionMore
	cvChartGaps
)

// chartViewLines draws a chart view: the chart holding the focus, as a
// list of sections. static (a file, `show`) draws the whole question.
func chartViewLines(c *dataset.Collection, st explore.State, w, h int, s *Styles, static bool) []string {
	secs := explore.Sections(c, st.View)
	if len(secs) == 0 {
		return emptyChartView(c, st, w, s)
	}
	ch := secs[st.Chart].Chart
	if ch == nil {
		return nil
	}
	note := ""
	if len(secs) > 1 {
		note = fmt.Sprintf("chart %d/%d", st.Chart+1, len(secs))
	}
	cv := newChartView(c, ch, st, w, h, s)
	cv.static = static
	return layout(h,
		partial("title", cvTitle, titleLine(ch.Title, note, w, s)),
		cv.question(),
		partial("legend", cvLegend, cv.legend...),
		blank(cvSpacer),
		cv.chart(),
		cv.axis(),
		partial("detail", cvDetail, cv.detail...),
		cv.body(),
		partial("footnote", cvFootnote, cv.footnote()),
		leftover("findings", cv.tail),
	)
}

// emptyChartView is a view without charts: its title, a line saying so
// and its findings.
func emptyChartView(c *dataset.Collection, st explore.State, w int, s *Styles) []string {
	lines := []string{s.Title.Render(fit(c.ViewTitle(st.View), w, s.Ellipsis())), s.Muted.Render(fit("No charts in this view.", w, s.Ellipsis()))}
	for _, f := range c.FindingsIn(st.View) {
		lines = append(lines, findingLine(c, f, w, s))
	}
	return lines
}

// chartView is one chart laid out for a width, drawn once: its legend,
// detail, groups of rows and axis, from which the sections are made.
type chartView struct {
	c        *dataset.Collection
	ch       *dataset.Chart
	st       explore.State
	w        int
	s        *Styles
	legend   []string
	detail   []string // the focused item's head and margins
	bodyText string   // the focused item's wording, sources and notes
	groups   [][]string
	focusAt  int
	axisLine string
	// static: drawn for a file, where the question is never cut.
	static bool
}

// newChartView lays the chart out and draws it, as bars or as a butterfly
// chart, at the thickness its measured height allows.
func newChartView(c *dataset.Collection, ch *dataset.Chart, st explore.State, w, h int, s *Styles) *chartView {
	cv := &chartView{c: c, ch: ch, st: st, w: w, s: s}
	lay := layoutChart(ch, w, st.Big)
	shown := explore.SeriesShown(ch, st.Series)
	cv.legend = whiskerLegend(legend(ch, shown, w, s), st.Whiskers && lay.kind != layoutRows, w, s)
	it := ch.Item(st.Focus)
	var head string
	if it != nil {
		head, cv.bodyText = detail(c, ch, it, s)
	}
	mark, _ := s.Marker()
	for _, l := range wrap(head, w-2, 1, s.Ellipsis()) {
		cv.detail = append(cv.detail, s.Detail.Render(mark+l))
	}
	cv.detail = append(cv.detail, marginLines(c, ch, it, shown, w, s)...)
	butterfly := st.Diverging && explore.CanDiverge(ch)
	thick := cv.thickness(lay, shown, butterfly, h)
	if butterfly {
		bf := butterflyLines(c, ch, st, w, thick, s)
		cv.legend, cv.groups, cv.focusAt = []string{bf.legend}, bf.groups, bf.focusAt
		if bf.axis != "" {
			cv.axisLine = s.Muted.Render(bf.axis)
		}
		return cv
	}
	cv.groups, cv.focusAt = chartLines(c, ch, st, true, lay, thick, s, h)
	if lay.kind != layoutRows {
		cv.axisLine = s.Muted.Render(axis(ch, lay))
	}
	return cv
}

// thickness is how many rows each bar takes: one, and in big mode three
// (when the chart fits with room to spare) or two, if the whole chart fits
// so under the lines that frame it; decided from the chart's height before
// it is drawn.
func (cv *chartView) thickness(lay chartLayout, shown []int, butterfly bool, h int) int {
	if !cv.st.Big {
		return 1
	}
	left := max(0, h-1-len(cv.legend)-len(cv.detail)-1)
	thick := 2
	if len(cv.ch.Items)*max(1, len(shown))*3 <= left-2 {
		thick = 3
	}
	rows := len(explore.Rows(cv.ch, cv.st.Sort, cv.st.Reverse, shown))
	height := rows * len(shown) * thick
	switch {
	case butterfly:
		left += len(cv.legend) - 1 // a butterfly's legend is one line
		height = rows * thick
	case lay.kind == layoutRows:
		height = rows // value rows are one line whatever the thickness
	}
	if height > left {
		return 1
	}
	return thick
}

// question is the chart's question, three lines at most (in a file, all
// of them): its first line right after one row of the chart, the others
// only once the chart fits.
func (cv *chartView) question() section {
	tail := cv.s.Ellipsis()
	most := 3
	if cv.static {
		most = 0
	}
	q := wrap(cv.ch.Question, cv.w, most, tail)
	if cv.st.Big || len(q) == 0 {
		return section{}
	}
	draw := func(n int) []string {
		out := wrap(cv.ch.Question, cv.w, n, tail)
		for i := range out {
			out[i] = cv.s.Question.Render(out[i])
		}
		return out
	}
	return drawn("question", draw, ask{prio: cvQuestion, min: 1, max: 1}, ask{prio: cvQuestionMore, max: len(q) - 1})
}

// chart is the chart's groups of rows, windowed around the focus when they
// do not all fit; with blank lines between groups of several lines when
// there is room for all of them.
func (cv *chartView) chart() section {
	need := linesNeeded(cv.groups, false)
	gaps := 0
	if len(cv.groups) > 0 && len(cv.groups[0]) > 1 {
		gaps = linesNeeded(cv.groups, true) - need
	}
	draw := func(n int) []string { return window(cv.groups, cv.focusAt, n, cv.s) }
	return drawn("chart", draw, ask{prio: cvChartFirst, max: 1}, ask{prio: cvChart, max: need - 1}, ask{prio: cvChartGaps, min: gaps, max: gaps})
}

// axis is the scale under the bars, when the layout has one.
func (cv *chartView) axis() section {
	if cv.axisLine == "" {
		return section{}
	}
	return whole("axis", cvAxis, cv.axisLine)
}

// body is the rest of the focused item's detail, up to three lines.
func (cv *chartView) body() section {
	tail := cv.s.Ellipsis()
	if cv.st.Big || cv.bodyText == "" {
		return section{}
	}
	draw := func(n int) []string {
		out := wrap(cv.bodyText, cv.w-2, n, tail)
		for i := range out {
			out[i] = cv.s.Detail.Render("  " + out[i])
		}
		return out
	}
	return drawn("body", draw, ask{prio: cvBody, max: len(wrap(cv.bodyText, cv.w-2, 3, tail))})
}

// footnote cites the chart's source; in big mode only its label.
func (cv *chartView) footnote() string {
	if cv.st.Big {
		return cv.s.Muted.Render(fit("Source: "+sourceLabel(cv.c, cv.ch.Source), cv.w, cv.s.Ellipsis()))
	}
	return cv.s.Muted.Render(fit(footnote(cv.c, cv.ch, cv.s), cv.w, cv.s.Ellipsis()))
}

// tail is what goes in the lines left at the bottom, from two: a blank
// line, the chart's note, then the view's findings under a heading if the
// heading and one finding fit; nothing in big mode.
func (cv *chartView) tail(n int) []string {
	if cv.st.Big || n <= 1 {
		return nil
	}
	s, w := cv.s, cv.w
	out := []string{""}
	if cv.ch.Note != "" {
		for _, l := range wrap("Note: "+cv.ch.Note, w, 2, s.Ellipsis()) {
			out = append(out, s.Muted.Render(l))
		}
	}
	if findings := cv.c.FindingsIn(cv.st.View); len(findings) > 0 && len(out)+2 <= n {
		out = append(out, s.Title.Render(fit("Findings", w, "")))
		for _, f := range findings {
			out = append(out, findingLine(cv.c, f, w, s))
		}
	}
	out = out[:min(n, len(out))]
	if strings.TrimSpace(ansiStrip(strings.Join(out, ""))) == "" {
		return nil
	}
	return out
}
