package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// oneSource is a survey with one source, one chart whose figures cite a
// second source in one place, and one check.
const oneSource = `title: One
sources:
  - {id: s, label: S 2024, publisher: P, title: T, kind: secondary, sample: 100}
  - {id: o, label: O 2023, publisher: P, title: T, kind: secondary}
charts:
  - id: c
    view: v
    title: C
    question: Q?
    source: s
    series: [{id: a, label: A}]
    items:
      - {id: x, label: X, values: {a: 10}}
      - {id: y, label: Y, values: {a: {value: 20, source: o}}}
findings:
  - {id: f, view: overview, label: F, value: 5, wording: five, source: s}
`

// TestCountsAgree draws the views of small surveys and refuses any count
// with the wrong number of its noun ("1 sources", "1 more sources").
func TestCountsAgree(t *testing.T) {
	c, err := dataset.Parse([]byte(oneSource), "one.yaml")
	if err != nil {
		t.Fatal(err)
	}
	only := strings.Replace(oneSource, "source: o}", "source: s}", 1)
	only = strings.Replace(only, "  - {id: o, label: O 2023, publisher: P, title: T, kind: secondary}\n", "", 1)
	one, err := dataset.Parse([]byte(only), "one.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{"1 sources", "1 figures", "1 documents", "1 more sources", "1 items", "1 charts", "source(s)"}
	if len(one.Sources) != 1 {
		t.Fatalf("%d sources, want 1", len(one.Sources))
	}
	for name, col := range map[string]*dataset.Collection{"two sources": c, "one source": one} {
		for _, v := range col.ViewList() {
			st := explore.Start().GotoViewID(col, v.ID)
			out := ansi.Strip(View(col, st, Options{Width: 120, Height: 40}))
			for _, b := range bad {
				if strings.Contains(out, b) {
					t.Errorf("%s, %s view says %q:\n%s", name, v.ID, b, out)
				}
			}
		}
	}
	if out := ansi.Strip(View(one, explore.Start(), Options{Width: 120, Height: 40})); !strings.Contains(out, "1 source\n") {
		t.Errorf("the overview of a one-source survey does not say \"1 source\":\n%s", out)
	}
	out := ansi.Strip(View(c, explore.Start().GotoViewID(c, "v"), Options{Width: 120, Height: 40}))
	if !strings.Contains(out, "1 more source in the detail line") {
		t.Errorf("chart view does not say \"1 more source in the detail line\":\n%s", out)
	}
}
