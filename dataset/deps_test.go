package dataset

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoUIDependency: the dataset package must stay plain data, usable
// without the terminal UI. It lists every package dataset depends on.
func TestNoUIDependency(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps found only %v", deps)
	}
	for _, d := range deps {
		for _, ui := range []string{"bubbletea", "lipgloss", "bubbles", "ntcharts", "charmbracelet", "docsurvey/tui", "docsurvey/explore"} {
			if strings.Contains(d, ui) {
				t.Errorf("dataset depends on %s", d)
			}
		}
	}
}
