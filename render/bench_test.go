package render

import (
	"testing"

	"github.com/docsurvey/docsurvey/explore"
)

// BenchmarkDrawBars draws the platforms chart's bars with ntcharts (9 items
// x 2 series on an 80+1+4 cell canvas), without the cache.
func BenchmarkDrawBars(b *testing.B) {
	c := embedded(b)
	ch := c.Chart("platforms")
	s := colorStyles(StyleOptions{})
	items := []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		drawBars(ch, items, 80, 4, s, false, true)
	}
}

// BenchmarkViewCached is render.View of the platforms view at 120x40 with
// its bars in the cache: composing the frame only.
func BenchmarkViewCached(b *testing.B) {
	c := embedded(b)
	s := colorStyles(StyleOptions{})
	st := explore.Start().GotoViewID(c, "platforms")
	View(c, st, Options{Width: 120, Height: 40, Styles: s})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		View(c, st, Options{Width: 120, Height: 40, Styles: s})
	}
}
