package server

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Terminal sequences the screen writes around a session, the modes Bubble
// Tea v2's renderer sets locally from the model's tea.View: the background
// colour query (OSC 11; Bubble Tea's input reader turns the answer into a
// tea.BackgroundColorMsg) followed by a cursor position request, which
// every terminal answers after it (a tea.CursorPositionMsg with no colour
// before it says the colour will not come), the alternate screen, a hidden cursor, mouse
// reporting (cell motion, SGR encoding), bracketed paste, and keyboard
// disambiguation (xterm's modifyOtherKeys 2 and the Kitty protocol's flag
// 1, pushed on the alternate screen's stack), undone in reverse order.
// Each frame is written as one synchronized update (mode 2026), which
// terminals without it ignore.
const (
	seqEnter = "\x1b]11;?\a\x1b[6n" + "\x1b[?1049h\x1b[?25l\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[>4;2m\x1b[>1u\x1b[2J"
	seqLeave = "\x1b[<u\x1b[>4m\x1b[?2004l\x1b[?1002l\x1b[?1006l\x1b[?25h\x1b[?1049l"
	seqEL    = "\x1b[K"      // erase to the end of the line
	seqBSU   = "\x1b[?2026h" // begin synchronized update
	seqESU   = "\x1b[?2026l" // end synchronized update
)

// screen draws a session's frames. A screen is told each frame as the model
// produces it (from View, in the program's event loop, which never blocks
// here) and a goroutine of its own writes only the lines that changed. An
// idle session costs nothing, and a viewer who stops reading holds up only
// that goroutine: it skips to the latest frame when the viewer catches up.
//
// Why it stays after the move to Bubble Tea v2, whose cell-diffing renderer
// would do the drawing (serve --tea-renderer runs it, for the comparison in
// docs/performance.md): v2's renderer still wakes 60 times a second per
// program, and it writes under the lock the event loop needs to render, so
// a viewer who stops reading stalls that program's Update (and the
// presenter's followers behind it) instead of one goroutine; it keeps a
// cell buffer per session. Measured in one run (ssh-renderers.sh 1 100):
// 100 sessions' keypress to frame p50 2.1 ms / p95 64 ms here against
// 24 ms / 232 ms, 82 MiB against 221 MiB of server RSS, and 200 idle
// sessions 2.4% of a core against 17.8%. The
// screen sets the modes the v2 renderer would set from the tea.View
// (alternate screen, mouse, bracketed paste, keyboard disambiguation,
// window title, synchronized updates).
type screen struct {
	out io.Writer

	mu      sync.Mutex
	frame   string   // the latest frame
	title   string   // the latest window title
	seqs    []string // sequences to write before the next frame (send)
	width   int      // columns on the viewer's terminal
	height  int      // rows on the viewer's terminal
	full    bool     // redraw every row (start, resize)
	pending bool     // frame or size changed since the last write
	wake    chan struct{}
	quit    chan struct{}
	done    chan struct{}
	stop    sync.Once

	shown      []string     // rows as last written; owned by run
	shownTitle string       // the window title as last written; owned by run
	writing    atomic.Int64 // unix nanoseconds when the write under way began; 0 when none is
}

// stallAfter is how long a write must wait on a viewer before the screen
// counts as stalled.
const stallAfter = 500 * time.Millisecond

// stalled reports whether the screen has been waiting on its viewer to take
// a write for longer than stallAfter.
func (s *screen) stalled() bool {
	began := s.writing.Load()
	return began != 0 && time.Since(time.Unix(0, began)) > stallAfter
}

// write writes out to the viewer, recording while it waits.
func (s *screen) write(out string) error { return s.writeBytes([]byte(out)) }

// writeBytes writes out to the viewer, recording while it waits.
func (s *screen) writeBytes(out []byte) error {
	s.writing.Store(time.Now().UnixNano())
	defer s.writing.Store(0)
	_, err := s.out.Write(out)
	return err
}

// newScreen starts a screen that writes to out, which has width x height
// cells and shows the colours of profile: every write is downsampled to it.
func newScreen(out io.Writer, width, height int, profile colorprofile.Profile) *screen {
	if profile < colorprofile.TrueColor {
		out = &downsampler{out: out, w: colorprofile.Writer{Forward: out, Profile: max(profile, colorprofile.ASCII)}}
	}
	s := &screen{out: out, width: width, height: height, full: true, wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go s.run()
	return s
}

// set records the latest frame and window title; it never blocks.
func (s *screen) set(frame, title string) {
	s.mu.Lock()
	if frame == s.frame && title == s.title && !s.full {
		s.mu.Unlock()
		return
	}
	s.frame, s.title, s.pending = frame, title, true
	s.mu.Unlock()
	s.signal()
}

// maxSends bounds the sequences waiting for a viewer who is not reading:
// past it the oldest are dropped (a copy is worth only its newest).
const maxSends = 4

// send queues a terminal sequence (the clipboard's OSC 52) to be written
// before the next frame, in the screen's own goroutine, so it never lands
// inside a frame's bytes; it never blocks.
func (s *screen) send(seq string) {
	s.mu.Lock()
	s.seqs = append(s.seqs, seq)
	if len(s.seqs) > maxSends {
		s.seqs = s.seqs[len(s.seqs)-maxSends:]
	}
	s.pending = true
	s.mu.Unlock()
	s.signal()
}

// resize records a new size and asks for a full redraw if it changed
// (Bubble Tea v2 also sends the size the session started with).
func (s *screen) resize(width, height int) {
	s.mu.Lock()
	if width == s.width && height == s.height {
		s.mu.Unlock()
		return
	}
	s.width, s.height, s.full, s.pending = width, height, true, true
	s.mu.Unlock()
	s.signal()
}

func (s *screen) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// close stops the writer after it has written the latest frame, and leaves
// the alternate screen. It waits for the writer only while the viewer keeps
// reading; a writer stuck on a viewer who stopped is left to end when the
// connection closes.
func (s *screen) close() {
	s.stop.Do(func() { close(s.quit) })
}

// finished is closed when the writer has left the alternate screen.
func (s *screen) finished() <-chan struct{} { return s.done }

func (s *screen) run() {
	defer close(s.done)
	if err := s.write(seqEnter); err != nil {
		return
	}
	for {
		select {
		case <-s.wake:
			if !s.draw() {
				return
			}
		case <-s.quit:
			s.draw()
			_ = s.write(seqLeave)
			return
		}
	}
}

// draw writes what changed since the last write; false if the viewer is gone.
// The bytes are put together in one buffer from writeBuffers, so a frame
// is copied once on its way to the SSH channel, and the buffers are shared
// by all sessions rather than held by each.
func (s *screen) draw() bool {
	s.mu.Lock()
	if !s.pending {
		s.mu.Unlock()
		return true
	}
	frame, title, height, full, seqs := s.frame, s.title, s.height, s.full, s.seqs
	s.pending, s.full, s.seqs = false, false, nil
	s.mu.Unlock()

	bufp := writeBuffers.Get().(*[]byte)
	defer putWriteBuffer(bufp)
	out := append((*bufp)[:0], seqBSU...)
	if title != s.shownTitle {
		out = append(out, ansi.SetWindowTitle(title)...)
		s.shownTitle = title
	}
	for _, seq := range seqs {
		out = append(out, seq...)
	}
	rows := frameRows(frame, height)
	out = appendDiff(out, s.shown, rows, full)
	s.shown = rows
	if len(out) == len(seqBSU) {
		*bufp = out
		return true
	}
	out = append(out, seqESU...)
	*bufp = out
	return s.writeBytes(out) == nil
}

// writeBuffers holds the buffers screens put their writes together in.
var writeBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// maxPooledWrite is the largest buffer kept for reuse: a frame of a huge
// terminal is written from a buffer of its own, then dropped.
const maxPooledWrite = 256 << 10

func putWriteBuffer(b *[]byte) {
	if cap(*b) <= maxPooledWrite {
		writeBuffers.Put(b)
	}
}

// frameRows splits frame into the rows a terminal of height rows shows.
func frameRows(frame string, height int) []string {
	rows := strings.Split(frame, "\n")
	return rows[:min(len(rows), max(height, 0))]
}

// appendDiff appends to b the bytes that turn the rows shown into rows:
// each changed row is rewritten in place and cleared to its end, rows no
// longer used are cleared, and with full every row is rewritten after
// clearing the screen.
func appendDiff(b []byte, shown, rows []string, full bool) []byte {
	if full {
		b = append(b, "\x1b[2J"...)
		shown = nil
	}
	for i, row := range rows {
		if i < len(shown) && shown[i] == row {
			continue
		}
		b = appendMoveTo(b, i)
		b = append(b, row...)
		b = append(b, seqEL...)
	}
	for i := len(rows); i < len(shown); i++ {
		b = appendMoveTo(b, i)
		b = append(b, seqEL...)
	}
	return b
}

func appendMoveTo(b []byte, row int) []byte {
	b = append(b, "\x1b["...)
	b = strconv.AppendInt(b, int64(row+1), 10)
	return append(b, ";1H"...)
}

// screenModel hands every frame its model draws to a screen, and tells the
// screen of new window sizes. Bubble Tea runs with no renderer of its own,
// and its frame ticker is stopped (ticker.go).
type screenModel struct {
	m      tea.Model
	scr    *screen
	ticker *tickerStop
}

func (s *screenModel) Init() tea.Cmd { return tea.Batch(s.m.Init(), s.ticker.cmd) }

func (s *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		s.scr.resize(ws.Width, ws.Height)
	}
	next, cmd := s.m.Update(msg)
	s.m = next
	return s, cmd
}

func (s *screenModel) View() tea.View {
	v := s.m.View()
	s.scr.set(v.Content, v.WindowTitle)
	return v
}

// downsampler writes frames in the colours a session's terminal shows.
// Parsing every escape sequence of every frame is the screen's largest
// cost, so a frame for a 256-colour terminal that holds no true-colour
// parameter (";2;", as in 38;2;R;G;B) passes as it is: it has nothing to
// convert. Anything else goes through colorprofile's writer; cursor moves
// pass even to a terminal without colour (the profile is at least ASCII).
type downsampler struct {
	out io.Writer
	w   colorprofile.Writer
}

var trueColorParam = []byte(";2;")

func (d *downsampler) Write(p []byte) (int, error) {
	if d.w.Profile == colorprofile.ANSI256 && !bytes.Contains(p, trueColorParam) {
		return d.out.Write(p)
	}
	return d.w.Write(p)
}
