package keyreader

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// collect streams input through Stream and returns the events it passed.
func collect(t testing.TB, input []byte) []uv.Event {
	t.Helper()
	var evs []uv.Event
	if err := Stream(context.Background(), bytes.NewReader(input), func(e uv.Event) { evs = append(evs, e) }); err != nil {
		t.Fatal(err)
	}
	return evs
}

// bubbleTeas streams input through the reader Bubble Tea v2 uses.
func bubbleTeas(t testing.TB, input []byte) []uv.Event {
	t.Helper()
	r := uv.NewTerminalReader(bytes.NewReader(input), "xterm-256color")
	ch := make(chan uv.Event, 64)
	done := make(chan error, 1)
	go func() { done <- r.StreamEvents(context.Background(), ch); close(ch) }()
	var evs []uv.Event
	for e := range ch {
		evs = append(evs, e)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return evs
}

// legacyTable is the key table every uv.TerminalReader builds for itself,
// read from the reader Bubble Tea would make for term.
func legacyTable(t testing.TB, term string) map[string]uv.Key {
	t.Helper()
	field := reflect.ValueOf(uv.NewTerminalReader(nil, term)).Elem().FieldByName("table")
	if !field.IsValid() || field.Kind() != reflect.Map {
		t.Fatalf("uv.TerminalReader has no key table any more: read keyreader's doc comment again against go.mod's ultraviolet")
	}
	table := map[string]uv.Key{}
	for it := field.MapRange(); it.Next(); {
		v := it.Value()
		table[it.Key().String()] = uv.Key{Code: rune(v.FieldByName("Code").Int()), Mod: uv.KeyMod(v.FieldByName("Mod").Int())}
	}
	return table
}

// isModifiedF3 reports whether seq is CSI 1;mR: modified F3, or a cursor
// position report.
func isModifiedF3(seq string) bool {
	var m int
	_, err := fmt.Sscanf(seq, "\x1b[1;%dR", &m)
	return err == nil && strings.HasSuffix(seq, "R")
}

func TestDecodesWhatBubbleTeasKeyTableDoes(t *testing.T) {
	for _, term := range []string{"xterm-256color", "rxvt-unicode", "linux", "screen", "dumb"} {
		table := legacyTable(t, term)
		if len(table) < 1000 {
			t.Fatalf("%s: a table of %d sequences, expected over 1,000", term, len(table))
		}
		both := 0
		for seq, want := range table {
			evs := collect(t, []byte(seq))
			if isModifiedF3(seq) {
				// The decoder gives the key and the cursor report both.
				if len(evs) != 2 || !sameKey(evs[0], want) {
					t.Errorf("%s %q: got %v, want %v and a cursor position", term, seq, evs, want)
				}
				both++
				continue
			}
			if len(evs) != 1 || !sameKey(evs[0], want) {
				t.Errorf("%s %q: got %v, want %v", term, seq, evs, uv.KeyPressEvent(want).Keystroke())
			}
		}
		if both != 15 {
			t.Errorf("%s: %d modified F3 sequences, the doc comment says 15", term, both)
		}
	}
}

func sameKey(e uv.Event, want uv.Key) bool {
	k, ok := e.(uv.KeyPressEvent)
	return ok && k.Code == want.Code && k.Mod == want.Mod
}

func TestEvents(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		want        []string // each event as %T %v
	}{
		{"a burst is key by key", "jjj", []string{"j", "j", "j"}},
		{"sort twice", "ss", []string{"s", "s"}},
		{"arrows in one read", "\x1b[A\x1b[B", []string{"up", "down"}},
		{"alt+key", "\x1bj", []string{"alt+j"}},
		{"lone escape", "\x1b", []string{"esc"}},
		{"escape then a key", "\x1b\x1b[A", []string{"alt+up"}},
		{"paste does not act", "\x1b[200~q\x03j\x1b[201~j", []string{"uv.PasteStartEvent", "paste q\x03j", "uv.PasteEndEvent", "j"}},
		{"background answer", "\x1b]11;rgb:ffff/ffff/ffff\x07", []string{"uv.BackgroundColorEvent"}},
		{"mouse click", "\x1b[<0;10;5M", []string{"uv.MouseClickEvent"}},
		{"unfinished sequence at the end", "\x1b[1;", []string{"uv.UnknownEvent"}},
		{"not UTF-8", "\xff", []string{"uv.UnknownEvent"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(collect(t, []byte(tc.input)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q: got %q, want %q", tc.input, got, tc.want)
			}
		})
	}
}

// describe names events for a table test: a key by its keystroke, a paste
// by its text, anything else by its type.
func describe(evs []uv.Event) []string {
	out := []string{}
	for _, e := range evs {
		switch e := e.(type) {
		case uv.KeyPressEvent:
			out = append(out, e.Keystroke())
		case uv.PasteEvent:
			out = append(out, "paste "+e.Content)
		default:
			out = append(out, fmt.Sprintf("%T", e))
		}
	}
	return out
}

// chunks is a reader that gives its parts one read at a time, waiting
// gap before each after the first.
type chunks struct {
	parts [][]byte
	gap   time.Duration
	read  int
}

func (c *chunks) Read(p []byte) (int, error) {
	if c.read >= len(c.parts) {
		return 0, io.EOF
	}
	if c.read > 0 {
		time.Sleep(c.gap)
	}
	n := copy(p, c.parts[c.read])
	c.read++
	return n, nil
}

func TestASequenceCutByTheReadWaitsForItsRest(t *testing.T) {
	r := &chunks{parts: [][]byte{[]byte("\x1b"), []byte("[A"), []byte("\x1b[20"), []byte("0~x\x1b[201~")}, gap: EscTimeout / 5}
	var evs []uv.Event
	if err := Stream(context.Background(), r, func(e uv.Event) { evs = append(evs, e) }); err != nil {
		t.Fatal(err)
	}
	want := []string{"up", "uv.PasteStartEvent", "paste x", "uv.PasteEndEvent"}
	if got := describe(evs); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestALoneEscapeIsEscOnceTheWaitIsOver(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	got := make(chan uv.Event, 4)
	go func() { _ = Stream(context.Background(), pr, func(e uv.Event) { got <- e }) }()
	if _, err := pw.Write([]byte("\x1b")); err != nil {
		t.Fatal(err)
	}
	select {
	case e := <-got:
		if k, ok := e.(uv.KeyPressEvent); !ok || k.Keystroke() != "esc" {
			t.Fatalf("got %v, want esc", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a lone escape, with the input still open, never became esc")
	}
}

func TestAnEndlessSequenceIsHeldOnlyUpToMaxPending(t *testing.T) {
	s := &scanner{send: func(uv.Event) {}}
	s.timer = time.AfterFunc(time.Hour, s.expire)
	defer s.stop(false)
	s.feed([]byte("\x1b[1"))
	part := bytes.Repeat([]byte("1"), readSize)
	for range 4 * MaxPending / readSize {
		s.feed(part)
		if len(s.pending) > MaxPending {
			t.Fatalf("holding %d bytes of one sequence, over MaxPending (%d)", len(s.pending), MaxPending)
		}
	}
}

func TestNothingIsPassedAfterStreamReturns(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	returned := false
	late := false
	done := make(chan struct{})
	go func() {
		_ = Stream(ctx, pr, func(uv.Event) {
			mu.Lock()
			late = late || returned
			mu.Unlock()
		})
		mu.Lock()
		returned = true
		mu.Unlock()
		close(done)
	}()
	_, _ = pw.Write([]byte("\x1b")) // pending: would become esc after EscTimeout
	cancel()
	_ = pw.Close() // wakes the read, which sees ctx done
	<-done
	time.Sleep(2 * EscTimeout)
	mu.Lock()
	defer mu.Unlock()
	if late {
		t.Fatal("an event was passed after Stream returned")
	}
}

func TestReadErrorIsReturned(t *testing.T) {
	boom := fmt.Errorf("boom")
	err := Stream(context.Background(), io.MultiReader(strings.NewReader("j"), errReader{boom}), func(uv.Event) {})
	if err != boom {
		t.Fatalf("got %v, want the read's error", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// FuzzSameEventsAsBubbleTeasReader feeds one read to both readers and
// wants the same events, but for a whole read that is one entry of the
// key table (read first by Bubble Tea's reader; see the table test).
func FuzzSameEventsAsBubbleTeasReader(f *testing.F) {
	for _, seed := range []string{"jjj", "\x1b[A\x1bj", "\x1b", "\x1b[200~q\x1b[201~", "\x1b[200~\xff\xef\xbf\xbd\x1b[201~", "\x1b]11;rgb:0000/0000/0000\x07\x1b[5;1R", "\x1b[<0;1;1M", "\x1b[1;", "\xff", "\x1b[106u", "\x1bP>|xterm\x1b\\", "é👍🏽"} {
		f.Add([]byte(seed))
	}
	table := legacyTable(f, "xterm-256color")
	f.Fuzz(func(t *testing.T, input []byte) {
		if len(input) > readSize {
			return // one read each, as both read at most readSize
		}
		if _, ok := table[string(input)]; ok {
			return
		}
		ours, theirs := collect(t, input), bubbleTeas(t, input)
		if !reflect.DeepEqual(ours, theirs) {
			t.Fatalf("%q:\nours   %#v\ntheirs %#v", input, ours, theirs)
		}
	})
}
