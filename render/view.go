package render

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Limits on the size asked for: a client can claim 2^31 columns, and
// nothing is allocated past these.
const (
	MaxWidth  = 1000
	MaxHeight = 500
)

// bigMaxWidth is the widest a big-mode block gets; it is centred.
const bigMaxWidth = 100

// Options say how to draw a view.
type Options struct {
	// Width and Height are the cells available; the result never exceeds
	// them.
	Width, Height int
	// Styles are the styles to draw with; nil draws without colour.
	Styles *Styles
	// Static draws for a file or a printout rather than the explorer: no
	// key hints ("v or esc: close", "Press c…"), which mean nothing there.
	Static bool
}

// View draws the body of a view at the given size: title, question, legend,
// chart, detail line, footnote and findings, degrading as the width shrinks
// (full labels → abbreviated labels → value rows) and dropping the least
// important lines as the height shrinks. The state is normalized first, so
// any state draws. No line is wider than o.Width and there are at most
// o.Height lines.
func View(c *dataset.Collection, st explore.State, o Options) string {
	w, h, s, out, done := o.begin(c)
	if done {
		return out
	}
	st = st.Normalize(c)
	k := viewKey{data: c, st: st.Key(), w: w, h: h, style: s.Key(), static: o.Static}
	return cachedView(k, func() string { return drawView(c, st, w, h, s, o.Static) })
}

// drawView draws the body of a normalized state at w x h cells, for a
// file or a printout when static.
func drawView(c *dataset.Collection, st explore.State, w, h int, s *Styles, static bool) string {
	bw := w
	if st.Big {
		bw = min(w, bigMaxWidth)
	}
	var lines []string
	switch st.View {
	case dataset.ViewOverview:
		lines = overviewLines(c, st, bw, h, s)
	case dataset.ViewSources:
		lines = sourcesLines(c, st, bw, h, s, static)
	default:
		lines = chartViewLines(c, st, bw, h, s, static)
	}
	if st.Big {
		lines = center(lines, blockWidth(lines), w)
		if pad := (h - len(lines)) / 3; pad > 0 {
			lines = append(make([]string, pad), lines...)
		}
	}
	return finish(lines, w, h, s)
}

// finish is what every drawing function ends with: the lines cut to w
// cells and h lines, in the one ASCII mapping under --ascii (the data's
// own quotes and dashes included).
func finish(lines []string, w, h int, s *Styles) string {
	out := clampBlock(lines, w, h)
	if s.ASCII() {
		out = ToASCII(out)
	}
	return out
}

// begin is what every drawing function starts with: the size asked for,
// clamped to MaxWidth and MaxHeight, and the styles (colourless when o has
// none). done is set when there is nothing more to draw: no room (out is
// "") or no data (out says so).
func (o Options) begin(c *dataset.Collection) (w, h int, s *Styles, out string, done bool) {
	w, h = clampInt(o.Width, 0, MaxWidth), clampInt(o.Height, 0, MaxHeight)
	if w <= 0 || h <= 0 {
		return w, h, nil, "", true
	}
	s = o.Styles
	if s == nil {
		s = NewStyles(StyleOptions{})
	}
	if c == nil {
		return w, h, s, clampBlock([]string{s.Warning.Render("No data.")}, w, h), true
	}
	return w, h, s, "", false
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func blockWidth(lines []string) int {
	m := 0
	for _, l := range lines {
		m = max(m, width(l))
	}
	return m
}

// titleLine puts a title on the left and a note (e.g. "chart 1/2") on the
// right of w cells.
func titleLine(title, note string, w int, s *Styles) string {
	nw := width(note)
	if note == "" || nw+2 > w/3 {
		return s.Title.Render(fit(title, w, s.Ellipsis()))
	}
	t := fit(title, w-nw-2, s.Ellipsis())
	gap := w - width(t) - nw
	return s.Title.Render(t) + strings.Repeat(" ", gap) + s.Muted.Render(note)
}

// linesNeeded is the height of every group, with a blank line between
// groups if gaps is set.
func linesNeeded(groups [][]string, gaps bool) int {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	if gaps && len(groups) > 1 && len(groups[0]) > 1 {
		n += len(groups) - 1
	}
	return n
}

// window fits groups of lines into h lines: all of them (with blank lines
// between multi-line groups if there is room), or a run around the focused
// group with "↑ n more" and "↓ n more" lines.
func window(groups [][]string, focus, h int, s *Styles) []string {
	if h <= 0 || len(groups) == 0 {
		return nil
	}
	join := func(gs [][]string, gaps bool) []string {
		var out []string
		for i, g := range gs {
			if gaps && i > 0 {
				out = append(out, "")
			}
			out = append(out, g...)
		}
		return out
	}
	multi := len(groups[0]) > 1
	if multi && linesNeeded(groups, true) <= h {
		return join(groups, true)
	}
	if linesNeeded(groups, false) <= h {
		return join(groups, false)
	}
	if focus < 0 {
		focus = 0
	}
	up, down := s.Text("↑"), s.Text("↓")
	// Grow a run [a, b) around the focus while it fits with its markers.
	a, b := focus, focus+1
	size := func(a, b int) int {
		n := linesNeeded(groups[a:b], false)
		if a > 0 {
			n++
		}
		if b < len(groups) {
			n++
		}
		return n
	}
	for {
		grew := false
		if b < len(groups) && size(a, b+1) <= h {
			b++
			grew = true
		}
		if a > 0 && size(a-1, b) <= h {
			a--
			grew = true
		}
		if !grew {
			break
		}
	}
	var out []string
	if a > 0 {
		out = append(out, s.Muted.Render(fmt.Sprintf("  %s %d more", up, a)))
	}
	out = append(out, join(groups[a:b], false)...)
	if b < len(groups) {
		out = append(out, s.Muted.Render(fmt.Sprintf("  %s %d more", down, len(groups)-b)))
	}
	if len(out) > h {
		// Even the focused group alone does not fit: keep its first lines.
		out = join(groups[focus:focus+1], false)
		if len(out) > h {
			out = out[:h]
		}
	}
	return out
}

// findingLine is one finding on one line: "• label: value — source".
func findingLine(c *dataset.Collection, f *dataset.Finding, w int, s *Styles) string {
	t := f.Label
	if v := findingValue(f); v != "" {
		t += ": " + v
	}
	t += " — " + sourceLabel(c, f.Source)
	return fit(s.Text("• "+t), w, s.Ellipsis())
}

// findingValue is a finding's figure with its hedge: "more than 70%", or
// its worded form ("nearly half") when the document gives no number and the
// label does not already say it (see explore.FindingFigure).
func findingValue(f *dataset.Finding) string {
	return explore.FindingFigure(f.Label, f.Value, f.Unit, f.Qualifier)
}

// ViewTitle returns the display name of a view of c: the title the data
// declares, or one made from the ID ("remote-care" → "Remote care").
func ViewTitle(c *dataset.Collection, id string) string { return c.ViewTitle(id) }
