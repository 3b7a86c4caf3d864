package tui

import (
	"fmt"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// TestLargeChartViewerMemory opens a chart of dataset.MaxItemsPerChart
// items at 120x40, moves through it, and measures what the viewer keeps
// (the live heap with the model alive): it must be in proportion to the
// screen, not to the chart; and what its first frame allocates (the whole
// chart on an ntcharts canvas before bars were drawn by the block: 370 MB).
//
//	go test ./tui -run TestLargeChartViewerMemory -v
func TestLargeChartViewerMemory(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"title": "Large", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "big", "view": "platforms", "title": "Many items", "question": "Q?", "source": "s",
"series": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "items": [`)
	for i := range dataset.MaxItemsPerChart {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "i%d", "label": "Item number %d", "values": {"a": %d, "b": %d}}`, i, i, i%100, (i*7)%100)
	}
	b.WriteString(`]}]}`)
	c, err := dataset.Parse([]byte(b.String()), "large.json")
	if err != nil {
		t.Fatal(err)
	}
	render.ResetCache()
	before := liveHeap()
	allocBefore := totalAlloc()
	m := New(Options{Data: c, State: explore.Start().GotoViewID(c, dataset.ViewPlatforms), Width: 120, Height: 40, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
	defer m.Close()
	m.Frame()
	firstFrame := totalAlloc() - allocBefore
	for range 200 {
		press(m, "j")
	}
	press(m, "end", "home")
	kept := int64(liveHeap()) - int64(before)
	runtime.KeepAlive(m)
	t.Logf("one viewer of a %d-item chart: first frame allocates %d KB, the viewer keeps %d KB", dataset.MaxItemsPerChart, firstFrame>>10, kept>>10)
	if firstFrame > 48<<20 {
		t.Errorf("the first frame allocates %d MB for a %d-item chart, want under 48 MB", firstFrame>>20, dataset.MaxItemsPerChart)
	}
	if !strings.Contains(m.Frame(), "Item number") {
		t.Fatalf("the chart is not drawn:\n%s", m.Frame())
	}
	if kept > 16<<20 {
		t.Errorf("one viewer keeps %d MB for a %d-item chart, want under 16 MB", kept>>20, dataset.MaxItemsPerChart)
	}
	render.ResetCache()
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
