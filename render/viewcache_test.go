package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestSharedBodiesMatchFreshDrawings: View keeps its drawings by every
// input (viewKey) and hands them to any session asking with the same; a
// cached body is always what drawing afresh gives, across views, states,
// sizes, styles and static drawing, whichever order sessions ask in.
func TestSharedBodiesMatchFreshDrawings(t *testing.T) {
	c := embedded(t)
	type ask struct {
		st     explore.State
		w, h   int
		s      *Styles
		static bool
	}
	var asks []ask
	styles := []*Styles{colorStyles(StyleOptions{}), NewStyles(StyleOptions{Profile: colorprofile.ANSI256}),
		NewStyles(StyleOptions{ASCII: true}), colorStyles(StyleOptions{Mono: true})}
	for _, view := range dataset.EmbeddedViewIDs() {
		st := explore.Start()
		st.View = view
		st = st.Normalize(c)
		variants := []explore.State{st, st.MoveFocus(c, 1), st.MoveFocus(c, 2)}
		big, whisk, rev := st, st, st
		big.Big, whisk.Whiskers, rev.Reverse = true, true, true
		variants = append(variants, big, whisk, rev)
		for _, v := range variants {
			for _, size := range [][2]int{{100, 30}, {72, 24}, {40, 12}} {
				for _, s := range styles {
					asks = append(asks, ask{v, size[0], size[1], s, false}, ask{v, size[0], size[1], s, true})
				}
			}
		}
	}
	ResetCache()
	for _, a := range asks { // every drawing is in the cache (128 of them at most)
		View(c, a.st, Options{Width: a.w, Height: a.h, Styles: a.s, Static: a.static})
	}
	for i := len(asks) - 1; i >= 0; i-- {
		a := asks[i]
		got := View(c, a.st, Options{Width: a.w, Height: a.h, Styles: a.s, Static: a.static})
		want := drawView(c, a.st.Normalize(c), a.w, a.h, a.s, a.static)
		if got != want {
			t.Fatalf("%s %+v at %dx%d in %+v: the shared body differs from a fresh drawing", a.st.View, a.st.Key(), a.w, a.h, a.s.Key())
		}
	}
	if n := views.Len(); n == 0 || n > viewCacheSize {
		t.Errorf("the cache holds %d bodies, want 1 to %d", n, viewCacheSize)
	}
}

// TestSharedBodiesBounded: a body larger than the bound is drawn, not
// kept, so a client claiming a huge window cannot fill the cache; the
// cache never holds more than viewCacheSize bodies.
func TestSharedBodiesBounded(t *testing.T) {
	ResetCache()
	huge := strings.Repeat("x", viewCacheMaxBytes+1)
	k := viewKey{w: MaxWidth, h: MaxHeight}
	if got := cachedView(k, func() string { return huge }); got != huge {
		t.Fatal("the huge body was not returned")
	}
	if n := views.Len(); n != 0 {
		t.Errorf("a %d-byte body was kept (%d in the cache)", len(huge), n)
	}
	for i := range 2 * viewCacheSize {
		cachedView(viewKey{w: i + 1, h: 1}, func() string { return "body" })
	}
	if n := views.Len(); n != viewCacheSize {
		t.Errorf("the cache holds %d bodies, want %d", n, viewCacheSize)
	}
}
