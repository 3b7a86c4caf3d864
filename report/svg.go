package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// SVG layout, in pixels.
const (
	svgWidth    = 900
	svgMargin   = 24
	svgLabelW   = 300 // the item label column
	svgValueW   = 130 // room after the longest bar for its value
	svgPlotW    = svgWidth - 2*svgMargin - svgLabelW - svgValueW
	svgBarH     = 14
	svgBarGap   = 2
	svgItemGap  = 10
	svgLineH    = 15
	svgLabelMax = 46 // characters per label line
	svgTextMax  = 130
)

// svgFills are the series fills: distinct in lightness and pattern, so the
// chart reads in greyscale. Series past the last reuse them.
var svgFills = []struct{ id, def string }{
	{"fill0", `<pattern id="fill0" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#1f4e79"/></pattern>`},
	{"fill1", `<pattern id="fill1" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#bcd7ee"/><rect width="3" height="8" fill="#1f4e79"/></pattern>`},
	{"fill2", `<pattern id="fill2" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="#f2f2f2"/><circle cx="3" cy="3" r="1.6" fill="#333333"/></pattern>`},
	{"fill3", `<pattern id="fill3" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#7f7f7f"/><rect y="3" width="8" height="2" fill="#ffffff"/></pattern>`},
}

// svgDoc accumulates the body of an SVG while tracking the height used.
type svgDoc struct {
	b  bytes.Buffer
	y  float64
	fn footnotes
	d  *doc
}

// esc escapes text for XML content and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// num prints a coordinate with at most one decimal, for stable output.
func num(v float64) string {
	return formatNumber(math.Round(v*10) / 10)
}

// wrap splits text into lines of at most max characters, at spaces.
func wrap(text string, max int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= max:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// text writes one line of text at the current height and moves down.
func (s *svgDoc) text(class, txt string, x float64, lineH float64) {
	s.y += lineH
	fmt.Fprintf(&s.b, `<text class="%s" x="%s" y="%s">%s</text>`+"\n", class, num(x), num(s.y), esc(txt))
}

// para writes wrapped text.
func (s *svgDoc) para(class, txt string, max int, lineH float64) {
	for _, l := range wrap(txt, max) {
		s.text(class, l, svgMargin, lineH)
	}
}

// mark returns " [n]" for a source that differs from the chart's, else "".
func (s *svgDoc) mark(src, chartSrc string) string {
	n := s.fn.mark(src)
	if src == chartSrc {
		return ""
	}
	return " [" + strings.TrimSuffix(strings.TrimPrefix(n, "[^"), "]") + "]"
}

// sourceNote returns "[n] " and the one-line description of a source.
func (s *svgDoc) sourceNote(id string) string {
	n := strings.TrimSuffix(strings.TrimPrefix(s.fn.mark(id), "[^"), "]")
	line := id
	if src := s.d.source(id); src != nil {
		line = sourceLine(src)
	}
	return "[" + n + "] " + line
}

// sourceLabel returns a source's short label, or its ID.
func (s *svgDoc) sourceLabel(id string) string {
	if src := s.d.source(id); src != nil {
		return src.Label
	}
	return id
}

// bar is one bar to draw: its fill, value and texts.
type bar struct {
	fill    int
	value   float64
	text    string // the value as printed at the end of the bar
	tooltip string
	margin  margin // its interval, drawn as a whisker
}

// barRow draws one labelled row of bars against a scale of 0–max.
func (s *svgDoc) barRow(label string, bars []bar, max float64) {
	lines := wrap(label, svgLabelMax)
	barsH := float64(len(bars))*(svgBarH+svgBarGap) - svgBarGap
	rowH := math.Max(barsH, float64(len(lines))*svgLineH)
	top := s.y
	for i, l := range lines {
		fmt.Fprintf(&s.b, `<text class="label" x="%s" y="%s" text-anchor="end">%s</text>`+"\n",
			num(svgMargin+svgLabelW-10), num(top+11+float64(i)*svgLineH), esc(l))
	}
	x0 := float64(svgMargin + svgLabelW)
	for i, br := range bars {
		w := 0.0
		if max > 0 {
			w = math.Max(0, math.Min(br.value, max)) / max * svgPlotW
		}
		y := top + float64(i)*(svgBarH+svgBarGap)
		fmt.Fprintf(&s.b, `<rect class="bar" x="%s" y="%s" width="%s" height="%d" fill="url(#%s)" stroke="#1f4e79" stroke-width="0.5"><title>%s</title></rect>`+"\n",
			num(x0), num(y), num(w), svgBarH, svgFills[br.fill%len(svgFills)].id, esc(br.tooltip))
		svgWhisker(&s.b, br.margin, x0, y, svgPlotW, svgBarH, max)
		tx := w
		if br.margin.CIHigh != nil && max > 0 {
			tx = math.Max(w, math.Min(*br.margin.CIHigh, max)/max*svgPlotW)
		}
		fmt.Fprintf(&s.b, `<text class="value" x="%s" y="%s">%s</text>`+"\n", num(x0+tx+6), num(y+11), esc(br.text))
	}
	s.y = top + rowH + svgItemGap
}

// plot marks where a plot's bars start: their height and the body's
// length, so the grid can go underneath them.
type plot struct {
	top float64
	at  int
}

// startPlot marks the start of a plot's bars.
func (s *svgDoc) startPlot() plot { return plot{top: s.y - 4, at: s.b.Len()} }

// axis draws the scale's grid lines under the plot's bars, from its top to
// the current height, with tick labels below.
func (s *svgDoc) axis(p plot, max float64, unit string) {
	x0 := float64(svgMargin + svgLabelW)
	var grid bytes.Buffer
	for i := 0; i <= 4; i++ {
		v := max * float64(i) / 4
		x := x0 + float64(i)/4*svgPlotW
		fmt.Fprintf(&grid, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x), num(p.top), num(x), num(s.y-svgItemGap+4))
		fmt.Fprintf(&s.b, `<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", num(x), num(s.y+8), esc(explore.FormatValue(v, unit, "")))
	}
	body := append(append(append([]byte(nil), s.b.Bytes()[:p.at]...), grid.Bytes()...), s.b.Bytes()[p.at:]...)
	s.b.Reset()
	s.b.Write(body)
	s.y += 14
}

// scaleMax is 100 for percentages, else a round number above the largest
// value.
func scaleMax(unit string, values []float64) float64 {
	if unit == dataset.UnitPercent {
		return 100
	}
	hi := 0.0
	for _, v := range values {
		hi = math.Max(hi, v)
	}
	if hi <= 0 {
		return 1
	}
	step := math.Pow(10, math.Floor(math.Log10(hi)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*step >= hi {
			return m * step
		}
	}
	return 10 * step
}

// legend draws a swatch and label per series on one line.
func (s *svgDoc) legend(ss []series) {
	x := float64(svgMargin + svgLabelW)
	s.y += 6
	for i, sr := range ss {
		fmt.Fprintf(&s.b, `<rect class="swatch" x="%s" y="%s" width="14" height="14" fill="url(#%s)" stroke="#1f4e79" stroke-width="0.5"/>`+"\n",
			num(x), num(s.y), svgFills[i%len(svgFills)].id)
		fmt.Fprintf(&s.b, `<text class="legend" x="%s" y="%s">%s</text>`+"\n", num(x+20), num(s.y+11), esc(sr.Label))
		x += 20 + float64(len([]rune(sr.Label)))*7 + 24
	}
	s.y += 14 + 12
}

func (s *svgDoc) chart(ch *chart) {
	s.y += 16
	s.text("chart-title", ch.Title, svgMargin, 20)
	s.para("question", ch.Question, svgTextMax, svgLineH)
	if ch.Base != "" {
		s.para("base", "Base: "+ch.Base, svgTextMax, svgLineH)
	}
	s.legend(ch.Series)
	var values []float64
	for _, it := range ch.Items {
		for _, v := range it.Values {
			values = append(values, v.Value)
		}
	}
	max := scaleMax(ch.Unit, values)
	p := s.startPlot()
	for _, it := range ch.Items {
		label := it.Label
		if it.Base != "" {
			label += " (" + strings.ToLower(it.Base[:1]) + it.Base[1:] + ")"
		}
		var bars []bar
		for si, sr := range ch.Series {
			for _, v := range it.Values {
				if v.Series != sr.ID {
					continue
				}
				fig := explore.FormatFigure(&v.Value, ch.Unit, v.Qualifier)
				srcLabel := v.Source
				if src := s.d.source(v.Source); src != nil {
					srcLabel = src.Label
				}
				bars = append(bars, bar{
					fill: si, value: v.Value, text: fig + s.mark(v.Source, ch.Source),
					tooltip: it.Label + ", " + sr.Label + ": " + fig + " (" + srcLabel + ")", margin: v.margin,
				})
			}
		}
		if len(bars) == 0 {
			continue
		}
		s.barRow(label, bars, max)
	}
	s.axis(p, max, ch.Unit)
	if ch.Note != "" {
		s.para("note", ch.Note, svgTextMax, svgLineH)
	}
	s.para("source", "Source: "+s.sourceNote(ch.Source), svgTextMax, svgLineH)
}

func (s *svgDoc) findings(fs []finding) {
	s.y += 16
	s.text("chart-title", "Findings", svgMargin, 20)
	s.y += 6
	p := s.startPlot()
	drawn := false
	for _, f := range fs {
		if f.Value == nil || f.Unit != dataset.UnitPercent {
			continue
		}
		fig := explore.FormatFigure(f.Value, f.Unit, f.Qualifier)
		srcLabel := f.Source
		if src := s.d.source(f.Source); src != nil {
			srcLabel = src.Label
		}
		s.barRow(f.Label, []bar{{value: *f.Value, text: fig + s.mark(f.Source, ""), tooltip: f.Label + ": " + fig + " (" + srcLabel + ")", margin: f.margin}}, 100)
		drawn = true
	}
	if drawn {
		s.axis(p, 100, dataset.UnitPercent)
	}
	for _, f := range fs {
		if f.Value != nil && f.Unit == dataset.UnitPercent {
			continue
		}
		line := "• " + f.Label
		if fig := explore.FindingFigure(f.Label, f.Value, f.Unit, f.Qualifier); fig != "" {
			line += ": " + fig
		}
		if f.Wording != "" {
			line += " — " + quote(f.Wording)
		}
		s.para("finding", line+s.mark(f.Source, ""), svgTextMax, svgLineH)
		s.y += 3
	}
}

func (s *svgDoc) measures(ms []measure) {
	s.y += 16
	s.text("chart-title", "Figures side by side", svgMargin, 20)
	s.para("question", "The same measure as each document reports it.", svgTextMax, svgLineH)
	for _, m := range ms {
		s.y += 8
		s.para("measure", m.Label, svgTextMax, 17)
		s.y += 6
		p := s.startPlot()
		drawn := false
		// Bars first, so the grid under them is not crossed by text.
		for _, f := range m.Figures {
			if f.Value == nil || f.Unit != dataset.UnitPercent {
				continue
			}
			srcLabel := s.sourceLabel(f.Source)
			fig := explore.FormatFigure(f.Value, f.Unit, f.Qualifier)
			s.barRow(srcLabel+" ("+f.Where+")", []bar{{value: *f.Value, text: fig, tooltip: m.Label + ": " + fig + " (" + srcLabel + ")"}}, 100)
			drawn = true
		}
		if drawn {
			s.axis(p, 100, dataset.UnitPercent)
		}
		for _, f := range m.Figures {
			if f.Value != nil && f.Unit == dataset.UnitPercent {
				continue
			}
			line := "• " + s.sourceLabel(f.Source) + ": " + explore.FormatFigure(f.Value, f.Unit, f.Qualifier)
			if f.Wording != "" {
				line += " — " + quote(f.Wording)
			}
			s.para("finding", line, svgTextMax, svgLineH)
			s.y += 3
		}
		if m.Note != "" {
			s.para("note", m.Note, svgTextMax, svgLineH)
		}
	}
}

func writeSVG(w io.Writer, d *doc) error {
	s := &svgDoc{d: d}
	s.text("title", d.Collection+" — "+d.Title, svgMargin, 30)
	for i := range d.Charts {
		s.chart(&d.Charts[i])
	}
	if len(d.Findings) > 0 {
		s.findings(d.Findings)
	}
	if len(d.Measures) > 0 {
		s.measures(d.Measures)
	}
	// Every source cited, numbered as the value markers refer to them; the
	// sources view lists them all.
	if d.View == dataset.ViewSources {
		for _, src := range d.Sources {
			s.fn.mark(src.ID)
		}
	}
	if len(s.fn.order) > 0 {
		s.y += 16
		s.text("chart-title", "Sources", svgMargin, 20)
		for i := 0; i < len(s.fn.order); i++ {
			s.para("source", s.sourceNote(s.fn.order[i]), svgTextMax, svgLineH)
		}
	}
	height := s.y + svgMargin
	var out bytes.Buffer
	fmt.Fprintf(&out, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%s" viewBox="0 0 %d %s" font-family="Helvetica, Arial, sans-serif">
<title>%s</title>
<style>
.title{font-size:20px;font-weight:bold;fill:#111}
.chart-title{font-size:16px;font-weight:bold;fill:#111}
.measure{font-size:13px;font-weight:bold;fill:#222}
.question,.base{font-size:12px;fill:#333}
.label,.legend,.value,.finding{font-size:12px;fill:#111}
.value{font-weight:bold}
.tick{font-size:10px;fill:#555}
.note,.source{font-size:11px;fill:#444}
.note{font-style:italic}
.grid{stroke:#cccccc;stroke-width:1}
</style>
<defs>
`, svgWidth, num(height), svgWidth, num(height), esc(d.Collection+" — "+d.Title))
	for _, f := range svgFills {
		out.WriteString(f.def + "\n")
	}
	out.WriteString("</defs>\n")
	fmt.Fprintf(&out, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	out.Write(s.b.Bytes())
	out.WriteString("</svg>\n")
	_, err := w.Write(out.Bytes())
	return err
}
