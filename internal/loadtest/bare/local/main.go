// Command local is the bare Bubble Tea v2 + ntcharts v2 program the local
// first frame of docsurvey is compared with (docs/performance.md):
//
//	go build -o /tmp/bare ./internal/loadtest/bare/local
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/docsurvey/docsurvey/internal/loadtest/bare/chart"
)

func main() {
	if _, err := tea.NewProgram(&chart.Model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
