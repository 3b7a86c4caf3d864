package explore

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

// synth is a small collection with the awkward cases: two charts whose
// series share labels under different IDs, a chart whose "share" series has
// a different label, a missing figure, a zero, a NaN, ties and a count chart.
func synth() *dataset.Collection {
	v := func(m map[string]float64) map[string]dataset.Figure {
		out := map[string]dataset.Figure{}
		for k, x := range m {
			out[k] = dataset.Figure{Value: x}
		}
		return out
	}
	return &dataset.Collection{
		Sources: []dataset.Source{{ID: "s1", Label: "Study One 2011", Sample: 1200}, {ID: "s2", Label: "Study Two"}},
		Charts: []dataset.Chart{
			{ID: "uses", View: "platforms", Title: "Uses", Source: "s1",
				Series: []dataset.Series{{ID: "pro", Label: "Professional use"}, {ID: "per", Label: "Personal use"}},
				Items: []dataset.Item{
					{ID: "a", Label: "Alpha", Values: v(map[string]float64{"pro": 10, "per": 40})},
					{ID: "b", Label: "Beta", Values: v(map[string]float64{"pro": 20, "per": 50})},
					{ID: "c", Label: "Gamma", Values: v(map[string]float64{"pro": 0, "per": 5})},
					{ID: "d", Label: "Delta", Values: v(map[string]float64{"per": 30})},
					{ID: "e", Label: "Epsilon", Values: v(map[string]float64{"pro": math.NaN(), "per": 12})},
				}},
			{ID: "other", View: "connected", Title: "Other", Source: "s2",
				Series: []dataset.Series{{ID: "p2", Label: " personal USE "}, {ID: "pro", Label: "Professional use"}},
				Items: []dataset.Item{
					{ID: "x", Label: "Xi", Values: v(map[string]float64{"p2": 20, "pro": 10})},
				}},
			{ID: "one", View: "benefits", Title: "One", Source: "s1",
				Series: []dataset.Series{{ID: "pro", Label: "Interested"}},
				Items: []dataset.Item{
					{ID: "y", Label: "Ypsilon", Values: v(map[string]float64{"pro": 90})},
				}},
			{ID: "counts", View: "platforms", Title: "Counts", Source: "s2", Unit: dataset.UnitCount,
				Series: []dataset.Series{{ID: "n", Label: "Doctors"}},
				Items: []dataset.Item{
					{ID: "k", Label: "Kappa", Values: v(map[string]float64{"n": 1300})},
				}},
		},
	}
}

func TestCompareAlignsSeriesByLabel(t *testing.T) {
	cm := Compare(synth(), []dataset.Ref{ref("uses/a"), ref("other/x"), ref("one/y")})
	var labels []string
	for _, s := range cm.Series {
		labels = append(labels, s.Label)
	}
	// "personal USE" aligns with "Personal use" despite another ID;
	// "Interested" has the ID "pro" but its own column.
	if want := []string{"Professional use", "Personal use", "Interested"}; !slices.Equal(labels, want) {
		t.Fatalf("columns = %q, want %q", labels, want)
	}
	if got := cm.Items[1].Series; !slices.Equal(got, []int{1, 0}) {
		t.Errorf("Xi's columns = %v, want [1 0] (its chart orders personal first)", got)
	}
	if cm.Cells[2][0].OK || cm.Cells[2][1].OK || !cm.Cells[2][2].OK {
		t.Errorf("Ypsilon's cells = %+v, want only the third", cm.Cells[2])
	}
	if cm.Unit != dataset.UnitPercent || cm.Scale != 100 {
		t.Errorf("unit %q scale %v, want percent 100", cm.Unit, cm.Scale)
	}
	if got := cm.Items[0].Sources; !slices.Equal(got, []string{"Study One 2011"}) {
		t.Errorf("sources = %v", got)
	}
	if got := cm.Items[1].Sources; !slices.Equal(got, []string{"Study Two"}) {
		t.Errorf("sources = %v", got)
	}
}

func TestCompareArithmetic(t *testing.T) {
	cm := Compare(synth(), []dataset.Ref{ref("uses/a"), ref("uses/b"), ref("uses/c"), ref("uses/d")})
	const pro, per = 0, 1
	tests := []struct {
		name      string
		a, b, col int
		diff      float64
		diffOK    bool
		ratio     string
	}{
		{"beta minus alpha, professional", 1, 0, pro, 10, true, "2.0x"},
		{"alpha minus beta, personal", 0, 1, per, -10, true, "0.80x"},
		{"same item", 0, 0, per, 0, true, "1.0x"},
		{"over zero: ratio n/a, diff fine", 0, 2, pro, 10, true, "n/a"},
		{"zero over something", 2, 0, pro, -10, true, "0.00x"},
		{"missing series", 3, 0, pro, 0, false, "n/a"},
		{"missing on the other side", 0, 3, pro, 0, false, "n/a"},
		{"delta has personal", 3, 0, per, -10, true, "0.75x"},
		{"column out of range", 0, 1, 7, 0, false, "n/a"},
		{"item out of range", 9, 1, pro, 0, false, "n/a"},
	}
	for _, tt := range tests {
		d, ok := cm.Diff(tt.a, tt.b, tt.col)
		if ok != tt.diffOK || d != tt.diff {
			t.Errorf("%s: Diff = %v, %v; want %v, %v", tt.name, d, ok, tt.diff, tt.diffOK)
		}
		if r := FormatRatio(cm.Ratio(tt.a, tt.b, tt.col)); r != tt.ratio {
			t.Errorf("%s: Ratio = %s, want %s", tt.name, r, tt.ratio)
		}
	}
}

func TestCompareNaNIsMissing(t *testing.T) {
	cm := Compare(synth(), []dataset.Ref{ref("uses/e"), ref("uses/a")})
	if cm.Cells[0][0].OK {
		t.Fatal("a NaN figure counts as a value")
	}
	if _, ok := cm.Diff(0, 1, 0); ok {
		t.Fatal("Diff with NaN is defined")
	}
	if _, ok := cm.Gap(0); ok {
		t.Fatal("Gap with NaN is defined")
	}
	if d, ok := cm.Diff(0, 1, 1); !ok || d != -28 {
		t.Fatalf("personal Diff = %v, %v; want -28", d, ok)
	}
}

func TestCompareGap(t *testing.T) {
	cm := Compare(synth(), []dataset.Ref{ref("uses/a"), ref("other/x"), ref("uses/c"), ref("one/y")})
	tests := []struct {
		item   int
		ok     bool
		points float64
		ratio  string
	}{
		{0, true, 30, "4.0x"},   // personal 40 - professional 10
		{1, true, -10, "0.50x"}, // its chart: personal 20 first, then professional 10
		{2, true, 5, "n/a"},     // 5 over 0
		{3, false, 0, ""},       // one series
	}
	for _, tt := range tests {
		g, ok := cm.Gap(tt.item)
		if ok != tt.ok {
			t.Errorf("item %d: ok = %v", tt.item, ok)
			continue
		}
		if !ok {
			continue
		}
		if g.Points != tt.points || FormatRatio(g.Ratio, g.RatioOK) != tt.ratio {
			t.Errorf("item %d: gap %v ratio %s; want %v %s", tt.item, g.Points, FormatRatio(g.Ratio, g.RatioOK), tt.points, tt.ratio)
		}
	}
}

func TestCompareOrder(t *testing.T) {
	// Gaps: a 30, b 30 (tie), c 5, d missing, e missing (NaN).
	cm := Compare(synth(), []dataset.Ref{ref("uses/d"), ref("uses/c"), ref("uses/b"), ref("uses/a")})
	labels := func(idx []int) string {
		var s []string
		for _, i := range idx {
			s = append(s, cm.Items[i].Label)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		sort    string
		reverse bool
		want    string
	}{
		{dataset.SortOrder, false, "Delta Gamma Beta Alpha"},
		{dataset.SortGap, false, "Beta Alpha Gamma Delta"}, // tie keeps pin order; missing last
		{dataset.SortGap, true, "Delta Gamma Alpha Beta"},
		{dataset.SortValue, false, "Beta Alpha Gamma Delta"}, // professional: 20, 10, 0, missing
		{dataset.SortName, false, "Alpha Beta Delta Gamma"},
		{"nonsense", false, "Delta Gamma Beta Alpha"},
	}
	for _, tt := range tests {
		if got := labels(cm.Order(tt.sort, tt.reverse)); got != tt.want {
			t.Errorf("Order(%s, %v) = %s, want %s", tt.sort, tt.reverse, got, tt.want)
		}
	}
}

func TestCompareUnknownPinAndUnits(t *testing.T) {
	cm := Compare(synth(), []dataset.Ref{ref("uses/a"), ref("gone/z"), ref("counts/k")})
	if cm.Items[1].Found || cm.Items[1].Label != "" {
		t.Fatalf("unknown pin = %+v", cm.Items[1])
	}
	for _, cell := range cm.Cells[1] {
		if cell.OK {
			t.Fatal("unknown pin has a value")
		}
	}
	if cm.Unit != "" {
		t.Fatalf("mixed units gave unit %q", cm.Unit)
	}
	if cm.Scale != 1300 {
		t.Fatalf("scale = %v, want the largest count", cm.Scale)
	}
	counts := Compare(synth(), []dataset.Ref{ref("counts/k")})
	if counts.Unit != dataset.UnitCount || counts.Scale != 1300 {
		t.Fatalf("count comparison unit %q scale %v", counts.Unit, counts.Scale)
	}
	if empty := Compare(synth(), nil); len(empty.Items) != 0 || len(empty.Series) != 0 || empty.Scale != 100 {
		t.Fatalf("empty comparison = %+v", empty)
	}
}

func TestCompareFacebookLinkedIn(t *testing.T) {
	c := embedded(t)
	cm := Compare(c, []dataset.Ref{ref("platforms/facebook"), ref("platforms/linkedin")})
	// Facebook 15/61, LinkedIn 17/19.
	if d, _ := cm.Diff(0, 1, 1); FormatPoints(d, cm.Unit) != "+42 pts" {
		t.Errorf("personal: Facebook - LinkedIn = %v", d)
	}
	if d, _ := cm.Diff(0, 1, 0); FormatPoints(d, cm.Unit) != "-2 pts" {
		t.Errorf("professional: Facebook - LinkedIn = %v", d)
	}
	if r := FormatRatio(cm.Ratio(0, 1, 1)); r != "3.2x" {
		t.Errorf("personal ratio = %s", r)
	}
	g, _ := cm.Gap(0)
	if FormatPoints(g.Points, cm.Unit) != "+46 pts" || FormatRatio(g.Ratio, g.RatioOK) != "4.1x" {
		t.Errorf("Facebook gap = %+v", g)
	}
	if got := cm.Order(dataset.SortGap, false); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("gap order = %v", got)
	}
}

func TestRowsGapTies(t *testing.T) {
	// Blogs and Twitter tie on a 6-point gap: dataset order (blogs first).
	ch := embedded(t).Chart("platforms")
	rows := Rows(ch, dataset.SortGap, false, SeriesShown(ch, dataset.SeriesAll))
	var got []string
	for _, r := range rows {
		got = append(got, r.Item.ID)
	}
	bi, ti := slices.Index(got, "blogs"), slices.Index(got, "twitter")
	if bi < 0 || ti != bi+1 {
		t.Fatalf("gap order %v: want blogs directly before twitter", got)
	}
}
