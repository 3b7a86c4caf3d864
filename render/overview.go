package render

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// overviewLines draws the headline figures, one line each with its source,
// and the focused figure's exact wording below.
func overviewLines(c *dataset.Collection, st explore.State, w, h int, s *Styles) []string {
	title := c.Title
	if title == "" {
		title = "Overview"
	}
	out := []string{titleLine(title, fmt.Sprintf("%d %s", len(c.Sources), plural(len(c.Sources), "source", "sources")), w, s)}
	findings := c.FindingsIn(st.View)
	if len(findings) == 0 {
		return append(out, s.Muted.Render(fit("No headline figures in this collection.", w, s.Ellipsis())))
	}
	mark, blank := s.Marker()
	tail := s.Ellipsis()
	valW := 0
	srcW := 0
	for _, f := range findings {
		valW = max(valW, width(findingValue(f)))
		srcW = max(srcW, width(sourceLabel(c, f.Source)))
	}
	valW = min(valW, maxValueWidth)
	labMax := 0
	for _, f := range findings {
		labMax = max(labMax, width(f.Label))
	}
	// A small bar for each share, on the same 0-100 axis as the charts,
	// when the window is wide enough.
	barW := 0
	switch {
	case w >= 110:
		barW = 20
	case w >= 90:
		barW = 12
	}
	lead := 2 + valW + 2
	if barW > 0 {
		lead += barW + 2
	}
	// The label gets what it needs, leaving the source at least 14 cells;
	// without room for both, the source goes (it is in the detail line).
	// The label takes most of the room (three quarters of it, three fifths
	// from 120 columns) and the source the rest; a source
	// squeezed under 14 cells goes (it is in the detail line).
	srcFull := min(srcW, 32)
	avail := w - lead - 2
	share := avail * 3 / 4
	if w >= 120 {
		share = avail * 3 / 5
	}
	labelW := min(labMax, max(avail-srcFull, share))
	srcW = min(srcFull, avail-labelW)
	if srcW < 14 || st.Big {
		srcW = 0
		labelW = min(labMax, w-lead)
	}
	labelW = max(0, labelW)
	var chart *dataset.Chart
	var plain barSet
	if barW > 0 {
		chart = findingsChart(c, st.View, findings)
		plain = barRows(c, chart, barW, 0, s, false, false)
	}
	var groups [][]string
	focusAt := -1
	var focused *dataset.Finding
	for i, f := range findings {
		isFocus := f.ID == st.Focus
		m, ls, vs := blank, s.Label, s.Value
		if isFocus {
			m, ls, vs = mark, s.LabelFocus, s.ValueFocus
			focusAt, focused = i, f
		}
		line := m + vs.Render(padLeft(fit(findingValue(f), valW, tail), valW)) + "  "
		if chart != nil {
			bar := plain.at(i)
			if isFocus {
				bar = pick(focusRows(c, chart, i, barW, 0, s, false, false), 0)
			}
			line += fit(bar, barW, "") + "  "
		}
		line += ls.Render(pad(f.Label, labelW, tail))
		if srcW > 0 {
			line += "  " + s.Muted.Render(fit(sourceLabel(c, f.Source), srcW, tail))
		}
		groups = append(groups, []string{line})
	}
	b := budget{left: h - 1}
	var desc []string
	if !st.Big && c.Description != "" {
		desc = wrap(c.Description, w, 2, tail)
	}
	var detailLines []string
	if focused != nil {
		head, body := findingDetail(c, focused, s)
		detailLines = append(detailLines, s.Detail.Render(fit(mark+head, w, tail)))
		if !st.Big {
			for _, l := range wrap(body, w-2, 4, tail) {
				detailLines = append(detailLines, s.Detail.Render("  "+l))
			}
		}
	}
	foot := s.Muted.Render(fit("Every figure names its source; the sources view lists them all and where they disagree.", w, tail))
	// Essentials: detail head and footnote; then the list; then the rest.
	b.take(2)
	need := len(groups)
	extra := b.left - need
	bodyN := min(max(0, extra-1), len(detailLines)-1)
	if bodyN < 0 {
		bodyN = 0
	}
	b.take(bodyN)
	descN := min(max(0, b.left-need-1), len(desc))
	b.take(descN)
	spacer := b.left-need >= 1
	if spacer {
		b.take(1)
	}
	list := window(groups, focusAt, b.left, s)
	for _, l := range desc[:descN] {
		out = append(out, s.Question.Render(l))
	}
	if spacer {
		out = append(out, "")
	}
	out = append(out, list...)
	if len(detailLines) > 0 {
		out = append(out, detailLines[:1+bodyN]...)
	}
	out = append(out, foot)
	return out
}

// findingDetail describes a finding: label and figure, then the document's
// words, the source, the caveat and other documents' versions.
func findingDetail(c *dataset.Collection, f *dataset.Finding, s *Styles) (head, body string) {
	head = f.Label
	if v := findingValue(f); v != "" {
		head += ": " + v
	}
	var parts []string
	if m := findingMarginText(c, f, s); m != "" {
		parts = append(parts, m)
	}
	if f.Wording != "" {
		parts = append(parts, quote(f.Wording, s))
	}
	parts = append(parts, "Source: "+sourceCitation(c, f.Source)+".")
	if f.Base != "" {
		parts = append(parts, "Base: "+f.Base+".")
	}
	if f.Caveat != "" {
		parts = append(parts, "Caveat: "+f.Caveat)
	}
	for _, v := range f.Variants {
		t := "Also: "
		if fig := explore.FormatFigure(v.Value, f.Unit, v.Qualifier); fig != "" {
			t += fig + " "
		}
		parts = append(parts, t+"("+sourceLabel(c, v.Source)+").")
	}
	return head, strings.Join(parts, " ")
}

// sourceCitation is a source's label, publisher and date.
func sourceCitation(c *dataset.Collection, id string) string {
	src := c.Source(id)
	if src == nil {
		return id
	}
	t := src.Label
	var extra []string
	if src.Publisher != "" {
		extra = append(extra, src.Publisher)
	}
	if src.Date != "" {
		extra = append(extra, src.Date)
	}
	if len(extra) > 0 {
		t += " (" + strings.Join(extra, ", ") + ")"
	}
	return t
}

// findingsKey identifies the synthetic chart of a view's findings.
type findingsKey struct {
	c    *dataset.Collection
	view string
}

// findingsCharts keeps one synthetic chart per collection and view, so its
// drawn bars are cached like any chart's.
var findingsCharts = newLRU[findingsKey, *dataset.Chart](16)

// findingsChart is a one-series percent chart of a view's findings: the
// shares have bars, counts and worded figures none.
func findingsChart(c *dataset.Collection, view string, findings []*dataset.Finding) *dataset.Chart {
	k := findingsKey{c: c, view: view}
	if ch, ok := findingsCharts.get(k); ok {
		return ch
	}
	ch := &dataset.Chart{ID: "findings-" + view, View: view, Unit: dataset.UnitPercent, Series: []dataset.Series{{ID: "v"}}}
	for _, f := range findings {
		it := dataset.Item{ID: f.ID, Label: f.Label, Values: map[string]dataset.Figure{}}
		if f.Value != nil && f.Unit != dataset.UnitCount {
			it.Values["v"] = dataset.Figure{Value: *f.Value}
		}
		ch.Items = append(ch.Items, it)
	}
	findingsCharts.put(k, ch)
	return ch
}
