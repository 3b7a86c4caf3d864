package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// width is the display width of s (ANSI codes ignored, wide characters
// counted as two cells).
func width(s string) int { return Width(s) }

// fit cuts s to at most w cells, ending in tail when cut; never mid-character.
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
	return ansi.Truncate(s, w, tail)
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
// limit), cutting the last line with tail when text is left over.
func wrap(s string, w, max int, tail string) []string {
	if w <= 0 {
		return nil
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	for i := range lines {
		lines[i] = fit(strings.TrimRight(lines[i], " "), w, tail)
	}
	if max > 0 && len(lines) > max {
		rest := strings.Join(lines[max-1:], " ")
		lines = lines[:max]
		lines[max-1] = fit(rest, w, tail)
	}
	return lines
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
		if width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// ansiStrip removes ANSI escape codes.
func ansiStrip(s string) string { return ansi.Strip(s) }

// ToASCII replaces non-ASCII characters for --ascii output without changing
// any width: curly quotes become straight, dashes hyphens, the ellipsis "~",
// bullets "*", anything else "?" (or "??" for a double-width character), so
// columns stay aligned. Escape sequences are ASCII and pass through.
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
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r == '“' || r == '”' || r == '„' || r == '″':
			b.WriteByte('"')
		case r == '‘' || r == '’' || r == '′':
			b.WriteByte('\'')
		case r == '–' || r == '—' || r == '‐' || r == '−':
			b.WriteByte('-')
		case r == '…' || r == '≈':
			b.WriteByte('~')
		case r == '±': // drawing code writes "+/-" itself where it has room
			b.WriteByte('+')
		case r == '·' || r == '•':
			b.WriteByte('*')
		case r == '\u00a0':
			b.WriteByte(' ')
		default:
			b.WriteString(strings.Repeat("?", max(0, ansi.StringWidth(string(r)))))
		}
	}
	return b.String()
}
