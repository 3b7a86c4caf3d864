package render

import "sync"

// cacheSize bounds how many renderings are kept; the oldest go first.
const cacheSize = 256

// lru is a small bounded, concurrency-safe cache. Sessions with the same
// inputs (data, size, colour profile) share one rendering.
type lru[K comparable, V any] struct {
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

func newLRU[K comparable, V any](max int) *lru[K, V] {
	return &lru[K, V]{max: max, items: make(map[K]*entry[K, V])}
}

func (c *lru[K, V]) get(k K) (V, bool) {
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

func (c *lru[K, V]) put(k K, v V) {
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

func (c *lru[K, V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

func (c *lru[K, V]) unlink(e *entry[K, V]) {
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

func (c *lru[K, V]) pushFront(e *entry[K, V]) {
	e.next = c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}

// bars caches drawn bar rows (see barRows).
var bars = newLRU[barKey, []string](cacheSize)

// ResetCache empties the shared caches of drawn bars and bodies, for
// benchmarks that measure drawing from scratch.
func ResetCache() {
	views.mu.Lock()
	views.items = make(map[viewKey]*entry[viewKey, string])
	views.head, views.tail = nil, nil
	views.mu.Unlock()
	bars.mu.Lock()
	defer bars.mu.Unlock()
	bars.items = make(map[barKey]*entry[barKey, []string])
	bars.head, bars.tail = nil, nil
}
