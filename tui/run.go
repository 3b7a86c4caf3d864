package tui

import (
	"context"
	"errors"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/docsurvey/docsurvey/internal/inputguard"
)

// ErrNotTerminal is returned by Run when the output is not a terminal; the
// command line maps it to exit code 2.
var ErrNotTerminal = errors.New("docsurvey: not a terminal; use `docsurvey show VIEW` for static output")

// ErrBadColor is returned for a --color value other than auto, always or
// never.
var ErrBadColor = errors.New("docsurvey: --color must be auto, always or never")

// Run runs the explorer in the terminal on out until the user quits or ctx
// ends. With o.Load and no o.Data, the data is loaded while the program
// starts (see starter), and a load error is returned. It checks that out is a terminal (else ErrNotTerminal) and decides
// the colour profile from the environment, NO_COLOR and o.Color; the
// explorer asks the terminal its background and draws its first frame when
// the answer comes, or after BackgroundWait on a dark background.
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
	env := os.Environ()
	o.Profile = colorProfile(colorprofile.Detect(out, env), o.Color, os.Getenv("NO_COLOR") != "")
	o.Dark = true
	o.Background = BackgroundQuery{Ask: true, Wait: BackgroundWait, Terminal: out}
	var root tea.Model
	if o.Data == nil && o.Load != nil {
		st := &starter{o: o}
		defer st.close()
		root = st
	} else {
		m := New(o)
		m.SetExportDir(".")
		defer m.Close()
		root = m
	}
	p := tea.NewProgram(root,
		tea.WithContext(ctx),
		tea.WithInput(inputguard.Terminal(in, inputguard.Options{})), // bounded pastes
		tea.WithOutput(out),
		tea.WithEnvironment(env),
		tea.WithColorProfile(o.Profile),
		// 120 frames a second, not 60: the background query goes out on
		// the renderer's first tick and the first frame on the next, so
		// the answer costs half as long. The renderer writes only when
		// the frame changed; an idle tick costs a comparison.
		tea.WithFPS(120),
	)
	final, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	if st, ok := final.(*starter); ok && err == nil && st.err != nil {
		return st.err
	}
	return err
}

// colorProfile applies --color to the detected profile: no colour for
// never or NO_COLOR (unless always), at least 256 colours for always.
func colorProfile(detected colorprofile.Profile, color string, noColor bool) colorprofile.Profile {
	switch {
	case color == "never", noColor && color != "always":
		return colorprofile.ASCII
	case color == "always" && detected < colorprofile.ANSI256:
		return colorprofile.ANSI256
	}
	return detected
}
