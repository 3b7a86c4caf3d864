package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
)

// cmpModel is an explorer at a fixed size on the frozen dataset.
func cmpModel(t *testing.T, w, h int) *Model { return newModel(t, w, h) }

// cmpKeys sends keys one by one and renders after each, as the program
// does: a name in angle brackets is a special key ("<tab>", "<esc>",
// "<enter>"), anything else is typed. It returns the last command.
func cmpKeys(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		if strings.HasPrefix(k, "<") && strings.HasSuffix(k, ">") {
			k = strings.Trim(k, "<>")
		}
		_, cmd = m.Update(keyMsg(k))
		m.Frame()
	}
	return cmd
}

func cmpScreen(m *Model) string { return screen(m) }

func cmpPins(m *Model) []string {
	var out []string
	for _, p := range m.State().Pins {
		out = append(out, p.String())
	}
	return out
}

// lastLine is the status and help line.
func lastLine(screen string) string {
	lines := strings.Split(screen, "\n")
	return lines[len(lines)-1]
}

func TestPinAcrossViews(t *testing.T) {
	m := cmpModel(t, 100, 30)
	steps := []struct {
		keys   []string
		pins   []string
		status string // in the last line
	}{
		{[]string{"2", "c"}, []string{"platforms/facebook"}, "pinned Facebook · pins 1/4: Facebook"},
		{[]string{"j", "j", "j", "c"}, []string{"platforms/facebook", "platforms/linkedin"}, "pins 2/4: Facebook, LinkedIn"},
		// Other views see the same pins, and add to them.
		{[]string{"4"}, []string{"platforms/facebook", "platforms/linkedin"}, "pins 2/4: Facebook, LinkedIn"},
		{[]string{"c"}, []string{"platforms/facebook", "platforms/linkedin", "number-of-sites/one"}, "pins 3/4: Facebook, LinkedIn, 1 site"},
		{[]string{"<tab>", "c"}, []string{"platforms/facebook", "platforms/linkedin", "number-of-sites/one", "barriers/liability"}, "pins 4/4"},
		// A fifth is refused and changes nothing.
		{[]string{"j", "c"}, []string{"platforms/facebook", "platforms/linkedin", "number-of-sites/one", "barriers/liability"}, "already 4 pins"},
		// Back in platforms the focus is still on LinkedIn: c unpins it.
		{[]string{"2", "c"}, []string{"platforms/facebook", "number-of-sites/one", "barriers/liability"}, "unpinned LinkedIn"},
		{[]string{"C"}, nil, "pins cleared"},
		{[]string{"4"}, nil, ""},
	}
	for i, st := range steps {
		cmpKeys(m, st.keys...)
		if got := cmpPins(m); !slices.Equal(got, st.pins) {
			t.Fatalf("step %d (%v): pins %v, want %v", i, st.keys, got, st.pins)
		}
		for _, p := range m.panes {
			if len(p.State().Pins) != len(st.pins) {
				t.Fatalf("step %d: view %s has pins %v", i, p.id, p.State().Pins)
			}
		}
		if line := lastLine(cmpScreen(m)); !strings.Contains(line, st.status) {
			t.Fatalf("step %d (%v): status line %q lacks %q", i, st.keys, line, st.status)
		}
	}
	if strings.Contains(lastLine(cmpScreen(m)), "pins") {
		t.Fatal("cleared pins still in the status line")
	}
}

func TestPinNeedsAnItem(t *testing.T) {
	m := cmpModel(t, 100, 30)
	cmpKeys(m, "c") // overview: findings, not chart items
	if len(m.State().Pins) != 0 {
		t.Fatalf("pinned a finding: %v", m.State().Pins)
	}
	if m.common.Keys.Pin.Enabled() {
		t.Fatal("pin is enabled on the overview")
	}
	if m.common.Keys.Compare.Enabled() || m.common.Keys.ClearPins.Enabled() {
		t.Fatal("compare or clear enabled with no pins")
	}
	cmpKeys(m, "v")
	if m.compare.open {
		t.Fatal("panel opened with no pins")
	}
}

func TestComparePanelKeys(t *testing.T) {
	m := cmpModel(t, 100, 30)
	cmpKeys(m, "2", "c", "j", "j", "j", "c", "v")
	if !m.compare.open || !strings.Contains(cmpScreen(m), "Comparing two pinned items") {
		t.Fatalf("panel not open:\n%s", cmpScreen(m))
	}
	// Pin keys are off while the panel covers the chart; esc closes it.
	if m.common.Keys.Pin.Enabled() || m.common.Keys.Compare.Help().Key != "v/esc" {
		t.Fatal("keys not set for the panel")
	}
	cmpKeys(m, "<esc>")
	if m.compare.open || strings.Contains(cmpScreen(m), "Comparing two") {
		t.Fatal("esc did not close the panel")
	}
	// v toggles; switching views closes it too.
	cmpKeys(m, "v")
	cmpKeys(m, "<tab>")
	if m.compare.open || m.State().View != dataset.ViewBenefits {
		t.Fatalf("tab: panel %v, view %s", m.compare.open, m.State().View)
	}
	// d from the open panel shows the butterfly chart instead.
	cmpKeys(m, "2", "v", "d")
	if m.compare.open || !m.State().Diverging {
		t.Fatalf("d from the panel: panel %v, diverging %v", m.compare.open, m.State().Diverging)
	}
	// Unpinning the last pin closes the panel.
	cmpKeys(m, "2", "C")
	if m.compare.open || m.common.Keys.Compare.Enabled() {
		t.Fatal("compare still on after clearing")
	}
}

func TestDivergingKey(t *testing.T) {
	m := cmpModel(t, 100, 30)
	cmpKeys(m, "3", "d") // benefits: one series
	if m.State().Diverging {
		t.Fatal("butterfly on a one-series chart")
	}
	if m.common.Keys.Diverging.Enabled() {
		t.Fatal("d enabled on a one-series chart")
	}
	cmpKeys(m, "2", "d")
	if !m.State().Diverging {
		t.Fatal("d did not switch to the butterfly chart")
	}
	if s := cmpScreen(m); !strings.Contains(s, "butterfly") || !strings.Contains(s, "Facebook") {
		t.Fatalf("no butterfly on screen:\n%s", s)
	}
	cmpKeys(m, "d")
	if m.State().Diverging {
		t.Fatal("d did not switch back")
	}
}

func TestSpotlightAcrossViews(t *testing.T) {
	m := cmpModel(t, 100, 30)
	cmpKeys(m, "2", "j", "j", "*") // Physician communities
	for _, p := range m.panes {
		if p.State().Spotlight != "Physician communities" {
			t.Fatalf("view %s: spotlight %q", p.id, p.State().Spotlight)
		}
	}
	// In the connected view's second chart the same label carries the mark.
	cmpKeys(m, "4", "G")
	found := false
	for _, l := range strings.Split(cmpScreen(m), "\n") {
		if strings.Contains(l, "Physician communities") && (strings.HasPrefix(l, "★ ") || strings.HasPrefix(l, "▸ ")) {
			found = true
		}
	}
	if !found {
		t.Fatalf("spotlight not shown in connected:\n%s", cmpScreen(m))
	}
	cmpKeys(m, "k") // focus off it: the spotlight mark shows
	if !strings.Contains(cmpScreen(m), "★ Phys") {
		t.Fatalf("no spotlight mark:\n%s", cmpScreen(m))
	}
	cmpKeys(m, "2", "*") // pressed again on the same item: off
	if m.State().Spotlight != "" {
		t.Fatalf("spotlight still %q", m.State().Spotlight)
	}
}

func TestDescribeKey(t *testing.T) {
	m := cmpModel(t, 120, 30)
	cmpKeys(m, "2", "i")
	want := "i Facebook: 61% personal vs 15% professional, the largest gap among eight sites; a 46-point gap, larger than"
	if s := cmpScreen(m); !strings.Contains(s, want) {
		t.Fatalf("no sentence:\n%s", s)
	}
	if got := len(strings.Split(cmpScreen(m), "\n")); got != 30 {
		t.Fatalf("frame is %d lines with the describe line, want 30", got)
	}
	cmpKeys(m, "j")
	if s := cmpScreen(m); !strings.Contains(s, "YouTube: 31% personal vs 8% professional, the second-largest gap") {
		t.Fatalf("sentence does not follow the focus:\n%s", s)
	}
	cmpKeys(m, "c", "k", "c", "v")
	if s := cmpScreen(m); !strings.Contains(s, "YouTube vs Facebook") && !strings.Contains(s, "Facebook vs YouTube") {
		t.Fatalf("no comparison sentence:\n%s", s)
	}
	cmpKeys(m, "<esc>", "i")
	if strings.Contains(cmpScreen(m), "i Facebook:") {
		t.Fatal("describe line still on")
	}
}

func TestMeasureKey(t *testing.T) {
	m := cmpModel(t, 100, 30)
	cmpKeys(m, "6", "<enter>")
	if m.sources.measure != "" {
		t.Fatal("enter on a source opened a measure")
	}
	cmpKeys(m, "G") // last item: the last measure
	cmpKeys(m, "<enter>")
	if m.sources.measure == "" || !strings.Contains(cmpScreen(m), "Figure") {
		t.Fatalf("measure not opened:\n%s", cmpScreen(m))
	}
	cmpKeys(m, "<esc>")
	if m.sources.measure != "" {
		t.Fatal("esc did not close the measure")
	}
	// From the overview's first figure (87% personal use) too.
	cmpKeys(m, "1", "g", "<enter>")
	if m.sources.measure != "personal-use" || !strings.Contains(cmpScreen(m), "almost 90%") {
		t.Fatalf("measure from the overview: %q\n%s", m.sources.measure, cmpScreen(m))
	}
	cmpKeys(m, "<esc>", "2", "<enter>") // Facebook reports no measure
	if m.sources.measure != "" {
		t.Fatalf("enter on Facebook opened %q", m.sources.measure)
	}
}

func TestExportKey(t *testing.T) {
	m := cmpModel(t, 100, 30)
	if m.common.Keys.Export.Enabled() {
		t.Fatal("export enabled without a directory")
	}
	dir := t.TempDir()
	m.SetExportDir(dir)
	m.exporter.now = func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }
	cmpKeys(m, "2", "c", "j", "j", "j", "c", "s", "s")
	run := func() {
		cmd := cmpKeys(m, "x")
		if cmd == nil {
			t.Fatal("x returned no command")
		}
		m.Update(cmd())
	}
	run()
	base := "docsurvey-platforms-20261121-120000"
	if line := lastLine(cmpScreen(m)); !strings.Contains(line, "wrote "+base+".{txt,md,csv,pins.csv}") {
		t.Fatalf("status: %q", line)
	}
	for _, ext := range []string{"txt", "md", "csv", "pins.csv"} {
		if _, err := os.Stat(filepath.Join(dir, base+"."+ext)); err != nil {
			t.Fatal(err)
		}
	}
	txt, _ := os.ReadFile(filepath.Join(dir, base+".txt"))
	if !strings.Contains(string(txt), "Comparing two pinned items") || strings.Contains(string(txt), "esc") {
		t.Errorf("text lacks the panel or has its key hint:\n%s", txt)
	}
	md, _ := os.ReadFile(filepath.Join(dir, base+".md"))
	if !strings.Contains(string(md), "## Pinned for comparison") || !strings.Contains(string(md), "| LinkedIn |") {
		t.Errorf("markdown lacks the pins:\n%s", md)
	}
	pins, _ := os.ReadFile(filepath.Join(dir, base+".pins.csv"))
	if !strings.HasPrefix(string(pins), "pin,item,chart,series,value") || !strings.Contains(string(pins), "platforms/linkedin,LinkedIn,Popular social media sites,Personal use,19,,-42,") {
		t.Errorf("pins csv:\n%s", pins)
	}
	// Sorted by gap: the report's CSV lists Facebook (46) before YouTube.
	csvData, _ := os.ReadFile(filepath.Join(dir, base+".csv"))
	if fb, yt := strings.Index(string(csvData), "Facebook"), strings.Index(string(csvData), "YouTube"); fb < 0 || yt < fb {
		t.Errorf("csv not in gap order:\n%s", csvData)
	}
	// The same second again: a new name, nothing overwritten.
	run()
	if line := lastLine(cmpScreen(m)); !strings.Contains(line, base+"-2.{txt") {
		t.Fatalf("second export: %q", line)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 8 {
		t.Fatalf("%d files after two exports, want 8", len(entries))
	}
	// A directory that is gone: the error is in the status line.
	m.SetExportDir(filepath.Join(dir, "missing"))
	run()
	if line := lastLine(cmpScreen(m)); !strings.Contains(line, "export failed") {
		t.Fatalf("failure status: %q", line)
	}
}

// TestCompareScreens are the walkthrough as a new user would do it,
// at 80x24 and 120x40: pin Facebook and LinkedIn, open the panel, switch to
// the butterfly chart, sort by gap; and a spotlighted view.
func TestCompareScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		m := cmpModel(t, w, h)
		shots := []struct {
			name string
			keys []string
		}{
			{"1-pinned", []string{"2", "c", "j", "j", "j", "c"}},
			{"2-panel", []string{"v"}},
			{"3-butterfly", []string{"d"}}, // d from the open panel closes it
			{"4-butterfly-gap", []string{"s", "s"}},
			{"5-panel-gap", []string{"v"}},
			{"6-spotlight-platforms", []string{"<esc>", "d", "s", "s", "g", "j", "j", "*", "g"}},
			{"7-spotlight-connected", []string{"4", "G", "k"}},
			{"8-describe", []string{"2", "i"}},
		}
		for _, sh := range shots {
			cmpKeys(m, sh.keys...)
			name := sh.name + "-" + strconv.Itoa(w) + "x" + strconv.Itoa(h)
			shot := cmpScreen(m)
			lines := strings.Split(shot, "\n")
			if len(lines) > h {
				t.Errorf("%s: %d lines", name, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s: line %d is %d wide", name, i, ansi.StringWidth(l))
				}
			}
			golden(t, name, shot)
		}
	}
}

func TestExportLooksAsOnScreen(t *testing.T) {
	m := cmpModel(t, 100, 30)
	dir := t.TempDir()
	m.SetExportDir(dir)
	cmpKeys(m, "2", "c", "d", "s", "s")
	cmd := cmpKeys(m, "x")
	m.Update(cmd())
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 1 {
		t.Fatalf("txt files: %v", files)
	}
	text, _ := os.ReadFile(files[0])
	butterfly := false
	for _, l := range strings.Split(string(text), "\n") {
		if strings.Contains(l, "15%") && strings.Contains(l, "Facebook") && strings.Contains(l, "61%") {
			butterfly = strings.HasPrefix(l, "◆") || strings.HasPrefix(l, "▸")
			break
		}
	}
	if !butterfly {
		t.Fatalf("exported text is not the butterfly on screen:\n%s", text)
	}
	if !strings.Contains(string(text), "Comparing one pinned item\n") {
		t.Fatalf("exported text lacks the pins:\n%s", text)
	}
}

func TestExportNames(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{"/d/docsurvey-x-1.txt", "/d/docsurvey-x-1.md", "/d/docsurvey-x-1.csv"}, "docsurvey-x-1.{txt,md,csv}"},
		{[]string{"/d/docsurvey-x-1-2.txt", "/d/docsurvey-x-1-2.pins.csv"}, "docsurvey-x-1-2.{txt,pins.csv}"},
		{[]string{"/d/a.txt"}, "a.txt"},
		{[]string{"/d/a.txt", "/d/b.md"}, "a.txt, b.md"},
		{[]string{"/d/noext"}, "noext"},
	}
	for _, tt := range tests {
		if got := exportNames(tt.paths); got != tt.want {
			t.Errorf("exportNames(%v) = %q, want %q", tt.paths, got, tt.want)
		}
	}
}

func TestWrapText(t *testing.T) {
	got := wrapText("Facebook: 61% personal vs 15% professional, the largest gap", 20, 2, "…")
	if len(got) != 2 || !strings.HasSuffix(got[1], "…") {
		t.Fatalf("wrapText = %q", got)
	}
	for _, l := range got {
		if ansi.StringWidth(l) > 20 {
			t.Fatalf("line %q wider than 20", l)
		}
	}
	if wrapText("x", 0, 2, "…") != nil || wrapText("x", 5, 0, "…") != nil {
		t.Fatal("zero width or lines should give nothing")
	}
}
