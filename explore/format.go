package explore

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docsurvey/docsurvey/dataset"
)

// finite reports whether v is a usable number (not NaN or ±Inf).
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// FormatNumber writes a number the way the documents do: whole numbers with
// thousands separators ("4,033"), others with one decimal ("12.5"). NaN and
// infinities are written "n/a".
func FormatNumber(v float64) string {
	if !finite(v) {
		return "n/a"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var s string
	if v >= 1e15 {
		// Past what any survey counts: scientific notation, not 16+ digits.
		s = strconv.FormatFloat(v, 'g', 3, 64)
	} else if r := math.Round(v); math.Abs(v-r) < 0.05 {
		s = groupThousands(strconv.FormatFloat(r, 'f', 0, 64))
	} else {
		s = strconv.FormatFloat(v, 'f', 1, 64)
		if dot := strings.IndexByte(s, '.'); dot >= 0 {
			s = groupThousands(s[:dot]) + s[dot:]
		}
	}
	if neg && s != "0" {
		s = "-" + s
	}
	return s
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// FormatValue writes a figure with its unit and hedge: "61%", "over 65%",
// "more than 1,300". It is the one way docsurvey writes a figure, on screen
// and in every report, so a hedge is never dropped. Magnitudes of ten
// million or more, which no survey figure reaches, are written short
// ("1e+09%") so they cannot push a line off the screen.
func FormatValue(v float64, unit, qualifier string) string {
	var s string
	if finite(v) && math.Abs(v) >= 1e7 {
		s = strconv.FormatFloat(v, 'g', 3, 64)
	} else {
		s = FormatNumber(v)
	}
	if unit != dataset.UnitCount && finite(v) {
		s += "%"
	}
	if qualifier != "" {
		s = qualifier + " " + s
	}
	return s
}

// FormatFigure writes a figure that may have no number: FormatValue when v
// is set, else the hedge alone, the document's words for it ("two-thirds",
// "nearly half"), or "" when there is neither.
func FormatFigure(v *float64, unit, qualifier string) string {
	if v == nil {
		return qualifier
	}
	return FormatValue(*v, unit, qualifier)
}

// FindingFigure writes a finding's figure for a line that starts with its
// label: FormatFigure, except that a worded figure (no number) is left out
// when the label already says it, whole words and case aside ("A small group
// of front runners…" with the hedge "a small group"), so the line does not
// say it twice. A number is always written.
func FindingFigure(label string, v *float64, unit, qualifier string) string {
	if v == nil && qualifier != "" && containsWords(label, qualifier) {
		return ""
	}
	return FormatFigure(v, unit, qualifier)
}

// containsWords reports whether the words of phrase occur in text in a row,
// ignoring case and punctuation.
func containsWords(text, phrase string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
	}
	t, p := words(text), words(phrase)
	if len(p) == 0 {
		return false
	}
	for i := 0; i+len(p) <= len(t); i++ {
		if slices.Equal(t[i:i+len(p)], p) {
			return true
		}
	}
	return false
}

// FormatPoints writes a difference in percentage points with its sign:
// "+46 pts", "-42 pts", "+1 pt", "0 pts". For counts pass unit
// dataset.UnitCount and no unit word is written ("+12").
func FormatPoints(d float64, unit string) string {
	if !finite(d) {
		return "n/a"
	}
	s := FormatNumber(d)
	if d > 0 && s != "0" {
		s = "+" + s
	}
	if unit == dataset.UnitCount {
		return s
	}
	if s == "+1" || s == "-1" {
		return s + " pt"
	}
	return s + " pts"
}

// Ratio returns a/b and whether it is defined: not when b is zero or either
// side is not a finite number.
func Ratio(a, b float64) (float64, bool) {
	if !finite(a) || !finite(b) || b == 0 {
		return 0, false
	}
	return a / b, true
}

// FormatRatio writes a ratio with a trailing "x" ("4.1x", "0.89x", "12x"), or
// "n/a" when it is undefined.
func FormatRatio(r float64, ok bool) string {
	if !ok || !finite(r) {
		return "n/a"
	}
	switch a := math.Abs(r); {
	case a >= 10:
		return strconv.FormatFloat(r, 'f', 0, 64) + "x"
	case a >= 1:
		return strconv.FormatFloat(r, 'f', 1, 64) + "x"
	default:
		return strconv.FormatFloat(r, 'f', 2, 64) + "x"
	}
}

var smallNumbers = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// CountWord writes a small count in words ("nine") and larger ones in digits
// ("4,033"), as prose does.
func CountWord(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return FormatNumber(float64(n))
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinal writes 2 as "second" and 21 as "21st".
func ordinal(n int) string {
	if n > 0 && n < len(ordinals) {
		return ordinals[n]
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
