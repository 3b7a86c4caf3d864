package render

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func embedded(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func colorStyles(opts StyleOptions) *Styles {
	opts.Profile, opts.Dark = colorprofile.ANSI256, true
	return NewStyles(opts)
}

// checkFits fails if the block has more than h lines or a line wider than w.
func checkFits(t *testing.T, what, out string, w, h int) {
	t.Helper()
	if out == "" {
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Fatalf("%s: %d lines for height %d", what, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s: line %d is %d wide, width %d: %q", what, i, lw, w, ansi.Strip(l))
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	c := embedded(t)
	styles := []*Styles{colorStyles(StyleOptions{}), NewStyles(StyleOptions{ASCII: true})}
	for _, view := range dataset.EmbeddedViewIDs() {
		for _, big := range []bool{false, true} {
			st := explore.Start().GotoViewID(c, view).MoveFocus(c, 3)
			st.Big = big
			sizes := [][2]int{}
			for w := 0; w <= 200; w += 3 {
				for _, h := range []int{0, 1, 5, 12, 24, 60} {
					sizes = append(sizes, [2]int{w, h})
				}
			}
			for h := 0; h <= 60; h++ {
				for _, w := range []int{1, 20, 40, 80, 120} {
					sizes = append(sizes, [2]int{w, h})
				}
			}
			for _, sz := range sizes {
				for _, s := range styles {
					out := View(c, st, Options{Width: sz[0], Height: sz[1], Styles: s})
					checkFits(t, view, out, sz[0], sz[1])
				}
			}
		}
	}
}

func TestViewAbsurdSizes(t *testing.T) {
	c := embedded(t)
	for _, sz := range [][2]int{{-5, -5}, {math.MaxInt32, 24}, {80, math.MaxInt32}, {math.MaxInt, math.MaxInt}} {
		out := View(c, explore.Start().GotoViewID(c, "platforms"), Options{Width: sz[0], Height: sz[1]})
		if len(strings.Split(out, "\n")) > MaxHeight {
			t.Fatalf("size %v: too many lines", sz)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > MaxWidth {
				t.Fatalf("size %v: line wider than MaxWidth", sz)
			}
		}
	}
	if View(nil, explore.State{}, Options{Width: 40, Height: 5}) == "" {
		t.Error("nil collection should say there is no data")
	}
}

// weird is a collection with hostile values and non-ASCII labels.
func weird() *dataset.Collection {
	nan, inf := math.NaN(), math.Inf(1)
	return &dataset.Collection{
		Title:   "Ärzte 医師",
		Sources: []dataset.Source{{ID: "s", Label: "Quelle 2020", Publisher: "Verlag", Date: "2020", Sample: 12}},
		Charts: []dataset.Chart{{
			ID: "c", View: "platforms", Title: "Netzwerke", Question: "Welche Netzwerke nutzen Sie?", Source: "s",
			Series: []dataset.Series{{ID: "a", Label: "Beruflich"}, {ID: "b", Label: "Privat"}},
			Items: []dataset.Item{
				{ID: "x", Label: "Ärzte-Netzwerk", Values: map[string]dataset.Figure{"a": {Value: 40}, "b": {Value: 60}}},
				{ID: "y", Label: "医師", Values: map[string]dataset.Figure{"a": {Value: 25}, "b": {Value: 75}}},
				{ID: "z", Label: "NaN and Inf", Values: map[string]dataset.Figure{"a": {Value: nan}, "b": {Value: inf}}},
				{ID: "n", Label: "Negative and huge", Values: map[string]dataset.Figure{"a": {Value: -20}, "b": {Value: 1e300}}},
				{ID: "m", Label: "Missing", Values: map[string]dataset.Figure{"a": {Value: 10}}},
			},
		}},
	}
}

func TestHostileValuesDrawSafely(t *testing.T) {
	c := weird()
	st := explore.Start().GotoViewID(c, "platforms")
	for w := 0; w <= 140; w++ {
		out := View(c, st, Options{Width: w, Height: 30, Styles: colorStyles(StyleOptions{})})
		checkFits(t, "weird", out, w, 30)
	}
	out := ansi.Strip(View(c, st, Options{Width: 100, Height: 40}))
	for _, want := range []string{"n/a", "Missing", "医師", "Ärzte-Netzwerk"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestNonASCIILabelsAlign(t *testing.T) {
	c := weird()
	st := explore.Start().GotoViewID(c, "platforms")
	out := ansi.Strip(View(c, st, Options{Width: 100, Height: 40}))
	// The bars of every item start in the same column, whatever the
	// label's script: find the first bar glyph on each labelled line.
	col := -1
	for _, l := range strings.Split(out, "\n") {
		if !strings.Contains(l, "Ärzte-Netzwerk ") && !strings.Contains(l, "医師 ") {
			continue
		}
		i := strings.IndexAny(l, "█▒")
		if i < 0 {
			t.Fatalf("no bar on %q", l)
		}
		c := ansi.StringWidth(l[:i])
		if col >= 0 && c != col {
			t.Fatalf("bars start at column %d and %d:\n%s", col, c, out)
		}
		col = c
	}
	if col < 0 {
		t.Fatalf("labels not found:\n%s", out)
	}
	// Cut labels are never cut mid-character.
	narrow := ansi.Strip(View(c, st, Options{Width: 30, Height: 40}))
	if strings.ContainsRune(narrow, '\uFFFD') {
		t.Fatalf("broken character in\n%s", narrow)
	}
}

func TestBarLengthsHonest(t *testing.T) {
	ch := &dataset.Chart{ID: "c", Series: []dataset.Series{{ID: "a"}}, Items: []dataset.Item{
		{ID: "x", Values: map[string]dataset.Figure{"a": {Value: 50}}},
		{ID: "y", Values: map[string]dataset.Figure{"a": {Value: 100}}},
		{ID: "z", Values: map[string]dataset.Figure{"a": {Value: 0}}},
	}}
	s := NewStyles(StyleOptions{})
	rows := drawBars(ch, []int{0, 1, 2}, 40, 4, s, false, true)
	want := []int{20, 40, 0}
	for i, r := range rows {
		got := strings.Count(ansi.Strip(r), "█")
		if got != want[i] {
			t.Errorf("row %d: %d cells, want %d (%q)", i, got, want[i], ansi.Strip(r))
		}
	}
	if !strings.HasSuffix(strings.TrimRight(ansi.Strip(rows[0]), " "), " 50%") {
		t.Errorf("value not after bar: %q", ansi.Strip(rows[0]))
	}
}

func TestCacheConcurrentAndBounded(t *testing.T) {
	c := embedded(t)
	s := colorStyles(StyleOptions{})
	var wg sync.WaitGroup
	outs := make([]string, 8)
	for i := range outs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			st := explore.Start().GotoViewID(c, "platforms")
			outs[i] = View(c, st, Options{Width: 100, Height: 30, Styles: s})
		}(i)
	}
	wg.Wait()
	for _, o := range outs[1:] {
		if o != outs[0] {
			t.Fatal("same inputs, different frames")
		}
	}
	for w := 40; w < 40+2*cacheSize; w++ {
		View(c, explore.Start().GotoViewID(c, "benefits"), Options{Width: w, Height: 30, Styles: s})
	}
	if n := bars.Len(); n > cacheSize {
		t.Fatalf("cache holds %d entries, bound %d", n, cacheSize)
	}
}

func TestASCIIOnly(t *testing.T) {
	c := embedded(t)
	s := NewStyles(StyleOptions{ASCII: true})
	for _, view := range dataset.EmbeddedViewIDs() {
		st := explore.Start().GotoViewID(c, view)
		out := View(c, st, Options{Width: 120, Height: 40, Styles: s})
		for _, r := range out {
			if r > 127 {
				t.Fatalf("%s: non-ASCII %q in ASCII mode:\n%s", view, r, out)
			}
		}
	}
}

func TestToASCII(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"“quoted” — it’s…", "\"quoted\" - it's~"},
		{"Ärzte 医師", "?rzte ????"},
		{"\x1b[1m•\x1b[0m", "\x1b[1m*\x1b[0m"},
		{"a · b ▸ ★ ├─┤ █▒░▓", "a | b > * |-| #=-+"},
		{"🇫🇷 👩🏽‍💻", "?? ??????"},
	}
	for _, tt := range tests {
		got := ToASCII(tt.in)
		if got != tt.want {
			t.Errorf("ToASCII(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if Width(got) != Width(tt.in) {
			t.Errorf("ToASCII(%q) changed the width", tt.in)
		}
	}
}

// isDataRune reports whether r comes from the data (quoted wording may hold
// typographic quotes and dashes).
func isDataRune(c *dataset.Collection, r rune) bool {
	return strings.ContainsRune("’“”–—é", r)
}
