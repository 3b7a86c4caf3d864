package render

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Spotlit reports whether an item label is the spotlighted one: the same
// text, ignoring case and surrounding space. An empty spotlight lights
// nothing.
func Spotlit(spotlight, label string) bool {
	sp := strings.TrimSpace(spotlight)
	return sp != "" && strings.EqualFold(sp, strings.TrimSpace(label))
}

// Spotlight is the style of a spotlighted label: bold and underlined, and
// in colour the highlight colour. Built from the styles' renderer on each
// call, so it follows the session's colour profile.
func (s *Styles) Spotlight() lipgloss.Style {
	st := s.r.NewStyle().Bold(true).Underline(true)
	if !s.Mono() {
		st = st.Foreground(lipgloss.AdaptiveColor{Light: "130", Dark: "221"})
	}
	return st
}

// SpotlightMarker returns the mark put in the marker column of a
// spotlighted row that does not hold the focus, and the blank of the same
// width; the mark keeps the spotlight visible without colour.
func (s *Styles) SpotlightMarker() (mark, blank string) {
	if s.ASCII() {
		return "* ", "  "
	}
	return "★ ", "  "
}

// PinMarker returns the mark put in the marker column of a pinned row that
// holds neither the focus nor the spotlight.
func (s *Styles) PinMarker() string {
	if s.ASCII() {
		return "+ "
	}
	return "◆ "
}
