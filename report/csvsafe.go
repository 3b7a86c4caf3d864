package report

import (
	"strconv"
	"strings"
)

// SafeCell neutralises a CSV cell that a spreadsheet would run as a
// formula (OWASP, "CSV Injection"): a cell beginning with =, +, -, @, a tab
// or a carriage return gets a leading apostrophe, which spreadsheets show
// as text and do not print. A cell that is a plain number ("-12.5") is left
// alone: it cannot be a formula, and a number must stay a number.
func SafeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// safeRow applies SafeCell to every cell of row, unless raw.
func safeRow(row []string, raw bool) []string {
	if raw {
		return row
	}
	for i, c := range row {
		row[i] = SafeCell(c)
	}
	return row
}
