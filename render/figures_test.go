package render

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestFiguresKeepTheirHedge: every place that shows a figure writes it with
// the document's hedge, so no source is misquoted: findings lists, the
// overview's detail line and its other documents' versions, and a chart's
// bar values.
func TestFiguresKeepTheirHedge(t *testing.T) {
	c := embedded(t)
	draw := func(st explore.State) string {
		// Wrapped detail lines are joined, so a figure can be found
		// whole.
		return strings.Join(strings.Fields(ansi.Strip(View(c, st, Options{Width: 120, Height: 60}))), " ")
	}
	focus := func(view, id string) explore.State {
		st := explore.Start().GotoViewID(c, view)
		st.Focus = id
		return st
	}
	tests := []struct {
		name    string
		st      explore.State
		want    []string
		notWant []string
	}{
		{"privacy findings", explore.Start().GotoViewID(c, dataset.ViewPrivacy),
			[]string{"Concerned about patient privacy on physician networks: more than 70%"},
			[]string{"networks: 70%"}},
		{"platforms findings", explore.Start().GotoViewID(c, dataset.ViewPlatforms),
			[]string{"physicians who tweet: more than 1,300"},
			[]string{"tweet: 1,300"}},
		{"overview variants", focus(dataset.ViewOverview, "personal-use"),
			[]string{"Also: almost 90% (QuantiaMD 2011)"},
			[]string{"Also: 90% (QuantiaMD 2011)"}},
		{"overview variants professional", focus(dataset.ViewOverview, "professional-use"),
			[]string{"Also: over 65% (QuantiaMD 2011)"},
			[]string{"Also: 65% (QuantiaMD 2011)"}},
		{"overview head", focus(dataset.ViewOverview, "health-professionals-88"),
			[]string{"Health professionals using social media: as many as 88%"},
			[]string{"(as many as)"}},
		{"worded finding said by its label", explore.Start().GotoViewID(c, dataset.ViewConnected),
			[]string{"A small group of front runners uses several sites for both — "},
			[]string{"for both: a small group"}},
	}
	for _, tt := range tests {
		out := draw(tt.st)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: lacks %q:\n%s", tt.name, w, out)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(out, w) {
				t.Errorf("%s: has %q:\n%s", tt.name, w, out)
			}
		}
	}

	// A hedged chart figure keeps its hedge after the bar and in the
	// detail line.
	hc := &dataset.Collection{
		Title:   "Hedged",
		Sources: []dataset.Source{{ID: "s", Label: "S 2011", Kind: dataset.KindPrimary}},
		Charts: []dataset.Chart{{ID: "c", View: dataset.ViewPlatforms, Title: "Sites", Source: "s",
			Series: []dataset.Series{{ID: "a", Label: "Use"}},
			Items: []dataset.Item{
				{ID: "x", Label: "Facebook", Values: map[string]dataset.Figure{"a": {Value: 65, Qualifier: "over"}}},
				{ID: "y", Label: "Twitter", Values: map[string]dataset.Figure{"a": {Value: 20}}},
			}}},
	}
	for _, w := range []int{100, 40} {
		st := explore.Start().GotoViewID(hc, dataset.ViewPlatforms)
		out := ansi.Strip(View(hc, st, Options{Width: w, Height: 20}))
		if n := strings.Count(out, "over 65%"); n < 2 {
			t.Errorf("width %d: \"over 65%%\" %d times, want after the bar and in the detail line:\n%s", w, n, out)
		}
	}
}

// TestDetailNamesOnlyOtherSources: the detail line under a chart names a
// figure's source only when it is not the chart's own, which the footnote
// right below already cites.
func TestDetailNamesOnlyOtherSources(t *testing.T) {
	c := embedded(t)
	for _, diverging := range []bool{false, true} {
		st := explore.Start().GotoViewID(c, dataset.ViewConnected)
		st.Diverging = diverging
		out := ansi.Strip(View(c, st, Options{Width: 80, Height: 24}))
		if n := strings.Count(out, "Source: QuantiaMD 2011"); n != 1 {
			t.Errorf("diverging %v: the chart's source is named %d times, want once (the footnote):\n%s", diverging, n, out)
		}
	}
	// A figure from another document than the chart's keeps its source.
	st := explore.Start().GotoViewID(c, dataset.ViewPrivacy)
	st.Chart, st.Focus = 1, "unlikely"
	out := strings.Join(strings.Fields(ansi.Strip(View(c, st, Options{Width: 120, Height: 40}))), " ")
	if !strings.Contains(out, "Source: The Health Care Blog 2011.") {
		t.Errorf("the secondary figure's source is not named:\n%s", out)
	}
}

// TestSourcesViewCountsSourcesAndDocuments: the title counts the sources,
// and the documents among them where there is room, never calling every
// source a document.
func TestSourcesViewCountsSourcesAndDocuments(t *testing.T) {
	c := embedded(t)
	docs := 0
	for _, src := range c.Sources {
		if src.Document != "" {
			docs++
		}
	}
	if docs == len(c.Sources) {
		t.Fatal("every shipped source has a document: the test would not tell sources from documents")
	}
	st := explore.Start().GotoViewID(c, dataset.ViewSources)
	for w, want := range map[int]string{
		60:  fmt.Sprintf("%d sources", len(c.Sources)),
		120: fmt.Sprintf("%d sources · %d documents", len(c.Sources), docs),
	} {
		title := strings.SplitN(ansi.Strip(View(c, st, Options{Width: w, Height: 40})), "\n", 2)[0]
		if !strings.HasSuffix(title, want) || strings.Contains(title, fmt.Sprintf("%d documents", len(c.Sources))) {
			t.Errorf("width %d: title %q, want it to end in %q", w, title, want)
		}
	}
}

// TestSourcesViewShowsTheChecks: the sources view works out the declared
// checks (dataset.CheckResults) where they fit whole, and a check the data
// fails says so.
func TestSourcesViewShowsTheChecks(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, dataset.ViewSources)
	out := ansi.Strip(View(c, st, Options{Width: 120, Height: 40}))
	for _, want := range []string{
		"Checks the figures pass",
		"✓ Professional use: 1 site + 2 or more sites = Total (at least one site): 41 + 26 = 67",
		"✓ Personal use: None of the above = 100 - Total (at least one site): 100 - 87 = 13",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if out := ansi.Strip(View(c, st, Options{Width: 80, Height: 24})); strings.Contains(out, "Checks") {
		t.Errorf("80x24 shows the checks in part, where no key reaches the rest:\n%s", out)
	}
	// Loading refuses a failing check; a collection built in code can hold
	// one. A total of 68 fails the sum (41 + 26) and the complement (None 33).
	bad := *c
	bad.Charts = slices.Clone(c.Charts)
	for i, ch := range bad.Charts {
		if ch.ID != "number-of-sites" {
			continue
		}
		ch.Items = slices.Clone(ch.Items)
		for j, it := range ch.Items {
			if it.ID == "total" {
				it.Values = maps.Clone(it.Values)
				f := it.Values["professional"]
				f.Value = 68
				it.Values["professional"] = f
				ch.Items[j] = it
			}
		}
		bad.Charts[i] = ch
	}
	out = ansi.Strip(View(&bad, st, Options{Width: 120, Height: 40}))
	if !strings.Contains(out, "2 fail") || !strings.Contains(out, "✗ Professional use: 1 site + 2 or more sites = Total (at least one site): 41 + 26 = 67, but the data says 68") {
		t.Errorf("a failing check is not reported:\n%s", out)
	}
}

// TestSourcesViewSaysWhichFiguresDiffer: the measures' heading is true of
// every row, rows whose numbers differ say so and those that agree say
// that, and a source with no sample says "n not stated".
func TestSourcesViewSaysWhichFiguresDiffer(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, dataset.ViewSources)
	for _, w := range []int{60, 100} {
		out := ansi.Strip(View(c, st, Options{Width: w, Height: 40}))
		for _, want := range []string{"Figures several sources report", "n not stated"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: lacks %q:\n%s", w, want, out)
			}
		}
		for _, bad := range []string{"Where sources disagree", "n=?"} {
			if strings.Contains(out, bad) {
				t.Errorf("width %d: has %q:\n%s", w, bad, out)
			}
		}
		// The discrepancies: "20%" against "over 20%" differs, as does
		// "nearly half" against 47%. The 28% one article gives twice (its
		// table and its key points) is one source, not several.
		if strings.Contains(out, "28% QuantiaMD") {
			t.Errorf("width %d: one article's 28%% listed as figures several sources report:\n%s", w, out)
		}
		rows := map[string]string{"70% Jones": "differ", "20% QuantiaMD": "differ", "nearly half Kantar": "differ"}
		for fig, verdict := range rows {
			found := false
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, fig) {
					found = true
					if !strings.Contains(l, "  "+verdict+"  ") {
						t.Errorf("width %d: row %q is not marked %q: %q", w, fig, verdict, l)
					}
				}
			}
			if !found {
				t.Errorf("width %d: no row for %q:\n%s", w, fig, out)
			}
		}
	}
}

// TestStaticDrawsNoKeyHints: drawn for a file (Options.Static), the
// comparison panel names no keys; on screen it does.
func TestStaticDrawsNoKeyHints(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	for _, pins := range [][]dataset.Ref{nil, pinsOf("platforms/facebook", "platforms/linkedin")} {
		st.Pins = pins
		for _, w := range []int{60, 120} {
			screen := ansi.Strip(Compare(c, st, Options{Width: w, Height: 40}))
			file := ansi.Strip(Compare(c, st, Options{Width: w, Height: 40, Static: true}))
			if !strings.Contains(screen, "esc: close") && !strings.Contains(screen, "Press c") {
				t.Errorf("%d pins, width %d: the screen's panel has no key hint:\n%s", len(pins), w, screen)
			}
			if len(pins) > 0 && !strings.Contains(file, "Comparing two pinned items") {
				t.Errorf("width %d: static panel lacks its title:\n%s", w, file)
			}
			for _, hint := range []string{"esc", "close", "Press", "press"} {
				if strings.Contains(file, hint) {
					t.Errorf("%d pins, width %d: static panel has %q:\n%s", len(pins), w, hint, file)
				}
			}
		}
	}
}

// TestEntryPointsShareTheirStart: View, Compare and Measure treat no room
// and no data alike: nothing for no room, "No data." for a nil collection,
// and sizes past the limits clamped.
func TestEntryPointsShareTheirStart(t *testing.T) {
	c := embedded(t)
	st := explore.Start()
	draws := map[string]func(*dataset.Collection, Options) string{
		"view":    func(c *dataset.Collection, o Options) string { return View(c, st, o) },
		"compare": func(c *dataset.Collection, o Options) string { return Compare(c, st, o) },
		"measure": func(c *dataset.Collection, o Options) string { return Measure(c, "personal-use", o) },
	}
	for name, draw := range draws {
		for _, o := range []Options{{Width: 0, Height: 10}, {Width: 10, Height: 0}, {Width: -5, Height: -5}} {
			if out := draw(c, o); out != "" {
				t.Errorf("%s %dx%d: %q, want nothing", name, o.Width, o.Height, out)
			}
		}
		if out := ansi.Strip(draw(nil, Options{Width: 20, Height: 3})); out != "No data." {
			t.Errorf("%s of nil: %q, want \"No data.\"", name, out)
		}
		out := draw(c, Options{Width: 1 << 30, Height: 1 << 30})
		checkFits(t, name+" huge", out, MaxWidth, MaxHeight)
		if out == "" {
			t.Errorf("%s at a huge size draws nothing", name)
		}
	}
}

// TestSourcesColumnsShrinkOnlyToSave: the publisher column is cut short
// only when that keeps the document column; at 100 columns the document
// goes and the publisher is whole.
func TestSourcesColumnsShrinkOnlyToSave(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, dataset.ViewSources)
	wide := ansi.Strip(View(c, st, Options{Width: 120, Height: 40}))
	if !strings.Contains(wide, "000_050c18f27cf9fd6b.txt") {
		t.Errorf("120 columns: no document column:\n%s", wide)
	}
	mid := ansi.Strip(View(c, st, Options{Width: 100, Height: 40}))
	if !strings.Contains(mid, "Blog post (publisher not named)") {
		t.Errorf("100 columns: the publisher is cut although the document column went:\n%s", mid)
	}
}
