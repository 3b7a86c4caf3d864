package tui

import (
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/render"
	zone "github.com/lrstanley/bubblezone/v2"
)

// Common is the context every sub-model shares: size, styles, keys,
// colour profile, background, zone manager and data. One per session;
// nothing in it is global.
type Common struct {
	// Width and Height are the size of the area a sub-model draws in.
	Width, Height int
	// Styles are built from Env and Mono (restyle).
	Styles *render.Styles
	// Keys are the session's key bindings.
	Keys *KeyMap
	// Env is the session's terminal, decided once (package terminal) and
	// handed down; the terminal's own answers (tea.ColorProfileMsg, the
	// background colour) update its Profile and Dark.
	Env terminal.Env
	// Zone tracks clickable areas (the tabs) for this session.
	Zone *zone.Manager
	// Data is the collection being explored.
	Data *dataset.Collection
	// Clipboard, if set, puts text on the viewer's clipboard
	// (Options.Clipboard); nil: through Bubble Tea.
	Clipboard func(string)
	// Mono is the session's monochrome switch (the m key), on top of
	// Env.Mono.
	Mono bool
}

// restyle rebuilds the styles after a change of mode (monochrome), profile
// or background.
func (c *Common) restyle() {
	c.Styles = c.Env.Styles(c.Mono)
}
