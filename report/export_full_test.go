package report

import (
	"os"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestExportIsTheFullText: an export from a narrow screen is the full text
// at the screen's state, not the clipped screen (issue 17, fault 10): the
// sources view at 60 columns cuts "Manhattan Research" on screen, never
// in the .txt; the .md of a chart sorted by gap carries the gap column,
// naming the series it subtracts, and marks the pinned item.
func TestExportIsTheFullText(t *testing.T) {
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var screen strings.Builder
	st := explore.Start().GotoViewID(c, dataset.ViewSources)
	if err := Write(&screen, c, st, Options{Format: FormatText, Width: 60}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(screen.String(), "…") {
		t.Fatalf("the sources view cuts nothing at 60 columns: the test needs a cut\n%s", screen.String())
	}
	paths, err := Export(t.TempDir(), exportTime, c, st, ExportOptions{Width: 60})
	if err != nil {
		t.Fatal(err)
	}
	txt, _ := os.ReadFile(paths[0])
	if !strings.Contains(string(txt), "Manhattan Research (as reported)") {
		t.Errorf("the text export keeps the screen's cuts:\n%s", txt)
	}
	// Nothing in the sources' export is cut: the long publisher, every
	// measure's label and every figure of it (wrapped, so read as words).
	flat := strings.Join(strings.Fields(string(txt)), " ")
	for _, want := range []string{"Jones & Bartlett Learning Medicine Blog", "Physicians using at least one social media site for personal purposes",
		"as many as 88% Manhattan Research (as reported)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the sources' text export lacks %q", want)
		}
	}
	if strings.Contains(string(txt), "…") {
		t.Errorf("the sources' text export cuts:\n%s", txt)
	}
	pl := explore.Start().GotoViewID(c, "platforms")
	paths, err = Export(t.TempDir(), exportTime, c, pl, ExportOptions{Width: 40})
	if err != nil {
		t.Fatal(err)
	}
	if txt, _ := os.ReadFile(paths[0]); strings.Contains(string(txt), "…") {
		t.Errorf("the text export of a 40-column screen cuts:\n%s", txt)
	}

	st = explore.Start().GotoViewID(c, "platforms")
	st.Sort = dataset.SortGap
	st.Pins = []dataset.Ref{{Chart: "platforms", Item: "linkedin"}}
	paths, err = Export(t.TempDir(), exportTime, c, st, ExportOptions{Width: 60})
	if err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(paths[1])
	for _, want := range []string{"| Gap (Personal use − Professional use) |", "| Facebook | 15% |", "+46 pts |", "| LinkedIn (pinned) |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the .md lacks %q:\n%s", want, md)
		}
	}
}
