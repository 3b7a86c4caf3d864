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

// cut cuts s, which may hold escape sequences, to at most w cells by
// Width, keeping its escape sequences and never cutting a grapheme
// cluster, and ends it in tail when it is cut (tail counted in the w
// cells). Truncate is the cut at a word boundary, for plain text.
func cut(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	t := ansi.Truncate(s, w, tail)
	if !strings.ContainsFunc(t, joinsParts) || Width(t) <= w {
		return t
	}
	lo, hi := 0, w // the largest cut k whose result fits
	for lo < hi {
		k := (lo + hi + 1) / 2
		if Width(ansi.Truncate(s, k, tail)) <= w {
			lo = k
		} else {
			hi = k - 1
		}
	}
	return ansi.Truncate(s, lo, tail)
}

// ClampLines cuts every line of frame wider than w by Width, keeping its
// escape sequences, so that no line can wrap and push the frame (the tab
// bar first) off the screen. The renderer's own lines never need it (they
// are measured with Width and cut with cut as they are laid out;
// TestClampLinesNeverFires);
// it guards lines drawn elsewhere, such as the explorer's tabs and help.
// Only lines holding a rune of joinsParts can be wider by Width than their
// clusters, so only they are measured; lines that fit are untouched.
func ClampLines(frame string, w int) string {
	out, _ := clampLines(frame, w)
	return out
}

// clampLines is ClampLines, reporting whether it cut a line.
func clampLines(frame string, w int) (string, bool) {
	if w <= 0 || !strings.ContainsFunc(frame, joinsParts) {
		return frame, false
	}
	fired := false
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if strings.ContainsFunc(l, joinsParts) && Width(l) > w {
			lines[i], fired = cut(l, w, ""), true
		}
	}
	return strings.Join(lines, "\n"), fired
}
