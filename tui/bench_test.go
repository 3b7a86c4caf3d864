package tui

import (
	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"testing"

	"github.com/docsurvey/docsurvey/render"
)

// BenchmarkViewUnchanged is a View() with nothing changed at 120x40: the
// frame is a kept string.
func BenchmarkViewUnchanged(b *testing.B) {
	m := newModel(b, 120, 40)
	press(m, "2")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.Frame()
	}
}

// BenchmarkKeypress is one keypress (focus down, then up) with its
// Update and View at 120x40 on the two-series platforms chart.
func BenchmarkKeypress(b *testing.B) {
	m := newModel(b, 120, 40)
	press(m, "2")
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			m.Update(down)
		} else {
			m.Update(up)
		}
		_ = m.Frame()
	}
}

// BenchmarkKeypressSort cycles the sort: a new row order, same bars.
func BenchmarkKeypressSort(b *testing.B) {
	m := newModel(b, 120, 40)
	press(m, "2")
	s := keyMsg("s")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(s)
		_ = m.Frame()
	}
}

// BenchmarkFirstRender is the first frame of a new model at 120x40 on the
// platforms view with an empty chart cache: what a new session costs.
func BenchmarkFirstRender(b *testing.B) {
	c := frozen(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		render.ResetCache()
		b.StartTimer()
		m := New(Options{Data: c, Width: 120, Height: 40, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		m.Update(keyMsg("2"))
		_ = m.Frame()
		b.StopTimer()
		m.Close()
		b.StartTimer()
	}
}

// BenchmarkResize draws the platforms view at a new width each time, so
// every frame draws its bars with ntcharts.
func BenchmarkResize(b *testing.B) {
	m := newModel(b, 120, 40)
	press(m, "2")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		render.ResetCache()
		m.resize(100+i%40, 40)
		_ = m.Frame()
	}
}

// BenchmarkSwitchView is a tab press to the next view at 120x40 once the
// background warm-up (run after every resize) has drawn every view's bars.
func BenchmarkSwitchView(b *testing.B) {
	m := newModel(b, 120, 40)
	m.Frame() // warm-ups wait for the first frame
	for i := 0; i < 6; i++ {
		if cmd := m.warm(); cmd != nil {
			cmd()
		}
		press(m, "tab")
	}
	tab := keyMsg("tab")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(tab)
		_ = m.Frame()
	}
}
