package cli_test

import (
	"strings"
	"testing"
)

// TestShowMargins runs the binary as a user would: the text shows the
// focused figure's margin, --whiskers draws every interval, the CSV ends
// in the margin columns.
func TestShowMargins(t *testing.T) {
	r := run(t, "show", "platforms", "-w", "100")
	if r.code != 0 || !strings.Contains(r.stdout, "95%: Professional use 15% ±1.1 pts (13.9–16.1) · Personal use 61% ±1.5 pts (59.5–62.5) · n=4,033") {
		t.Errorf("show platforms: code %d, no margin line:\n%s", r.code, r.stdout)
	}
	if strings.Contains(r.stdout, "├") {
		t.Error("whiskers drawn without --whiskers")
	}
	r = run(t, "show", "benefits", "--whiskers", "--ascii", "-w", "80")
	if r.code != 0 || !strings.Contains(r.stdout, "|-| 95% interval") || !strings.Contains(r.stdout, "+/-0.8 pts") {
		t.Errorf("show --whiskers --ascii: code %d:\n%s", r.code, r.stdout)
	}
	r = run(t, "show", "privacy", "-f", "csv")
	head, _, _ := strings.Cut(r.stdout, "\n")
	if !strings.HasSuffix(head, ",document,n,n_derived,ci_low,ci_high") || !strings.Contains(r.stdout, ",444,true,33.6,42.6\n") {
		t.Errorf("csv: header %q, or no derived subgroup row", head)
	}
}
