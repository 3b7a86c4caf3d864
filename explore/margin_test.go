package explore

import (
	"math"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestFigureMarginText(t *testing.T) {
	c := embedded(t)
	for _, tc := range []struct {
		chart, item string
		series      int
		want        string
	}{
		{"platforms", "facebook", 0, "15% ±1.1 pts (13.9–16.1), n=4,033"},
		{"benefits", "learn", 0, "92% ±0.8 pts (91.1–92.8), n=4,033"},
		// A subgroup: 38% of the ≈444 doctors aware of patient communities.
		{"patient-communities", "recommended", 0, "38% ±4.5 pts (33.6–42.6), n ≈ 444, derived"},
	} {
		ch := c.Chart(tc.chart)
		it := ch.Item(tc.item)
		m := FigureMargin(c, ch, it, tc.series)
		f, _ := it.Figure(ch.Series[tc.series].ID)
		if got := m.Text(FormatValue(f.Value, ch.Unit, f.Qualifier), "–"); got != tc.want {
			t.Errorf("%s/%s: %q, want %q", tc.chart, tc.item, got, tc.want)
		}
	}
}

func TestMarginEdges(t *testing.T) {
	pct := dataset.UnitPercent
	for _, tc := range []struct {
		name  string
		v     float64
		b     dataset.Base
		unit  string
		text  string
		ok    bool
		small bool
	}{
		{"0% of 20", 0, dataset.Base{N: 20}, pct, "0% +16.1/-0.0 pts (0.0–16.1), n=20, small base", true, true},
		{"100% of 20", 100, dataset.Base{N: 20}, pct, "100% +0.0/-16.1 pts (83.9–100.0), n=20, small base", true, true},
		{"n = 1", 100, dataset.Base{N: 1}, pct, "100% +0.0/-79.3 pts (20.7–100.0), n=1, small base", true, true},
		{"n unknown", 15, dataset.Base{}, pct, "15%, n not stated", false, false},
		{"n = 100 is not small", 50, dataset.Base{N: 100}, pct, "50% ±9.6 pts (40.4–59.6), n=100", true, false},
		{"a count", 1300, dataset.Base{N: 4033}, dataset.UnitCount, "1,300", false, false},
		{"NaN", math.NaN(), dataset.Base{N: 10}, pct, "n/a, n=10, small base", false, true},
	} {
		m := marginOf(tc.v, tc.unit, tc.b)
		if got := m.Text(FormatValue(tc.v, tc.unit, ""), "–"); got != tc.text || m.OK != tc.ok || m.Small() != tc.small {
			t.Errorf("%s: %q ok=%v small=%v, want %q ok=%v small=%v", tc.name, got, m.OK, m.Small(), tc.text, tc.ok, tc.small)
		}
	}
}

func TestFindingMargin(t *testing.T) {
	c := embedded(t)
	byID := map[string]*dataset.Finding{}
	for i := range c.Findings {
		byID[c.Findings[i].ID] = &c.Findings[i]
	}
	if m := FindingMargin(c, byID["personal-use"]); !m.OK || m.Base.N != 4033 {
		t.Errorf("personal-use (ref to a chart figure): %+v", m)
	}
	// Kantar states no sample; the non-users are a subgroup with no n.
	for _, id := range []string{"kantar-important-source", "non-user-privacy", "health-professionals-88"} {
		if m := FindingMargin(c, byID[id]); m.OK || m.Base.Known() {
			t.Errorf("%s: %+v, want no interval", id, m)
		}
	}
}

func TestCompareFiguresVerdicts(t *testing.T) {
	c := embedded(t)
	fig := func(ch, it, s string) FigureAt { return FigureAt{ch, it, s} }
	for _, tc := range []struct {
		name   string
		a, b   FigureAt
		method string
		larger bool
		words  string
	}{
		{"LinkedIn vs Facebook for work: sites can overlap",
			fig("platforms", "linkedin", "professional"), fig("platforms", "facebook", "professional"),
			MethodConservative, false, "a 2-point gap, within the margin of error"},
		{"two benefits of one multi-answer question",
			fig("benefits", "learn", "interested"), fig("benefits", "clinical", "interested"),
			MethodConservative, true, "a 2-point gap, larger than the margin of error"},
		{"two answers of one single-choice question",
			fig("number-of-sites", "two-plus", "personal"), fig("number-of-sites", "one", "personal"),
			MethodMultinomial, true, "a 21-point gap, larger than the margin of error"},
		{"a total and its part are not exclusive answers",
			fig("number-of-sites", "total", "professional"), fig("number-of-sites", "two-plus", "professional"),
			MethodConservative, true, "a 41-point gap, larger than the margin of error"},
		{"two series of one item", fig("platforms", "facebook", "personal"), fig("platforms", "facebook", "professional"),
			MethodConservative, true, "a 46-point gap, larger than the margin of error"},
		{"a subgroup against its parent, same respondents",
			fig("patient-communities", "recommended", "share"), fig("patient-communities", "aware", "share"),
			MethodConservative, true, "a 27-point gap, larger than the margin of error"},
	} {
		v := CompareFigures(c, tc.a, tc.b)
		if !v.OK || v.Method != tc.method || v.Larger() != tc.larger || v.Gap() != tc.words {
			t.Errorf("%s: %+v %q, want method %s larger=%v %q", tc.name, v, v.Gap(), tc.method, tc.larger, tc.words)
		}
		if v.Low > v.Diff || v.High < v.Diff {
			t.Errorf("%s: interval %v–%v does not hold %v", tc.name, v.Low, v.High, v.Diff)
		}
	}
}

func TestCompareFiguresDifferentSamples(t *testing.T) {
	c := &dataset.Collection{
		Sources: []dataset.Source{{ID: "a", Sample: 70}, {ID: "b", Sample: 80}, {ID: "x"}},
		Charts: []dataset.Chart{
			{ID: "one", Source: "a", Series: []dataset.Series{{ID: "s"}}, Items: []dataset.Item{{ID: "i", Values: map[string]dataset.Figure{"s": {Value: 80}}}}},
			{ID: "two", Source: "b", Series: []dataset.Series{{ID: "s"}}, Items: []dataset.Item{{ID: "i", Values: map[string]dataset.Figure{"s": {Value: 60}}}}},
			{ID: "unk", Source: "x", Series: []dataset.Series{{ID: "s"}}, Items: []dataset.Item{{ID: "i", Values: map[string]dataset.Figure{"s": {Value: 60}}}}},
		},
	}
	// 56/70 − 48/80, Newcombe 1998 Table II (a): 0.0524 to 0.3339.
	v := CompareFigures(c, FigureAt{"one", "i", "s"}, FigureAt{"two", "i", "s"})
	if v.Method != MethodNewcombe || math.Round(v.Low*100)/100 != 5.24 || math.Round(v.High*100)/100 != 33.39 || !v.Larger() {
		t.Errorf("independent samples: %+v", v)
	}
	v = CompareFigures(c, FigureAt{"one", "i", "s"}, FigureAt{"unk", "i", "s"})
	if v.OK || v.Words() != "no margin of error: n not stated" {
		t.Errorf("n unknown: %+v %q", v, v.Words())
	}
}

func TestVerdictSmallBase(t *testing.T) {
	c := &dataset.Collection{
		Sources: []dataset.Source{{ID: "a", Sample: 40}},
		Charts: []dataset.Chart{{ID: "c", Source: "a", Series: []dataset.Series{{ID: "s"}}, Items: []dataset.Item{
			{ID: "i", Values: map[string]dataset.Figure{"s": {Value: 80}}},
			{ID: "j", Values: map[string]dataset.Figure{"s": {Value: 20}}},
		}}},
	}
	v := CompareFigures(c, FigureAt{"c", "i", "s"}, FigureAt{"c", "j", "s"})
	if !v.Small || v.Words() != "larger than the margin of error (small base: a rough guide)" {
		t.Errorf("n=40: %+v %q", v, v.Words())
	}
}

func TestDescribeItemGapVerdict(t *testing.T) {
	c := embedded(t)
	got := DescribeItem(c, c.Chart("platforms"), "linkedin", dataset.SeriesAll)
	if !strings.HasSuffix(got, "; a 2-point gap, within the margin of error (QuantiaMD 2011, n=4,033)") {
		t.Errorf("LinkedIn, 19%% vs 17%% of one sample: %q", got)
	}
	// No base, no verdict: the sentence is left as it was.
	c2 := &dataset.Collection{
		Sources: []dataset.Source{{ID: "s", Label: "S"}},
		Charts: []dataset.Chart{{ID: "c", Source: "s", Series: []dataset.Series{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}},
			Items: []dataset.Item{{ID: "i", Label: "I", Values: map[string]dataset.Figure{"a": {Value: 10}, "b": {Value: 30}}}}}},
	}
	if got := DescribeItem(c2, c2.Chart("c"), "i", dataset.SeriesAll); strings.Contains(got, "margin") {
		t.Errorf("n not stated, yet %q", got)
	}
}
