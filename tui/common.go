package tui

import (
	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
	zone "github.com/lrstanley/bubblezone/v2"
)

// Common is the context every sub-model shares: size, styles, keys,
// colour profile, background, zone manager and data. One per session;
// nothing in it is global.
type Common struct {
	// Width and Height are the size of the area a sub-model draws in.
	Width, Height int
	// Styles are built from Profile, Dark, Mono and ASCII (restyle).
	Styles *render.Styles
	// Keys are the session's key bindings.
	Keys *KeyMap
	// Profile is the session's colour profile. Bubble Tea downsamples the
	// frame to it; here it only says whether there is colour at all.
	Profile colorprofile.Profile
	// Dark is the session's background: from its terminal's answer to the
	// background query, or dark when it gives none.
	Dark bool
	// Zone tracks clickable areas (the tabs) for this session.
	Zone *zone.Manager
	// Data is the collection being explored.
	Data *dataset.Collection
	// ASCII draws with ASCII characters only.
	ASCII bool
	// Mono draws without colour.
	Mono bool
}

// restyle rebuilds the styles after a change of mode (monochrome), profile
// or background.
func (c *Common) restyle() {
	c.Styles = render.NewStyles(render.StyleOptions{Profile: c.Profile, Dark: c.Dark, Mono: c.Mono, ASCII: c.ASCII})
}
