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
	out := []string{titleLine(title, fmt.Sprintf("%d sources", len(c.Sources)), w, s)}
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
	valW = min(valW, 12)
	labMax := 0
	for _, f := range findings {
		labMax = max(labMax, width(f.Label))
	}
	// The label gets what it needs, leaving the source at least 14 cells;
	// without room for both, the source goes (it is in the detail line).
	labelW := min(labMax, w-2-valW-2-2-14)
	srcW = min(srcW, w-2-valW-2-labelW-2)
	if labelW < 24 || srcW < 8 || st.Big {
		srcW = 0
		labelW = min(labMax, w-2-valW-2)
	}
	labelW = max(0, labelW)
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
		line := m + vs.Render(padLeft(fit(findingValue(f), valW, tail), valW)) + "  " + ls.Render(pad(f.Label, labelW, tail))
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
		if f.Value != nil && f.Qualifier != "" {
			head += " (" + f.Qualifier + ")"
		}
	}
	var parts []string
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
		if v.Value != nil {
			t += formatValue(*v.Value, f.Unit) + " "
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
