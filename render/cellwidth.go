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

// ClampLines cuts every line of frame that CellWidth says is wider than w,
// keeping its escape sequences, so that no line can wrap and push the
// frame (the tab bar first) off the screen. Lines that fit are untouched;
// only lines holding such clusters are ever cut, so the search is rare.
func ClampLines(frame string, w int) string {
	if w <= 0 || !strings.ContainsFunc(frame, func(r rune) bool { return r >= 0x1100 }) {
		return frame // width-ambiguous clusters start at U+1100 (Hangul jamo)
	}
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if CellWidth(ansi.Strip(l)) <= w {
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
