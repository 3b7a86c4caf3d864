package tui

import (
	"fmt"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	goldenfile "github.com/docsurvey/docsurvey/internal/golden"
)

// frozen is the shipped dataset: the goldens show what the binary draws.
func frozen(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newModel(t testing.TB, w, h int) *Model {
	t.Helper()
	m := New(Options{Data: frozen(t), Width: w, Height: h, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
	t.Cleanup(m.Close)
	return m
}

// press sends keys by name ("j", "tab", "shift+tab", "pgdown", "up") and
// renders after each, as the program does.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(keyMsg(k))
		m.Frame()
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.Key{
		"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp},
		"down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome},
		"end": {Code: tea.KeyEnd}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+a": {Code: 'a', Mod: tea.ModCtrl},
		"ctrl+n": {Code: 'n', Mod: tea.ModCtrl}, "ctrl+p": {Code: 'p', Mod: tea.ModCtrl}, "esc": {Code: tea.KeyEscape},
		"enter": {Code: tea.KeyEnter}, "backspace": {Code: tea.KeyBackspace},
		" ": {Code: tea.KeySpace, Text: " "}, "space": {Code: tea.KeySpace, Text: " "},
	}
	if key, ok := named[k]; ok {
		return tea.KeyPressMsg(key)
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: one key at a time: " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

func screen(m *Model) string { return ansi.Strip(m.Frame()) }

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, name, []byte(got))
}

func TestGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for i, id := range dataset.EmbeddedViewIDs() {
			m := newModel(t, sz[0], sz[1])
			press(m, fmt.Sprint(i+1))
			golden(t, fmt.Sprintf("%s-%dx%d", id, sz[0], sz[1]), screen(m))
		}
	}
}

func TestGoldenModes(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"big-platforms-120x40", 120, 40, []string{"2", "b"}},
		{"big-benefits-80x24", 80, 24, []string{"3", "b"}},
		{"narrow-platforms-50x24", 50, 24, []string{"2"}},
		{"short-platforms-38x20", 38, 20, []string{"2"}},
		{"rows-platforms-36x20", 36, 20, []string{"2", "j"}},
		{"too-small-30x8", 30, 8, nil},
		{"help-100x30", 100, 30, []string{"2", "?"}},
		{"sorted-gap-personal-100x30", 100, 30, []string{"2", "s", "s", "p", "p", "j"}},
		{"privacy-chart2-100x30", 100, 30, []string{"5", "j", "j", "j", "j", "j"}},
		{"sources-measures-120x40", 120, 40, []string{"6", "end"}},
	}
	for _, tc := range cases {
		m := newModel(t, tc.w, tc.h)
		press(m, tc.keys...)
		golden(t, tc.name, screen(m))
	}
}

func TestGoldenASCII(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{ASCII: true, Mono: true}})
	defer m.Close()
	press(m, "2", "j")
	out := m.Frame()
	for _, r := range ansi.Strip(out) {
		if r > 127 {
			t.Fatalf("non-ASCII %q in ASCII mode", r)
		}
	}
	if out != ansi.Strip(out) {
		// Monochrome still uses bold and reverse; no colours though.
		if strings.Contains(out, "38;5;") || strings.Contains(out, "48;5;") {
			t.Fatal("colours drawn with --color never")
		}
	}
	golden(t, "platforms-100x30", ansi.Strip(out))
}
