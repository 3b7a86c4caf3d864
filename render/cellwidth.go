package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// CellWidth is the most cells a terminal may draw s in: for each grapheme
// cluster, the larger of its width as one cluster and the sum of its runes'
// widths. Terminals disagree on clusters: an emoji ZWJ sequence (👩🏽‍💻) is
// two cells in one that joins it and six in one that draws its parts (tmux
// does); a skin tone modifier is 0 or 2 more. Measuring the widest keeps a
// line within the screen on both. s must be plain text (no escapes).
func CellWidth(s string) int {
	n := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		parts := 0
		for _, r := range g.Runes() {
			parts += runewidth.RuneWidth(r)
		}
		n += max(g.Width(), parts)
	}
	return n
}

// joinsParts reports a rune that makes a grapheme cluster of parts a
// terminal may draw apart: the zero-width joiner, skin tone modifiers,
// regional indicators (flags) and Hangul jamo. Only lines holding one can
// be wider by CellWidth than as clusters, so only they are measured.
func joinsParts(r rune) bool {
	switch {
	case r == 0x200d, r >= 0x1f3fb && r <= 0x1f3ff, r >= 0x1f1e6 && r <= 0x1f1ff:
		return true
	case r >= 0x1100 && r <= 0x11ff, r >= 0xa960 && r <= 0xa97f, r >= 0xd7b0 && r <= 0xd7ff:
		return true
	}
	return false
}

// ClampLines cuts every line of frame that CellWidth says is wider than w,
// keeping its escape sequences, so that no line can wrap and push the
// frame (the tab bar first) off the screen. Only lines holding a rune of
// joinsParts are measured; lines that fit are untouched.
func ClampLines(frame string, w int) string {
	if w <= 0 || !strings.ContainsFunc(frame, joinsParts) {
		return frame
	}
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if !strings.ContainsFunc(l, joinsParts) || CellWidth(ansi.Strip(l)) <= w {
			continue
		}
		lo, hi := 0, w // the largest cut k whose result fits
		for lo < hi {
			k := (lo + hi + 1) / 2
			if CellWidth(ansi.Strip(ansi.Truncate(l, k, ""))) <= w {
				lo = k
			} else {
				hi = k - 1
			}
		}
		lines[i] = ansi.Truncate(l, lo, "")
	}
	return strings.Join(lines, "\n")
}
