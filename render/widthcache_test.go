package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWidthIsTheWidestATerminalDraws checks Width, the first time
// (measured) and the second (cached), for short, long, styled, wide and
// over-long strings: x/ansi's width for text whose clusters every terminal
// draws whole, CellWidth's (the cluster or its parts, the wider) for a ZWJ
// sequence, a skin tone, a flag or Hangul jamo.
func TestWidthIsTheWidestATerminalDraws(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"\x1b[38;5;42m██████▌\x1b[m 42%  Facebook for professional use", ansi.StringWidth("██████▌ 42%  Facebook for professional use")},
		{strings.Repeat("\x1b[1m日本語\x1b[m ", 20), 140},
		{strings.Repeat("x", widthCacheMax+1), widthCacheMax + 1},
		{"👩🏽‍💻", 6},                                                      // tmux draws the parts: woman, tone, laptop
		{strings.Repeat("\x1b[1m👨‍👩‍👧‍👦\x1b[m family ", 5), 5 * (8 + 8)}, // four people, two cells each
		{"🇫🇷", 2},
		{"ᄒ" + "ᅡᆫ", 4},
	}
	for _, tt := range cases {
		for round := range 2 {
			if got := Width(tt.s); got != tt.want {
				t.Errorf("Width(%.30q) round %d = %d, want %d", tt.s, round, got, tt.want)
			}
		}
		if plain := ansi.Strip(tt.s); strings.ContainsFunc(plain, joinsParts) && Width(tt.s) != CellWidth(plain) {
			t.Errorf("Width(%.30q) = %d, CellWidth %d", tt.s, Width(tt.s), CellWidth(plain))
		}
	}
}

// TestTruncateAndWrapFitByWidth cuts and wraps text a terminal may draw
// wider than its clusters at every width: no result is wider than asked,
// a cut keeps its escape sequences and the text it keeps, a wrap loses no
// word that fits a line.
func TestTruncateAndWrapFitByWidth(t *testing.T) {
	texts := []string{
		"\x1b[1m👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family\x1b[m item with a long label",
		"ᄒ" + "ᅡᆫᄀ" + "ᅳᆯ 한글 🇰🇷🇰🇷🇰🇷 and 👍🏽👍🏽👍🏽 words",
		"plain words only, to be cut and wrapped",
	}
	for _, s := range texts {
		for w := 0; w <= 60; w++ {
			cut := Truncate(s, w, "…")
			if got := Width(cut); got > w {
				t.Errorf("Truncate(%.20q, %d) is %d wide: %q", s, w, got, ansi.Strip(cut))
			}
			if w >= Width(s) && cut != s {
				t.Errorf("Truncate(%.20q, %d) cut a string that fits: %q", s, w, cut)
			}
			plain := ansi.Strip(s)
			lines := wrap(plain, w, 0, "…")
			for _, l := range lines {
				if got := Width(l); got > w {
					t.Errorf("wrap(%.20q, %d): line %q is %d wide", s, w, l, got)
				}
			}
			if w >= 20 && strings.Join(lines, " ") != strings.Join(strings.Fields(plain), " ") {
				t.Errorf("wrap(%.20q, %d) lost words: %q", s, w, lines)
			}
		}
	}
}
