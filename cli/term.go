package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
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
