// Package terminal decides, once per terminal, how docsurvey draws on it:
// the colour profile (after --color, NO_COLOR and CLICOLOR_FORCE), the
// background guessed from COLORFGBG, ASCII, monochrome and the largest
// size drawn. The command line decides it for the local terminal
// (Detect), the SSH server for each viewer's (Session); both hand the
// Env down to the explorer and the text renderer, which read it and
// decide nothing of their own. It does no I/O beyond Detect's look at
// its writer.
package terminal

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/docsurvey/docsurvey/render"
)

// ColorMode is --color: auto, always or never.
type ColorMode string

// The colour modes.
const (
	// ColorAuto colours a terminal unless NO_COLOR is set.
	ColorAuto ColorMode = "auto"
	// ColorAlways colours even a pipe, with at least 256 colours.
	ColorAlways ColorMode = "always"
	// ColorNever draws without colour.
	ColorNever ColorMode = "never"
)

// ColorModes lists the modes in the order help names them.
func ColorModes() []string {
	return []string{string(ColorAuto), string(ColorAlways), string(ColorNever)}
}

// Output is what is drawn on the terminal: its rules for colour differ.
type Output int

// The outputs.
const (
	// Interactive is the explorer: without colour it still draws bold and
	// reverse video (the focus needs them).
	Interactive Output = iota
	// Static is text written once (show): without colour it writes no
	// escape sequence at all, so it pipes cleanly.
	Static
)

// Env is a terminal as docsurvey draws on it, decided once.
type Env struct {
	// Profile is the colour profile frames are written in. Lip Gloss v2
	// writes colours as given and the output downsamples them; the
	// profile also says whether there is colour at all.
	Profile colorprofile.Profile
	// Dark is the background assumed until (and unless) the terminal
	// answers the background query.
	Dark bool
	// ASCII draws with ASCII characters only.
	ASCII bool
	// Mono draws without colour whatever the profile says (--color
	// never), and offers no key to switch colour on.
	Mono bool
}

// Request is everything Decide reads: what the process or the session
// knows about its terminal.
type Request struct {
	// Detected is the profile colorprofile detects for the output.
	Detected colorprofile.Profile
	// Environ is the environment (NO_COLOR, CLICOLOR_FORCE, COLORFGBG).
	Environ []string
	// Color is --color.
	Color ColorMode
	// ASCII is --ascii.
	ASCII bool
	// Output is what is drawn.
	Output Output
	// IsTerminal says whether the output is a terminal.
	IsTerminal bool
}

// Decide is the one place the rules live. Interactive: never, or NO_COLOR
// without always, draws without colour (bold and reverse remain); always
// gives at least 256 colours. Static: CLICOLOR_FORCE (and no NO_COLOR)
// reads as always; never, or auto on a pipe or with NO_COLOR, writes no
// escape sequence; always gives at least 256 colours. The background is
// COLORFGBG's, dark when it says nothing.
func Decide(r Request) Env {
	noColor := lookup(r.Environ, "NO_COLOR") != ""
	mode := r.Color
	if mode == "" {
		mode = ColorAuto
	}
	p := r.Detected
	switch r.Output {
	case Static:
		if force := lookup(r.Environ, "CLICOLOR_FORCE"); mode == ColorAuto && force != "" && force != "0" && !noColor {
			mode = ColorAlways
		}
		switch {
		case mode == ColorNever, mode == ColorAuto && (!r.IsTerminal || noColor):
			p = colorprofile.NoTTY
		case mode == ColorAlways && p < colorprofile.ANSI256:
			p = colorprofile.ANSI256
		}
	default:
		switch {
		case mode == ColorNever, noColor && mode != ColorAlways:
			p = colorprofile.ASCII
		case mode == ColorAlways && p < colorprofile.ANSI256:
			p = colorprofile.ANSI256
		}
	}
	return Env{Profile: p, Dark: DarkBackground(lookup(r.Environ, "COLORFGBG")), ASCII: r.ASCII, Mono: mode == ColorNever}
}

// fileDescriptor is what *os.File offers to check for a terminal.
type fileDescriptor interface{ Fd() uintptr }

// Detect decides the environment of the local terminal w, from the
// process's environment.
func Detect(w io.Writer, environ []string, color ColorMode, ascii bool, out Output) Env {
	return Decide(Request{Detected: colorprofile.Detect(w, environ), Environ: environ, Color: color,
		ASCII: ascii, Output: out, IsTerminal: IsTerminal(w)})
}

// Session decides the environment of an SSH viewer's terminal from the
// variables the client sent and its PTY's TERM alone.
func Session(environ []string) Env {
	return Decide(Request{Detected: colorprofile.Env(environ), Environ: environ, Output: Interactive, IsTerminal: true})
}

// HasColor reports whether the environment draws colour.
func (e Env) HasColor() bool { return !e.Mono && render.HasColor(e.Profile) }

// Styles builds the styles of the environment (with mono, the session's
// monochrome switch, on top).
func (e Env) Styles(mono bool) *render.Styles {
	return render.NewStyles(render.StyleOptions{Profile: e.Profile, Dark: e.Dark, Mono: mono || e.Mono, ASCII: e.ASCII})
}

// DarkBackground reads COLORFGBG ("15;0": foreground;background, or
// "15;default;0"): the background is dark for colours 0 to 6 and 8, and
// when the variable says nothing readable.
func DarkBackground(colorfgbg string) bool {
	if colorfgbg == "" {
		return true
	}
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil {
		return true
	}
	return bg < 7 || bg == 8
}

// The largest frame drawn, from package render: a terminal claiming more
// is drawn at this size.
const (
	MaxWidth  = render.MaxWidth
	MaxHeight = render.MaxHeight
)

// ClampSize bounds a terminal size to 0..MaxWidth columns and
// 0..MaxHeight rows: a size a terminal (or an SSH client) claims can be
// anything, and a frame of 2^31 columns would never be drawn.
func ClampSize(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// lookup is the value of the variable name in environ ("" if unset); the
// last setting wins, as in os.Getenv after several.
func lookup(environ []string, name string) string {
	v := ""
	for _, kv := range environ {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(fileDescriptor)
	return ok && term.IsTerminal(f.Fd())
}
