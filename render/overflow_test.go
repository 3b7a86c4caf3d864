package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// graphemeData has labels a terminal draws wider or narrower than their
// clusters: emoji ZWJ sequences, skin tones, flags, Hangul jamo, combining
// marks (the data of tui's TestGraphemeLabelsNeverOverflow).
const graphemeData = `{"title": "👩🏽‍💻 Survey 한국", "sources": [{"id": "s", "label": "👨‍👩‍👧‍👦 Src", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "c", "view": "platforms", "title": "👍🏽👍🏽👍🏽 한글 한 chart", "question": "Q 🇫🇷🇩🇪🇯🇵 é?", "source": "s",
"series": [{"id": "a", "label": "👩🏽‍💻👩🏽‍💻👩🏽‍💻 series"}, {"id": "b", "label": "한글 series"}],
"items": [{"id": "i", "label": "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family item with a long label", "values": {"a": 50, "b": 20}},
          {"id": "j", "label": "한글 한글 🇰🇷🇰🇷🇰🇷", "values": {"a": 30, "b": 40}}]}],
"findings": [{"id": "f", "view": "platforms", "label": "🧑🏿‍🚀🧑🏿‍🚀 finding", "source": "s", "value": 3, "wording": "w"}]}`

func graphemes(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Parse([]byte(graphemeData), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// everyState is a view's states worth drawing: as opened, focus moved,
// big, as a butterfly (sorted by gap too), with whiskers, one series, the
// second section, pins and a spotlight.
func everyState(c *dataset.Collection, view string) map[string]explore.State {
	base := explore.Start().GotoViewID(c, view).MoveFocus(c, 1)
	pins := []dataset.Ref{}
	for _, ch := range c.Charts {
		for _, it := range ch.Items[:min(2, len(ch.Items))] {
			pins = append(pins, dataset.Ref{Chart: ch.ID, Item: it.ID})
		}
	}
	out := map[string]explore.State{"open": base}
	set := func(name string, f func(*explore.State)) {
		st := base
		f(&st)
		out[name] = st.Normalize(c)
	}
	set("big", func(s *explore.State) { s.Big = true })
	set("butterfly", func(s *explore.State) { s.Diverging = true })
	set("butterfly-gap-big", func(s *explore.State) { s.Diverging, s.Sort, s.Big = true, dataset.SortGap, true })
	set("whiskers", func(s *explore.State) { s.Whiskers = true })
	set("one-series", func(s *explore.State) { *s = s.CycleSeries(c) })
	set("second", func(s *explore.State) { s.Chart = 1 })
	set("pins", func(s *explore.State) { s.Pins, s.Spotlight = pins[:min(4, len(pins))], c.Charts[0].Items[0].Label })
	return out
}

// drawEverything draws every view of c in every state at w x h, as a
// table too, the comparison panel and every measure side by side, in colour and ASCII,
// and calls check with each block.
func drawEverything(c *dataset.Collection, w, h int, check func(what, out string)) {
	for _, s := range []*Styles{colorStyles(StyleOptions{}), NewStyles(StyleOptions{ASCII: true})} {
		o := Options{Width: w, Height: h, Styles: s}
		for _, view := range c.ViewIDs() {
			for name, st := range everyState(c, view) {
				what := fmt.Sprintf("%s/%s ascii=%v %dx%d", view, name, s.ASCII(), w, h)
				check(what, View(c, st, o))
				check("table "+what, Table(c, st, o))
				if view == c.ViewIDs()[0] {
					check("compare "+what, Compare(c, st, o))
				}
			}
		}
		for _, m := range explore.MeasuresCompared(c) {
			check(fmt.Sprintf("measure %s ascii=%v %dx%d", m.ID, s.ASCII(), w, h), Measure(c, m.ID, o))
		}
	}
}

// TestClampLinesNeverFires: the renderer lays every line out by Width, so
// ClampLines, the explorer's guard, never has a line of it to cut: every
// view, the panel and the measures of the shipped data, of hostile values
// and of labels terminals draw wider than their clusters, at the sizes
// people use and at absurd ones, and for the grapheme data at every width.
func TestClampLinesNeverFires(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 5}, {36, 10}, {40, 12}, {72, 24}, {100, 30}, {200, 60}, {1000, 300}}
	g := graphemes(t)
	for name, c := range map[string]*dataset.Collection{"shipped": embedded(t), "hostile": weird(), "graphemes": g} {
		check := func(w, h int) func(what, out string) {
			return func(what, out string) {
				if cut, fired := clampLines(out, w); fired {
					t.Errorf("%s %s: ClampLines cut a line:\n%s\n--- cut to\n%s", name, what, out, cut)
				}
				checkFits(t, name+" "+what, out, w, h)
				for i, l := range strings.Split(out, "\n") {
					if Width(l) > w {
						t.Fatalf("%s %s: line %d is %d cells wide", name, what, i, Width(l))
					}
				}
			}
		}
		for _, sz := range sizes {
			drawEverything(c, sz[0], sz[1], check(sz[0], sz[1]))
		}
	}
	for w := 1; w <= 130; w++ {
		drawEverything(g, w, 30, func(what, out string) {
			if _, fired := clampLines(out, w); fired {
				t.Errorf("graphemes %s: ClampLines cut a line", what)
			}
		})
	}
}
