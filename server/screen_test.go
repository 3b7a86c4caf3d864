package server

import (
	"bytes"
	"github.com/charmbracelet/colorprofile"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDiffFrame(t *testing.T) {
	tests := []struct {
		name   string
		shown  []string
		frame  string
		height int
		full   bool
		want   string
	}{
		{"first frame, full", nil, "a\nb", 5, true, "\x1b[2J\x1b[1;1Ha\x1b[K\x1b[2;1Hb\x1b[K"},
		{"unchanged", []string{"a", "b"}, "a\nb", 5, false, ""},
		{"one row changed", []string{"a", "b", "c"}, "a\nB\nc", 5, false, "\x1b[2;1HB\x1b[K"},
		{"fewer rows clears the rest", []string{"a", "b", "c"}, "a", 5, false, "\x1b[2;1H\x1b[K\x1b[3;1H\x1b[K"},
		{"more rows than the terminal are cut", nil, "a\nb\nc", 2, false, "\x1b[1;1Ha\x1b[K\x1b[2;1Hb\x1b[K"},
		{"full redraw rewrites unchanged rows", []string{"a"}, "a", 3, true, "\x1b[2J\x1b[1;1Ha\x1b[K"},
		{"zero height clears what was shown", []string{"a"}, "a", 0, false, "\x1b[1;1H\x1b[K"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(appendDiff(nil, tt.shown, frameRows(tt.frame, tt.height), tt.full))
			if got != tt.want {
				t.Errorf("appendDiff = %q\nwant        %q", got, tt.want)
			}
		})
	}
}

// lockedBuffer is a writer the test can read while the screen writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestScreenWritesChangesAndLeaves(t *testing.T) {
	var out lockedBuffer
	s := newScreen(&out, 80, 10, colorprofile.TrueColor)
	s.set("hello\nworld", "")
	waitFor(t, "first frame", func() bool { return strings.Contains(out.String(), "world") })
	before := out.String()
	s.set("hello\nworld", "") // the same frame writes nothing
	s.set("hello\nthere", "")
	waitFor(t, "second frame", func() bool { return strings.Contains(out.String(), "there") })
	if added := strings.TrimPrefix(out.String(), before); strings.Contains(added, "hello") {
		t.Errorf("unchanged row rewritten: %q", added)
	}
	s.close()
	<-s.finished()
	got := out.String()
	if !strings.HasPrefix(got, seqEnter) || !strings.HasSuffix(got, seqLeave) {
		t.Errorf("output does not enter and leave the alternate screen: %q", got)
	}
}

// blockedWriter never returns from Write until released, like a viewer who
// stopped reading.
type blockedWriter struct{ release chan struct{} }

func (b *blockedWriter) Write(p []byte) (int, error) {
	<-b.release
	return len(p), nil
}

func TestScreenNeverBlocksTheProgram(t *testing.T) {
	w := &blockedWriter{release: make(chan struct{})}
	s := newScreen(w, 80, 10, colorprofile.TrueColor)
	done := make(chan struct{})
	go func() {
		for i := 0; i < 10000; i++ {
			s.set(strings.Repeat("x", i%50), "")
			if i%100 == 0 {
				s.resize(80, i%40+1)
			}
		}
		s.close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("set/resize/close blocked behind a viewer who does not read")
	}
	close(w.release)
	<-s.finished()
}

// TestScreenDownsamples: a 16-colour viewer gets 256-colour frames in 16
// colours; a 256-colour viewer gets them as they are, and true colour
// converted; cursor moves pass to a viewer without colour.
func TestScreenDownsamples(t *testing.T) {
	frame := "\x1b[38;5;75mblue\x1b[m"
	for _, tt := range []struct {
		profile colorprofile.Profile
		frame   string
		want    []string
		not     []string
	}{
		{colorprofile.ANSI, frame, []string{"blue"}, []string{"38;5;"}},
		{colorprofile.ANSI256, frame, []string{"38;5;75m"}, nil},
		{colorprofile.ANSI256, "\x1b[38;2;0;128;255mblue\x1b[m", []string{"38;5;"}, []string{"38;2;"}},
		{colorprofile.NoTTY, frame, []string{"\x1b[1;1H", "blue"}, []string{"38;5;"}},
	} {
		var out syncBuffer
		s := newScreen(&out, 80, 10, tt.profile)
		s.set(tt.frame, "")
		s.close()
		<-s.finished()
		got := out.String()
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: %q lacks %q", tt.profile, got, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%v: %q has %q", tt.profile, got, n)
			}
		}
	}
}

// TestTeaRendererMode: with Config.TeaRenderer, Bubble Tea v2's renderer
// draws the session (the comparison in docs/performance.md) and keys work.
// It rewrites only the cells that change: "n=0" becomes "n=1" by one cell.
func TestTeaRendererMode(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.TeaRenderer = true })
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "hello 80x24 n=0")
	first := len(v.out.String())
	v.send(t, "+")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(v.out.String()[first:], "1") {
		if time.Now().After(deadline) {
			t.Fatalf("no redraw after +: %q", v.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	v.send(t, "q")
	if code := v.waitEnd(t); code != 0 {
		t.Errorf("exit status %d after q", code)
	}
}
