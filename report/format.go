package report

import (
	"fmt"
	"strings"

	"github.com/docsurvey/docsurvey/explore"
)

// sourceLine describes a source in one line: label, publisher, title, date,
// sample and where the figures are written.
func sourceLine(s *source) string {
	parts := []string{s.Label, s.Publisher, fmt.Sprintf("%q", s.Title)}
	if s.Date != "" {
		parts = append(parts, s.Date)
	}
	if s.Sample > 0 {
		parts = append(parts, "n="+explore.FormatNumber(float64(s.Sample)))
	}
	switch {
	case s.Document != "":
		parts = append(parts, "document "+s.Document)
	case s.Citation != "":
		parts = append(parts, "secondary: "+s.Citation)
	}
	return strings.Join(parts, ", ")
}
