package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/internal/inputguard"
	"github.com/docsurvey/docsurvey/internal/keyreader"
	"github.com/docsurvey/docsurvey/internal/terminal"
)

// Why a session ended, as logged.
const (
	reasonQuit         = "quit"          // the model quit (the viewer asked)
	reasonIdle         = "idle timeout"  // Config.IdleTimeout without input
	reasonMax          = "max timeout"   // Config.MaxTimeout reached
	reasonShutdown     = "shutdown"      // Server.Shutdown
	reasonClientClosed = "client closed" // input reached EOF
	reasonDisconnected = "disconnected"  // the connection went away
	reasonPanic        = "panic"         // the model panicked
	reasonNoPTY        = "no pty"        // refused by activeterm
	reasonNoModel      = "no model"      // the factory returned nil
)

// resizeEvery is the shortest interval between two window sizes given to a
// session's program. A client may send thousands of window changes a second
// (a window dragged by its corner, or a hostile client); each one costs the
// model a full layout and redraw. Sizes that arrive faster are coalesced:
// only the latest is kept, and it is delivered when the interval is up, so
// the last size always arrives.
const resizeEvery = 30 * time.Millisecond

// pasteTimeout ends a bracketed paste that has no end; tests shorten it.
var pasteTimeout = inputguard.DefaultPasteTimeout

// quitGrace is how long a program has to quit after being asked before it
// is killed.
const quitGrace = 2 * time.Second

// screenGrace is how long a session's end waits for its last frame to reach
// the viewer before the closing message.
const screenGrace = time.Second

// inputTracker passes the viewer's input to the program and records when the
// viewer last sent anything, and when the input ended.
type inputTracker struct {
	r    io.Reader
	last atomic.Int64 // unix nanoseconds of the last input
	eof  chan struct{}
	once sync.Once
}

func newInputTracker(r io.Reader) *inputTracker {
	t := &inputTracker{r: r, eof: make(chan struct{})}
	t.touch()
	return t
}

func (t *inputTracker) touch() { t.last.Store(time.Now().UnixNano()) }

func (t *inputTracker) idleFor() time.Duration {
	return time.Since(time.Unix(0, t.last.Load()))
}

func (t *inputTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.touch()
	}
	if err != nil {
		t.once.Do(func() { close(t.eof) })
	}
	return n, err
}

// runProgram is the innermost handler: it runs one Bubble Tea program on
// the session until the model quits, a limit is reached, the viewer goes
// away or the server shuts down, and then ends the session with a line of
// explanation and an exit status.
func (s *Server) runProgram(sess ssh.Session) {
	st := statsOf(sess)
	pty, winch, _ := sess.Pty()
	w, h := ClampSize(pty.Window.Width, pty.Window.Height)

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()

	// Bounded pastes and a bounded rate of keys (see internal/inputguard).
	guarded := inputguard.New(sess, inputguard.Options{Rate: inputguard.SessionRate, Burst: inputguard.SessionBurst, PasteTimeout: pasteTimeout})
	defer func() {
		if n := guarded.Dropped(); n > 0 {
			s.log.Warn("input dropped", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(), "bytes", n, "why", "faster than a person types, or a paste over the limit")
		}
	}()
	env := sessionEnviron(sess)
	tenv := terminal.Session(env)
	in := newInputTracker(guarded)
	// The screen is made after the model; Touch may be called from any
	// goroutine the model starts, so it finds the screen through scrRef.
	var scrRef atomic.Pointer[screen]
	g := newGuard()
	g.m = s.newModel(ctx, sess, tenv, w, h, in, &scrRef)
	if g.m == nil {
		st.setReason(reasonNoModel)
		s.log.Error("model factory returned nil", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String())
		fmt.Fprint(sess, "docsurvey: internal error, session closed\r\n")
		_ = sess.Exit(1)
		return
	}

	var scr *screen
	if !s.cfg.TeaRenderer {
		scr = newScreen(sess, w, h, tenv.Profile)
		scrRef.Store(scr)
		s.screens.Store(scr, struct{}{})
		defer s.screens.Delete(scr)
	}
	p, ended := s.newProgram(sess, g, scr, in, env, tenv.Profile, w, h)
	if scr != nil {
		// Bubble Tea reads no input (newProgram): keyreader does, without
		// a key table of its own per viewer.
		go func() { _ = keyreader.Stream(ctx, in, func(e uv.Event) { p.Send(e) }) }()
	}

	done := make(chan struct{})
	watched := make(chan string, 1)
	go s.watch(ctx, p, g, in, winch, done, watched)

	_, err := p.Run()
	ended()
	close(done)
	reason := <-watched
	if reason == "" {
		reason = reasonQuit
	}
	s.endSession(sess, st, g, scr, reason, err)
}

// newModel asks the model factory for the session's model.
func (s *Server) newModel(ctx context.Context, sess ssh.Session, tenv terminal.Env, w, h int, in *inputTracker, scrRef *atomic.Pointer[screen]) tea.Model {
	touch := func() {
		// A viewer who stopped reading (a suspended ssh, a sleeping laptop)
		// is not watching: the model's activity must not keep the session.
		if scr := scrRef.Load(); scr == nil || !scr.stalled() {
			in.touch()
		}
	}
	presenterID, presenterName := s.presenterWho(sess)
	var clipboard func(string)
	if !s.cfg.TeaRenderer {
		clipboard = func(text string) {
			if scr := scrRef.Load(); scr != nil {
				scr.send(ansi.SetSystemClipboard(text))
			}
		}
	}
	return s.cfg.NewModel(SessionInfo{
		User:          sess.User(),
		RemoteAddr:    sess.RemoteAddr().String(),
		Presenter:     s.isPresenter(sess),
		PresenterID:   presenterID,
		PresenterName: presenterName,
		Env:           tenv,
		Width:         w,
		Height:        h,
		Context:       ctx,
		Touch:         touch,
		Clipboard:     clipboard,
	})
}

// endSession ends a session whose program has returned err, for reason:
// it logs a panic or an error, waits briefly for the last frame, writes
// the line that says why the session ended and exits with its status.
func (s *Server) endSession(sess ssh.Session, st *sessionStats, g *guard, scr *screen, reason string, err error) {
	code := 0
	var msg string
	if what, stack := g.panicInfo(); what != "" {
		reason, code = reasonPanic, 1
		msg = "docsurvey: internal error, session closed"
		s.log.Error("panic in session", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(), "in", what, "stack", stack)
	} else if errors.Is(err, tea.ErrProgramPanic) {
		// A panic the guard could not see (one in Bubble Tea itself): Bubble
		// Tea recovered it and printed it to the server's stdout.
		reason, code = reasonPanic, 1
		msg = "docsurvey: internal error, session closed"
		s.log.Error("panic in session", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(), "in", "program (recovered by Bubble Tea)")
	} else if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		code = 1
		s.log.Warn("program error", "user", logSafe(sess.User()), "remote", sess.RemoteAddr().String(), "err", err)
	}
	switch reason {
	case reasonIdle:
		msg = fmt.Sprintf("docsurvey: closed after %s without input", s.cfg.IdleTimeout)
	case reasonMax:
		msg = fmt.Sprintf("docsurvey: session time limit (%s) reached", s.cfg.MaxTimeout)
	case reasonShutdown:
		msg = "docsurvey: server is shutting down"
	}
	st.setReason(reason)
	stalled := false
	if scr != nil {
		scr.close()
		select {
		case <-scr.finished():
		case <-time.After(screenGrace):
		}
		stalled = scr.stalled()
	}
	// A viewer who stopped reading would hold this write (and the session)
	// until the connection's own deadline: skip the line.
	if msg != "" && !stalled {
		fmt.Fprint(sess, "\r\n"+msg+"\r\n")
	}
	_ = sess.Exit(code)
}

// newProgram makes the session's program. By default it draws through the
// session's screen (screen.go), Bubble Tea's renderer is off, and so is its
// input reader: runProgram reads the viewer's keys, mouse and the answer to
// the background query with internal/keyreader, which decodes them as
// Bubble Tea's reader does without building a 168 KB key table per
// session. With Config.TeaRenderer the session runs on Bubble Tea v2 alone,
// as the bare stack is measured: its renderer draws, downsampling to the
// session's profile, its reader reads, and the background query is written
// before it starts.
//
// It returns the program and what to call once the program has returned.
func (s *Server) newProgram(sess ssh.Session, g *guard, scr *screen, in *inputTracker, env []string, profile colorprofile.Profile, w, h int) (*tea.Program, func()) {
	opts := []tea.ProgramOption{
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(w, h),
		tea.WithoutSignalHandler(), // signals belong to the process, not to a viewer
	}
	if scr == nil {
		fmt.Fprint(sess, "\x1b]11;?\a")
		return tea.NewProgram(g, append(opts, tea.WithInput(in))...), func() {}
	}
	// Without a renderer, Bubble Tea's frame ticker only flushes output
	// the program itself queues (queries and clipboard writes sent as
	// commands, which this server sends through the screen instead); it is
	// stopped once the session runs (ticker.go).
	opts = append(opts, tea.WithInput(nil), tea.WithoutRenderer(), tea.WithFPS(1))
	sm := &screenModel{m: g, scr: scr}
	p := tea.NewProgram(sm, opts...)
	sm.ticker = newTickerStop(p.ReleaseTerminal)
	return p, sm.ticker.end
}

// watch feeds clamped window sizes to the program, at most one per
// resizeEvery, and ends it when a limit is reached. It keeps draining winch until done is closed, because the SSH
// library blocks the session's request loop until each size is taken. It
// sends the reason it ended the program (or "") on result when done.
func (s *Server) watch(ctx context.Context, p *tea.Program, g *guard, in *inputTracker, winch <-chan ssh.Window, done <-chan struct{}, result chan<- string) {
	idle := time.NewTimer(s.cfg.IdleTimeout)
	defer idle.Stop()
	maxT := time.NewTimer(s.cfg.MaxTimeout)
	defer maxT.Stop()
	var kill <-chan time.Time
	var reason string
	end := func(r string) {
		if reason != "" {
			return
		}
		reason = r
		go p.Quit() // may block until the event loop runs; returns when the program ends
		kill = time.After(quitGrace)
	}
	// Window sizes: latest is the newest not yet delivered (if waiting);
	// resizeTick fires resizeEvery after the last delivery.
	var latest tea.WindowSizeMsg
	var waiting bool
	var resizeTick <-chan time.Time
	deliverResize := func() {
		p.Send(latest)
		waiting = false
		resizeTick = time.After(resizeEvery)
	}
	shutdown, eof, panicked, ctxDone := s.shutdown, in.eof, g.panicked, ctx.Done()
	for {
		select {
		case <-done:
			result <- reason
			return
		case win, ok := <-winch:
			if !ok {
				winch = nil
				continue
			}
			in.touch()
			w, h := ClampSize(win.Width, win.Height)
			latest, waiting = tea.WindowSizeMsg{Width: w, Height: h}, true
			if resizeTick == nil { // none delivered within resizeEvery
				deliverResize()
			}
		case <-resizeTick:
			resizeTick = nil
			if waiting {
				deliverResize()
			}
		case <-idle.C:
			if d := in.idleFor(); d < s.cfg.IdleTimeout {
				idle.Reset(s.cfg.IdleTimeout - d)
				continue
			}
			end(reasonIdle)
		case <-maxT.C:
			end(reasonMax)
		case <-shutdown:
			shutdown = nil
			end(reasonShutdown)
		case <-eof:
			eof = nil
			end(reasonClientClosed)
		case <-panicked:
			panicked = nil
			end(reasonPanic)
		case <-ctxDone:
			ctxDone = nil
			end(reasonDisconnected)
		case <-kill:
			kill = nil
			p.Kill()
		}
	}
}
