package explore

import (
	"reflect"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestNormalize(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		name string
		in   State
		want State
	}{
		{"zero value", State{}, State{View: "overview", Focus: "personal-use", Sort: "order", Series: "all"}},
		{"unknown view", State{View: "nope", Sort: "value", Step: -1}, State{View: "overview", Focus: "personal-use", Sort: "value", Series: "all", Step: -1}},
		{"focus not in chart", State{View: "platforms", Focus: "liability", Sort: "order", Series: "all", Step: -1}, State{View: "platforms", Focus: "facebook", Sort: "order", Series: "all", Step: -1}},
		{"chart out of range", State{View: "privacy", Chart: 7, Focus: "aware", Series: "all", Step: -5}, State{View: "privacy", Chart: 0, Focus: "liability", Sort: "order", Series: "all", Step: -1}},
		{"second chart kept", State{View: "privacy", Chart: 1, Focus: "aware", Sort: "order", Series: "all", Step: -1}, State{View: "privacy", Chart: 1, Focus: "aware", Sort: "order", Series: "all", Step: -1}},
		{"unknown series", State{View: "platforms", Focus: "youtube", Sort: "order", Series: "share", Step: -1}, State{View: "platforms", Focus: "youtube", Sort: "order", Series: "all", Step: -1}},
		{"series on one-series chart", State{View: "benefits", Focus: "learn", Sort: "order", Series: "interested", Step: -1}, State{View: "benefits", Focus: "learn", Sort: "order", Series: "all", Step: -1}},
		{"unknown sort", State{View: "platforms", Focus: "youtube", Sort: "size", Series: "personal", Step: 2}, State{View: "platforms", Focus: "youtube", Sort: "order", Series: "personal", Step: 2}},
		{"sources measures", State{View: "sources", Chart: 1, Focus: "personal-use", Sort: "order", Series: "all"}, State{View: "sources", Chart: 1, Focus: "personal-use", Sort: "order", Series: "all"}},
	}
	for _, tt := range tests {
		if got := tt.in.Normalize(c); !got.Equal(tt.want) {
			t.Errorf("%s: Normalize(%+v)\n got %+v\nwant %+v", tt.name, tt.in, got, tt.want)
		}
	}
	if got := (State{View: "sources"}).Normalize(nil); got.View != "sources" || got.Focus != "" {
		t.Errorf("Normalize(nil collection) = %+v", got)
	}
}

func TestViewNavigation(t *testing.T) {
	c := embedded(t)
	st := Start().Normalize(c)
	var seen []string
	for i := 0; i < 7; i++ {
		seen = append(seen, st.View)
		st = st.NextView(c)
	}
	want := []string{"overview", "platforms", "benefits", "connected", "privacy", "sources", "overview"}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("NextView sequence = %v, want %v", seen, want)
		}
	}
	if got := Start().PrevView(c).View; got != "sources" {
		t.Errorf("PrevView from overview = %s, want sources", got)
	}
	tests := []struct {
		n    int
		want string
	}{{1, "overview"}, {2, "platforms"}, {4, "connected"}, {6, "sources"}, {0, "benefits"}, {7, "benefits"}, {-1, "benefits"}}
	for _, tt := range tests {
		from := Start().GotoView(c, 3)
		if got := from.GotoView(c, tt.n).View; got != tt.want {
			t.Errorf("GotoView(%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
	// A new view starts on its first item and every series; sort carries.
	st = Start().GotoView(c, 2).CycleSort().CycleSeries(c).MoveFocus(c, 3)
	st = st.GotoView(c, 5)
	if st.Focus != "liability" || st.Series != "all" || st.Sort != "value" || st.Chart != 0 {
		t.Errorf("after GotoView(5): %+v", st)
	}
}

func TestMoveFocus(t *testing.T) {
	c := embedded(t)
	privacy := Start().GotoViewID(c, "privacy")
	tests := []struct {
		name      string
		from      State
		delta     int
		wantChart int
		wantFocus string
	}{
		{"down one", privacy, 1, 0, "privacy"},
		{"into second chart", privacy, 4, 1, "aware"},
		{"stops at the end", privacy, 100, 1, "unlikely"},
		{"stops at the start", privacy, -3, 0, "liability"},
		{"back across charts", privacy.MoveFocus(c, 5), -2, 0, "time"},
		{"sorted by value", privacy.CycleSort(), 0, 0, "liability"},
		{"overview findings", Start(), 2, 0, "health-professionals-88"},
		{"sources into measures", Start().GotoViewID(c, "sources"), len(c.Sources), 1, "personal-use"},
	}
	for _, tt := range tests {
		got := tt.from.MoveFocus(c, tt.delta)
		if got.Chart != tt.wantChart || got.Focus != tt.wantFocus {
			t.Errorf("%s: MoveFocus(%d) = chart %d focus %q, want chart %d focus %q", tt.name, tt.delta, got.Chart, got.Focus, tt.wantChart, tt.wantFocus)
		}
	}
	// Focus follows display order: sorted by value (by professional use),
	// physician communities (28%) first, then LinkedIn; "None of the
	// above" (33%, not an item) last.
	st := Start().GotoViewID(c, "platforms").CycleSort() // value, by professional
	ids := FocusIDs(c, st, 0)
	if ids[0] != "physician-communities" || ids[1] != "linkedin" || ids[len(ids)-1] != "none" {
		t.Fatalf("value order = %v", ids)
	}
	st.Focus = "linkedin"
	if got := st.MoveFocus(c, -1).Focus; got != "physician-communities" {
		t.Errorf("MoveFocus in value order = %s", got)
	}
	// Moving into another chart resets the series selection.
	st = Start().GotoViewID(c, "connected").CycleSeries(c)
	if st.Series != "professional" {
		t.Fatalf("CycleSeries = %s", st.Series)
	}
	st = st.MoveFocus(c, 3)
	if st.Chart != 1 || st.Series != "all" {
		t.Errorf("into connected chart 2: %+v", st)
	}
	if got := st.FocusFirst(c); got.Chart != 0 || got.Focus != "one" {
		t.Errorf("FocusFirst = %+v", got)
	}
	if got := Start().GotoViewID(c, "connected").FocusLast(c); got.Chart != 1 || got.Focus != "physician-communities" {
		t.Errorf("FocusLast = %+v", got)
	}
}

func TestSortAndSeriesTransitions(t *testing.T) {
	c := embedded(t)
	st := Start().GotoViewID(c, "platforms")
	var sorts, series []string
	for i := 0; i < 5; i++ {
		sorts = append(sorts, st.Sort)
		series = append(series, st.Series)
		st = st.CycleSort().CycleSeries(c)
	}
	if got := join(sorts); got != "order value gap name order" {
		t.Errorf("sorts = %s", got)
	}
	if got := join(series); got != "all professional personal all professional" {
		t.Errorf("series = %s", got)
	}
	if !st.ToggleReverse().Reverse || st.ToggleReverse().ToggleReverse().Reverse {
		t.Error("ToggleReverse does not toggle")
	}
	one := Start().GotoViewID(c, "benefits")
	if got := one.CycleSeries(c).Series; got != "all" {
		t.Errorf("CycleSeries on one series = %s", got)
	}
	if one.MultiSeries(c) || !st.MultiSeries(c) {
		t.Error("MultiSeries wrong")
	}
	if Start().Sortable(c) || !one.Sortable(c) {
		t.Error("Sortable wrong")
	}
	if !Start().ToggleBig().Big || !Start().ToggleDiverging().Diverging {
		t.Error("toggles")
	}
}

func TestKeyIncludesPins(t *testing.T) {
	a := Start()
	b := Start()
	b.Pins = []dataset.Ref{{Chart: "platforms", Item: "facebook"}}
	if a.Equal(b) || a.Key() == b.Key() {
		t.Error("pins must change the key")
	}
	c := Start()
	c.Pins = []dataset.Ref{{Chart: "platforms", Item: "facebook"}}
	if !b.Equal(c) {
		t.Error("equal states differ")
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

// TestKeyHasEveryField: changing any field of State changes its Key, so
// the caches keyed by it (the panes', render's shared bodies, the frames)
// never serve one state's drawing for another. A field added to State
// and not to Key fails here.
func TestKeyHasEveryField(t *testing.T) {
	base := Start()
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		st := base
		f := reflect.ValueOf(&st).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("changed")
		case reflect.Int:
			f.SetInt(f.Int() + 7)
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Slice:
			f.Set(reflect.ValueOf([]dataset.Ref{{Chart: "c", Item: "i"}}))
		default:
			t.Fatalf("State.%s is a %s: teach this test to change it", typ.Field(i).Name, f.Kind())
		}
		if st.Key() == base.Key() {
			t.Errorf("State.%s changed but Key did not", typ.Field(i).Name)
		}
	}
}
