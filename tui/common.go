package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
	zone "github.com/lrstanley/bubblezone"
)

// Common is the context every sub-model shares: size, styles, keys,
// renderer, zone manager and data. One per session; nothing in it is
// global.
type Common struct {
	// Width and Height are the size of the area a sub-model draws in.
	Width, Height int
	// Styles are built from Renderer.
	Styles *render.Styles
	// Keys are the session's key bindings.
	Keys *KeyMap
	// Renderer is the session's lipgloss renderer (local or SSH).
	Renderer *lipgloss.Renderer
	// Zone tracks clickable areas (the tabs) for this session.
	Zone *zone.Manager
	// Data is the collection being explored.
	Data *dataset.Collection
	// ASCII draws with ASCII characters only.
	ASCII bool
	// Mono draws without colour.
	Mono bool
}

// restyle rebuilds the styles after a change of mode (monochrome).
func (c *Common) restyle() {
	c.Styles = render.NewStyles(c.Renderer, render.StyleOptions{Mono: c.Mono, ASCII: c.ASCII})
}
