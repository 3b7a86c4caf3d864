package render

import (
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Measure draws one measure's figures side by side, so a presenter can say
// which to trust: the measure, its note, then each figure with its source,
// date and kind (primary or secondary), the document's exact words and any
// caveat. No line is wider than o.Width and there are at most o.Height
// lines; 0x0 draws nothing, an unknown measure says so.
func Measure(c *dataset.Collection, id string, o Options) string {
	w, h, s, out, done := o.begin(c)
	if done {
		return out
	}
	return finish(measureLines(c, id, w, h, s), w, h, s)
}

// measureLines draws the side-by-side lines of a measure, shortening the
// wording and the note to fit h.
func measureLines(c *dataset.Collection, id string, w, h int, s *Styles) []string {
	tail := s.Ellipsis()
	ms, ok := explore.SourcesFor(c, id)
	if !ok {
		return []string{s.Warning.Render(fit("No measure "+id+".", w, tail))}
	}
	note := explore.Count(len(ms.Rows), "figure", "figures")
	if lo, hi, ok := ms.Spread(); ok && lo != hi {
		note += s.Dot() + explore.FormatNumber(lo) + s.Text("–") + explore.FormatValue(hi, ms.Rows[0].Unit, "")
	}
	head := []string{titleLine(ms.Measure.Label, note, w, s)}

	cols := measureColumns(ms, w)
	_, blank := s.Marker()
	row := func(cells ...string) string {
		var parts []string
		for i, cw := range cols {
			if cw > 0 {
				parts = append(parts, pad(cells[i], cw, tail))
			}
		}
		return strings.TrimRight(blank+strings.Join(parts, "  "), " ")
	}
	header := s.Muted.Render(fit(strings.TrimRight(row("Figure", "Source", "Date", "Kind"), " "), w, tail))

	quoteWords := func(r explore.MeasureRow) string {
		if r.Wording != "" {
			return quote(r.Wording, s)
		}
		return "(" + r.Context + ")"
	}
	// build draws every row with at most wl lines of wording and nl of note.
	build := func(wl, nl int, noteLines int) []string {
		out := append([]string{}, head...)
		if noteLines > 0 && ms.Measure.Note != "" {
			for _, l := range wrap(ms.Measure.Note, w, noteLines, tail) {
				out = append(out, s.Question.Render(l))
			}
		}
		out = append(out, "", header)
		indent := "    "
		for _, r := range ms.Rows {
			out = append(out, fit(row(s.Value.Render(r.Figure), s.Label.Render(r.Source), dateText(r.Date), r.Kind), w, tail))
			if wl > 0 {
				for _, l := range wrap(quoteWords(r), w-len(indent), wl, tail) {
					out = append(out, s.Detail.Render(indent+l))
				}
			}
			if nl > 0 && r.Note != "" {
				for _, l := range wrap("Note: "+r.Note, w-len(indent), nl, tail) {
					out = append(out, s.Muted.Render(indent+l))
				}
			}
		}
		return out
	}
	for _, try := range [][3]int{{3, 2, 4}, {2, 1, 3}, {1, 1, 2}, {1, 0, 2}, {1, 0, 1}, {0, 0, 1}, {0, 0, 0}} {
		if out := build(try[0], try[1], try[2]); len(out) <= h {
			return out
		}
	}
	return build(0, 0, 0)
}

// measureColumns are the widths of the figure, source, date and kind
// columns in w cells; kind goes first (secondary is also said in the
// source note), then the date, then the source shrinks; 0 is a column left
// out.
func measureColumns(ms explore.MeasureSources, w int) []int {
	figW, srcW, dateW, kindW := 6, 6, 7, 9
	for _, r := range ms.Rows {
		figW = max(figW, width(r.Figure))
		srcW = max(srcW, width(r.Source))
		dateW = max(dateW, width(dateText(r.Date)))
	}
	cols := []int{figW, min(srcW, 32), dateW, kindW}
	sum := func() int { return 2 + cols[0] + 2 + cols[1] + 2 + cols[2] + 2 + cols[3] }
	if sum() > w {
		cols[3] = 0
	}
	if sum() > w {
		cols[2] = 0
	}
	if over := sum() - w; over > 0 {
		cols[1] = max(4, cols[1]-over)
	}
	return cols
}

// dateText is a source's date, or "undated".
func dateText(d string) string {
	if d == "" {
		return "undated"
	}
	return d
}
