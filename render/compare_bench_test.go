package render

import (
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// BenchmarkComparePanel draws the panel of four pins at 120x40, as the
// explorer does on each change while it is open.
func BenchmarkComparePanel(b *testing.B) {
	c := testData(b)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	st.Pins = pinsOf("platforms/facebook", "platforms/linkedin", "number-of-sites/total", "benefits/learn")
	st.Sort = dataset.SortGap
	s := NewStyles(StyleOptions{})
	b.ReportAllocs()
	for b.Loop() {
		Compare(c, st, Options{Width: 120, Height: 40, Styles: s})
	}
}

// BenchmarkButterflyView draws the platforms view as a butterfly at 120x40.
func BenchmarkButterflyView(b *testing.B) {
	c := testData(b)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	st.Diverging, st.Sort, st.Spotlight = true, dataset.SortGap, "LinkedIn"
	s := NewStyles(StyleOptions{})
	b.ReportAllocs()
	for b.Loop() {
		View(c, st, Options{Width: 120, Height: 40, Styles: s})
	}
}

// BenchmarkMeasureView draws the personal-use measure side by side.
func BenchmarkMeasureView(b *testing.B) {
	c := testData(b)
	s := NewStyles(StyleOptions{})
	b.ReportAllocs()
	for b.Loop() {
		Measure(c, "personal-use", Options{Width: 120, Height: 40, Styles: s})
	}
}
