package terminal

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestDecide is the table of the rules: every input that changes the
// outcome, for the explorer and for static text.
func TestDecide(t *testing.T) {
	tests := []struct {
		name string
		r    Request
		want Env
	}{
		{"explorer, auto, 256", Request{Detected: colorprofile.ANSI256, IsTerminal: true}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"explorer, NO_COLOR", Request{Detected: colorprofile.TrueColor, Environ: []string{"NO_COLOR=1"}, IsTerminal: true}, Env{Profile: colorprofile.ASCII, Dark: true}},
		{"explorer, NO_COLOR and always", Request{Detected: colorprofile.ANSI, Environ: []string{"NO_COLOR=1"}, Color: ColorAlways, IsTerminal: true}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"explorer, never", Request{Detected: colorprofile.TrueColor, Color: ColorNever, ASCII: true, IsTerminal: true}, Env{Profile: colorprofile.ASCII, Dark: true, ASCII: true, Mono: true}},
		{"explorer, always keeps true colour", Request{Detected: colorprofile.TrueColor, Color: ColorAlways, IsTerminal: true}, Env{Profile: colorprofile.TrueColor, Dark: true}},
		{"explorer, light COLORFGBG", Request{Detected: colorprofile.ANSI256, Environ: []string{"COLORFGBG=0;15"}, IsTerminal: true}, Env{Profile: colorprofile.ANSI256}},
		{"explorer, the last COLORFGBG wins", Request{Detected: colorprofile.ANSI256, Environ: []string{"COLORFGBG=0;15", "COLORFGBG=15;0"}, IsTerminal: true}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"static, pipe", Request{Detected: colorprofile.NoTTY, Output: Static}, Env{Profile: colorprofile.NoTTY, Dark: true}},
		{"static, terminal", Request{Detected: colorprofile.ANSI256, Output: Static, IsTerminal: true}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"static, terminal and NO_COLOR", Request{Detected: colorprofile.ANSI256, Environ: []string{"NO_COLOR=x"}, Output: Static, IsTerminal: true}, Env{Profile: colorprofile.NoTTY, Dark: true}},
		{"static, always on a pipe", Request{Detected: colorprofile.NoTTY, Color: ColorAlways, Output: Static}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"static, CLICOLOR_FORCE on a pipe", Request{Detected: colorprofile.NoTTY, Environ: []string{"CLICOLOR_FORCE=1"}, Output: Static}, Env{Profile: colorprofile.ANSI256, Dark: true}},
		{"static, CLICOLOR_FORCE=0", Request{Detected: colorprofile.NoTTY, Environ: []string{"CLICOLOR_FORCE=0"}, Output: Static}, Env{Profile: colorprofile.NoTTY, Dark: true}},
		{"static, CLICOLOR_FORCE and NO_COLOR", Request{Detected: colorprofile.NoTTY, Environ: []string{"CLICOLOR_FORCE=1", "NO_COLOR=1"}, Output: Static}, Env{Profile: colorprofile.NoTTY, Dark: true}},
		{"static, never on a terminal", Request{Detected: colorprofile.TrueColor, Color: ColorNever, Output: Static, IsTerminal: true}, Env{Profile: colorprofile.NoTTY, Dark: true, Mono: true}},
	}
	for _, tt := range tests {
		if got := Decide(tt.r); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestDarkBackground(t *testing.T) {
	for v, want := range map[string]bool{"": true, "15;0": true, "0;15": false, "0;7": false, "0;8": true, "15;default;0": true, "junk": true, "0;12": false} {
		if got := DarkBackground(v); got != want {
			t.Errorf("DarkBackground(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestClampSize(t *testing.T) {
	for _, tt := range []struct{ w, h, ww, wh int }{{-1, -5, 0, 0}, {100, 30, 100, 30}, {1 << 31, 1 << 31, MaxWidth, MaxHeight}} {
		if w, h := ClampSize(tt.w, tt.h); w != tt.ww || h != tt.wh {
			t.Errorf("ClampSize(%d, %d) = %d, %d", tt.w, tt.h, w, h)
		}
	}
}
