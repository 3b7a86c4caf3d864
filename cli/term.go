package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/render"
)

// fileDescriptor is what *os.File offers to check for a terminal.
type fileDescriptor interface {
	Fd() uintptr
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool { return terminal.IsTerminal(w) }

// terminalSize returns w's size, or ok false when w is not a terminal.
func terminalSize(w io.Writer) (width, height int, ok bool) {
	f, isFile := w.(fileDescriptor)
	if !isFile || !term.IsTerminal(f.Fd()) {
		return 0, 0, false
	}
	width, height, err := term.GetSize(f.Fd())
	return width, height, err == nil && width > 0
}

// textStyles builds the styles for the text format written to w, and the
// colour profile the output must be downsampled to, from the terminal
// environment (terminal.Decide holds the rules: --color, NO_COLOR,
// CLICOLOR_FORCE, COLORFGBG).
func textStyles(w io.Writer, mode string, ascii bool) (*render.Styles, colorprofile.Profile) {
	env := terminal.Detect(w, os.Environ(), terminal.ColorMode(mode), ascii, terminal.Static)
	return env.Styles(false), env.Profile
}
