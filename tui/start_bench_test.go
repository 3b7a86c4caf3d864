package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
)

// BenchmarkStart is the local start's own work, without the terminal:
// parse and validate the shipped dataset, build the model, take the
// window size and draw the first frame (render's cache emptied, as in a
// fresh process). Profile it with -cpuprofile.
func BenchmarkStart(b *testing.B) {
	raw := dataset.EmbeddedBytes()
	for b.Loop() {
		render.ResetCache()
		c, err := dataset.Parse(raw, dataset.EmbeddedName)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Data: c, Profile: colorprofile.ANSI256, Dark: true})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if m.Frame() == "" {
			b.Fatal("no frame")
		}
		m.Close()
	}
}
