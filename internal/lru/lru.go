// Package lru is a small bounded, concurrency-safe cache that forgets the
// least recently used entry first: the shared drawings of render and tui,
// where sessions with the same inputs (data, size, terminal) share one.
//
// It is written here rather than taken from a library because it is fifty
// lines with no options, and its callers need nothing else (no expiry, no
// eviction callbacks, no statistics).
package lru

import "sync"

// Cache holds at most a fixed number of entries.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	items map[K]*entry[K, V]
	head  *entry[K, V] // most recently used
	tail  *entry[K, V]
}

type entry[K comparable, V any] struct {
	k          K
	v          V
	prev, next *entry[K, V]
}

// New returns a cache of at most n entries (at least one).
func New[K comparable, V any](n int) *Cache[K, V] {
	return &Cache[K, V]{max: max(n, 1), items: make(map[K]*entry[K, V])}
}

// Get returns the value of k and whether there is one.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.unlink(e)
	c.pushFront(e)
	return e.v, true
}

// Put sets the value of k, forgetting the least recently used entry when
// the cache is full.
func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		e.v = v
		c.unlink(e)
		c.pushFront(e)
		return
	}
	e := &entry[K, V]{k: k, v: v}
	c.items[k] = e
	c.pushFront(e)
	for len(c.items) > c.max && c.tail != nil {
		old := c.tail
		c.unlink(old)
		delete(c.items, old.k)
	}
}

// Len returns how many entries the cache holds.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Reset forgets every entry.
func (c *Cache[K, V]) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = make(map[K]*entry[K, V])
	c.head, c.tail = nil, nil
}

func (c *Cache[K, V]) unlink(e *entry[K, V]) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		c.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (c *Cache[K, V]) pushFront(e *entry[K, V]) {
	e.next = c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}
