package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/golden"
)

// marginState is a chart view focused on one item of its chart-th chart,
// whiskers on or off.
func marginState(c *dataset.Collection, view string, chart int, focus string, whiskers bool) explore.State {
	st := explore.Start().GotoViewID(c, view)
	st.Chart, st.Focus = chart, focus
	st.Whiskers = whiskers
	return st.Normalize(c)
}

func TestMarginGolden(t *testing.T) {
	c := testData(t)
	pc := marginState(c, dataset.ViewPrivacy, 1, "recommended", false)
	pcW := marginState(c, dataset.ViewPrivacy, 1, "recommended", true)
	cases := []struct {
		name  string
		st    explore.State
		w, h  int
		ascii bool
	}{
		{"detail-platforms-100x30", marginState(c, dataset.ViewPlatforms, 0, "facebook", false), 100, 30, false},
		{"detail-benefits-100x30", marginState(c, dataset.ViewBenefits, 0, "learn", false), 100, 30, false},
		{"detail-derived-100x30", pc, 100, 30, false},
		{"whiskers-platforms-100x30", marginState(c, dataset.ViewPlatforms, 0, "facebook", true), 100, 30, false},
		{"whiskers-derived-100x30", pcW, 100, 30, false},
		{"whiskers-derived-ascii-80x24", pcW, 80, 24, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewStyles(StyleOptions{ASCII: tc.ascii})
			out := View(c, tc.st, Options{Width: tc.w, Height: tc.h, Styles: s})
			checkBlock(t, tc.name, out, tc.w, tc.h)
			golden.RequireEqual(t, ansi.Strip(out)+"\n")
		})
	}
}

func TestWhiskerSpan(t *testing.T) {
	for _, tc := range []struct {
		low, high, top float64
		barW           int
		lo, hi         int
		ok             bool
	}{
		{13.9, 16.1, 100, 80, 11, 12, true},
		{0, 16.1, 100, 80, 0, 12, true},
		{83.9, 100, 100, 80, 67, 79, true},
		{15, 15, 100, 80, 12, 12, true},
		{1, 2, 100, 0, 0, 0, false},
		{5, 1, 100, 80, 0, 0, false},
	} {
		lo, hi, ok := whiskerSpan(tc.low, tc.high, tc.top, tc.barW)
		if lo != tc.lo || hi != tc.hi || ok != tc.ok {
			t.Errorf("whiskerSpan(%v, %v, %v, %d) = %d, %d, %v; want %d, %d, %v", tc.low, tc.high, tc.top, tc.barW, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

func TestCompareVerdictGolden(t *testing.T) {
	c := testData(t)
	pinned := func(refs ...string) explore.State {
		st := explore.Start()
		st.View = dataset.ViewPlatforms
		st.Pins = pinsOf(refs...)
		return st
	}
	for _, tc := range []struct {
		name string
		st   explore.State
		want []string
	}{
		{"facebook-linkedin-100x30", pinned("platforms/facebook", "platforms/linkedin"), []string{
			"LinkedIn, Professional use: +2 pts (-0.3 to +4.3), within the margin of error",
			"LinkedIn, Personal use: -42 pts (-44.7 to -39.2), larger than the margin of error",
			"conservative bound"}},
		{"two-benefits-100x30", pinned("benefits/learn", "benefits/clinical"), []string{
			"Discuss clinical issues: -2 pts (-3.8 to -0.2), larger than the margin of error",
			"conservative bound"}},
		{"one-question-100x30", pinned("number-of-sites/two-plus", "number-of-sites/one"), []string{
			"1 site, Professional use: +15 pts (+12.5 to +17.5), larger than the margin of error",
			"multinomial shares, one single-choice question"}},
		{"subgroup-100x30", pinned("patient-communities/recommended", "patient-communities/would-consider"), []string{
			"Would consider recommending one: +3 pts (-6.1 to +12.0), within the margin of error", "within the margin of error", "±4.5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := ansi.Strip(Compare(c, tc.st, Options{Width: 100, Height: 30}))
			checkBlock(t, tc.name, out, 100, 30)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("panel lacks %q", w)
				}
			}
			golden.RequireEqual(t, out+"\n")
		})
	}
}
