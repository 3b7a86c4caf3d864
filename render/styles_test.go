package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

func TestStylesAreBuiltOncePerKey(t *testing.T) {
	dark := NewStyles(StyleOptions{Profile: colorprofile.ANSI256, Dark: true})
	if again := NewStyles(StyleOptions{Profile: colorprofile.ANSI256, Dark: true}); again != dark {
		t.Error("two sessions on alike terminals got two Styles")
	}
	if light := NewStyles(StyleOptions{Profile: colorprofile.ANSI256}); light == dark || light.Key() == dark.Key() {
		t.Error("a light terminal shares a dark one's Styles")
	}
	// Without colour, Mono is implied: the same styles as asking for it.
	if a, b := NewStyles(StyleOptions{Profile: colorprofile.ASCII}), NewStyles(StyleOptions{Profile: colorprofile.ASCII, Mono: true}); a != b {
		t.Error("an ASCII profile and an ASCII profile asked for in mono built two Styles")
	}
	if got := dark.Title.Render("x"); !strings.Contains(got, "38;5;117") {
		t.Errorf("the shared dark styles draw a title as %q, want the dark accent 117", got)
	}
}
