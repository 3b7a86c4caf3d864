package render

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Spotlit reports whether an item label is the spotlighted one: the same
// text, ignoring case and surrounding space. An empty spotlight lights
// nothing.
func Spotlit(spotlight, label string) bool {
	sp := strings.TrimSpace(spotlight)
	return sp != "" && strings.EqualFold(sp, strings.TrimSpace(label))
}

// Spotlight is the style of a spotlighted label: bold and underlined, and
// in colour the highlight colour for the session's background.
func (s *Styles) Spotlight() lipgloss.Style {
	if s.key.Profile < colorprofile.ASCII {
		return s.Base // plain text (see StyleOptions.Profile)
	}
	st := lipgloss.NewStyle().Bold(true).Underline(true)
	if !s.Mono() {
		st = st.Foreground(lipgloss.LightDark(s.key.Dark)(lipgloss.Color("130"), lipgloss.Color("221")))
	}
	return st
}

// SpotlightMarker returns the mark put in the marker column of a
// spotlighted row that does not hold the focus, and the blank of the same
// width; the mark keeps the spotlight visible without colour.
func (s *Styles) SpotlightMarker() (mark, blank string) { return s.Text("★ "), "  " }

// PinMarker returns the mark put in the marker column of a pinned row that
// holds neither the focus nor the spotlight.
func (s *Styles) PinMarker() string { return s.Text("◆ ") }

// RowMarker is the two-cell marker column of an item's row: every mark
// that applies, not only the strongest. One mark is written as it always
// was ("▸ ", "★ ", "◆ "); two share the column: the focus (▸) or the
// spotlight (★) first, then the pin (◆) or a focused row's spotlight
// ("▸◆", "▸★", "★◆"). The focus, a pin and the spotlight on one row show
// the focus and the pin: the spotlight shows in the label's style there.
func (s *Styles) RowMarker(focus, spot, pinned bool) string {
	focusMark, blank := s.Marker()
	spotMark, _ := s.SpotlightMarker()
	f, sp, pin := firstCell(focusMark), firstCell(spotMark), firstCell(s.PinMarker())
	var marks []string
	switch {
	case focus:
		marks = append(marks, f)
		if spot && !pinned {
			marks = append(marks, sp)
		}
	case spot:
		marks = append(marks, sp)
	}
	if pinned {
		marks = append(marks, pin)
	}
	switch len(marks) {
	case 0:
		return blank
	case 1:
		return marks[0] + " "
	}
	return marks[0] + marks[1]
}

// firstCell is a marker without its trailing space.
func firstCell(mark string) string { return strings.TrimRight(mark, " ") }
