package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
)

// TestASCIIOutputHasNoOtherByte: under --ascii no byte of 0x80 or more is
// drawn, in any view, state, panel or measure, of the shipped data, of
// hostile values or of labels in emoji, flags and Hangul, at any size.
func TestASCIIOutputHasNoOtherByte(t *testing.T) {
	sizes := [][2]int{{1, 1}, {20, 5}, {40, 12}, {72, 24}, {100, 30}, {200, 60}}
	for name, c := range map[string]*dataset.Collection{"shipped": embedded(t), "hostile": weird(), "graphemes": graphemes(t)} {
		for _, sz := range sizes {
			drawEverything(c, sz[0], sz[1], func(what, out string) {
				if !strings.Contains(what, "ascii=true") {
					return
				}
				for i := 0; i < len(out); i++ {
					if out[i] >= 0x80 {
						r, _ := utf8.DecodeRuneInString(out[i:])
						t.Fatalf("%s %s: %q in ASCII output:\n%s", name, what, r, out)
					}
				}
			})
		}
	}
}

// TestASCIIMappingCoversEveryGlyph: every character the renderer draws of
// its own (any not in the shipped data) has an ASCII of its own in the one
// mapping (Styles.Text), rather than "?": the markers, arrows, bars, whiskers, dots and
// dashes of every view and state in Unicode.
func TestASCIIMappingCoversEveryGlyph(t *testing.T) {
	data := string(dataset.EmbeddedBytes())
	ascii := NewStyles(StyleOptions{ASCII: true})
	missing := map[rune]string{}
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		drawEverything(embedded(t), sz[0], sz[1], func(what, out string) {
			for _, r := range ansi.Strip(out) {
				if r >= 0x80 && strings.Contains(ascii.Text(string(r)), "?") && !strings.ContainsRune(data, r) {
					missing[r] = what
				}
			}
		})
	}
	for r, what := range missing {
		t.Errorf("%q (in %s) has no ASCII in asciiRune", r, what)
	}
}

// TestASCIIRuneKeepsWidths: each mapping is ASCII of the rune's width, and
// the styles' spelled-out forms are ASCII.
func TestASCIIRuneKeepsWidths(t *testing.T) {
	for r := rune(0x80); r < 0x30000; r++ {
		a, ok := asciiRune(r)
		if !ok {
			continue
		}
		if Width(a) != Width(string(r)) {
			t.Errorf("%q maps to %q: width %d, want %d", r, a, Width(a), Width(string(r)))
		}
		for _, b := range []byte(a) {
			if b >= 0x80 {
				t.Errorf("%q maps to non-ASCII %q", r, a)
			}
		}
	}
	s := NewStyles(StyleOptions{ASCII: true})
	for _, in := range []string{"±1.1", "✓", "· – … ▸ ★ ◆ ├─┤", fmt.Sprint("“", "x", "”")} {
		if out := s.Text(in); out != ToASCII(out) || strings.ContainsFunc(out, func(r rune) bool { return r >= 0x80 }) {
			t.Errorf("Text(%q) = %q, not ASCII", in, out)
		}
	}
	if got := s.Text("±1.1 ✓"); got != "+/-1.1 ok" {
		t.Errorf("Text spells ± and ✓ as %q", got)
	}
	if got := NewStyles(StyleOptions{}).Text("±1.1 ✓"); got != "±1.1 ✓" {
		t.Errorf("Text without ASCII changed %q", got)
	}
}
