package tui

import (
	"sync"
	"testing"

	"github.com/docsurvey/docsurvey/present"
)

// TestEqualInputsEqualFrames: two models that reach the same inputs by
// different keys have equal frame keys and equal frames, and models whose
// frames differ have different keys. The frame key is complete.
func TestEqualInputsEqualFrames(t *testing.T) {
	pairs := []struct{ a, b []string }{
		{nil, []string{"j", "k"}},
		{[]string{"2", "s"}, []string{"3", "2", "s"}},
		{[]string{"2", "c", "v"}, []string{"2", "c", "v", "v", "v"}},
		{[]string{"m"}, []string{"m", "m", "m"}},
		{[]string{"?"}, []string{"?", "?", "?"}},
	}
	for _, p := range pairs {
		a, b := newModel(t, 100, 30), newModel(t, 100, 30)
		press(a, p.a...)
		press(b, p.b...)
		ka, kb := a.frameKey(), b.frameKey()
		if ka != kb {
			t.Errorf("%v and %v: keys differ:\n%+v\n%+v", p.a, p.b, ka, kb)
			continue
		}
		if a.Frame() != b.Frame() {
			t.Errorf("%v and %v: equal keys, different frames", p.a, p.b)
		}
	}
	// Every key that changes the screen changes the key.
	m := newModel(t, 100, 30)
	for _, k := range []string{"2", "j", "s", "p", "c", "i", "e", "m", "b", "?", "?", "T", " "} {
		before, frame := m.frameKey(), m.Frame()
		press(m, k)
		if m.Frame() != frame && m.frameKey() == before {
			t.Fatalf("%q changed the frame but not its key", k)
		}
	}
}

// TestFollowersShareFrames: followers of one presenter at one size draw
// each of the presenter's screens once between them, and each shows the
// frame it would have drawn itself.
func TestFollowersShareFrames(t *testing.T) {
	hub := present.NewHub()
	frames := NewFrames(16, 1<<20)
	p := roleModel(t, hub, RolePresenter, 100, 30)
	var fs []*Model
	for range 4 {
		f := roleModel(t, hub, RoleAudience, 100, 30)
		f.frames.shared = frames
		fs = append(fs, f)
	}
	other := roleModel(t, hub, RoleAudience, 80, 24) // another size: its own frames
	other.frames.shared = frames
	for _, keys := range [][]string{{"2"}, {"j"}, {"s"}, {"c"}, {"tab"}} {
		press(p, keys...)
		_, before := frames.stats()
		for _, f := range append(fs, other) {
			drain(f)
		}
		if _, after := frames.stats(); after-before != 2 {
			t.Fatalf("after %v the followers drew %d frames, want 2 (one per size)", keys, after-before)
		}
		for i, f := range fs {
			if got, own := f.Frame(), f.compose(); got != own {
				t.Fatalf("after %v follower %d shows a frame that is not its own", keys, i)
			}
		}
	}
	// A follower exploring alone draws for itself.
	press(fs[0], "f")
	_, before := frames.stats()
	press(fs[0], "j")
	if _, after := frames.stats(); after != before {
		t.Fatal("a session exploring alone used the shared frames")
	}
}

// TestFramesDrawOnceAndStayBounded: concurrent gets of one key draw once;
// the cache keeps at most its bound; a draw that panics frees its waiters.
func TestFramesDrawOnceAndStayBounded(t *testing.T) {
	f := NewFrames(2, 1<<20)
	start := make(chan struct{})
	var draws int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if got := f.get(frameKey{width: 1}, func() string { mu.Lock(); draws++; mu.Unlock(); return "frame" }); got != "frame" {
				t.Errorf("got %q", got)
			}
		}()
	}
	close(start)
	wg.Wait()
	if draws != 1 {
		t.Fatalf("%d draws of one key, want 1", draws)
	}
	for w := 2; w < 6; w++ {
		f.get(frameKey{width: w}, func() string { return "x" })
	}
	if held, _ := f.stats(); held != 2 {
		t.Fatalf("holds %d frames, bound 2", held)
	}
	small := NewFrames(8, 4)
	small.get(frameKey{width: 1}, func() string { return "larger than four bytes" })
	if held, _ := small.stats(); held != 0 {
		t.Fatalf("kept a frame over the byte bound")
	}
	func() {
		defer func() { _ = recover() }()
		f.get(frameKey{width: 9}, func() string { panic("boom") })
	}()
	if got := f.get(frameKey{width: 9}, func() string { return "again" }); got != "again" {
		t.Fatalf("after a panicked draw: %q", got)
	}
}
