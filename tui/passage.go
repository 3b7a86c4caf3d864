package tui

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// passageView is the component of the source passage: o on a figure (or
// a finding) opens, over the body, the passage of the shipped source
// document that states it, the wording (or the table row it was read off)
// highlighted and marked in the margin; ↑ and ↓ scroll it, esc (or o)
// closes it. When the source has no document shipped, or the document
// does not hold the figure, the status line says so and nothing opens.
type passageView struct {
	common *Common
	host   host
	w, h   int
	// open is set while the passage covers the body; p is the passage
	// and top the first line shown of its wrapped text.
	open bool
	p    dataset.Passage
	top  int
}

// ShortHelp implements help.KeyMap.
func (v *passageView) ShortHelp() []key.Binding {
	k := v.common.Keys
	return []key.Binding{k.CloseSource, k.ScrollDown}
}

// FullHelp implements help.KeyMap: the keys routed to the passage.
func (v *passageView) FullHelp() [][]key.Binding {
	k := v.common.Keys
	return [][]key.Binding{{k.Open, k.ScrollUp, k.ScrollDown, k.CloseSource}}
}

// SetSize sets the area the passage covers.
func (v *passageView) SetSize(w, h int) { v.w, v.h = w, h }

// Update opens, scrolls and closes the passage.
func (v *passageView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := v.common.Keys
	switch {
	case key.Matches(kp, k.CloseSource):
		v.open = false
	case key.Matches(kp, k.ScrollUp):
		v.top = max(v.top-1, 0)
	case key.Matches(kp, k.ScrollDown):
		v.top = min(v.top+1, v.maxTop())
	case key.Matches(kp, k.Open):
		v.show()
	}
	return nil
}

// show opens the passage of what the focus is on, or says why there is
// none.
func (v *passageView) show() {
	p, err := focusedPassage(v.common.Data, v.host.State())
	if err != nil {
		v.host.setStatus(err.Error())
		return
	}
	v.host.closeOverlays()
	v.p, v.open = p, true
	v.top = 0
	for i, l := range v.lines() {
		if l.marked {
			v.top = min(max(i-1, 0), v.maxTop())
			break
		}
	}
}

// focusedPassage is the passage stating what the focus is on: a chart
// figure (the series shown, else the first) or a finding.
func focusedPassage(c *dataset.Collection, st explore.State) (dataset.Passage, error) {
	if ch := st.CurrentChart(c); ch != nil {
		return c.FigurePassage(dataset.Ref{Chart: ch.ID, Item: st.Focus, Series: focusedSeries(ch, st)})
	}
	if fd := focusedFinding(c, st); fd != nil {
		return c.FindingPassage(fd.ID)
	}
	return dataset.Passage{}, errNoFigure
}

// errNoFigure is the status of o where the focus is on no figure.
var errNoFigure = errors.New("no figure focused: o opens a figure's source")

// passageLine is one wrapped line of the passage: its text and the part
// of it to highlight, as byte offsets into the text.
type passageLine struct {
	text    string
	hiStart int
	hiEnd   int
	marked  bool
}

// lines wraps the passage to the width left of the margin, keeping where
// the highlighted span falls on each line.
func (v *passageView) lines() []passageLine {
	w := max(v.w-2, 1)
	var out []passageLine
	text := strings.ReplaceAll(v.p.Text, "\t", " ") // one byte for one: the span stays
	off := 0
	for _, para := range strings.SplitAfter(text, "\n") {
		line := strings.TrimRight(para, "\n")
		for _, seg := range wrapSpans(line, w) {
			a, b := off+seg[0], off+seg[1]
			lo, hi := max(a, v.p.Start), min(b, v.p.End)
			pl := passageLine{text: line[seg[0]:seg[1]]}
			if lo < hi {
				pl.hiStart, pl.hiEnd, pl.marked = lo-a, hi-a, true
			}
			out = append(out, pl)
		}
		off += len(para)
	}
	return out
}

// wrapSpans word-wraps a line to w cells and returns each wrapped line's
// byte span in it; a word wider than w is cut. An empty line is one empty
// span.
func wrapSpans(line string, w int) [][2]int {
	var out [][2]int
	start, lastSpace := 0, -1
	width := 0
	for i, r := range line {
		rw := render.Width(string(r))
		if width+rw > w && i > start {
			cut := i
			if lastSpace > start {
				cut = lastSpace
			}
			out = append(out, [2]int{start, cut})
			start = cut
			for start < len(line) && line[start] == ' ' {
				start++
			}
			width = render.Width(line[start:i])
			lastSpace = -1
		}
		if r == ' ' {
			lastSpace = i
		}
		width += rw
	}
	return append(out, [2]int{start, len(line)})
}

// textHeight is the lines the passage's text may take: the body less the
// heading and the key hint.
func (v *passageView) textHeight() int { return max(v.h-2, 1) }

// maxTop is the last first line that still fills the body.
func (v *passageView) maxTop() int { return max(len(v.lines())-v.textHeight(), 0) }

// View is the passage over the body while open, else "".
func (v *passageView) View() string {
	if !v.open {
		return ""
	}
	s := v.common.Styles
	src := v.common.Data.Source(v.p.Source)
	label, doc := v.p.Source, v.p.Document
	if src != nil {
		label = src.Label
		if src.Title != "" { // the document's own title, not its file name
			doc = "“" + src.Title + "”"
		}
	}
	what := "table row"
	if v.p.Quoted {
		what = "wording"
	}
	head := label + s.Dot() + doc + s.Dot() + "the " + what + " marked"
	if render.Width(head) > v.w { // the margin's mark says it too
		head = label + s.Dot() + doc
	}
	out := []string{s.Title.Render(render.Truncate(head, v.w, s.Ellipsis()))}
	lines := v.lines()
	mark, blank := s.Marker()
	end := min(v.top+v.textHeight(), len(lines))
	for _, l := range lines[v.top:end] {
		lead := blank
		text := s.Detail.Render(l.text)
		if l.marked {
			lead = mark
			text = s.Detail.Render(l.text[:l.hiStart]) + s.LabelFocus.Render(l.text[l.hiStart:l.hiEnd]) + s.Detail.Render(l.text[l.hiEnd:])
		}
		out = append(out, lead+text)
	}
	for len(out) < v.h-1 {
		out = append(out, "")
	}
	hint := "esc: close"
	if len(lines) > v.textHeight() {
		hint = "↑/↓: scroll" + s.Dot() + "lines " + strconv.Itoa(v.top+1) + "–" + strconv.Itoa(end) + " of " + strconv.Itoa(len(lines)) + s.Dot() + hint
	}
	return strings.Join(append(out, s.Status.Render(ansi.Truncate(hint, v.w, s.Ellipsis()))), "\n")
}

// passageKey is what the passage draws from, for the frame's key.
type passageKey struct {
	open        bool
	text        string
	source, doc string
	start, end  int
	quoted      bool
	top         int
}

// key is the passage's part of the frame's key.
func (v *passageView) key() passageKey {
	if !v.open {
		return passageKey{}
	}
	return passageKey{open: true, text: v.p.Text, source: v.p.Source, doc: v.p.Document, start: v.p.Start, end: v.p.End, quoted: v.p.Quoted, top: v.top}
}
