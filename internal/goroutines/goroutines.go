// Package goroutines counts a test process's goroutines once they have
// settled, for tests that bound what a session or a model costs.
package goroutines

import (
	"runtime"
	"time"
)

// Settled returns the number of goroutines once it has held still for a
// tenth of a second, waiting at most five seconds: goroutines that end on
// their own (commands, warm-ups, timers' callbacks) have ended.
func Settled() int {
	n := runtime.NumGoroutine()
	for range 50 {
		time.Sleep(100 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m == n {
			return n
		}
		n = m
	}
	return n
}
