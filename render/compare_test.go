package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/golden"
)

// testData is the shipped dataset: the goldens show what the binary draws.
func testData(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func pinsOf(refs ...string) []dataset.Ref {
	var out []dataset.Ref
	for _, s := range refs {
		r, _ := dataset.ParseRef(s)
		out = append(out, r)
	}
	return out
}

// checkBlock fails if the block has more than h lines or a line wider than w.
func checkBlock(t *testing.T, what, out string, w, h int) {
	t.Helper()
	if out == "" {
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, w, h, i, lw, ansi.Strip(l))
		}
	}
}

func TestCompareGolden(t *testing.T) {
	c := testData(t)
	fbli := explore.Start()
	fbli.View = dataset.ViewPlatforms
	fbli.Pins = pinsOf("platforms/facebook", "platforms/linkedin")
	four := fbli
	four.Pins = pinsOf("platforms/linkedin", "benefits/learn", "number-of-sites/total", "platforms/facebook")
	four.Sort = dataset.SortGap
	four.Spotlight = "facebook"
	none := fbli
	none.Pins = nil
	tests := []struct {
		name  string
		st    explore.State
		w, h  int
		ascii bool
	}{
		{"facebook-linkedin-80x24", fbli, 80, 24, false},
		{"facebook-linkedin-120x40", fbli, 120, 40, false},
		{"facebook-linkedin-ascii-80x24", fbli, 80, 24, true},
		{"four-gap-spotlight-80x24", four, 80, 24, false},
		{"four-gap-spotlight-120x40", four, 120, 40, false},
		{"four-gap-spotlight-40x12", four, 40, 12, false},
		{"no-pins-80x24", none, 80, 24, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStyles(StyleOptions{ASCII: tt.ascii})
			out := Compare(c, tt.st, Options{Width: tt.w, Height: tt.h, Styles: s})
			checkBlock(t, tt.name, out, tt.w, tt.h)
			golden.RequireEqual(t, ansi.Strip(out))
		})
	}
}

func TestCompareContent(t *testing.T) {
	c := testData(t)
	st := explore.Start()
	st.Pins = pinsOf("platforms/facebook", "platforms/linkedin")
	out := ansi.Strip(Compare(c, st, Options{Width: 100, Height: 40}))
	for _, want := range []string{
		"Comparing two pinned items",
		"against Facebook",
		"-42 pts", // LinkedIn personal 19 vs Facebook 61
		"0.31x",
		"+2 pts", // LinkedIn professional 17 vs 15
		"61% vs 15%",
		"+46 pts", "4.1x",
		"QuantiaMD 2011",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("panel lacks %q:\n%s", want, out)
		}
	}
	// Sorting by gap puts the largest within-item gap first: Facebook (46)
	// before LinkedIn (2) even when LinkedIn was pinned first.
	st.Pins = pinsOf("platforms/linkedin", "platforms/facebook")
	st.Sort = dataset.SortGap
	out = ansi.Strip(Compare(c, st, Options{Width: 100, Height: 40}))
	if !strings.Contains(out, "against Facebook") {
		t.Errorf("gap sort did not put Facebook first:\n%s", out)
	}
	st.Sort = dataset.SortOrder
	out = ansi.Strip(Compare(c, st, Options{Width: 100, Height: 40}))
	if !strings.Contains(out, "against LinkedIn") || !strings.Contains(out, "+42 pts") {
		t.Errorf("pin order not kept:\n%s", out)
	}
}

func TestCompareFitsAnySize(t *testing.T) {
	c := testData(t)
	st := explore.Start()
	st.Pins = pinsOf("platforms/physician-communities", "benefits/learn", "number-of-sites/total", "gone/x")
	st.Spotlight = "Physician communities"
	for _, ascii := range []bool{false, true} {
		s := NewStyles(StyleOptions{ASCII: ascii})
		for w := 0; w <= 130; w += 7 {
			for _, h := range []int{0, 1, 3, 10, 24, 40} {
				out := Compare(c, st, Options{Width: w, Height: h, Styles: s})
				if (w == 0 || h == 0) && out != "" {
					t.Fatalf("%dx%d drew %q", w, h, out)
				}
				checkBlock(t, "compare", out, w, h)
			}
		}
	}
	if Compare(nil, st, Options{Width: 20, Height: 3}) == "" {
		t.Error("nil data drew nothing")
	}
	if got := ansi.Strip(Compare(c, st, Options{Width: 120, Height: 40})); !strings.Contains(got, "gone/x") || !strings.Contains(got, "not in this collection") {
		t.Errorf("an unknown pin is not shown as such:\n%s", got)
	}
}

func TestMeasureGolden(t *testing.T) {
	c := testData(t)
	for _, tt := range []struct {
		id   string
		w, h int
	}{
		{"personal-use", 80, 24},
		{"personal-use", 120, 40},
		{"professional-use", 80, 24},
		{"colleague-interaction", 80, 24},
		{"personal-use", 40, 12},
	} {
		t.Run(fmt.Sprintf("%s-%dx%d", tt.id, tt.w, tt.h), func(t *testing.T) {
			out := Measure(c, tt.id, Options{Width: tt.w, Height: tt.h})
			checkBlock(t, tt.id, out, tt.w, tt.h)
			golden.RequireEqual(t, ansi.Strip(out))
		})
	}
}

func TestMeasureFitsAnySize(t *testing.T) {
	c := testData(t)
	for _, m := range c.Measures {
		for w := 0; w <= 130; w += 9 {
			for _, h := range []int{0, 1, 2, 5, 12, 24, 40} {
				out := Measure(c, m.ID, Options{Width: w, Height: h})
				if (w == 0 || h == 0) && out != "" {
					t.Fatalf("%dx%d drew %q", w, h, out)
				}
				checkBlock(t, m.ID, out, w, h)
			}
		}
	}
	if got := ansi.Strip(Measure(c, "nope", Options{Width: 40, Height: 5})); !strings.Contains(got, "No measure nope") {
		t.Errorf("unknown measure: %q", got)
	}
}

func TestButterflyFitsAnySize(t *testing.T) {
	c := testData(t)
	for _, chID := range []string{"platforms", "number-of-sites"} {
		ch := c.Chart(chID)
		for _, series := range []string{"all", "professional", "personal"} {
			st := explore.Start()
			st.View = ch.View
			st.Series = series
			st.Spotlight = "facebook"
			for _, big := range []bool{false, true} {
				st.Big = big
				s := NewStyles(StyleOptions{ASCII: big})
				for w := 0; w <= 140; w++ {
					bf := butterflyLines(c, ch, st, w, 2, s)
					lines := []string{bf.legend, bf.axis}
					for _, g := range bf.groups {
						lines = append(lines, g...)
					}
					checkBlock(t, "butterfly "+chID+"/"+series, strings.Join(lines, "\n"), w, 1000)
				}
			}
		}
	}
	// A chart without exactly two series draws nothing.
	if bf := butterflyLines(c, c.Chart("benefits"), explore.Start(), 80, 1, NewStyles(StyleOptions{})); bf.groups != nil || bf.focusAt != -1 {
		t.Error("butterfly drew a one-series chart")
	}
}

func TestButterflySides(t *testing.T) {
	c := testData(t)
	ch := c.Chart("platforms")
	st := explore.Start()
	st.View = dataset.ViewPlatforms
	st.Sort = dataset.SortGap
	st.Focus = "facebook"
	s := NewStyles(StyleOptions{ASCII: true})
	bf := butterflyLines(c, ch, st, 80, 1, s)
	groups, focusAt := bf.groups, bf.focusAt
	if focusAt != 0 {
		t.Fatalf("focus at %d, want 0 (Facebook has the largest gap)", focusAt)
	}
	line := ansi.Strip(groups[0][0])
	// Professional (15%) to the left of the label, personal (61%) to the right.
	l, r := strings.Index(line, "15%"), strings.Index(line, "61%")
	lab := strings.Index(line, "Facebook")
	if !(l >= 0 && l < lab && lab < r) {
		t.Fatalf("sides wrong: %q", line)
	}
	// Bars: 61% of the bar width on the right is about four times the left.
	left := strings.Count(line[:lab], "#")
	right := strings.Count(line[lab:], "=")
	if left == 0 || right < 3*left {
		t.Fatalf("bar lengths %d and %d in %q", left, right, line)
	}
	// Series selection: only personal leaves the left side empty.
	st.Series = "personal"
	groups = butterflyLines(c, ch, st, 80, 1, s).groups
	line = ansi.Strip(groups[0][0])
	if strings.Contains(line, "15%") || !strings.Contains(line, "61%") {
		t.Fatalf("personal only: %q", line)
	}
	// Spotlight marks the row even without colour.
	st.Series, st.Spotlight = "all", "LINKEDIN"
	groups = butterflyLines(c, ch, st, 80, 1, s).groups
	found := false
	for _, g := range groups {
		if l := ansi.Strip(g[0]); strings.Contains(l, "LinkedIn") {
			found = strings.HasPrefix(l, "* ")
		}
	}
	if !found {
		t.Fatal("spotlighted LinkedIn row has no mark")
	}
}

func TestSpotlit(t *testing.T) {
	tests := []struct {
		spot, label string
		want        bool
	}{
		{"Physician communities", "physician communities", true},
		{" Facebook ", "Facebook", true},
		{"", "", false},
		{"Face", "Facebook", false},
	}
	for _, tt := range tests {
		if got := Spotlit(tt.spot, tt.label); got != tt.want {
			t.Errorf("Spotlit(%q, %q) = %v", tt.spot, tt.label, got)
		}
	}
}

func TestCompareASCIIOnly(t *testing.T) {
	c := testData(t)
	s := NewStyles(StyleOptions{ASCII: true})
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	st.Pins = pinsOf("platforms/facebook", "platforms/linkedin", "benefits/learn")
	st.Spotlight = "LinkedIn"
	st.Sort = dataset.SortGap
	diverging := st
	diverging.Diverging = true
	outs := map[string]string{
		"panel":     Compare(c, st, Options{Width: 120, Height: 40, Styles: s}),
		"butterfly": View(c, diverging, Options{Width: 120, Height: 40, Styles: s}),
		"bars":      View(c, st, Options{Width: 120, Height: 40, Styles: s}),
	}
	for _, m := range c.Measures {
		outs["measure "+m.ID] = Measure(c, m.ID, Options{Width: 120, Height: 40, Styles: s})
	}
	for name, out := range outs {
		for _, r := range ansi.Strip(out) {
			if r > 127 && !isDataRune(c, r) {
				t.Fatalf("%s: non-ASCII %q in ASCII mode:\n%s", name, r, ansi.Strip(out))
			}
		}
	}
}

func TestViewButterflyAndMarks(t *testing.T) {
	c := testData(t)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	st.Diverging, st.Sort, st.Focus = true, dataset.SortGap, "linkedin"
	st.Pins = pinsOf("platforms/facebook")
	st.Spotlight = "physician communities"
	s := NewStyles(StyleOptions{ASCII: true})
	out := ansi.Strip(View(c, st, Options{Width: 100, Height: 30, Styles: s}))
	var rows []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "%") && (strings.Contains(l, "#") || strings.Contains(l, "=")) {
			rows = append(rows, l)
		}
	}
	if len(rows) < 9 {
		t.Fatalf("butterfly rows: %d\n%s", len(rows), out)
	}
	for _, want := range []struct{ prefix, label string }{{"+ ", "Facebook"}, {"* ", "Physician communities"}, {"> ", "LinkedIn"}} {
		found := false
		for _, r := range rows {
			if strings.Contains(r, want.label) {
				found = strings.HasPrefix(r, want.prefix)
			}
		}
		if !found {
			t.Errorf("%s row does not start with %q:\n%s", want.label, want.prefix, out)
		}
	}
	// Gap order: Facebook, YouTube, Physician communities first; None of
	// the above, not a site, last.
	if !strings.Contains(rows[0], "Facebook") || !strings.Contains(rows[1], "YouTube") || !strings.Contains(rows[2], "Physician") || !strings.Contains(rows[8], "None") {
		t.Errorf("not in gap order:\n%s", strings.Join(rows, "\n"))
	}
	// A one-series chart ignores the butterfly switch.
	b := explore.Start().GotoViewID(c, dataset.ViewBenefits)
	plain := View(c, b, Options{Width: 100, Height: 30, Styles: s})
	b.Diverging = true
	if View(c, b, Options{Width: 100, Height: 30, Styles: s}) != plain {
		t.Error("a one-series chart changed under the butterfly switch")
	}
}

func TestViewDivergingFitsEverySize(t *testing.T) {
	c := testData(t)
	for _, view := range []string{dataset.ViewPlatforms, dataset.ViewConnected} {
		st := explore.Start().GotoViewID(c, view)
		st.Diverging = true
		st.Spotlight = "Facebook"
		st.Pins = pinsOf("platforms/youtube")
		for _, big := range []bool{false, true} {
			st.Big = big
			for w := 0; w <= 130; w += 3 {
				for _, h := range []int{0, 1, 2, 5, 10, 24, 40} {
					out := View(c, st, Options{Width: w, Height: h})
					checkBlock(t, view, out, w, h)
				}
			}
		}
	}
}

func TestHostileValuesInButterflyAndPanel(t *testing.T) {
	c := weird()
	st := explore.Start().GotoViewID(c, "platforms")
	st.Diverging, st.Sort = true, dataset.SortGap
	st.Spotlight = "医師"
	st.Pins = pinsOf("c/x", "c/y", "c/z", "c/n")
	for _, ascii := range []bool{false, true} {
		s := NewStyles(StyleOptions{ASCII: ascii})
		for w := 0; w <= 140; w += 2 {
			checkBlock(t, "weird butterfly", View(c, st, Options{Width: w, Height: 30, Styles: s}), w, 30)
			checkBlock(t, "weird panel", Compare(c, st, Options{Width: w, Height: 30, Styles: s}), w, 30)
		}
	}
	bf := ansi.Strip(View(c, st, Options{Width: 100, Height: 30}))
	for _, want := range []string{"n/a", "Missing", "医師", "Ärzte-Netzwerk"} {
		if !strings.Contains(bf, want) {
			t.Errorf("butterfly lacks %q:\n%s", want, bf)
		}
	}
	panel := ansi.Strip(Compare(c, st, Options{Width: 100, Height: 30}))
	if strings.Contains(panel, "+Inf") || strings.Contains(panel, "NaN%") || strings.Contains(panel, "000,000,000") {
		t.Errorf("panel shows a raw infinity, NaN or a 300-digit number:\n%s", panel)
	}
	if !strings.Contains(panel, "n/a") {
		t.Errorf("panel has no n/a for the NaN figures:\n%s", panel)
	}
}
