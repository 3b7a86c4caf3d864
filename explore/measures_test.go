package explore

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestSourcesFor(t *testing.T) {
	c := embedded(t)
	ms, ok := SourcesFor(c, "personal-use")
	if !ok {
		t.Fatal("no personal-use measure")
	}
	if !strings.Contains(ms.Measure.Note, "Trust the table value") {
		t.Errorf("note = %q", ms.Measure.Note)
	}
	var got []string
	for _, r := range ms.Rows {
		got = append(got, fmt.Sprintf("%s | %s | %s | %s", r.Source, r.Figure, r.Date, r.Kind))
	}
	want := []string{
		"QuantiaMD 2011 | 87% | 2011-09 | primary",
		"QuantiaMD 2011 | almost 90% | 2011-09 | primary",
		"QuantiaMD / CCA 2011 | 90% | 2011 | primary",
		"Jones & Bartlett 2012 | 90% | 2012-05-03 | primary",
		"Manhattan Research (as reported) | as many as 88% |  | primary",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := ms.Rows[0]; r.Context != "Number of sites used: Total (at least one site), Personal use" || r.Sample != 4033 || r.Publisher != "HealthWorks Collective" {
		t.Errorf("first row = %+v", r)
	}
	if r := ms.Rows[4]; r.Context != "Health professionals using social media" || !strings.Contains(r.Note, "Nicholson Kovac") || r.Where != "findings/health-professionals-88" {
		t.Errorf("last row = %+v", r)
	}
	if lo, hi, ok := ms.Spread(); !ok || lo != 87 || hi != 90 {
		t.Errorf("Spread = %v, %v, %v", lo, hi, ok)
	}
}

func TestSourcesForWordedAndSecondary(t *testing.T) {
	c := embedded(t)
	ms, _ := SourcesFor(c, "colleague-interaction")
	if len(ms.Rows) != 2 {
		t.Fatalf("%d rows", len(ms.Rows))
	}
	if r := ms.Rows[0]; r.Figure != "nearly half" || r.Value != nil {
		t.Errorf("worded row = %+v", r)
	}
	if r := ms.Rows[1]; r.Figure != "47%" || r.Kind != "secondary" {
		t.Errorf("secondary row = %+v", r)
	}
	if lo, hi, ok := ms.Spread(); !ok || lo != 47 || hi != 47 {
		t.Errorf("Spread = %v, %v, %v", lo, hi, ok)
	}
	if _, ok := SourcesFor(c, "no-such-measure"); ok {
		t.Error("unknown measure found")
	}
	if _, _, ok := (MeasureSources{}).Spread(); ok {
		t.Error("empty spread ok")
	}
}

func TestMeasuresCompared(t *testing.T) {
	c := embedded(t)
	var ids []string
	for _, m := range MeasuresCompared(c) {
		ids = append(ids, m.ID)
	}
	// physician-communities has two figures, both from hwc-2011 (its table
	// and its key points): one source, so not compared.
	want := []string{"personal-use", "professional-use", "connected-clinicians", "privacy-deterrent", "colleague-interaction"}
	if !slices.Equal(ids, want) {
		t.Fatalf("MeasuresCompared = %v, want %v", ids, want)
	}
	if len(c.MeasureFigures("physician-communities")) < 2 {
		t.Fatal("physician-communities no longer has two figures: the case above tests nothing")
	}
	// The sources view's measures section lists the same, and one source's
	// measure stays reachable from its figure.
	st := Start().GotoViewID(c, dataset.ViewSources)
	if got := FocusIDs(c, st, 1); !slices.Equal(got, want) {
		t.Fatalf("measures section focus = %v, want %v", got, want)
	}
	fig := Start().GotoViewID(c, dataset.ViewPlatforms)
	fig.Focus, fig.Series = "physician-communities", "professional"
	if id, ok := MeasureAt(c, fig); !ok || id != "physician-communities" {
		t.Fatalf("MeasureAt on the physician communities figure = %q, %v", id, ok)
	}
	one := synth()
	if got := MeasuresCompared(one); len(got) != 0 {
		t.Fatalf("a collection without measures lists %v", got)
	}
}

func TestMeasureAt(t *testing.T) {
	c := embedded(t)
	at := func(view string, section int, focus, series string) State {
		st := Start().GotoViewID(c, view)
		st.Chart, st.Focus, st.Series = section, focus, series
		return st
	}
	tests := []struct {
		name string
		st   State
		want string
	}{
		{"overview finding by ref", at("overview", 0, "personal-use", "all"), "personal-use"},
		{"overview finding of its own", at("overview", 0, "health-professionals-88", "all"), "personal-use"},
		{"overview finding without measure", at("overview", 0, "kantar-portal", "all"), ""},
		{"chart figure, both series: the first", at("connected", 0, "total", "all"), "professional-use"},
		{"chart figure, personal only", at("connected", 0, "total", "personal"), "personal-use"},
		{"chart item without measure", at("platforms", 0, "facebook", "all"), ""},
		{"sources view measure", at("sources", 1, "privacy-deterrent", "all"), "privacy-deterrent"},
		{"sources view source", at("sources", 0, "hwc-2011", "all"), ""},
		{"unknown measure", at("sources", 1, "nope", "all"), ""},
	}
	for _, tt := range tests {
		got, ok := MeasureAt(c, tt.st)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: MeasureAt = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
	if _, ok := MeasureAt(nil, Start()); ok {
		t.Error("nil collection")
	}
}
