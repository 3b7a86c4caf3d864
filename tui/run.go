package tui

import (
	"context"
	"errors"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/docsurvey/docsurvey/internal/inputguard"
)

// ErrNotTerminal is returned by Run when the output is not a terminal; the
// command line maps it to exit code 2.
var ErrNotTerminal = errors.New("docsurvey: not a terminal; use `docsurvey show VIEW` for static output")

// Run runs the explorer in the terminal on out until the user quits or ctx
// ends. With o.Load and no o.Data, the data is loaded while the program
// starts (see starter), and a load error is returned. It checks that out
// is a terminal (else ErrNotTerminal); o.Env is the terminal as the caller
// decided it (terminal.Detect). The explorer asks the terminal its
// background and draws its first frame when the answer comes, or after
// BackgroundWait on the background o.Env assumes.
func Run(ctx context.Context, o Options, in io.Reader, out io.Writer) error {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return ErrNotTerminal
	}
	env := os.Environ()
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
		tea.WithColorProfile(o.Env.Profile),
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
