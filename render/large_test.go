package render

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// largeCollection is a valid file with one chart of n items in two series.
func largeCollection(t testing.TB, n int) *dataset.Collection {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"title": "Large", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary", "date": "2020"}],
"charts": [{"id": "big", "view": "platforms", "title": "Many items", "question": "Q?", "source": "s",
"series": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "items": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "i%d", "label": "Item number %d", "values": {"a": %d, "b": %d}}`, i, i, i%100, (i*7)%100)
	}
	b.WriteString(`]}], "findings": []}`)
	c, err := dataset.Parse([]byte(b.String()), "large.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLargeChartDrawsOnlyWhatIsVisible draws a chart of MaxItemsPerChart
// items at 120x40, with the focus in the middle, and checks the memory it
// took: what is visible (rows in the window plus a margin) is drawn, not
// every item (about 55 KB an item before, 275 MB here).
func TestLargeChartDrawsOnlyWhatIsVisible(t *testing.T) {
	c := largeCollection(t, dataset.MaxItemsPerChart)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	st.Focus = fmt.Sprintf("i%d", dataset.MaxItemsPerChart/2)
	ResetCache()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out := View(c, st, Options{Width: 120, Height: 40})
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("one frame of %d items: %d KB allocated", dataset.MaxItemsPerChart, alloc>>10)
	if !strings.Contains(out, fmt.Sprintf("Item number %d", dataset.MaxItemsPerChart/2)) {
		t.Fatalf("the focused item is not drawn:\n%s", out)
	}
	if alloc > 40<<20 {
		t.Errorf("one frame allocated %d MB for %d items, want under 40 MB", alloc>>20, dataset.MaxItemsPerChart)
	}
	ResetCache()
}
