package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// smallValues is a two-series chart whose small shares would round to no
// cell in a narrow chart: 0.4%, 2%, 3% and 8% against zero and a half.
func smallValues() *dataset.Collection {
	fig := func(a, b float64) map[string]dataset.Figure {
		return map[string]dataset.Figure{"l": {Value: a}, "r": {Value: b}}
	}
	return &dataset.Collection{
		Sources: []dataset.Source{{ID: "s", Label: "S"}},
		Charts: []dataset.Chart{{ID: "c", View: "platforms", Title: "Small", Source: "s", Unit: dataset.UnitPercent,
			Series: []dataset.Series{{ID: "l", Label: "Left"}, {ID: "r", Label: "Right"}},
			Items: []dataset.Item{
				{ID: "a", Label: "Tiny", Values: fig(0.4, 2)},
				{ID: "b", Label: "Small", Values: fig(3, 8)},
				{ID: "z", Label: "Zero", Values: fig(0, 50)},
			}}},
	}
}

// TestEveryNonZeroValueHasACell draws the small values as bars and as a
// butterfly, at every width, thin and thick, in Unicode and ASCII: every
// value above zero has at least one cell of its series' glyph, zero none.
func TestEveryNonZeroValueHasACell(t *testing.T) {
	c := smallValues()
	ch := &c.Charts[0]
	for _, ascii := range []bool{false, true} {
		s := NewStyles(StyleOptions{ASCII: ascii})
		gl, gr := string(s.Glyph(0)), string(s.Glyph(1))
		for _, big := range []bool{false, true} {
			st := explore.Start().GotoViewID(c, "platforms")
			st.Big = big
			for w := 20; w <= 140; w++ {
				what := fmt.Sprintf("ascii=%v big=%v width %d", ascii, big, w)
				bf := butterflyLines(c, ch, st, w, 2, s)
				if layoutButterfly(ch, w, big).kind != bfRows {
					for i, it := range ch.Items {
						line := ansi.Strip(bf.groups[i][0])
						lab := strings.Index(line, it.Label)
						if lab < 0 {
							lab = strings.Index(line, it.Label[:3])
						}
						checkCells(t, what+" butterfly "+it.ID+" left", strings.Count(line[:max(lab, 0)], gl), it.Values["l"].Value)
						checkCells(t, what+" butterfly "+it.ID+" right", strings.Count(line[max(lab, 0):], gr), it.Values["r"].Value)
					}
				}
				lay := layoutChart(ch, w, big)
				if lay.kind == layoutRows {
					continue
				}
				rows := drawBars(ch, []int{0, 1, 2}, lay.barW, lay.valW, s, false, true)
				for i, it := range ch.Items {
					checkCells(t, what+" bars "+it.ID+" left", strings.Count(ansi.Strip(rows[2*i]), gl), it.Values["l"].Value)
					checkCells(t, what+" bars "+it.ID+" right", strings.Count(ansi.Strip(rows[2*i+1]), gr), it.Values["r"].Value)
				}
			}
		}
	}
}

func checkCells(t *testing.T, what string, n int, v float64) {
	t.Helper()
	if v > 0 && n == 0 {
		t.Errorf("%s: %v%% has no cell", what, v)
	}
	if v == 0 && n != 0 {
		t.Errorf("%s: 0%% has %d cells", what, n)
	}
}

// TestCellsTable: rounding, the one-cell floor, the axis end, bad input.
func TestCellsTable(t *testing.T) {
	tests := []struct {
		v, top  float64
		w, want int
	}{
		{50, 100, 40, 20}, {100, 100, 40, 40}, {150, 100, 40, 40}, {0, 100, 40, 0}, {-3, 100, 40, 0},
		{2, 100, 20, 1}, {0.01, 100, 20, 1}, {8, 100, 20, 2}, {2.5, 100, 20, 1}, {5, 100, 0, 0}, {5, 0, 20, 0},
	}
	for _, tt := range tests {
		if got := cells(tt.v, tt.top, tt.w); got != tt.want {
			t.Errorf("cells(%v, %v, %d) = %d, want %d", tt.v, tt.top, tt.w, got, tt.want)
		}
	}
}
