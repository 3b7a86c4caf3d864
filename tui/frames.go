package tui

import (
	"container/list"
	"sync"
)

// Frames is a bounded, concurrency-safe cache of composed frames, shared
// by the sessions of one server (Options.Frames). When the presenter
// changes the screen, every follower's program wakes with the same
// screen; followers at the same size and in the same environment would
// each draw the same frame. With Frames the first draws it and the others,
// arriving meanwhile, wait for that drawing and show it: a key's frame is
// drawn once per distinct frameKey, not once per follower.
//
// It holds at most max frames and maxBytes of them, dropping the least
// recently used. It is created per server and handed down, never global.
type Frames struct {
	mu       sync.Mutex
	max      int
	maxBytes int
	bytes    int
	entries  map[frameKey]*list.Element
	lru      *list.List // of *frameEntry, most recent first
	draws    int        // frames drawn through the cache, for tests
}

// frameEntry is one frame, or one being drawn (ready not yet closed).
type frameEntry struct {
	key   frameKey
	frame string
	ready chan struct{}
}

// NewFrames returns a cache of at most n frames and maxBytes bytes of
// them (a frame larger than maxBytes is drawn but not kept).
func NewFrames(n, maxBytes int) *Frames {
	return &Frames{max: max(n, 1), maxBytes: maxBytes, entries: map[frameKey]*list.Element{}, lru: list.New()}
}

// get returns the frame of k, drawing it with draw if no session has: at
// most one draw per key runs at a time, and the others wait for it.
func (f *Frames) get(k frameKey, draw func() string) string {
	f.mu.Lock()
	if el, ok := f.entries[k]; ok {
		f.lru.MoveToFront(el)
		e := el.Value.(*frameEntry)
		f.mu.Unlock()
		<-e.ready
		return e.frame
	}
	e := &frameEntry{key: k, ready: make(chan struct{})}
	f.entries[k] = f.lru.PushFront(e)
	f.draws++
	f.mu.Unlock()
	done := false
	defer func() {
		if !done { // draw panicked: forget the entry, free its waiters
			f.remove(e)
			close(e.ready)
		}
	}()
	e.frame = draw()
	done = true
	close(e.ready)
	f.mu.Lock()
	f.bytes += len(e.frame)
	f.evict()
	f.mu.Unlock()
	return e.frame
}

// remove forgets e if it is still the entry of its key.
func (f *Frames) remove(e *frameEntry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if el, ok := f.entries[e.key]; ok && el.Value == e {
		f.lru.Remove(el)
		delete(f.entries, e.key)
	}
}

// evict drops the least recently used drawn frames until the cache is
// within its bounds. Frames being drawn are skipped: they count nothing
// yet. Called with f.mu held.
func (f *Frames) evict() {
	for el := f.lru.Back(); el != nil && (f.lru.Len() > f.max || f.bytes > f.maxBytes); {
		prev := el.Prev()
		e := el.Value.(*frameEntry)
		select {
		case <-e.ready:
			f.lru.Remove(el)
			delete(f.entries, e.key)
			f.bytes -= len(e.frame)
		default:
		}
		el = prev
	}
}

// stats returns how many frames the cache holds and has drawn.
func (f *Frames) stats() (held, drawn int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lru.Len(), f.draws
}
