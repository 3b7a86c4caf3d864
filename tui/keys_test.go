package tui

import (
	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
)

func TestNavigationKeys(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{nil, "overview"},
		{[]string{"tab"}, "platforms"},
		{[]string{"right", "l", "pgdown"}, "connected"},
		{[]string{"shift+tab"}, "sources"},
		{[]string{"left", "h"}, "privacy"},
		{[]string{"pgup"}, "sources"},
		{[]string{"3"}, "benefits"},
		{[]string{"6", "1"}, "overview"},
		{[]string{"5", "7", "0"}, "privacy"},
		{[]string{"tab", "tab", "tab", "tab", "tab", "tab"}, "overview"},
	}
	for _, tt := range tests {
		m := newModel(t, 100, 30)
		press(m, tt.keys...)
		if got := m.State().View; got != tt.want {
			t.Errorf("keys %v: view %s, want %s", tt.keys, got, tt.want)
		}
		// The active tab is the one drawn in reverse on the first line;
		// the body shows that view.
		if tt.want == "platforms" && !strings.Contains(screen(m), "Popular social media sites") {
			t.Errorf("keys %v: platforms body not shown:\n%s", tt.keys, screen(m))
		}
	}
}

func TestFocusKeys(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2")
	if f := m.State().Focus; f != "facebook" {
		t.Fatalf("first focus = %s", f)
	}
	press(m, "j", "down")
	if f := m.State().Focus; f != "physician-communities" {
		t.Fatalf("after j, down: %s", f)
	}
	s := screen(m)
	if !strings.Contains(s, "▸ Physician communities") {
		t.Errorf("focused bar not marked:\n%s", s)
	}
	if !strings.Contains(s, "Physician communities: █ Professional use 28% · ▒ Personal use 18% · gap -10 pts") {
		t.Errorf("detail line wrong:\n%s", s)
	}
	press(m, "k")
	if f := m.State().Focus; f != "youtube" {
		t.Fatalf("after k: %s", f)
	}
	press(m, "end")
	if f := m.State().Focus; f != "none" {
		t.Fatalf("after end: %s", f)
	}
	press(m, "g")
	if f := m.State().Focus; f != "facebook" {
		t.Fatalf("after g: %s", f)
	}
	// Views remember their focus.
	press(m, "j", "3", "2")
	if f := m.State().Focus; f != "youtube" {
		t.Fatalf("focus not kept across views: %s", f)
	}
	// Privacy has two charts: ↓ walks into the second and says so.
	press(m, "5", "G")
	st := m.State()
	if st.Chart != 1 || st.Focus != "unlikely" {
		t.Fatalf("privacy end: %+v", st)
	}
	if s := screen(m); !strings.Contains(s, "chart 2/2") || !strings.Contains(s, "Patient communities") {
		t.Errorf("second chart not shown:\n%s", s)
	}
}

func TestSortKeys(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2")
	order := func() []string {
		var out []string
		for _, l := range strings.Split(screen(m), "\n") {
			for _, name := range []string{"Facebook", "YouTube", "None of the above", "Twitter", "Blogs"} {
				if strings.HasPrefix(strings.TrimLeft(l, "▸ "), name+" ") {
					out = append(out, name)
				}
			}
		}
		return out
	}
	steps := []struct {
		key, sort string
		reverse   bool
		first     string
	}{
		{"s", "value", false, "Facebook"}, // None of the above (33%) is not a site: last
		{"s", "gap", false, "Facebook"},
		{"s", "name", false, "Blogs"},
		{"r", "name", true, "YouTube"},
		{"s", "order", true, "None of the above"},
		{"r", "order", false, "Facebook"},
	}
	for _, st := range steps {
		press(m, st.key)
		got := m.State()
		if got.Sort != st.sort || got.Reverse != st.reverse {
			t.Fatalf("after %s: sort %s reverse %v, want %s %v", st.key, got.Sort, got.Reverse, st.sort, st.reverse)
		}
		if o := order(); len(o) == 0 || o[0] != st.first {
			t.Fatalf("after %s (%s): order %v, want %s first", st.key, st.sort, o, st.first)
		}
	}
	// The focused item stays focused through a sort.
	press(m, "j", "s")
	if m.State().Focus != "youtube" {
		t.Errorf("focus moved with sort: %s", m.State().Focus)
	}
}

func TestSeriesKeys(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2")
	legend := func() string {
		for _, l := range strings.Split(screen(m), "\n")[1:] { // below the tabs, which say "Personal use only"
			if strings.Contains(l, "Professional use") || strings.Contains(l, "Personal use") {
				return strings.TrimSpace(l)
			}
		}
		return ""
	}
	want := []struct{ series, legend string }{
		{"professional", "██ Professional use"},
		{"personal", "▒▒ Personal use"},
		{"all", "██ Professional use   ▒▒ Personal use"},
	}
	if legend() != want[2].legend {
		t.Fatalf("legend = %q", legend())
	}
	for _, w := range want {
		press(m, "p")
		if got := m.State().Series; got != w.series {
			t.Fatalf("series = %s, want %s", got, w.series)
		}
		if got := legend(); got != w.legend {
			t.Fatalf("legend = %q, want %q", got, w.legend)
		}
		bars := strings.Count(screen(m), "▒")
		if w.series == "professional" && bars > 1 {
			t.Errorf("personal bars drawn with professional only")
		}
	}
	// p does nothing on a one-series chart, and help does not offer it.
	press(m, "3")
	if m.common.Keys.Series.Enabled() {
		t.Error("p enabled on a one-series chart")
	}
	if strings.Contains(screen(m), "p series") {
		t.Error("help lists p on a one-series chart")
	}
	press(m, "p")
	if m.State().Series != "all" {
		t.Error("p changed a one-series chart")
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newModel(t, 80, 24)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
}

// TestHelpKeysDoSomething presses every key the help lists, in every view,
// and checks that it changed the state or the screen: help never lists a
// key that does nothing.
func TestHelpKeysDoSomething(t *testing.T) {
	for i := range dataset.EmbeddedViewIDs() {
		base := newModel(t, 100, 30)
		press(base, string(rune('1'+i)), "j")
		for _, col := range base.common.Keys.FullHelp() {
			for _, b := range col {
				if !b.Enabled() {
					continue
				}
				m := newModel(t, 100, 30)
				press(m, string(rune('1'+i)), "j")
				before, beforeState := m.Frame(), m.State()
				k := b.Keys()[0]
				if key.Matches(keyMsg(k), m.common.Keys.Quit) {
					continue // TestQuitKeys
				}
				if k == "1" && i == 0 {
					k = "2"
				}
				_, _ = m.Update(keyMsg(k))
				after := m.Frame()
				if after == before && m.State().Equal(beforeState) {
					t.Errorf("view %d: key %q (%s) listed in help but changed nothing", i+1, k, b.Help().Desc)
				}
			}
		}
	}
}

func TestHelpToggle(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "?")
	if s := screen(m); !strings.Contains(s, "go to view") || !strings.Contains(s, "monochrome") {
		t.Fatalf("full help not shown:\n%s", s)
	}
	press(m, "?")
	if strings.Contains(screen(m), "monochrome") {
		t.Fatal("full help still shown")
	}
	press(m, "?", "esc")
	if strings.Contains(screen(m), "monochrome") {
		t.Fatal("esc does not close help")
	}
}

func TestMonoAndBig(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2")
	if !strings.Contains(m.Frame(), "38;5;") {
		t.Fatal("expected 256-colour output before m")
	}
	press(m, "m")
	if strings.Contains(m.Frame(), "38;5;") || strings.Contains(m.Frame(), "48;5;") {
		t.Fatal("colour left after m")
	}
	if !strings.Contains(screen(m), "▒") {
		t.Fatal("series glyphs must remain in monochrome")
	}
	press(m, "m", "b")
	if !m.State().Big {
		t.Fatal("b did not set big mode")
	}
	press(m, "tab")
	if !m.State().Big {
		t.Fatal("big mode not kept across views")
	}
	if strings.Contains(screen(m), "What are you most interested") {
		t.Error("big mode should drop the question")
	}
}

func TestMouseClickOnTab(t *testing.T) {
	m := newModel(t, 100, 30)
	m.Frame()
	// Zones are recorded asynchronously by bubblezone.
	deadline := time.Now().Add(2 * time.Second)
	for m.common.Zone.Get(tabZone("sources")).IsZero() {
		if time.Now().After(deadline) {
			t.Fatal("tab zone never recorded")
		}
		time.Sleep(5 * time.Millisecond)
	}
	z := m.common.Zone.Get(tabZone("sources"))
	m.Update(tea.MouseClickMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseLeft})
	if got := m.State().View; got != "sources" {
		t.Fatalf("click on the Sources tab: view %s", got)
	}
	m.Update(tea.MouseWheelMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseWheelDown})
	if m.State().Focus == "hwc-2011" {
		t.Error("wheel did not move the focus")
	}
}

func TestSizeWalk(t *testing.T) {
	views := []string{"1", "2", "4", "5", "6", "?"}
	check := func(m *Model, w, h int) {
		t.Helper()
		out := m.Frame()
		lines := strings.Split(out, "\n")
		if out != "" && len(lines) > h {
			t.Fatalf("%dx%d: %d lines", w, h, len(lines))
		}
		for i, l := range lines {
			if lw := ansi.StringWidth(l); lw > w {
				t.Fatalf("%dx%d view %s: line %d is %d wide: %q", w, h, m.State().View, i, lw, ansi.Strip(l))
			}
		}
	}
	for _, v := range views {
		for _, big := range []bool{false, true} {
			m := newModel(t, 0, 0)
			press(m, v, "j")
			if big {
				press(m, "b")
			}
			for w := 0; w <= 200; w++ {
				for _, h := range []int{0, 1, 9, 10, 24, 60} {
					m.Update(tea.WindowSizeMsg{Width: w, Height: h})
					check(m, w, h)
				}
			}
			for h := 0; h <= 60; h++ {
				for _, w := range []int{0, 1, 35, 36, 80, 200} {
					m.Update(tea.WindowSizeMsg{Width: w, Height: h})
					check(m, w, h)
				}
			}
		}
	}
	m := newModel(t, 0, 0)
	m.Update(tea.WindowSizeMsg{Width: 1 << 31, Height: 1 << 31})
	if len(m.Frame()) == 0 {
		t.Fatal("huge window drew nothing")
	}
}

// TestWarmRunsBesideUpdates runs the background warm-up while keys are
// handled, for the race detector.
func TestWarmRunsBesideUpdates(t *testing.T) {
	m := newModel(t, 0, 0)
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 110, Height: 35})
	if cmd == nil {
		t.Fatal("resize should warm the other views")
	}
	done := make(chan struct{})
	go func() {
		cmd()
		close(done)
	}()
	press(m, "2", "j", "s", "p", "tab", "b", "m")
	<-done
	if !strings.Contains(screen(m), "What doctors want") {
		t.Fatalf("unexpected screen:\n%s", screen(m))
	}
}

func TestMonoKeyOnlyWithColour(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30}) // no renderer: no colour
	defer m.Close()
	press(m, "?")
	if m.common.Keys.Mono.Enabled() || strings.Contains(screen(m), "monochrome") {
		t.Error("m offered without colour")
	}
	c := newModel(t, 100, 30)
	press(c, "?")
	if !strings.Contains(screen(c), "monochrome") {
		t.Error("m not offered with colour")
	}
}

// TestWarmUpWaitsForTheFirstFrame: a warm-up does not draw before the first
// frame is composed, and ends without drawing if the model closes first.
func TestWarmUpWaitsForTheFirstFrame(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
	drew := make(chan struct{}, 8)
	m.warmed = func(int, int) { drew <- struct{}{} }
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	done := make(chan struct{})
	go func() { cmd(); close(done) }()
	select {
	case <-drew:
		t.Fatal("the warm-up drew before the first frame")
	case <-time.After(50 * time.Millisecond):
	}
	m.Frame()
	<-done
	if len(drew) != 1 {
		t.Fatal("the warm-up did not draw after the first frame")
	}
	_, cmd = New(Options{Data: frozen(t), Width: 100, Height: 30}).closeAndWarm()
	if cmd != nil {
		cmd() // returns: the model closed before any frame
	}
	m.Close()
}

// TestOnlyTheLatestWarmUpDraws resizes several times before any warm-up
// runs, as a window being dragged does: only the last size's warm-up draws.
func TestOnlyTheLatestWarmUpDraws(t *testing.T) {
	m := newModel(t, 100, 30)
	m.Frame() // warm-ups wait for the first frame
	var drew [][2]int
	m.warmed = func(w, h int) { drew = append(drew, [2]int{w, h}) }
	var cmds []tea.Cmd
	for i := range 8 {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 90 + i, Height: 30 + i})
		if cmd == nil {
			t.Fatalf("resize %d returned no warm-up", i)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		cmd()
	}
	w, h := m.bodySize()
	if len(drew) != 1 || drew[0] != [2]int{w, h} {
		t.Fatalf("warm-ups that drew: %v, want one at the final body size %dx%d", drew, w, h)
	}
}

// keysEnabled is which keys are enabled, in KeyMap order.
func keysEnabled(k *KeyMap) []bool {
	var on []bool
	for _, col := range k.FullHelp() {
		for _, b := range col {
			on = append(on, b.Enabled())
		}
	}
	return on
}

// TestViewOnlyDraws checks Update leaves the keys enabled and the help laid
// out for the state it ends in: drawing changes neither.
func TestViewOnlyDraws(t *testing.T) {
	m := newModel(t, 100, 30)
	for _, k := range []string{"2", "j", "x", "v", "esc", "3", "G", "x", "1", "j", "enter", "esc", "6", "j", "j", "enter", "esc", "b", "?", "?", "T", " ", "T", "4", "d", "X"} {
		m.Update(keyMsg(k))
		keys, help := keysEnabled(m.common.Keys), m.help
		m.Frame()
		if got := keysEnabled(m.common.Keys); !slices.Equal(got, keys) || m.help.Width() != help.Width() || m.help.ShowAll != help.ShowAll {
			t.Fatalf("after %q, View changed the keys (%v → %v) or the help (width %d → %d)", k, keys, got, help.Width(), m.help.Width())
		}
	}
}

// closeAndWarm returns a warm-up of a model closed before its first frame.
func (m *Model) closeAndWarm() (*Model, tea.Cmd) {
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Close()
	return m, cmd
}
