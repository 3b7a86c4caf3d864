package tui

import (
	"testing"
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
