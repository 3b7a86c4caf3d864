package inputguard

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// chunks is a reader that returns one chunk per Read, advancing a fake
// clock by the chunk's delay first.
type chunks struct {
	parts  []string
	delays []time.Duration
	clock  *time.Time
	inPart bool // the first part has been partly read
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	if len(c.delays) > 0 && !c.inPart {
		*c.clock = c.clock.Add(c.delays[0])
		c.delays = c.delays[1:]
	}
	n := copy(p, c.parts[0])
	c.inPart = n < len(c.parts[0])
	if c.inPart {
		c.parts[0] = c.parts[0][n:]
	} else {
		c.parts = c.parts[1:]
	}
	return n, nil
}

// run guards the chunks and returns everything that passes.
func run(t *testing.T, opts Options, parts []string, delays []time.Duration) string {
	t.Helper()
	clock := time.Unix(1000, 0)
	opts.Now = func() time.Time { return clock }
	g := New(&chunks{parts: parts, delays: delays, clock: &clock}, opts)
	out, err := io.ReadAll(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestUnterminatedPasteEndsAfterTimeout(t *testing.T) {
	got := run(t, Options{}, []string{"\x1b[200~hello", "q"}, []time.Duration{0, 3 * time.Second})
	if want := "\x1b[200~hello\x1b[201~q"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPasteWithinTimeoutIsUntouched(t *testing.T) {
	in := []string{"\x1b[200~hel", "lo\x1b[2", "01~q"}
	got := run(t, Options{}, in, []time.Duration{0, time.Second, time.Second / 2})
	if want := strings.Join(in, ""); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOverlongPasteIsCut(t *testing.T) {
	body := strings.Repeat("x", 100<<10)
	got := run(t, Options{MaxPasteBytes: 1000}, []string{"\x1b[200~" + body + "\x1b[201~q"}, nil)
	want := "\x1b[200~" + body[:1000] + "\x1b[201~q"
	if got != want {
		t.Errorf("got %d bytes ending %q, want %d bytes ending %q", len(got), tail(got), len(want), tail(want))
	}
}

func TestOverlongUnterminatedPasteEndsAfterTimeout(t *testing.T) {
	body := strings.Repeat("x", 5000)
	got := run(t, Options{MaxPasteBytes: 1000}, []string{"\x1b[200~" + body, body, "q"}, []time.Duration{0, 0, 3 * time.Second})
	want := "\x1b[200~" + body[:1000] + "\x1b[201~q"
	if got != want {
		t.Errorf("got %d bytes ending %q, want %d bytes ending %q", len(got), tail(got), len(want), tail(want))
	}
}

func TestLoneEscapeIsNotHeld(t *testing.T) {
	clock := time.Unix(0, 0)
	g := New(&chunks{parts: []string{"\x1b"}, clock: &clock}, Options{})
	buf := make([]byte, 16)
	n, _ := g.Read(buf)
	if string(buf[:n]) != "\x1b" {
		t.Errorf("first read returned %q, want the Escape key", buf[:n])
	}
}

func TestKeyFloodIsBounded(t *testing.T) {
	flood := make([]string, 256)
	for i := range flood {
		flood[i] = strings.Repeat("j", 4096) // 1 MiB of keys in no time
	}
	parts := append(flood, "\x03", "q")
	delays := make([]time.Duration, len(parts))
	delays[len(delays)-1] = time.Second // a person's key, a second later
	got := run(t, Options{Rate: SessionRate, Burst: SessionBurst}, parts, delays)
	if n := strings.Count(got, "j"); n > SessionBurst {
		t.Errorf("%d keys of a 1 MiB flood passed, want at most the burst (%d)", n, SessionBurst)
	}
	if !strings.HasSuffix(got, "\x03q") {
		t.Errorf("ctrl+c and the key after the flood did not pass: ends %q", tail(got))
	}
}

func TestFloodInsidePasteStillEndsIt(t *testing.T) {
	parts := []string{"\x1b[200~ab", strings.Repeat("\x1b[A", 5000), "q"}
	delays := []time.Duration{0, 0, time.Second}
	got := run(t, Options{Rate: 10, Burst: 10}, parts, delays)
	if !strings.HasSuffix(got, "\x1b[201~q") {
		t.Errorf("a paste cut by the rate limit was not ended: %q", tail(got))
	}
}

func tail(s string) string { return s[max(0, len(s)-20):] }

// FuzzGuard checks, for any input split into any reads, that no paste the
// program sees holds more than MaxPasteBytes, and that every paste the
// program sees started is ended before a key that comes after the timeout.
func FuzzGuard(f *testing.F) {
	f.Add([]byte("\x1b[200~abc\x1b[201~q"), uint8(3))
	f.Add([]byte("\x1b[200~"+strings.Repeat("z", 300)), uint8(7))
	f.Fuzz(func(t *testing.T, in []byte, split uint8) {
		size := int(split%64) + 1
		var parts []string
		for i := 0; i < len(in); i += size {
			parts = append(parts, string(in[i:min(len(in), i+size)]))
		}
		parts = append(parts, "q")
		delays := make([]time.Duration, len(parts))
		delays[len(delays)-1] = 3 * time.Second
		got := []byte(run(t, Options{MaxPasteBytes: 100}, parts, delays))
		for rest := got; ; {
			i := bytes.Index(rest, pasteStart)
			if i < 0 {
				break
			}
			rest = rest[i+len(pasteStart):]
			j := bytes.Index(rest, pasteEnd)
			if j < 0 {
				t.Fatalf("a paste is never ended: %q", got)
			}
			if j > 100+len(pasteEnd) {
				t.Fatalf("a paste of %d bytes passed, cap 100", j)
			}
			rest = rest[j+len(pasteEnd):]
		}
	})
}
