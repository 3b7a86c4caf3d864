package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/render"
)

// The full help lists every enabled key at any size the explorer draws
// at. Its columns (KeyMap.FullHelp: views, items, chart, comparing,
// reading, presenting and display) stand side by side while they fit the
// width; the ones that do not re-flow into a row of columns below, and
// below the smallest widths into one column. When that is taller than
// the body, the help scrolls: ↑/k and ↓/j move it (HelpUp, HelpDown) and
// its last line says which lines are shown.

// helpGap is the space between two columns of the full help.
const helpGap = 3

// helpColumn is one column of the full help, drawn.
type helpColumn struct {
	lines []string
	width int
}

// helpColumns draws each column of keys, without its disabled keys; an
// empty column is left out.
func helpColumns(cols [][]key.Binding, s *render.Styles) []helpColumn {
	var out []helpColumn
	for _, col := range cols {
		kw := 0
		var on []key.Binding
		for _, b := range col {
			if b.Enabled() && b.Help().Key != "" {
				on = append(on, b)
				kw = max(kw, render.Width(b.Help().Key))
			}
		}
		if len(on) == 0 {
			continue
		}
		var hc helpColumn
		for _, b := range on {
			h := b.Help()
			l := h.Key + strings.Repeat(" ", kw-render.Width(h.Key)) + " " + h.Desc
			hc.width = max(hc.width, render.Width(l))
			hc.lines = append(hc.lines, s.HelpKey.Render(h.Key)+strings.Repeat(" ", kw-render.Width(h.Key)+1)+s.HelpDesc.Render(h.Desc))
		}
		out = append(out, hc)
	}
	return out
}

// flowHelp lays the columns out in w cells: as many side by side as fit,
// then the next row of columns under a blank line.
func flowHelp(cols []helpColumn, w int) []string {
	var out []string
	for i := 0; i < len(cols); {
		n, used := 0, 0
		for i+n < len(cols) {
			add := cols[i+n].width
			if n > 0 {
				add += helpGap
			}
			if n > 0 && used+add > w {
				break
			}
			used += add
			n++
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, helpRow(cols[i:i+n], w)...)
		i += n
	}
	return out
}

// helpRow sets columns side by side, each padded to its width.
func helpRow(cols []helpColumn, w int) []string {
	h := 0
	for _, c := range cols {
		h = max(h, len(c.lines))
	}
	out := make([]string, h)
	for r := range out {
		var b strings.Builder
		for ci, c := range cols {
			l := ""
			if r < len(c.lines) {
				l = c.lines[r]
			}
			if ci < len(cols)-1 {
				l += strings.Repeat(" ", c.width-render.Width(l)+helpGap)
			}
			b.WriteString(l)
		}
		out[r] = strings.TrimRight(ansi.Truncate(b.String(), w, ""), " ")
	}
	return out
}

// helpLines is the whole full help at the body's width.
func (m *Model) helpLines() []string {
	w, _ := m.bodySize()
	return flowHelp(helpColumns(m.common.Keys.FullHelp(), m.common.Styles), w)
}

// helpScrolls reports whether the full help is taller than the body.
func (m *Model) helpScrolls() bool {
	_, h := m.bodySize()
	return m.full && len(m.helpLines()) > h
}

// fullHelp is the full help in the body, from its line helpTop, with a
// last line saying what is shown when it scrolls.
func (m *Model) fullHelp() string {
	lines := m.helpLines()
	_, h := m.bodySize()
	if len(lines) <= h || h < 2 {
		return strings.Join(lines, "\n")
	}
	rows := h - 1
	top := min(m.helpTop, len(lines)-rows)
	end := top + rows
	s := m.common.Styles
	more := "↑/↓ scroll help" + s.Dot() + "lines " + strconv.Itoa(top+1) + "–" + strconv.Itoa(end) + " of " + strconv.Itoa(len(lines))
	w, _ := m.bodySize()
	return strings.Join(append(lines[top:end:end], s.Status.Render(render.Truncate(more, w, s.Ellipsis()))), "\n")
}

// scrollHelp moves the full help by d lines.
func (m *Model) scrollHelp(d int) { m.helpTop = min(max(m.helpTop+d, 0), m.helpMaxTop()) }

// helpMaxTop is the last first line of the full help: its last line in
// sight above the line that says what is shown.
func (m *Model) helpMaxTop() int {
	_, h := m.bodySize()
	return max(len(m.helpLines())-(h-1), 0)
}
