package render

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// The sources view's asks, most important first (see layout.go): the
// title, the focused row's detail line, the list windowed around the
// focus, the detail's body (up to 8 lines) once the list fits, then the
// checks, whole or not at all.
const (
	svTitle = iota + 1
	svDetail
	svList
	svBody
	svChecks
)

// sourcesLines draws every source (publisher, date, sample, document) and,
// below, the measures several sources report, each marked "differ" or
// "agree" (see agreement) with its figures; the focused row's detail and
// the declared checks under them.
func sourcesLines(c *dataset.Collection, st explore.State, w, h int, s *Styles, static bool) []string {
	tail := s.Ellipsis()
	l := sourcesList{focusAt: -1}
	l.addSources(c, st, sourceColumns(c, w, static), s)
	l.addMeasures(c, st, w, s, static)
	mark, _ := s.Marker()
	detail := section{}
	if l.head != "" {
		detail = partial("detail", svDetail, s.Detail.Render(fit(mark+l.head, w, tail)))
	}
	body := section{}
	if l.body != "" && !st.Big {
		draw := func(n int) []string {
			var out []string
			for _, line := range wrap(l.body, w-2, n, tail) {
				out = append(out, s.Detail.Render("  "+line))
			}
			return out
		}
		body = drawn("body", draw, ask{prio: svBody, max: len(wrap(l.body, w-2, 8, tail))})
	}
	var checks []string
	for _, g := range checkGroups(c, w, s) {
		checks = append(checks, g...)
	}
	list := func(n int) []string { return window(l.groups, l.focusAt, n, s) }
	return layout(h,
		partial("title", svTitle, titleLine("Sources", sourcesNote(c, w, s), w, s)),
		drawn("list", list, ask{prio: svList, max: linesNeeded(l.groups, false)}),
		// The checks cannot take the focus, so a window could never
		// scroll to them: they come whole or not at all.
		whole("checks", svChecks, checks...),
		detail,
		body,
	)
}

// sourceColumns are the widths of the sources' columns (label, publisher,
// date, n, document) in w cells; the widest go first when the window
// narrows, a 0 is a column left out. On screen the long columns are
// capped to leave room; drawn for a file (static) they keep their whole
// width when w has it.
func sourceColumns(c *dataset.Collection, w int, static bool) []int {
	labW, pubW, dateW, nW, docW := 0, 0, 4, 1, 0
	for _, src := range c.Sources {
		labW = max(labW, width(src.Label))
		pubW = max(pubW, width(src.Publisher))
		dateW = max(dateW, width(src.Date))
		nW = max(nW, width(sampleText(&src)))
		docW = max(docW, width(documentText(&src)))
	}
	avail := w - 2
	total := func(cols []int) int {
		t := 0
		for _, c := range cols {
			if c > 0 {
				t += c + 2
			}
		}
		return t - 2
	}
	cols := []int{labW, pubW, dateW, nW, docW}
	if !static || total(cols) > avail {
		cols = []int{min(labW, 32), min(pubW, 34), dateW, nW, min(docW, 26)}
	}
	// A long publisher gives up a few cells (down to 24) when that saves
	// the document column.
	if over := total(cols) - avail; over > 0 && cols[1]-over >= 24 {
		cols[1] -= over
	}
	for _, drop := range []int{4, 1, 3} {
		if total(cols) <= avail {
			break
		}
		cols[drop] = 0
	}
	if total(cols) > avail {
		cols[0] = max(0, cols[0]-(total(cols)-avail))
	}
	return cols
}

// sourcesList is the sources view's list as it is drawn: one group of
// lines per row, the focused group, and the focused row's detail.
type sourcesList struct {
	groups     [][]string
	focusAt    int
	head, body string
}

// addSources adds a row per source in the columns cols.
func (l *sourcesList) addSources(c *dataset.Collection, st explore.State, cols []int, s *Styles) {
	tail := s.Ellipsis()
	mark, blank := s.Marker()
	for _, src := range c.Sources {
		m, ls := blank, s.Label
		if st.Chart == 0 && st.Focus == src.ID {
			m, ls = mark, s.LabelFocus
			l.focusAt = len(l.groups)
			l.head, l.body = sourceDetail(&src, cols[1] > 0, cols[4] > 0, s)
		}
		cells := []string{src.Label, src.Publisher, src.Date, sampleText(&src), documentText(&src)}
		var parts []string
		for i, cw := range cols {
			switch {
			case cw == 0:
			case i == 3:
				parts = append(parts, padLeft(cells[i], cw))
			default:
				parts = append(parts, pad(cells[i], cw, tail))
			}
		}
		line := m + ls.Render(parts[0])
		if len(parts) > 1 {
			line += "  " + s.Muted.Render(strings.Join(parts[1:], "  "))
		}
		l.groups = append(l.groups, []string{line})
	}
}

// addMeasures adds, under a heading, each measure two or more sources
// report, marked "differ" when its numbers differ, "agree" when two or
// more are given and all equal; worded figures are not compared. Drawn
// for a file (static), each measure is cut nowhere (staticMeasure).
func (l *sourcesList) addMeasures(c *dataset.Collection, st explore.State, w int, s *Styles, static bool) {
	measures := explore.MeasuresCompared(c)
	if len(measures) == 0 {
		return
	}
	tail := s.Ellipsis()
	mark, blank := s.Marker()
	verdicts := make([]string, len(measures))
	differ := 0
	lw := 0
	for i, m := range measures {
		if ms, ok := explore.SourcesFor(c, m.ID); ok {
			verdicts[i] = agreement(ms)
			if verdicts[i] == "differ" {
				differ++
			}
		}
		lw = max(lw, width(m.Label))
	}
	l.groups = append(l.groups, []string{"", titleLine("Figures several sources report", explore.Count(differ, "differs", "differ"), w, s)})
	const verdictW = 6
	lw = min(lw, max(12, (w-2)*2/5))
	for i, m := range measures {
		mk, ls := blank, s.Label
		if st.Chart == 1 && st.Focus == m.ID {
			mk, ls = mark, s.LabelFocus
			l.focusAt = len(l.groups)
			l.head, l.body = measureDetail(c, &m, s)
		}
		vs := s.Muted
		if verdicts[i] == "differ" {
			vs = s.Warning
		}
		figs := measureSummary(c, m.ID, s)
		if static && w >= 40 {
			l.groups = append(l.groups, staticMeasure(mk, ls.Render, vs.Render(pad(verdicts[i], verdictW, "")), m.Label, figs, w, s))
			continue
		}
		line := mk + ls.Render(pad(m.Label, lw, tail)) + "  " + vs.Render(pad(verdicts[i], verdictW, "")) + "  " + s.Muted.Render(fit(figs, max(0, w-2-lw-2-verdictW-2), tail))
		l.groups = append(l.groups, []string{line})
	}
}

// maxFigureLines bounds the lines a measure's label or figures wrap onto
// in a file.
const maxFigureLines = 8

// staticMeasure is a measure drawn for a file: its whole label on a line
// of its own (wrapped when long), then its verdict and every figure,
// wrapped under it, so a text export cuts nothing.
func staticMeasure(mk string, label func(...string) string, verdict, name, figs string, w int, s *Styles) []string {
	tail := s.Ellipsis()
	var group []string
	for i, line := range wrap(name, w-2, maxFigureLines, tail) {
		if i > 0 {
			mk = "  "
		}
		group = append(group, mk+label(line))
	}
	indent := "    "
	figW := w - len(indent) - width(verdict) - 2
	for i, line := range wrap(figs, figW, maxFigureLines, tail) {
		lead := indent + verdict + "  "
		if i > 0 {
			lead = strings.Repeat(" ", width(lead))
		}
		group = append(group, lead+s.Muted.Render(line))
	}
	return group
}

func sampleText(src *dataset.Source) string {
	if src.Sample > 0 {
		return "n=" + groupThousands(fmt.Sprint(src.Sample))
	}
	return "n not stated"
}

func documentText(src *dataset.Source) string {
	if src.Document != "" {
		return src.Document
	}
	if src.Kind == dataset.KindSecondary {
		return "(secondary)"
	}
	return ""
}

// sourceDetail is the full record of a source.
// Publisher and document are added when their columns did not fit.
func sourceDetail(src *dataset.Source, pubShown, docShown bool, s *Styles) (head, body string) {
	head = src.Label + ": " + src.Title
	var parts []string
	if src.Publisher != "" && !pubShown {
		parts = append(parts, "Published by "+src.Publisher+".")
	}
	if src.Document != "" && !docShown {
		parts = append(parts, "Document: "+src.Document+".")
	}
	if src.Author != "" {
		parts = append(parts, "By "+src.Author+".")
	}
	if src.Study != "" {
		parts = append(parts, "Study: "+src.Study+".")
	}
	if src.SampleWording != "" {
		parts = append(parts, "Sample: "+quote(src.SampleWording, s)+".")
	}
	if src.Population != "" {
		parts = append(parts, "Population: "+src.Population+".")
	}
	if src.Citation != "" {
		parts = append(parts, "Seen in: "+src.Citation+".")
	}
	if src.Note != "" {
		parts = append(parts, src.Note)
	}
	return head, strings.Join(parts, " ")
}

// measureSummary lists a measure's figures on one line: "87% QuantiaMD
// 2011 · almost 90% QuantiaMD 2011 · …".
func measureSummary(c *dataset.Collection, id string, s *Styles) string {
	ms, _ := explore.SourcesFor(c, id)
	var parts []string
	for _, r := range ms.Rows {
		parts = append(parts, r.Figure+" "+r.Source)
	}
	return strings.Join(parts, s.Dot())
}

// agreement is "agree" when two or more sources state a measure's figure
// identically (the same number with the same hedge, or the same words),
// "differ" when they state it differently ("20%" against "over 20%", "nearly
// half" against 47%), and "" when fewer than two figures are given.
func agreement(ms explore.MeasureSources) string {
	if len(ms.Rows) < 2 {
		return ""
	}
	first := ms.Rows[0]
	for _, r := range ms.Rows[1:] {
		if (r.Value == nil) != (first.Value == nil) ||
			r.Value != nil && *r.Value != *first.Value ||
			!strings.EqualFold(r.Qualifier, first.Qualifier) {
			return "differ"
		}
	}
	return "agree"
}

// measureDetail is a measure's note: which figure to trust and why.
func measureDetail(c *dataset.Collection, m *dataset.Measure, s *Styles) (head, body string) {
	head = m.Label
	var parts []string
	if m.Note != "" {
		parts = append(parts, m.Note)
	}
	ms, _ := explore.SourcesFor(c, m.ID)
	for _, r := range ms.Rows {
		t := r.Figure + " (" + r.Source + ")"
		if r.Wording != "" {
			t += ": " + quote(r.Wording, s)
		}
		parts = append(parts, t+".")
	}
	return head, strings.Join(parts, " ")
}

// sourcesNote counts the sources and, where the title line has room, how
// many of them have a document in dataset/sources: "10 sources · 5
// documents", or "10 sources".
func sourcesNote(c *dataset.Collection, w int, s *Styles) string {
	docs := 0
	for _, src := range c.Sources {
		if src.Document != "" {
			docs++
		}
	}
	note := explore.Count(len(c.Sources), "source", "sources")
	if long := note + s.Dot() + explore.Count(docs, "document", "documents"); width(long)+2 <= w/3 {
		return long
	}
	return note
}

// checkGroups are the declared checks worked out in every series
// (dataset.CheckResults), one line each under a title, e.g. "✓ Professional
// use: 1 site + 2 or more sites = Total: 41 + 26 = 67"; none without checks.
func checkGroups(c *dataset.Collection, w int, s *Styles) [][]string {
	results := c.CheckResults()
	if len(results) == 0 {
		return nil
	}
	tail := s.Ellipsis()
	failed := 0
	for _, r := range results {
		if !r.OK {
			failed++
		}
	}
	note := "all hold"
	if failed > 0 {
		note = explore.Count(failed, "fails", "fail")
	}
	out := [][]string{{"", titleLine("Checks the figures pass", note, w, s)}}
	ok, bad := s.Text("✓"), s.Text("✗")
	for _, r := range results {
		mark, ms := ok, s.Muted
		if !r.OK {
			mark, ms = bad, s.Warning
		}
		out = append(out, []string{"  " + ms.Render(mark) + " " + s.Muted.Render(fit(checkText(c, r), max(0, w-3-width(mark)), tail))})
	}
	return out
}

// checkText says one check result with the series' and items' labels:
// "Professional use: 1 site + 2 or more sites = Total: 41 + 26 = 67", or
// for a complement "Personal use: None of the above = 100 - Total: 100 -
// 87 = 13"; a failed check adds what the data holds.
func checkText(c *dataset.Collection, r dataset.CheckResult) string {
	ck := c.Checks[r.Check]
	series := r.Series
	if ch, _ := c.Resolve(refOf(r.Subject)); ch != nil {
		if i := ch.SeriesIndex(r.Series); i >= 0 {
			series = ch.Series[i].Label
		}
	}
	nums := make([]string, len(r.Operands))
	for i, v := range r.Operands {
		nums[i] = explore.FormatNumber(v)
	}
	var rule, sum string
	if r.Kind == dataset.CheckComplement {
		rule = itemLabel(c, r.Subject) + " = 100 - " + itemLabel(c, ck.Of)
		sum = "100 - " + strings.Join(nums, "")
	} else {
		parts := make([]string, len(ck.Parts))
		for i, p := range ck.Parts {
			parts[i] = itemLabel(c, p)
		}
		rule = strings.Join(parts, " + ") + " = " + itemLabel(c, r.Subject)
		sum = strings.Join(nums, " + ")
	}
	text := fmt.Sprintf("%s: %s: %s = %s", series, rule, sum, explore.FormatNumber(r.Computed))
	if !r.OK {
		text += ", but the data says " + explore.FormatNumber(r.Given)
	}
	return text
}

func refOf(s string) dataset.Ref {
	r, _ := dataset.ParseRef(s)
	return r
}

// itemLabel is an item's label, or the reference itself if it does not
// resolve.
func itemLabel(c *dataset.Collection, ref string) string {
	_, it := c.Resolve(refOf(ref))
	switch {
	case it == nil:
		return ref
	}
	return it.Label
}
