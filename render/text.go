package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/rivo/uniseg"
)

// width is the display width of s by the renderer's one width function,
// Width (ANSI codes ignored, wide characters counted as two cells, the
// widest a terminal may draw a grapheme cluster).
func width(s string) int { return Width(s) }

// fit cuts s to at most w cells (by Width), ending in tail when cut; never
// mid-character.
func fit(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	if width(tail) >= w {
		tail = ""
	}
	return cut(s, w, tail)
}

// pad cuts or pads s with spaces to exactly w cells.
func pad(s string, w int, tail string) string {
	s = fit(s, w, tail)
	if n := w - width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	s = fit(s, w, "")
	if n := w - width(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// wrap word-wraps plain text to w cells and at most max lines (max <= 0: no
// limit), cutting the last line between words with tail when text is left
// over (WrapWords).
func wrap(s string, w, max int, tail string) []string {
	return WrapWords(s, w, max, tail)
}

// finite reports whether v is a usable number.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// groupThousands writes an integer with thousands separators.
func groupThousands(s string) string {
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return explore.FormatNumber(n)
}

// formatGap writes a gap in points with its sign: "+46 pts", "-8 pts".
func formatGap(g float64) string { return explore.FormatPoints(g, dataset.UnitPercent) }

// center pads each line on the left so the block of width bw sits in the
// middle of w cells.
func center(lines []string, bw, w int) []string {
	left := (w - bw) / 2
	if left <= 0 {
		return lines
	}
	sp := strings.Repeat(" ", left)
	for i, l := range lines {
		if l != "" {
			lines[i] = sp + l
		}
	}
	return lines
}

// clampBlock cuts every line to w cells and the block to h lines.
func clampBlock(lines []string, w, h int) string {
	if h <= 0 || w <= 0 {
		return ""
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = fit(l, w, "")
	}
	return strings.Join(lines, "\n")
}

// ansiStrip removes ANSI escape codes.
func ansiStrip(s string) string { return ansi.Strip(s) }

// ToASCII replaces non-ASCII characters for --ascii output without changing
// any width, by the one ASCII mapping (asciiRune, with the styles): curly
// quotes become straight, dashes hyphens, the ellipsis "~", the middle dot
// "|", bullets "*", anything else "?" for each cell Width gives it (so "??" for
// a double-width character, six for an emoji ZWJ sequence of three), so
// columns stay aligned and a line laid out by Width keeps its width.
// Escape sequences are ASCII and pass through.
func ToASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			b.WriteByte(s[i])
			i++
			continue
		}
		cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
		i += len(cluster)
		if r := []rune(cluster); len(r) == 1 {
			if a, ok := asciiRune(r[0]); ok {
				b.WriteString(a)
				continue
			}
		}
		b.WriteString(strings.Repeat("?", Width(cluster)))
	}
	return b.String()
}
