package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/explore"
)

// TestChartMarkdown writes the second chart of the privacy view alone: its
// table and its sources' footnotes, not the first chart's, nor the view's
// findings.
func TestChartMarkdown(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, "privacy")
	var b bytes.Buffer
	if err := ChartMarkdown(&b, c, st, 1); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"# Privacy", "## Patient communities", "| Aware of patient communities | 11% |", "[^1]:"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"What holds doctors back", "Liability", "## Findings"} {
		if strings.Contains(out, not) {
			t.Errorf("has %q from elsewhere in the view:\n%s", not, out)
		}
	}
	if err := ChartMarkdown(&b, c, st, 2); err == nil {
		t.Error("no error for a chart the view does not have")
	}
	if err := ChartMarkdown(&b, c, explore.Start().GotoViewID(c, "privacy"), -1); err == nil {
		t.Error("no error for chart -1")
	}
}
