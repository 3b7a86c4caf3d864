package render

import (
	"github.com/docsurvey/docsurvey/internal/lru"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// The overview's asks, most important first (see layout.go): the title,
// the focused figure's detail line, the footnote, the list windowed around
// the focus, then a blank line, the detail's body (up to four lines) and
// the collection's description (up to two) once the list fits.
const (
	ovTitle = iota + 1
	ovDetail
	ovFootnote
	ovList
	ovSpacer
	ovBody
	ovDescription
)

// overviewLines draws the headline figures, one line each with its source,
// and the focused figure's exact wording below.
func overviewLines(c *dataset.Collection, st explore.State, w, h int, s *Styles) []string {
	title := c.Title
	if title == "" {
		title = "Overview"
	}
	head := titleLine(title, explore.Count(len(c.Sources), "source", "sources"), w, s)
	findings := c.FindingsIn(st.View)
	tail := s.Ellipsis()
	if len(findings) == 0 {
		return []string{head, s.Muted.Render(fit("No headline figures in this collection.", w, tail))}
	}
	groups, focusAt, focused := overviewRows(c, st, findings, overviewColumns(c, st, findings, w), s)
	var desc []string
	if !st.Big && c.Description != "" {
		for _, l := range wrap(c.Description, w, 2, tail) {
			desc = append(desc, s.Question.Render(l))
		}
	}
	detailHead, detailBody := section{}, section{}
	if focused != nil {
		mark, _ := s.Marker()
		dh, body := findingDetail(c, focused, s)
		detailHead = partial("detail", ovDetail, s.Detail.Render(fit(mark+dh, w, tail)))
		if !st.Big {
			var ls []string
			for _, l := range wrap(body, w-2, 4, tail) {
				ls = append(ls, s.Detail.Render("  "+l))
			}
			detailBody = partial("body", ovBody, ls...)
		}
	}
	list := func(n int) []string { return window(groups, focusAt, n, s) }
	return layout(h,
		partial("title", ovTitle, head),
		partial("description", ovDescription, desc...),
		blank(ovSpacer),
		drawn("list", list, ask{prio: ovList, max: len(groups)}),
		detailHead,
		detailBody,
		partial("footnote", ovFootnote, s.Muted.Render(fit("Every figure names its source; the sources view lists them all and where they disagree.", w, tail))),
	)
}

// overviewCols are the overview's columns: the value, a small bar (0 when
// the window is too narrow), the label and the source (0 when it goes).
type overviewCols struct{ valW, barW, labelW, srcW int }

// overviewColumns fits the columns to w cells. The label takes most of
// the room (three quarters of it, three fifths from 120 columns), leaving
// the source up to 32 cells; a source squeezed under 14 cells goes (it is
// in the detail line), as it does in big mode.
func overviewColumns(c *dataset.Collection, st explore.State, findings []*dataset.Finding, w int) overviewCols {
	var k overviewCols
	labMax, srcMax := 0, 0
	for _, f := range findings {
		k.valW = max(k.valW, width(findingValue(f)))
		srcMax = max(srcMax, width(sourceLabel(c, f.Source)))
		labMax = max(labMax, width(f.Label))
	}
	k.valW = min(k.valW, maxValueWidth)
	// A small bar for each share, on the same 0-100 axis as the charts,
	// when the window is wide enough.
	switch {
	case w >= 110:
		k.barW = 20
	case w >= 90:
		k.barW = 12
	}
	lead := 2 + k.valW + 2
	if k.barW > 0 {
		lead += k.barW + 2
	}
	srcFull := min(srcMax, 32)
	avail := w - lead - 2
	share := avail * 3 / 4
	if w >= 120 {
		share = avail * 3 / 5
	}
	k.labelW = min(labMax, max(avail-srcFull, share))
	k.srcW = min(srcFull, avail-k.labelW)
	if k.srcW < 14 || st.Big {
		k.srcW = 0
		k.labelW = min(labMax, w-lead)
	}
	k.labelW = max(0, k.labelW)
	return k
}

// overviewRows draws a line per finding in the columns k; focusAt and
// focused are the focused finding's line and the finding (-1 and nil if
// none).
func overviewRows(c *dataset.Collection, st explore.State, findings []*dataset.Finding, k overviewCols, s *Styles) (groups [][]string, focusAt int, focused *dataset.Finding) {
	mark, blank := s.Marker()
	tail := s.Ellipsis()
	var chart *dataset.Chart
	var plain barSet
	if k.barW > 0 {
		chart = findingsChart(c, st.View, findings)
		plain = barRows(c, chart, k.barW, 0, s, false, false)
	}
	focusAt = -1
	for i, f := range findings {
		isFocus := f.ID == st.Focus
		m, ls, vs := blank, s.Label, s.Value
		if isFocus {
			m, ls, vs = mark, s.LabelFocus, s.ValueFocus
			focusAt, focused = i, f
		}
		line := m + vs.Render(padLeft(fit(findingValue(f), k.valW, tail), k.valW)) + "  "
		if chart != nil {
			bar := plain.at(i)
			if isFocus {
				bar = pick(focusRows(c, chart, i, k.barW, 0, s, false, false), 0)
			}
			line += fit(bar, k.barW, "") + "  "
		}
		line += ls.Render(pad(f.Label, k.labelW, tail))
		if k.srcW > 0 {
			line += "  " + s.Muted.Render(fit(sourceLabel(c, f.Source), k.srcW, tail))
		}
		groups = append(groups, []string{line})
	}
	return groups, focusAt, focused
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
var findingsCharts = lru.New[findingsKey, *dataset.Chart](16)

// findingsChart is a one-series percent chart of a view's findings: the
// shares have bars, counts and worded figures none.
func findingsChart(c *dataset.Collection, view string, findings []*dataset.Finding) *dataset.Chart {
	k := findingsKey{c: c, view: view}
	if ch, ok := findingsCharts.Get(k); ok {
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
	findingsCharts.Put(k, ch)
	return ch
}
