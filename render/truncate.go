package render

// Cutting text to a width the way a reader expects: at a word boundary,
// with an ellipsis, never a text that fits, and never an abbreviation cut
// again.
//
// Widths are terminal cells as Width measures them (x/ansi, by grapheme
// cluster: a CJK character or an emoji is two cells, a combining accent
// none); a cut never splits a grapheme cluster. Text is plain: no escape
// sequences. A word boundary is a space, or the end of a CJK character
// (CJK text is written without spaces and breaks between characters).
// Before the ellipsis a cut drops the spaces and the punctuation that
// would dangle ("Facebook, LinkedIn…", not "Facebook, LinkedIn,…"); a dot
// stays, since it ends an abbreviation ("Phys.…").

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Truncate cuts s to at most w cells, ending in tail when cut. s is
// returned whole when it fits. Otherwise it is cut after the last whole
// word that fits with tail; only when not even the first word fits is the
// word cut, between grapheme clusters. When tail itself takes w cells or
// more the text is cut without it. w <= 0 gives "".
func Truncate(s string, w int, tail string) string {
	out, _ := truncate(s, w, tail)
	return out
}

// TruncateLabel fits an item's label to w cells: the full label when it
// fits, else the short one (an abbreviation) when it fits, else a cut. An
// abbreviation is never cut again while the full label can be cut at a word
// boundary instead: "Physician communities" with short "Phys. communities"
// in 12 cells is "Physician…", not "Phys. communi…". The short one is cut
// (at a word boundary: "Phys.…") only when the full label would be cut
// inside its first word. short may be empty.
func TruncateLabel(label, short string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if Width(label) <= w {
		return label
	}
	if short == "" || short == label {
		return Truncate(label, w, tail)
	}
	if Width(short) <= w {
		return short
	}
	full, atWord := truncate(label, w, tail)
	if atWord {
		return full
	}
	if cut, ok := truncate(short, w, tail); ok {
		return cut
	}
	return full
}

// WrapWords wraps plain text to lines of at most w cells, breaking between
// words (a word longer than w is broken), in at most max lines (max <= 0:
// no limit). When text is left over, the last line holds as many of the
// remaining words as fit and ends in tail: nothing is cut mid-word that
// could have been cut between words. Runs of spaces and line breaks are
// one space.
func WrapWords(s string, w, max int, tail string) []string {
	if w <= 0 {
		return nil
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	var lines []string
	line := ""
	for _, word := range words {
		switch {
		case line == "":
			line = word
		case Width(line)+1+Width(word) <= w:
			line += " " + word
			continue
		default:
			lines = append(lines, line)
			line = word
		}
		for Width(line) > w { // a word wider than the line
			head := cutCells(line, w)
			if head == "" { // one cluster wider than the line: left out
				head = firstCluster(line)
			} else {
				lines = append(lines, head)
			}
			line = line[len(head):]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if max > 0 && len(lines) > max {
		rest := strings.Join(lines[max-1:], " ")
		lines = append(lines[:max-1], Truncate(rest, w, tail))
	}
	return lines
}

// truncate is Truncate, also reporting whether the cut (if any) fell at a
// word boundary; false when a word had to be cut.
func truncate(s string, w int, tail string) (string, bool) {
	if w <= 0 {
		return "", s == ""
	}
	if Width(s) <= w {
		return s, true
	}
	tw := Width(tail)
	if tw >= w {
		return strings.TrimRightFunc(cutCells(s, w), unicode.IsSpace), false
	}
	budget := w - tw
	best := -1
	for _, end := range wordEnds(s) {
		kept := trimDangling(s[:end])
		if kept == "" {
			continue
		}
		if Width(kept) > budget {
			break
		}
		best = end
	}
	if best < 0 {
		return strings.TrimRightFunc(cutCells(s, budget), unicode.IsSpace) + tail, false
	}
	return trimDangling(s[:best]) + tail, true
}

// wordEnds returns the byte offsets at which a word of s ends, in order:
// before each run of spaces and after each CJK character.
func wordEnds(s string) []int {
	var ends []int
	g := uniseg.NewGraphemes(s)
	prevSpace := true
	for g.Next() {
		start, end := g.Positions()
		r := []rune(g.Str())[0]
		space := unicode.IsSpace(r)
		if space && !prevSpace {
			ends = append(ends, start)
		}
		if !space && isCJK(r) {
			ends = append(ends, end)
		}
		prevSpace = space
	}
	return ends
}

// isCJK reports a character of a script written without spaces between
// words, where a line may break after any character.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// trimDangling drops what should not stand before an ellipsis: spaces and
// separating punctuation at the end.
func trimDangling(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—·/|(&+", r)
	})
}

// cutCells returns the longest prefix of s, in whole grapheme clusters,
// that takes at most w cells.
func cutCells(s string, w int) string {
	n, end := 0, 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := Width(g.Str())
		if n+cw > w {
			break
		}
		n += cw
		_, end = g.Positions()
	}
	return s[:end]
}

// firstCluster returns the first grapheme cluster of s.
func firstCluster(s string) string {
	g := uniseg.NewGraphemes(s)
	if !g.Next() {
		return ""
	}
	return g.Str()
}
