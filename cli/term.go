package cli

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/docsurvey/docsurvey/render"
)

// fileDescriptor is what *os.File offers to check for a terminal.
type fileDescriptor interface {
	Fd() uintptr
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(fileDescriptor)
	return ok && term.IsTerminal(f.Fd())
}

// terminalSize returns w's size, or ok false when w is not a terminal.
func terminalSize(w io.Writer) (width, height int, ok bool) {
	f, isFile := w.(fileDescriptor)
	if !isFile || !term.IsTerminal(f.Fd()) {
		return 0, 0, false
	}
	width, height, err := term.GetSize(f.Fd())
	return width, height, err == nil && width > 0
}

// noColor reports whether the NO_COLOR convention asks for no color.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// darkBackground guesses whether the terminal's background is dark from
// COLORFGBG ("15;0": foreground;background), without querying the
// terminal; dark when it does not say.
func darkBackground() bool {
	v := os.Getenv("COLORFGBG")
	if v == "" {
		return true
	}
	parts := strings.Split(v, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil {
		return true
	}
	return bg < 7 || bg == 8
}

// textStyles builds the styles for the text format written to w, and the
// colour profile the output must be downsampled to. Color comes only with
// mode "always" (at least 256 colors) or "auto" with CLICOLOR_FORCE set
// (as "always"), or "auto" when w is a terminal whose TERM supports color
// and NO_COLOR is unset.
func textStyles(w io.Writer, mode string, ascii bool) (*render.Styles, colorprofile.Profile) {
	p := colorprofile.Detect(w, os.Environ())
	if mode == colorAuto && colorForced() {
		mode = colorAlways
	}
	switch {
	case mode == colorNever, mode == colorAuto && (!isTerminal(w) || noColor()):
		p = colorprofile.NoTTY
	case mode == colorAlways && p < colorprofile.ANSI256:
		p = colorprofile.ANSI256
	}
	return render.NewStyles(render.StyleOptions{Profile: p, Dark: darkBackground(), ASCII: ascii}), p
}
