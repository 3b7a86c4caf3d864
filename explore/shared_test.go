package explore

import (
	"math"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestComparisonShared(t *testing.T) {
	c := synth()
	tests := []struct {
		name    string
		pins    []string
		shared  []int
		nothing bool
		note    string
	}{
		{"same chart", []string{"uses/a", "uses/b"}, []int{0, 1}, false, ""},
		{"series aligned by label", []string{"uses/a", "other/x"}, []int{0, 1}, false, ""},
		{"different charts, no series in common", []string{"uses/a", "one/y"}, nil, true,
			"The pinned items share no series: Alpha has Professional use and Personal use; Ypsilon has Interested."},
		{"one item lacks a series", []string{"uses/a", "uses/d"}, []int{1}, false,
			"Compared in Personal use only; Professional use: Alpha alone."},
		{"three pins, two share", []string{"uses/a", "uses/b", "one/y"}, []int{0, 1}, false,
			"Compared in Professional use and Personal use only; Interested: Ypsilon alone."},
		{"percent and count never share", []string{"one/y", "counts/k"}, nil, true,
			"The pinned items share no series: Ypsilon has Interested; Kappa has Doctors."},
		{"one pin", []string{"uses/a"}, nil, false, ""},
		{"a pin not found", []string{"uses/a", "uses/zz"}, nil, false, ""},
	}
	for _, tt := range tests {
		var pins []dataset.Ref
		for _, p := range tt.pins {
			pins = append(pins, ref(p))
		}
		cm := Compare(c, pins)
		if got := cm.Shared(); !equalInts(got, tt.shared) {
			t.Errorf("%s: Shared() = %v, want %v", tt.name, got, tt.shared)
		}
		if got := cm.SharesNothing(); got != tt.nothing {
			t.Errorf("%s: SharesNothing() = %v, want %v", tt.name, got, tt.nothing)
		}
		if got := cm.SharedNote(); got != tt.note {
			t.Errorf("%s: SharedNote()\n got %q\nwant %q", tt.name, got, tt.note)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func fourSeries() *dataset.Chart {
	fig := func(xs ...float64) map[string]dataset.Figure {
		m := map[string]dataset.Figure{}
		for i, x := range xs {
			if !math.IsNaN(x) {
				m[string(rune('a'+i))] = dataset.Figure{Value: x}
			}
		}
		return m
	}
	return &dataset.Chart{ID: "staff", Title: "Staff", Noun: "tools", Source: "s1",
		Series: []dataset.Series{{ID: "a", Label: "Nurses"}, {ID: "b", Label: "Physicians"}, {ID: "c", Label: "Midwives"}, {ID: "d", Label: "Pharmacists"}},
		Items: []dataset.Item{
			{ID: "video", Label: "Video visits", Values: fig(44, 62, 30, 50)},
			{ID: "chat", Label: "Chat", Values: fig(20, 22, 21, 20)},
			{ID: "fax", Label: "Fax", Values: fig(5, 5, 5, 5)},
			{ID: "mail", Label: "Mail", Values: fig(10, math.NaN(), math.NaN(), math.NaN())},
			{ID: "none", Label: "None", Kind: dataset.ItemNone, Values: fig(40, 1, 2, 3)},
		}}
}

func TestItemDifference(t *testing.T) {
	ch := fourSeries()
	tests := []struct {
		item   string
		shown  []int
		ok     bool
		words  string
		points float64
	}{
		{"video", []int{0, 1, 2, 3}, true, "spread 32 pts, from Midwives (30%) to Physicians (62%)", 32},
		{"video", nil, true, "spread 32 pts, from Midwives (30%) to Physicians (62%)", 32}, // none shown: all
		{"video", []int{0, 1}, true, "gap +18 pts, Physicians − Nurses", 18},
		{"video", []int{3, 0}, true, "gap -6 pts, Nurses − Pharmacists", -6},
		{"video", []int{0, 2, 3}, true, "spread 20 pts, from Midwives (30%) to Pharmacists (50%)", 20},
		{"fax", []int{0, 1, 2, 3}, true, "spread 0 pts, from Nurses (5%) to Physicians (5%)", 0},
		{"mail", []int{0, 1, 2, 3}, false, "", 0},
	}
	for _, tt := range tests {
		it := ch.Item(tt.item)
		d, ok := ItemDifference(ch, it, tt.shown)
		if ok != tt.ok || (ok && (d.Words(ch, it) != tt.words || d.Points != tt.points)) {
			t.Errorf("ItemDifference(%s, %v) = %q %v, %v; want %q %v, %v", tt.item, tt.shown, d.Words(ch, it), d.Points, ok, tt.words, tt.points, tt.ok)
		}
	}
	if got := DifferenceName(ch, []int{0, 1, 2, 3}); got != "spread" {
		t.Errorf("DifferenceName(four) = %q", got)
	}
	if got := DifferenceName(ch, []int{1, 2}); got != "gap" {
		t.Errorf("DifferenceName(two shown) = %q", got)
	}
}

func TestDescribeItemFourSeries(t *testing.T) {
	c := synth()
	ch := fourSeries()
	c.Charts = append(c.Charts, *ch)
	ch = &c.Charts[len(c.Charts)-1]
	tests := []struct{ item, series, want string }{
		{"video", "all", "Video visits: 44% nurses, 62% physicians, 30% midwives, 50% pharmacists; a 32-point spread from midwives to physicians, the largest spread among three tools (Study One 2011, n=1,200)"},
		{"chat", "all", "Chat: 20% nurses, 22% physicians, 21% midwives, 20% pharmacists; a 2-point spread from nurses to physicians, the second-largest spread among three tools (Study One 2011, n=1,200)"},
		{"none", "all", "None: 40% nurses, 1% physicians, 2% midwives, 3% pharmacists; a 39-point spread from physicians to nurses (Study One 2011, n=1,200)"},
	}
	for _, tt := range tests {
		if got := DescribeItem(c, ch, tt.item, tt.series); got != tt.want {
			t.Errorf("DescribeItem(%s)\n got %q\nwant %q", tt.item, got, tt.want)
		}
	}
	rows := Rows(ch, dataset.SortGap, false, SeriesShown(ch, dataset.SeriesAll))
	if got := ids(rows); got != "video chat fax mail none" {
		t.Errorf("sorted by spread: %s", got)
	}
}
