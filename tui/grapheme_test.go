package tui

import (
	"github.com/docsurvey/docsurvey/internal/terminal"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
)

// graphemeLabels are labels a terminal draws wider or narrower than their
// runes: emoji ZWJ sequences, skin tones, flags, Hangul jamo, combining
// marks.
const graphemeData = `{"title": "👩🏽‍💻 Survey 한국", "sources": [{"id": "s", "label": "👨‍👩‍👧‍👦 Src", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "c", "view": "platforms", "title": "👍🏽👍🏽👍🏽 한글 ᄒ" + "ᅡᆫ chart", "question": "Q 🇫🇷🇩🇪🇯🇵 é?", "source": "s",
"series": [{"id": "a", "label": "👩🏽‍💻👩🏽‍💻👩🏽‍💻 series"}, {"id": "b", "label": "ᄒ" + "ᅡᆫᄀ" + "ᅳᆯ series"}],
"items": [{"id": "i", "label": "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family item with a long label", "values": {"a": 50, "b": 20}},
          {"id": "j", "label": "ᄒ" + "ᅡᆫᄀ" + "ᅳᆯ 한글 🇰🇷🇰🇷🇰🇷", "values": {"a": 30, "b": 40}}]}],
"findings": [{"id": "f", "view": "platforms", "label": "🧑🏿‍🚀🧑🏿‍🚀 finding", "source": "s", "value": 3, "wording": "w"}]}`

// TestGraphemeLabelsNeverOverflow draws every view with such labels at
// many widths and checks no line is wider than the screen by the widest a
// terminal may draw it (render.CellWidth: a cluster, or its parts as tmux
// draws them), the tab bar included.
func TestGraphemeLabelsNeverOverflow(t *testing.T) {
	src := strings.NewReplacer(`" + "`, "").Replace(graphemeData)
	c, err := dataset.Parse([]byte(src), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{20, 33, 41, 60, 77, 80, 99, 120} {
		m := New(Options{Data: c, Width: w, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		for _, keys := range [][]string{nil, {"2"}, {"2", "s"}, {"2", "b"}, {"6"}, {"1"}} {
			press(m, keys...)
			for i, line := range strings.Split(ansi.Strip(m.Frame()), "\n") {
				if got := render.CellWidth(line); got > w {
					t.Errorf("width %d, keys %v: line %d is %d cells: %q", w, keys, i, got, line)
				}
			}
		}
		m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
		m.Close()
	}
}

// TestGraphemeLayoutFitsBeforeTheGuard: the lines tui lays out itself (the
// tabs, the status beside them, the help) are measured with render.Width,
// the one width, so they fit before ClampLines guards the frame: the
// drawn frame, not only the clamped one, fits every width.
func TestGraphemeLayoutFitsBeforeTheGuard(t *testing.T) {
	// Tabs named with clusters that terminals may draw as their parts.
	src := strings.NewReplacer(`" + "`, "", `{"title": "👩🏽‍💻 Survey 한국", `,
		`{"title": "👩🏽‍💻 Survey 한국", "views": [{"id": "platforms", "title": "👩🏽‍💻👩🏽‍💻👩🏽‍💻 Platforms 👨‍👩‍👧‍👦"}], `).Replace(graphemeData)
	c, err := dataset.Parse([]byte(src), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{36, 41, 60, 77, 80, 99, 120} {
		m := New(Options{Data: c, Width: w, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		for _, keys := range [][]string{nil, {"2"}, {"2", "s"}, {"?"}, {"?"}, {"6"}} {
			press(m, keys...)
			for i, line := range strings.Split(m.draw(), "\n") {
				if got := render.Width(line); got > w {
					t.Errorf("width %d, keys %v: drawn line %d is %d cells: %q", w, keys, i, got, ansi.Strip(line))
				}
			}
		}
		m.Close()
	}
}
