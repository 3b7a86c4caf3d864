package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/explore"
)

// A click on a bar (or on its label, or a table row) focuses that item.
// The pane knows the body it drew: a row of a chart starts with the
// two-cell marker column (three in the table) and the item's label
// (whole, abbreviated or cut with an ellipsis); the lines of its other
// series start blank, and belong to the row above.

// bodyTop is the frame line the body starts on.
func (m *Model) bodyTop() int {
	if m.height >= 30 {
		return 2
	}
	return 1
}

// clickBody focuses the item drawn on the clicked line of the body, if
// any; true when it did.
func (m *Model) clickBody(msg tea.MouseClickMsg) bool {
	if m.full || m.compare.open || m.sources.measure != "" || m.passage.open || m.search.open {
		return false
	}
	_, bh := m.bodySize()
	line := msg.Y - m.bodyTop()
	if line < 0 || line >= bh {
		return false
	}
	p := m.panes[m.active]
	body := p.View()
	if m.table.on && p.State().CurrentChart(m.common.Data) != nil {
		body = m.table.View()
	}
	st, ok := p.itemOnLine(strings.Split(body, "\n"), line)
	if !ok {
		return false
	}
	p.SetState(st)
	return true
}

// itemOnLine is the state focusing the chart item drawn on line of the
// body lines, and false when the line holds none.
func (p *pane) itemOnLine(lines []string, line int) (explore.State, bool) {
	c := p.common.Data
	for l := line; l >= 0 && l > line-4 && l < len(lines); l-- {
		plain := []rune(ansi.Strip(lines[l]))
		if len(plain) < 3 {
			return p.st, false
		}
		rest := string(plain[2:])
		if strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "  ") {
			rest = rest[1:] // the table's marker column is three cells
		}
		if rest[0] == ' ' {
			continue // a further series of the row above
		}
		sec, id, ok := p.labelAt(rest)
		if !ok {
			return p.st, false
		}
		return p.st.FocusMatch(c, explore.Match{View: p.id, Section: sec, Focus: id}), true
	}
	return p.st, false
}

// labelAt finds the chart item whose label (or short label, or a cut of
// either) starts text: the longest match, the focused chart's first.
func (p *pane) labelAt(text string) (section int, id string, ok bool) {
	best := 0
	for i, sec := range explore.Sections(p.common.Data, p.id) {
		if sec.Chart == nil {
			continue
		}
		for _, it := range sec.Chart.Items {
			for _, l := range []string{it.Label, it.Short} {
				n := labelMatch(text, l)
				if n > best || n == best && n > 0 && i == p.st.Chart {
					best, section, id, ok = n, i, it.ID, true
				}
			}
		}
	}
	return section, id, ok
}

// labelMatch is how many bytes of text a label accounts for: the whole
// label followed by a space or the end, or a cut of it ending in an
// ellipsis; 0 for none.
func labelMatch(text, label string) int {
	if label == "" {
		return 0
	}
	if strings.HasPrefix(text, label) && (len(text) == len(label) || text[len(label)] == ' ' || text[len(label)] == ':') {
		return len(label)
	}
	for _, tail := range []string{"…", "~"} {
		if i := strings.Index(text, tail); i > 0 && !strings.Contains(text[:i], "  ") && strings.HasPrefix(label, text[:i]) {
			return i
		}
	}
	return 0
}
