package tui

import (
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/internal/terminal"
)

// TestFrameCachesMatchFreshDraw presses keys that change the tabs, the
// short help and the status, and after each compares the frame drawn with
// the tab, help and zone-scan caches to one drawn with all of them empty.
func TestFrameCachesMatchFreshDraw(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}, {160, 40}} {
		m := newModel(t, size[0], size[1])
		m.Frame()
		keys := []string{"2", "j", "j", "s", "s", "p", "r", "b", "tab", "k", "m", "3", "c", "esc", "?", "?", "6", "G", "1", "b", "2", "e", "j", "e", "d", "*", "i", "c", "j", "c", "v", "esc", "enter", "esc", "4", "e"}
		for i, k := range keys {
			press(m, k)
			got := m.Frame()
			m.tabsCache, m.helpCache, m.tabScan = lineCache{}, [2]lineCache{}, tabScan{}
			helpLines.Reset()
			styledTabs.Reset()
			m.frames.ok = false
			if want := m.Frame(); got != want {
				t.Fatalf("%dx%d, after key %d (%q): the cached frame differs from a fresh draw:\n%s\n--- fresh:\n%s", size[0], size[1], i, k, got, want)
			}
		}
	}
}

// TestScanFrameMatchesWholeScan checks that scanning only the tab line
// strips every zone mark a whole-frame scan strips.
func TestScanFrameMatchesWholeScan(t *testing.T) {
	m := newModel(t, 100, 30)
	for _, k := range []string{"1", "2", "j", "tab", "?"} {
		press(m, k)
		raw := m.draw()
		if got, want := m.scanFrame(raw), m.common.Zone.Scan(raw); got != want {
			t.Fatalf("after %q: scanFrame differs from Zone.Scan of the whole frame", k)
		}
	}
}

// TestSessionsShareHelpAndTabs: a second session on an alike terminal,
// pressing the same keys, draws no short-help line or tab of its own and
// gets the same frames; a session on a light terminal draws its own.
func TestSessionsShareHelpAndTabs(t *testing.T) {
	helpLines.Reset()
	styledTabs.Reset()
	keys := []string{"2", "tab", "tab", "s", "?", "?", "6", "1"}
	first := newModel(t, 100, 30)
	var frames []string
	for _, k := range keys {
		press(first, k)
		frames = append(frames, first.Frame())
	}
	help, tabs := helpLines.Len(), styledTabs.Len()
	if help == 0 || tabs == 0 {
		t.Fatalf("the first session left %d help lines and %d tabs in the shared caches", help, tabs)
	}
	second := newModel(t, 100, 30)
	for i, k := range keys {
		press(second, k)
		if got := second.Frame(); got != frames[i] {
			t.Fatalf("after %q the second session's frame differs from the first's", k)
		}
	}
	if helpLines.Len() != help || styledTabs.Len() != tabs {
		t.Errorf("the second session drew its own: help lines %d -> %d, tabs %d -> %d", help, helpLines.Len(), tabs, styledTabs.Len())
	}
	light := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: false}})
	t.Cleanup(light.Close)
	press(light, keys...)
	if helpLines.Len() == help || styledTabs.Len() == tabs {
		t.Errorf("a light terminal's session drew nothing of its own: it would show the dark one's colours")
	}
}
