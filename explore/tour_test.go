package explore

import (
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestStateFromStep(t *testing.T) {
	c := embedded(t)
	pin := func(ch, it string) dataset.Ref { return dataset.Ref{Chart: ch, Item: it} }
	tests := []struct {
		name  string
		step  dataset.TourStep
		index int
		want  State
	}{
		{"view only", dataset.TourStep{View: "overview"}, 0,
			State{View: "overview", Focus: "personal-use", Sort: "order", Series: "all", Step: 0}},
		{"chart, focus, sort, butterfly", dataset.TourStep{View: "platforms", Chart: "platforms", Focus: "facebook", Sort: "gap", Diverging: true}, 1,
			State{View: "platforms", Focus: "facebook", Sort: "gap", Series: "all", Diverging: true, Step: 1}},
		{"series and spotlight", dataset.TourStep{View: "platforms", Chart: "platforms", Focus: "physician-communities", Sort: "value", Series: "professional", Spotlight: "Physician communities"}, 2,
			State{View: "platforms", Focus: "physician-communities", Sort: "value", Series: "professional", Spotlight: "Physician communities", Step: 2}},
		{"second chart of a view", dataset.TourStep{View: "privacy", Chart: "patient-communities", Focus: "aware"}, 3,
			State{View: "privacy", Chart: 1, Focus: "aware", Sort: "order", Series: "all", Step: 3}},
		{"pins in order, duplicates and unknown dropped", dataset.TourStep{View: "connected", Chart: "number-of-sites", Focus: "two-plus",
			Pins: []string{"number-of-sites/one", "number-of-sites/two-plus", "number-of-sites/one", "nope/x", "bad", "number-of-sites/one/personal"}}, 4,
			State{View: "connected", Focus: "two-plus", Sort: "order", Series: "all", Pins: []dataset.Ref{pin("number-of-sites", "one"), pin("number-of-sites", "two-plus")}, Step: 4}},
		{"no focus: first item in the step's sort", dataset.TourStep{View: "benefits", Chart: "benefits", Sort: "value"}, 5,
			State{View: "benefits", Focus: "learn", Sort: "value", Series: "all", Step: 5}},
		{"unknown chart and item fall back to the first", dataset.TourStep{View: "privacy", Chart: "nope", Focus: "nope"}, 6,
			State{View: "privacy", Focus: "liability", Sort: "order", Series: "all", Step: 6}},
		{"chart of another view is ignored", dataset.TourStep{View: "privacy", Chart: "platforms", Focus: "facebook"}, 0,
			State{View: "privacy", Focus: "liability", Sort: "order", Series: "all", Step: 0}},
		{"unknown view, sort, series", dataset.TourStep{View: "nope", Sort: "size", Series: "x"}, 0,
			State{View: "overview", Focus: "personal-use", Sort: "order", Series: "all", Step: 0}},
		{"negative index is off the tour", dataset.TourStep{View: "sources"}, -4,
			State{View: "sources", Focus: "hwc-2011", Sort: "order", Series: "all", Step: -1}},
	}
	for _, tt := range tests {
		if got := StateFromStep(c, tt.step, tt.index); !got.Equal(tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestShippedTourSteps(t *testing.T) {
	c := embedded(t)
	if TourLen(c) < 5 {
		t.Fatalf("the shipped tour has %d steps, want the key findings", TourLen(c))
	}
	for i, step := range c.Tour {
		st := StateFromStep(c, step, i)
		if st.View != step.View || st.Step != i {
			t.Errorf("step %d: got view %q step %d", i, st.View, st.Step)
		}
		if step.Chart != "" && st.CurrentChart(c).ID != step.Chart {
			t.Errorf("step %d: focuses chart %q, want %q", i, st.CurrentChart(c).ID, step.Chart)
		}
		if step.Focus != "" && st.Focus != step.Focus {
			t.Errorf("step %d: focus %q, want %q", i, st.Focus, step.Focus)
		}
		if len(st.Pins) != len(step.Pins) {
			t.Errorf("step %d: %d pins, want %d", i, len(st.Pins), len(step.Pins))
		}
		if got, ok := st.TourStep(c); !ok || got.Takeaway != step.Takeaway {
			t.Errorf("step %d: TourStep = %v, %v", i, got.Takeaway, ok)
		}
	}
}

func TestTourStepping(t *testing.T) {
	c := embedded(t)
	n := TourLen(c)
	off := Start().Normalize(c)
	off.Big = true

	st, ok := off.PrevStep(c)
	if ok || !st.Equal(off) {
		t.Fatal("PrevStep off the tour moved")
	}
	st, ok = off.NextStep(c)
	if !ok || st.Step != 0 || !st.Big {
		t.Fatalf("NextStep off the tour: step %d ok %v big %v; want step 0, big kept", st.Step, ok, st.Big)
	}
	for i := 1; i < n; i++ {
		if st, ok = st.NextStep(c); !ok || st.Step != i {
			t.Fatalf("NextStep to %d: got %d, %v", i, st.Step, ok)
		}
	}
	last := st
	if st, ok = st.NextStep(c); ok || !st.Equal(last) {
		t.Fatal("NextStep past the last step moved")
	}
	if st, ok = st.PrevStep(c); !ok || st.Step != n-2 {
		t.Fatalf("PrevStep from the last: %d, %v", st.Step, ok)
	}
	if _, ok := st.GotoStep(c, n); ok {
		t.Fatal("GotoStep past the end succeeded")
	}
	if got := st.EndTour(); got.Step != -1 || got.View != st.View || got.Focus != st.Focus {
		t.Fatalf("EndTour = %+v", got)
	}
	if _, ok := off.TourStep(c); ok {
		t.Fatal("TourStep off the tour")
	}
	if _, ok := (State{Step: 99}).TourStep(c); ok {
		t.Fatal("TourStep past the end")
	}
	empty := &dataset.Collection{}
	if _, ok := off.NextStep(empty); ok {
		t.Fatal("NextStep without a tour")
	}
	if TourLen(nil) != 0 {
		t.Fatal("TourLen(nil)")
	}
}
