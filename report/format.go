package report

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// formatValue prints a figure for people: "15%", "1,300".
func formatValue(v float64, unit string) string {
	s := formatNumber(v)
	if unit == dataset.UnitPercent {
		return s + "%"
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	s = b.String()
	if frac != "" {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// formatFigure prints a figure with its hedge: "over 65%", or the hedge
// alone ("two-thirds") when there is no number.
func formatFigure(v *float64, unit, qualifier string) string {
	switch {
	case v == nil:
		return qualifier
	case qualifier == "":
		return formatValue(*v, unit)
	default:
		return qualifier + " " + formatValue(*v, unit)
	}
}

// sourceLine describes a source in one line: label, publisher, title, date,
// sample and where the figures are written.
func sourceLine(s *source) string {
	parts := []string{s.Label, s.Publisher, fmt.Sprintf("%q", s.Title)}
	if s.Date != "" {
		parts = append(parts, s.Date)
	}
	if s.Sample > 0 {
		parts = append(parts, "n="+formatValue(float64(s.Sample), dataset.UnitCount))
	}
	switch {
	case s.Document != "":
		parts = append(parts, "document "+s.Document)
	case s.Citation != "":
		parts = append(parts, "secondary: "+s.Citation)
	}
	return strings.Join(parts, ", ")
}
