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
