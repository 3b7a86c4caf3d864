package explore

import (
	"math"
	"strconv"
	"strings"

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
// "more than 1,300".
func FormatValue(v float64, unit, qualifier string) string {
	s := FormatNumber(v)
	if unit != dataset.UnitCount && finite(v) {
		s += "%"
	}
	if qualifier != "" {
		s = qualifier + " " + s
	}
	return s
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
