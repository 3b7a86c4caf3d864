package server

import (
	"io"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
)

// makeRenderer returns the session's Lip Gloss renderer from
// bubbletea.MakeRenderer without letting it query the client.
//
// With an emulated PTY, MakeRenderer writes an OSC 11 background-colour
// query to the session and reads the answer from the session's input with a
// one-second timeout. That read cannot actually be cancelled: a client that
// never answers blocks it until the viewer types, and the keystroke is lost.
// So MakeRenderer gets a view of the session whose input is at EOF and whose
// output is discarded while it is built; the background is then decided from
// the client's environment (see hasDarkBackground).
func makeRenderer(sess ssh.Session) *lipgloss.Renderer {
	q := &noQuerySession{Session: sess}
	r := bm.MakeRenderer(q)
	q.live.Store(true) // from now on the renderer's output is the session
	r.SetHasDarkBackground(hasDarkBackground(sess.Environ()))
	return r
}

// noQuerySession is an ssh.Session whose reads return EOF at once and whose
// writes are dropped until live is set.
type noQuerySession struct {
	ssh.Session
	live atomic.Bool
}

func (s *noQuerySession) Read([]byte) (int, error) { return 0, io.EOF }

func (s *noQuerySession) Write(p []byte) (int, error) {
	if s.live.Load() {
		return s.Session.Write(p)
	}
	return len(p), nil
}

// hasDarkBackground reads COLORFGBG ("fg;bg", as set by rxvt, Konsole and
// others, and passed by ssh when SendEnv allows it) and assumes a dark
// background when it is missing or unreadable.
func hasDarkBackground(environ []string) bool {
	for _, kv := range environ {
		v, ok := strings.CutPrefix(kv, "COLORFGBG=")
		if !ok {
			continue
		}
		parts := strings.Split(v, ";")
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil || n < 0 || n > 15 {
			return true
		}
		_, _, l := termenv.ConvertToRGB(termenv.ANSIColor(n)).Hsl()
		return l < 0.5
	}
	return true
}
