package explore

import (
	"math"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestDescribeItem(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		chart, item, series string
		want                string
	}{
		{"platforms", "facebook", "all",
			"Facebook: 61% personal vs 15% professional, the largest gap among eight sites; a 46-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		{"platforms", "youtube", "",
			"YouTube: 31% personal vs 8% professional, the second-largest gap among eight sites; a 23-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		// Larger value first, whichever series it is.
		{"platforms", "physician-communities", "all",
			"Physician communities: 28% professional vs 18% personal, the third-largest gap among eight sites; a 10-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		// Ties: Blogs and Twitter both have a 6-point gap.
		{"platforms", "blogs", "all",
			"Blogs: 14% personal vs 8% professional, tied for the third-smallest gap among eight sites; a 6-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		{"platforms", "patient-communities", "all",
			"Patient communities: 3% professional vs 2% personal, the smallest gap among eight sites; a 1-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		// One series of two shown: ranked by value, series named.
		{"platforms", "facebook", "personal",
			"Facebook: 61% personal use, the highest of eight sites (QuantiaMD 2011, n=4,033)"},
		{"platforms", "physician-communities", "professional",
			"Physician communities: 28% professional use, the highest of eight sites (QuantiaMD 2011, n=4,033)"},
		// One-series charts.
		{"benefits", "learn", "all",
			"Learn from experts and peers: 92%, the highest of seven benefits (QuantiaMD / CCA 2011, n=4,033)"},
		{"benefits", "care-team", "all",
			"Coordinate care team interactions: 75%, the lowest of seven benefits (QuantiaMD / CCA 2011, n=4,033)"},
		{"connected", "connected-clinicians", "all",
			"Connected clinicians (2+ sites, both uses): 20%, the lower of two groups (QuantiaMD 2011, n=4,033)"},
		// Item base and a figure citing another source.
		{"patient-communities", "unlikely", "all",
			"Unlikely to recommend one: 19% of doctors aware of patient communities, the second-lowest of five answers (The Health Care Blog 2011, n=4,033)"},
		// Answers that are not items: described, not ranked, not counted.
		{"platforms", "none", "all",
			"None of the above: 33% professional vs 13% personal; a 20-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		{"number-of-sites", "one", "all",
			"1 site: 41% professional vs 33% personal, the smaller gap of two answers; an 8-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"},
		{"number-of-sites", "total", "personal",
			"Total (at least one site): 87% personal use (QuantiaMD 2011, n=4,033)"},
		{"number-of-sites", "two-plus", "personal",
			"2 or more sites: 54% personal use, the higher of two answers (QuantiaMD 2011, n=4,033)"},
		{"platforms", "myspace", "all", ""},
	}
	for _, tt := range tests {
		got := DescribeItem(c, c.Chart(tt.chart), tt.item, tt.series)
		if got != tt.want {
			t.Errorf("DescribeItem(%s/%s, %s)\n got %q\nwant %q", tt.chart, tt.item, tt.series, got, tt.want)
		}
	}
	if got := DescribeItem(c, nil, "x", ""); got != "" {
		t.Errorf("nil chart: %q", got)
	}
}

func TestDescribeItemEdgeCases(t *testing.T) {
	c := synth()
	c.Charts[0].Items[0].Values["pro"] = dataset.Figure{Value: 10, Qualifier: "over"}
	c.Charts = append(c.Charts, dataset.Chart{ID: "pair", Title: "Pair", Source: "nosuch",
		Series: []dataset.Series{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}},
		Items: []dataset.Item{
			{ID: "p", Label: "P", Values: map[string]dataset.Figure{"a": {Value: 5}, "b": {Value: 7}}},
			{ID: "q", Label: "Q", Values: map[string]dataset.Figure{"a": {Value: 9}, "b": {Value: 7}}},
			{ID: "r", Label: "R", Values: map[string]dataset.Figure{"a": {Value: math.NaN()}, "b": {Value: math.NaN()}}},
		}})
	tests := []struct {
		chart, item, series string
		want                string
	}{
		{"uses", "a", "all", "Alpha: 40% personal vs over 10% professional, tied for the largest gap among three items; a 30-point gap, larger than the margin of error (Study One 2011, n=1,200)"},
		{"uses", "d", "all", "Delta: 30% personal, no professional figure (Study One 2011, n=1,200)"},
		{"uses", "e", "all", "Epsilon: 12% personal, no professional figure (Study One 2011, n=1,200)"},
		{"uses", "d", "pro", "Delta: no professional use figure"},
		{"counts", "k", "all", "Kappa: 1,300 (Study Two)"},
		{"other", "x", "all", "Xi: 20% personal vs 10% professional (Study Two)"},
		{"pair", "p", "all", "P: 7% b vs 5% a, level with the other of two items (nosuch)"},
		{"pair", "q", "b", "Q: 7% b, level with the other of two items (nosuch)"},
		{"pair", "r", "all", "R: no a or b figure"},
	}
	for _, tt := range tests {
		got := DescribeItem(c, c.Chart(tt.chart), tt.item, tt.series)
		if got != tt.want {
			t.Errorf("DescribeItem(%s/%s, %s)\n got %q\nwant %q", tt.chart, tt.item, tt.series, got, tt.want)
		}
	}
}

func TestDescribeFinding(t *testing.T) {
	c := embedded(t)
	tests := []struct{ id, want string }{
		{"kantar-colleagues", "Interacted with colleagues on social media in the past month: nearly half (Kantar Media 2018)"},
		{"health-professionals-88", "Health professionals using social media: as many as 88% (Manhattan Research (as reported))"},
		{"physicians-who-tweet", "Doctors registered in a database of physicians who tweet: more than 1,300 (Jones & Bartlett 2012)"},
		{"professional-use", "Use at least one site for professional purposes: 67% (QuantiaMD 2011, n=4,033)"},
		{"doctor-only-networks", "Doctor-only networks: “In fact, there are doctor-only networks such as Sermo, Physician Connect, and Doximity.” (Jones & Bartlett 2012)"},
	}
	for _, tt := range tests {
		var f *dataset.Finding
		for i := range c.Findings {
			if c.Findings[i].ID == tt.id {
				f = &c.Findings[i]
			}
		}
		if f == nil {
			t.Fatalf("no finding %s", tt.id)
		}
		if got := DescribeFinding(c, f); got != tt.want {
			t.Errorf("DescribeFinding(%s)\n got %q\nwant %q", tt.id, got, tt.want)
		}
	}
	if DescribeFinding(c, nil) != "" {
		t.Error("nil finding")
	}
	if got := DescribeFinding(c, &dataset.Finding{Label: "Empty"}); got != "Empty: no figure given" {
		t.Errorf("empty finding: %q", got)
	}
}

func TestSeriesWordsAndLowerFirst(t *testing.T) {
	tests := []struct{ a, b, wa, wb string }{
		{"Professional use", "Personal use", "professional", "personal"},
		{"Use at work", "Use at home", "use at work", "use at home"},
		{"A", "B", "a", "b"},
		{"LinkedIn users", "HIPAA users", "LinkedIn", "HIPAA"},
		{"Émigrés", "use", "émigrés", "use"},
	}
	for _, tt := range tests {
		wa, wb := seriesWords(tt.a, tt.b)
		if wa != tt.wa || wb != tt.wb {
			t.Errorf("seriesWords(%q, %q) = %q, %q", tt.a, tt.b, wa, wb)
		}
	}
}

func TestDescribeMeasureAndSource(t *testing.T) {
	c := embedded(t)
	tests := []struct{ got, want string }{
		{DescribeMeasure(c, "personal-use"), "Physicians using at least one social media site for personal purposes: five figures from four sources, 87% to 90%"},
		{DescribeMeasure(c, "physician-communities"), "Physicians using professional physician communities: two figures from one source, all 28%"},
		{DescribeMeasure(c, "colleague-interaction"), "Physicians who interacted with colleagues on social media in the past month (Kantar): two figures from two sources, 47% where a number is given"},
		{DescribeMeasure(c, "nope"), ""},
		{DescribeSource(c, "hwc-2011"), "QuantiaMD 2011: “Personal v Professional Physician Social Media”, HealthWorks Collective, 2011-09, n=4,033, primary document"},
		{DescribeSource(c, "smd-blog"), "Manhattan Research (as reported): “Social Media for Doctors and Physicians”, Blog post (publisher not named), undated, sample not stated, primary document"},
		{DescribeSource(c, "ubm-2011"), "UBM Medica 2011: “HCPs & Social Media”, UBM Medica, 2011-07, sample not stated, seen in secondary coverage only"},
		{DescribeSource(c, "nope"), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d:\n got %q\nwant %q", i, tt.got, tt.want)
		}
	}
}

func TestDescribeState(t *testing.T) {
	c := embedded(t)
	st := Start()
	st.View = dataset.ViewPlatforms
	st.Focus = "facebook"
	if got, want := Describe(c, st), "Facebook: 61% personal vs 15% professional, the largest gap among eight sites; a 46-point gap, larger than the margin of error (QuantiaMD 2011, n=4,033)"; got != want {
		t.Errorf("platforms:\n got %q\nwant %q", got, want)
	}
	st.Series = "professional"
	if got, want := Describe(c, st), "Facebook: 15% professional use, the third-highest of eight sites (QuantiaMD 2011, n=4,033)"; got != want {
		t.Errorf("professional only:\n got %q\nwant %q", got, want)
	}
	st = Start() // overview: the first finding
	if got, want := Describe(c, st), "Use at least one site for personal purposes: 87% (QuantiaMD 2011, n=4,033)"; got != want {
		t.Errorf("overview:\n got %q\nwant %q", got, want)
	}
	st = Start().GotoViewID(c, dataset.ViewSources)
	if got := Describe(c, st); !strings.HasPrefix(got, "QuantiaMD 2011: ") {
		t.Errorf("sources: %q", got)
	}
	st.Chart, st.Focus = 1, "professional-use"
	if got, want := Describe(c, st), "Physicians using at least one social media site for professional purposes: four figures from three sources, 65% to 67%"; got != want {
		t.Errorf("measure:\n got %q\nwant %q", got, want)
	}
	if Describe(nil, st) != "" {
		t.Error("nil collection")
	}
}

func TestDescribeComparison(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		pins []string
		sort string
		want string
	}{
		{[]string{"platforms/facebook", "platforms/linkedin"}, "order",
			"Facebook vs LinkedIn: professional use 15% vs 17% (-2 pts, 0.88x; a 2-point gap, within the margin of error); personal use 61% vs 19% (+42 pts, 3.2x; a 42-point gap, larger than the margin of error) (QuantiaMD 2011, n=4,033)"},
		{[]string{"platforms/linkedin", "platforms/facebook"}, "gap",
			"Facebook vs LinkedIn: professional use 15% vs 17% (-2 pts, 0.88x; a 2-point gap, within the margin of error); personal use 61% vs 19% (+42 pts, 3.2x; a 42-point gap, larger than the margin of error) (QuantiaMD 2011, n=4,033)"},
		{[]string{"platforms/facebook", "benefits/learn"}, "order",
			"Facebook vs Learn from experts and peers: no series in common, so nothing is subtracted; professional use: Facebook 15%; personal use: Facebook 61%; doctors interested: Learn from experts and peers 92% (QuantiaMD 2011, n=4,033; QuantiaMD / CCA 2011, n=4,033)"},
		{[]string{"platforms/facebook", "platforms/linkedin", "number-of-sites/total"}, "order",
			"Three pinned items: professional use: Total (at least one site) 67%, LinkedIn 17%, Facebook 15%; personal use: Total (at least one site) 87%, Facebook 61%, LinkedIn 19% (QuantiaMD 2011, n=4,033)"},
		{[]string{"benefits/learn", "benefits/clinical"}, "order",
			"Learn from experts and peers vs Discuss clinical issues: doctors interested 92% vs 90% (+2 pts, 1.0x; a 2-point gap, larger than the margin of error) (QuantiaMD / CCA 2011, n=4,033)"},
		{nil, "order", "Nothing pinned."},
		{[]string{"gone/x"}, "order", "One pinned item: no figures to compare"},
	}
	for _, tt := range tests {
		var pins []dataset.Ref
		for _, p := range tt.pins {
			pins = append(pins, ref(p))
		}
		if got := DescribeComparison(c, pins, tt.sort, false); got != tt.want {
			t.Errorf("DescribeComparison(%v, %s)\n got %q\nwant %q", tt.pins, tt.sort, got, tt.want)
		}
	}
}
