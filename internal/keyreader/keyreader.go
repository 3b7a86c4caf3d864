// Package keyreader reads a terminal's input as Bubble Tea input events:
// keys, mouse, pastes and the answers to queries, decoded by Ultraviolet's
// [uv.EventDecoder], the decoder Bubble Tea v2's own reader uses.
//
// Why not Bubble Tea's own reader: every [uv.TerminalReader] builds its own
// table of 1,320 legacy key sequences, about 168 KB, and nothing lets two
// readers share one. On the SSH server that is one table per viewer, half a
// session's live heap, and the time to build it at every connection. The
// decoder alone decodes every sequence in that table to the same key except
// fifteen (modified F3, CSI 1;mR, which is also a cursor-position report):
// for those it gives both the key and the report. keyreader_test.go checks
// this against the table at the version in go.mod. Reading here also takes
// one goroutine per terminal where Bubble Tea's reader takes two.
//
// What it does as Bubble Tea's reader does:
//   - a burst ("jjj" in one read) is one event per key;
//   - an escape, or a sequence cut by the read, waits up to EscTimeout for
//     the rest before it is taken as it stands (a lone escape is the Esc
//     key);
//   - a bracketed paste is one [uv.PasteEvent] between a
//     [uv.PasteStartEvent] and a [uv.PasteEndEvent], its keys never acting.
//
// What it leaves to the reader below it: the size and duration of a paste
// (internal/inputguard ends one that never ends). It holds at most
// MaxPending bytes of an unfinished sequence; past that they are taken as
// they stand. Windows console input is not read: this is for SSH sessions.
package keyreader

import (
	"context"
	"errors"
	"go/token"
	"io"
	"reflect"
	"sync"
	"time"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// EscTimeout is how long an unfinished escape sequence waits for its rest,
// as Bubble Tea's reader ([uv.DefaultEscTimeout]).
const EscTimeout = uv.DefaultEscTimeout

// MaxPending is the most bytes of an unfinished sequence held for its rest.
const MaxPending = 64 << 10

// readSize is the most read from the terminal at a time.
const readSize = 4096

// Stream reads r until it fails or ctx is done, passing every event to send
// in order, and returns the read's error (nil at io.EOF). send may block;
// no event is passed after Stream returns.
func Stream(ctx context.Context, r io.Reader, send func(uv.Event)) error {
	s := &scanner{send: send}
	s.timer = time.AfterFunc(time.Hour, s.expire)
	s.timer.Stop()
	buf := make([]byte, readSize)
	for {
		n, err := r.Read(buf)
		if ctx.Err() != nil {
			s.stop(false)
			return nil
		}
		if n > 0 {
			s.feed(buf[:n])
		}
		if err != nil {
			s.stop(true) // the input ended: what it holds is all there is
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// scanner holds what is read but not yet an event: the tail of an
// unfinished sequence, and a paste in progress.
type scanner struct {
	mu       sync.Mutex
	dec      uv.EventDecoder
	pending  []byte
	paste    []byte // non-nil while a paste is open
	send     func(uv.Event)
	timer    *time.Timer
	deadline time.Time // when the pending tail is taken as it stands
	stopped  bool
}

// feed adds a read and passes on the events it completes.
func (s *scanner) feed(p []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, p...)
	s.scan(len(s.pending) > MaxPending)
	s.schedule()
}

// expire takes the pending tail as it stands, once EscTimeout has passed
// since the last read.
func (s *scanner) expire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || time.Now().Before(s.deadline) {
		return
	}
	s.scan(true)
	s.schedule()
}

// schedule starts the wait for the rest of a pending tail.
func (s *scanner) schedule() {
	if len(s.pending) == 0 {
		s.timer.Stop()
		return
	}
	s.deadline = time.Now().Add(EscTimeout)
	s.timer.Reset(EscTimeout)
}

// stop passes nothing more, after the pending bytes as they stand if
// flush is set.
func (s *scanner) stop(flush bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if flush {
		s.scan(true)
	}
	s.stopped = true
	s.timer.Stop()
}

// scan passes the events at the front of the pending bytes and keeps the
// unfinished rest; expired takes the rest as it stands.
func (s *scanner) scan(expired bool) {
	buf := s.pending
	for len(buf) > 0 {
		n, ev := s.dec.Decode(buf)
		if n == 0 || s.wait(buf, n, ev, expired) {
			break
		}
		if s.paste != nil {
			s.addToPaste(buf[:n], ev)
		} else {
			s.pass(ev)
		}
		buf = buf[n:]
	}
	s.pending = append(s.pending[:0], buf...)
}

// wait reports whether the event of the first n bytes may be the start of
// a longer one still in flight: an escape, an alt+key, or a sequence the
// decoder does not know yet.
func (s *scanner) wait(buf []byte, n int, ev uv.Event, expired bool) bool {
	if expired {
		return false
	}
	if _, ok := ev.(uv.UnknownEvent); ok {
		return true
	}
	if _, ok := ev.(uv.PasteEndEvent); ok {
		return false
	}
	return buf[0] == ansi.ESC && n <= 2
}

// addToPaste adds one event's text to the open paste, or ends it.
func (s *scanner) addToPaste(seq []byte, ev uv.Event) {
	switch ev := ev.(type) {
	case uv.PasteEndEvent:
		s.send(uv.PasteEvent{Content: pasteText(s.paste)})
		s.paste = nil
		s.send(ev)
	case uv.KeyPressEvent:
		if ev.Text != "" {
			s.paste = append(s.paste, ev.Text...)
		} else {
			s.paste = append(s.paste, seq...)
		}
	}
}

// pass sends one decoded event; a paste's start opens the paste.
func (s *scanner) pass(ev uv.Event) {
	switch ev := ev.(type) {
	case nil:
		return
	case uv.MultiEvent:
		for _, e := range ev {
			s.pass(e)
		}
		return
	case uv.PasteStartEvent:
		s.paste = []byte{}
	case uv.PasteEndEvent: // with no start: an empty paste, as Bubble Tea's reader
		s.send(uv.PasteEvent{})
	}
	if !token.IsExported(reflect.TypeOf(ev).Name()) {
		return // the decoder's own (a sequence it reads and discards)
	}
	s.send(ev)
}

// pasteText is a paste's bytes as text, without what is not UTF-8 (and
// without U+FFFD, as Bubble Tea's reader).
func pasteText(b []byte) string {
	text := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		if r != utf8.RuneError {
			text = append(text, r)
		}
		b = b[w:]
	}
	return string(text)
}
