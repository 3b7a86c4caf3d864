package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/golden"
)

// TestTableScreens draws the table view at the three sizes the explorer is
// tried at, in colour and in ASCII without colour, with margins and a sort.
func TestTableScreens(t *testing.T) {
	c := embedded(t)
	platforms := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	platforms.Focus = "linkedin"
	margins := platforms.ToggleWhiskers()
	sorted := platforms.CycleSort().CycleSort() // by gap
	privacy := explore.Start().GotoViewID(c, dataset.ViewPrivacy).MoveFocus(c, 4)
	states := []struct {
		name string
		st   explore.State
	}{{"platforms", platforms}, {"margins", margins}, {"gap", sorted}, {"subgroup", privacy}}
	sizes := [][2]int{{100, 30}, {72, 24}, {40, 12}}
	for _, tt := range states {
		for _, sz := range sizes {
			for _, ascii := range []bool{false, true} {
				s := colorStyles(StyleOptions{})
				mode := "color"
				if ascii {
					s, mode = NewStyles(StyleOptions{ASCII: true, Mono: true}), "ascii"
				}
				out := Table(c, tt.st, Options{Width: sz[0], Height: sz[1], Styles: s})
				checkFits(t, tt.name, out, sz[0], sz[1])
				plain := ansi.Strip(out)
				if ascii && strings.ContainsFunc(plain, func(r rune) bool { return r >= 0x80 }) {
					t.Errorf("%s %dx%d ascii: non-ASCII output:\n%s", tt.name, sz[0], sz[1], plain)
				}
				golden.Check(t, fmt.Sprintf("%s-%dx%d-%s", tt.name, sz[0], sz[1], mode), []byte(plain+"\n"))
			}
		}
	}
}

// TestTableDegrades checks the order in which columns give way: the
// source, then n, then the labels are cut, never a figure.
func TestTableDegrades(t *testing.T) {
	c := embedded(t)
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	head := func(w int) string { // the lines above the first row
		lines := strings.Split(ansi.Strip(Table(c, st, Options{Width: w, Height: 30})), "\n")
		var h []string
		for _, l := range lines[1:] {
			if strings.Contains(l, "Facebook") || strings.Contains(l, "Faceb") {
				break
			}
			h = append(h, l)
		}
		return strings.Join(h, "\n")
	}
	tests := []struct {
		w          int
		has, hasnt []string
	}{
		{100, []string{"Item", "Professional use", "Personal use", "gap", "n", "Source"}, nil},
		{72, []string{"Item", "gap", "n"}, []string{"Source"}},
		{50, []string{"Item", "gap"}, []string{"Source", " n"}},
	}
	for _, tt := range tests {
		h := head(tt.w)
		for _, want := range tt.has {
			if !strings.Contains(h, want) {
				t.Errorf("width %d: header %q lacks %q", tt.w, h, want)
			}
		}
		for _, not := range tt.hasnt {
			if strings.Contains(h, not) {
				t.Errorf("width %d: header %q has %q", tt.w, h, not)
			}
		}
	}
	narrow := ansi.Strip(Table(c, st, Options{Width: 40, Height: 30}))
	for _, want := range []string{"15%", "61%", "+46 pts", "33%"} {
		if !strings.Contains(narrow, want) {
			t.Errorf("40 columns lost the figure %s:\n%s", want, narrow)
		}
	}
	if strings.Contains(narrow, "communiti…") {
		t.Errorf("an abbreviation cut again:\n%s", narrow)
	}
	// Too few lines: the focused row stays in sight and the rest are counted.
	low := st
	low.Focus = "twitter"
	short := ansi.Strip(Table(c, low, Options{Width: 100, Height: 6}))
	if !strings.Contains(short, "Twitter") || !strings.Contains(short, "4 rows above, 2 rows below") || strings.Count(short, "\n") != 5 {
		t.Errorf("6 lines, focus on Twitter:\n%s", short)
	}
	if out := ansi.Strip(Table(c, explore.Start(), Options{Width: 60, Height: 5})); !strings.Contains(out, "No chart here") {
		t.Errorf("overview: %q", out)
	}
}
