package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/docsurvey/docsurvey/internal/inputguard"
)

// ErrNotTerminal is returned by Run when the output is not a terminal; the
// command line maps it to exit code 2.
var ErrNotTerminal = errors.New("docsurvey: not a terminal; use `docsurvey show VIEW` for static output")

// ErrBadColor is returned for a --color value other than auto, always or
// never.
var ErrBadColor = errors.New("docsurvey: --color must be auto, always or never")

// bgTimeout is how long Run waits for the terminal to say its background
// colour before assuming a dark one; terminals that answer do so in a few
// milliseconds, and one that never answers must not delay the first frame.
const bgTimeout = 40 * time.Millisecond

// Run runs the explorer in the terminal on out until the user quits or ctx
// ends. It checks that out is a terminal (else ErrNotTerminal), honours
// NO_COLOR and o.Color, and decides the background colour up front with a
// short timeout. o.Renderer, if nil, is made for out.
func Run(ctx context.Context, o Options, in io.Reader, out io.Writer) error {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return ErrNotTerminal
	}
	switch o.Color {
	case "", "auto", "always", "never":
	default:
		return ErrBadColor
	}
	r := o.Renderer
	if r == nil {
		r = lipgloss.NewRenderer(out)
	}
	applyColor(r, o.Color, os.Getenv("NO_COLOR") != "")
	r.SetHasDarkBackground(darkBackground(in, f, os.Getenv("COLORFGBG")))
	o.Renderer = r
	m := New(o)
	m.SetExportDir(".")
	defer m.Close()
	p := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithInput(inputguard.Terminal(in, inputguard.Options{})), // bounded pastes
		tea.WithOutput(out),
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
	)
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// applyColor sets the renderer's colour profile: none for --color never or
// NO_COLOR (unless --color always), at least 256 colours for always.
func applyColor(r *lipgloss.Renderer, color string, noColor bool) {
	switch {
	case color == "never", noColor && color != "always":
		r.SetColorProfile(termenv.Ascii)
	case color == "always":
		if p := r.ColorProfile(); p == termenv.Ascii || p == termenv.ANSI {
			r.SetColorProfile(termenv.ANSI256)
		}
	}
}

// darkBackground decides whether the terminal is dark: from COLORFGBG if
// set, else by asking the terminal (OSC 11) and waiting at most bgTimeout;
// dark when nothing answers.
func darkBackground(in io.Reader, out *os.File, colorfgbg string) bool {
	if dark, ok := parseColorFGBG(colorfgbg); ok {
		return dark
	}
	inf, ok := in.(*os.File)
	if !ok {
		return true
	}
	if dark, ok := queryDark(inf, out, bgTimeout); ok {
		return dark
	}
	return true
}
