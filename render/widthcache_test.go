package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWidthMatchesStringWidth checks the cached width against x/ansi's, the
// first time (measured) and the second (cached), for short, long, styled,
// wide and over-long strings.
func TestWidthMatchesStringWidth(t *testing.T) {
	cases := []string{
		"",
		"abc",
		"\x1b[38;5;42m██████▌\x1b[m 42%  Facebook for professional use",
		strings.Repeat("\x1b[1m日本語\x1b[m ", 20),
		strings.Repeat("👩‍⚕️ doctor ", 30),
		strings.Repeat("x", widthCacheMax+1),
	}
	for _, s := range cases {
		want := ansi.StringWidth(s)
		for round := range 2 {
			if got := Width(s); got != want {
				t.Errorf("Width(%.30q) round %d = %d, want %d", s, round, got, want)
			}
		}
	}
}
