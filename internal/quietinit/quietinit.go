// Package quietinit keeps the terminal quiet while the program's packages
// initialise.
//
// Bubble Tea v1 asks the terminal for its background colour in a package
// init function (tea_init.go), through termenv, whose default output is
// os.Stdout as it is when termenv initialises. A terminal that answers neither
// that query nor the cursor-position request after it holds every docsurvey
// command, even `docsurvey version`, for termenv's 5-second timeout before
// main runs.
//
// Go initialises packages in import-path order among those whose imports are
// ready (the Go spec, "Package initialization", since Go 1.21). This package
// imports only os, and github.com/docsurvey/... sorts before
// github.com/muesli/termenv, so its init runs before termenv's, lipgloss's and
// Bubble Tea's. It points os.Stdout at the null device for that time, so
// termenv's default output (and so lipgloss's default renderer) is not a
// terminal and nothing is asked. main calls Restore first thing. docsurvey
// never draws with the default renderer: every renderer is made from the
// writer it draws to, and the explorer asks the background itself with a
// 40 ms limit (see tui/background.go).
package quietinit

import "os"

var stdout = os.Stdout

func init() {
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		os.Stdout = null
	}
}

// Stdout returns the process's real standard output.
func Stdout() *os.File { return stdout }

// Restore puts the real standard output back in os.Stdout and closes the
// stand-in.
func Restore() {
	if os.Stdout != stdout {
		_ = os.Stdout.Close()
		os.Stdout = stdout
	}
}
