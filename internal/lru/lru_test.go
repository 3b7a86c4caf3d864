package lru

import (
	"sync"
	"testing"
)

func TestLeastRecentlyUsedGoesFirst(t *testing.T) {
	c := New[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	if v, ok := c.Get("a"); !ok || v != 1 { // a is now the most recent
		t.Fatalf("a = %d, %v", v, ok)
	}
	c.Put("c", 3) // forgets b
	for _, tc := range []struct {
		k    string
		want int
		ok   bool
	}{{"a", 1, true}, {"b", 0, false}, {"c", 3, true}} {
		if v, ok := c.Get(tc.k); v != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tc.k, v, ok, tc.want, tc.ok)
		}
	}
	c.Put("c", 4)
	if v, _ := c.Get("c"); v != 4 || c.Len() != 2 {
		t.Errorf("after replacing c: c = %d, len %d", v, c.Len())
	}
	c.Reset()
	if _, ok := c.Get("a"); ok || c.Len() != 0 {
		t.Errorf("Reset kept %d entries", c.Len())
	}
}

func TestSizeIsAtLeastOne(t *testing.T) {
	c := New[int, int](0)
	c.Put(1, 1)
	if v, ok := c.Get(1); !ok || v != 1 {
		t.Fatal("a cache of size 0 keeps nothing: it should keep one entry")
	}
}

func TestBoundedUnderConcurrentUse(t *testing.T) {
	c := New[int, int](16)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				c.Put(g*1000+i, i)
				c.Get(i)
			}
		})
	}
	wg.Wait()
	if n := c.Len(); n != 16 {
		t.Fatalf("%d entries, want 16", n)
	}
}
