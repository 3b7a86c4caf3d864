// Package chart is the model of the bare Bubble Tea v2 + ntcharts v2
// programs that docsurvey's performance is compared with
// (docs/performance.md): one small horizontal bar chart in the alternate
// screen, a status line, tab to change the data, q to quit. It does what a
// first program written from the libraries' READMEs does and nothing more:
// no caching, no warm-up, no background query.
package chart

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/barchart"
)

// Ready is the status line's text: the timing scripts wait for it.
const Ready = "bare ready"

// Model is the bare program's model.
type Model struct {
	w, h int
	n    int
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements tea.Model: the window size, tab and q.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "tab":
			m.n++
		}
	}
	return m, nil
}

// View implements tea.Model: the chart, drawn afresh each time.
func (m *Model) View() tea.View {
	w, h := max(m.w, 10), max(m.h-2, 4)
	colors := []string{"75", "215", "78", "176"}
	bc := barchart.New(w, h, barchart.WithHorizontalBars(), barchart.WithBarGap(1))
	for i, c := range colors {
		st := lipgloss.NewStyle().Foreground(lipgloss.Color(c))
		bc.Push(barchart.BarData{Label: fmt.Sprint(i), Values: []barchart.BarValue{{Name: c, Value: float64(10 + (i+m.n)%4*20), Style: st}}})
	}
	bc.Draw()
	v := tea.NewView(bc.View() + "\n" + Ready + fmt.Sprintf(" %d", m.n))
	v.AltScreen = true
	return v
}
