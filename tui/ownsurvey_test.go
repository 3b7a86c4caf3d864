package tui

import (
	"fmt"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/present"
)

// nurses is the second example survey, with views of its own.
func nurses(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Load("../testdata/nurses.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newModelOf(t testing.TB, c *dataset.Collection, w, h int, tour bool) *Model {
	t.Helper()
	m := New(Options{Data: c, Width: w, Height: h, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Tour: tour})
	t.Cleanup(m.Close)
	return m
}

// TestGoldenOwnSurvey draws every view of the non-physician example, its
// tour, pins and spotlight: the tabs are the data's, numbered 1 to 4.
func TestGoldenOwnSurvey(t *testing.T) {
	c := nurses(t)
	for _, sz := range [][2]int{{80, 24}, {100, 30}} {
		for i, id := range c.ViewIDs() {
			m := newModelOf(t, c, sz[0], sz[1], false)
			press(m, fmt.Sprint(i+1))
			if got := m.State().View; got != id {
				t.Errorf("key %d shows %q, want %q", i+1, got, id)
			}
			golden(t, fmt.Sprintf("%s-%dx%d", id, sz[0], sz[1]), screen(m))
		}
	}
	m := newModelOf(t, c, 100, 30, true)
	press(m, " ")
	golden(t, "tour-step2-100x30", screen(m))
	press(m, " ")
	golden(t, "tour-step3-100x30", screen(m))
	m = newModelOf(t, c, 100, 30, false)
	press(m, "2", "j", "c", "3", "c", "*")
	golden(t, "pins-spotlight-100x30", screen(m))
	press(m, "v")
	golden(t, "compare-pins-100x30", screen(m))
	m = newModelOf(t, c, 40, 20, false)
	press(m, "3")
	golden(t, "narrow-short-tabs-40x20", screen(m))
}

// manyViews is a collection with n views of one chart each.
func manyViews(t testing.TB, n int) *dataset.Collection {
	t.Helper()
	var b strings.Builder
	b.WriteString("title: Many\nsources: [{id: s, label: S, publisher: P, title: T, kind: secondary}]\ncharts:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {id: c%d, view: topic-%d, title: Chart %d, question: Q, source: s, series: [{id: a, label: A}], items: [{id: i, label: I, values: {a: %d}}]}\n", i, i, i, i)
	}
	c, err := dataset.Parse([]byte(b.String()), "many.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestManyViews checks that number keys reach views 1 to 9 and no further,
// and that tabs that do not fit page with the active tab in sight.
func TestManyViews(t *testing.T) {
	c := manyViews(t, 12) // 14 views with the overview and the sources
	m := newModelOf(t, c, 44, 16, false)
	press(m, "9")
	if got := m.State().View; got != "topic-8" {
		t.Errorf("key 9 shows %q, want the ninth view, topic-8", got)
	}
	if h := m.common.Keys.GotoView.Help().Key; h != "1-9" {
		t.Errorf("help says %q for the number keys, want 1-9", h)
	}
	golden(t, "tabs-page1-44x16", screen(m))
	for range 4 {
		press(m, "tab")
	}
	if got := m.State().View; got != "topic-12" {
		t.Errorf("view after four tabs from the ninth: %s, want topic-12", got)
	}
	tabs := strings.SplitN(screen(m), "\n", 2)[0]
	active := c.ViewInfo
	v, _ := active(m.State().View)
	if !strings.Contains(tabs, v.Title) {
		t.Errorf("active view %q (%q) not on the tab line %q", v.ID, v.Title, tabs)
	}
	if !strings.HasPrefix(tabs, "‹") {
		t.Errorf("tab line %q does not say there are tabs to the left", tabs)
	}
	golden(t, "tabs-last-page-44x16", screen(m))
	small := newModelOf(t, manyViews(t, 2), 80, 24, false)
	if h := small.common.Keys.GotoView.Help().Key; h != "1-4" {
		t.Errorf("help says %q for four views, want 1-4", h)
	}
	press(small, "5")
	if got := small.State().View; got != dataset.ViewOverview {
		t.Errorf("key 5 of four views moved to %q", got)
	}
}

// TestCSVExplorer draws a CSV exported from a spreadsheet (';', BOM, '%')
// opened as it is.
func TestCSVExplorer(t *testing.T) {
	c, err := dataset.Load("../testdata/nurses-tools.csv")
	if err != nil {
		t.Fatal(err)
	}
	m := newModelOf(t, c, 100, 30, false)
	golden(t, "overview-100x30", screen(m))
	press(m, "2")
	golden(t, "chart-100x30", screen(m))
	press(m, "3")
	golden(t, "sources-100x30", screen(m))
}

// TestPresentingOwnSurvey presents the non-physician example: followers
// show the presenter's view of the data's own IDs, pins and spotlight, and
// the tour steps through its views.
func TestPresentingOwnSurvey(t *testing.T) {
	c := nurses(t)
	hub := present.NewHub()
	role := func(r Role, w, h int) *Model {
		m := New(Options{Data: c, Width: w, Height: h, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: r, Hub: hub})
		t.Cleanup(m.Close)
		return m
	}
	p := role(RolePresenter, 100, 30)
	a := role(RoleAudience, 80, 24)
	for _, step := range []struct {
		keys []string
		view string
	}{{[]string{"2"}, "adoption"}, {[]string{"j", "c"}, "adoption"}, {[]string{"3", "*"}, "barriers"}, {[]string{"tab"}, "sources"}, {[]string{"1"}, "overview"}} {
		press(p, step.keys...)
		drain(a)
		want := p.State()
		if want.View != step.view || !a.State().Equal(want) {
			t.Fatalf("after %v: presenter on %q, follower %+v; want both on %q", step.keys, want.View, a.State(), step.view)
		}
	}
	if pins := a.State().Pins; len(pins) != 1 || pins[0].String() != "tools/video" {
		t.Errorf("follower pins %v, want tools/video", pins)
	}
	press(p, " ")
	drain(a)
	for i, st := range c.Tour {
		if p.State().View != st.View || a.State().View != st.View || !strings.Contains(flat(screen(a)), st.Takeaway) {
			t.Fatalf("tour step %d: presenter %q, audience %q, want %q with %q", i, p.State().View, a.State().View, st.View, st.Takeaway)
		}
		press(p, " ")
		drain(a)
	}
}
