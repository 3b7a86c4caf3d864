// Package tui is the interactive explorer: a Bubble Tea root model that
// owns navigation between the data's views (Collection.ViewList), the
// window size, help and status, with one sub-model (pane) per view sharing a
// Common context. Keys are
// declared once in keys.go; styles come from the session's colour profile
// and background (terminal.go: the profile Bubble Tea detects, the answer
// to the background query); bodies are drawn by package render and kept
// until their inputs change. Run starts it in a local terminal; an SSH server
// builds a model per session with New.
package tui
