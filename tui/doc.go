// Package tui is the interactive explorer: a Bubble Tea root model
// (Model, model.go) that owns the window size, the help, the status line
// and which of the data's views (Collection.ViewList) is on screen, and
// hands everything else to components (component.go): one pane per view,
// the comparison panel, the sources side by side, the describe line, the
// guided tour, the presenting status and the exporter. They share a Common
// context (size, styles, keys, the terminal environment, zone manager,
// data). Keys are declared once (keys.go); which are on is decided in one
// place from the state (keyson.go), and the root routes a key by state to
// the one component whose enabled key it is. The terminal environment is
// decided by the caller (internal/terminal) and handed down in Options;
// the terminal's own answers (terminal.go) refine it. Frames are drawn by
// package render and kept by their inputs (frame.go); followers of a
// presentation share them (frames.go). Run starts it in a local terminal;
// an SSH server builds a model per session with New.
package tui
