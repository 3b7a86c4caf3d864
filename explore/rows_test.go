package explore

import (
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func platforms(t *testing.T) *dataset.Chart {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ch := c.Chart("platforms")
	if ch == nil {
		t.Fatal("no platforms chart")
	}
	return ch
}

func ids(rows []Row) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.Item.ID)
	}
	return strings.Join(s, " ")
}

func TestRows(t *testing.T) {
	ch := platforms(t)
	tests := []struct {
		sort    string
		reverse bool
		series  string
		want    string
	}{
		{"order", false, "all", "facebook youtube physician-communities linkedin google-plus blogs twitter patient-communities none"},
		// "None of the above" (kind none) is not ranked: after the sites,
		// whichever the sort and its direction.
		{"value", false, "all", "physician-communities linkedin facebook youtube google-plus blogs twitter patient-communities none"},
		{"value", true, "all", "patient-communities twitter blogs google-plus youtube facebook linkedin physician-communities none"},
		{"value", false, "personal", "facebook youtube linkedin physician-communities google-plus blogs twitter patient-communities none"},
		{"gap", false, "all", "facebook youtube physician-communities google-plus blogs twitter linkedin patient-communities none"},
		{"name", false, "all", "blogs facebook google-plus linkedin patient-communities physician-communities twitter youtube none"},
		{"name", true, "all", "youtube twitter physician-communities patient-communities linkedin google-plus facebook blogs none"},
	}
	for _, tt := range tests {
		got := ids(Rows(ch, tt.sort, tt.reverse, SeriesShown(ch, tt.series)))
		if got != tt.want {
			t.Errorf("Rows(%s, reverse=%v, %s)\n got %s\nwant %s", tt.sort, tt.reverse, tt.series, got, tt.want)
		}
	}
}

func TestGap(t *testing.T) {
	ch := platforms(t)
	g, ok := Gap(ch, ch.Item("facebook"))
	if !ok || g != 46 {
		t.Fatalf("Gap(facebook) = %v, %v; want 46, true", g, ok)
	}
	g, ok = Gap(ch, ch.Item("physician-communities"))
	if !ok || g != -10 {
		t.Fatalf("Gap(physician communities) = %v, %v; want -10, true", g, ok)
	}
	one := &dataset.Chart{Series: []dataset.Series{{ID: "a"}}, Items: []dataset.Item{{ID: "x", Values: map[string]dataset.Figure{"a": {Value: 3}}}}}
	if _, ok := Gap(one, &one.Items[0]); ok {
		t.Fatal("a one-series chart has no gap")
	}
}

func TestCycles(t *testing.T) {
	ch := platforms(t)
	seq := []string{"all"}
	for i := 0; i < 3; i++ {
		seq = append(seq, NextSeries(ch, seq[len(seq)-1]))
	}
	if got := strings.Join(seq, " "); got != "all professional personal all" {
		t.Fatalf("series cycle = %s", got)
	}
	sorts := []string{"order"}
	for i := 0; i < 4; i++ {
		sorts = append(sorts, NextSort(sorts[len(sorts)-1]))
	}
	if got := strings.Join(sorts, " "); got != "order value gap name order" {
		t.Fatalf("sort cycle = %s", got)
	}
}

// TestSortLargestFirst: the one comparator behind Rows and
// Comparison.Order: largest first, ties and missing keys in their order,
// missing last; labels ignore case.
func TestSortLargestFirst(t *testing.T) {
	type kv struct {
		name string
		v    float64
		ok   bool
	}
	xs := []kv{{"a", 1, true}, {"b", 0, false}, {"c", 3, true}, {"d", 1, true}, {"e", 9, false}, {"f", -2, true}}
	sortLargestFirst(xs, func(x kv) (float64, bool) { return x.v, x.ok })
	var got string
	for _, x := range xs {
		got += x.name
	}
	if got != "cadfbe" {
		t.Errorf("largest first: %s, want cadfbe", got)
	}
	names := []string{"beta", "Alpha", "alpha", "Gamma"}
	sortByLabel(names, func(s string) string { return s })
	if strings.Join(names, " ") != "Alpha alpha beta Gamma" {
		t.Errorf("by label: %v", names)
	}
}
