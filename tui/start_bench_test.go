package tui

import (
	"github.com/docsurvey/docsurvey/internal/terminal"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
)

// BenchmarkStart is the local start's own work, without the terminal:
// build the model on the shipped collection (a generated value, not parsed:
// dataset's BenchmarkShippedStart compares the two), take the window size
// and draw the first frame (render's cache emptied, as in a fresh process).
// Profile it with -cpuprofile.
func BenchmarkStart(b *testing.B) {
	c, err := dataset.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		render.ResetCache()
		m := New(Options{Data: c, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if m.Frame() == "" {
			b.Fatal("no frame")
		}
		m.Close()
	}
}
