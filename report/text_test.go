package report

import (
	"bytes"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// monoStyles are the styles of text written to a file: no color.
func monoStyles(ascii bool) *render.Styles {
	return render.NewStyles(render.StyleOptions{Mono: true, ASCII: ascii, Dark: true})
}

func textOut(t *testing.T, c *dataset.Collection, sel explore.State, width int, ascii bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, c, sel, Options{Format: FormatText, Width: width, Styles: monoStyles(ascii)}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGoldenText prints every view as text at 100 columns, and a few at 60
// columns, in ASCII, or sorted.
func TestGoldenText(t *testing.T) {
	c := fixture(t)
	for _, view := range dataset.EmbeddedViewIDs() {
		golden(t, view+".txt", []byte(textOut(t, c, explore.State{View: view}, 100, false)))
	}
	golden(t, "platforms-60-ascii.txt", []byte(textOut(t, c, explore.State{View: dataset.ViewPlatforms}, 60, true)))
	golden(t, "connected-value-personal.txt", []byte(textOut(t, c,
		explore.State{View: dataset.ViewConnected, Sort: dataset.SortValue, Series: "personal"}, 100, false)))
}

func TestTextIsPlainAndFits(t *testing.T) {
	c := embedded(t)
	for _, view := range dataset.EmbeddedViewIDs() {
		for _, width := range []int{40, 80, 120} {
			for _, ascii := range []bool{false, true} {
				out := textOut(t, c, explore.State{View: view}, width, ascii)
				if strings.Contains(out, "\x1b") {
					t.Errorf("%s at %d: mono text has escape codes", view, width)
				}
				for i, l := range strings.Split(out, "\n") {
					if n := ansi.StringWidth(l); n > width {
						t.Errorf("%s at %d: line %d is %d wide: %q", view, width, i+1, n, l)
					}
					if ascii {
						for _, r := range l {
							if r > 0x7e || (r < 0x20 && r != '\t') {
								t.Errorf("%s --ascii at %d: line %d has %q", view, width, i+1, r)
								break
							}
						}
					}
				}
			}
		}
	}
}

// TestTextShowsEveryChartAndFindingsOnce checks a view with several charts
// prints each chart and the findings list only once.
func TestTextShowsEveryChartAndFindingsOnce(t *testing.T) {
	c := embedded(t)
	for _, view := range []string{dataset.ViewConnected, dataset.ViewPrivacy, dataset.ViewPlatforms} {
		out := textOut(t, c, explore.State{View: view}, 100, false)
		for _, ch := range c.ChartsIn(view) {
			n := 0
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, ch.Title) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: chart %q printed %d times", view, ch.Title, n)
			}
		}
		if n := strings.Count(out, "\nFindings\n"); len(c.FindingsIn(view)) > 0 && n != 1 {
			t.Errorf("%s: the findings are printed %d times:\n%s", view, n, out)
		}
	}
}
