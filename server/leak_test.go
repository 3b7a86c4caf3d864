package server

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestNoGoroutineLeak opens and closes 200 sessions, in waves of 20, and
// checks that the server's goroutines come back to the baseline.
func TestNoGoroutineLeak(t *testing.T) {
	ts := startServer(t, nil)
	warm := mustDial(t, ts.addr, 80, 24) // let lazily started goroutines start
	warm.waitFor(t, "hello")
	warm.close()
	settle(t, ts)
	baseline := runtime.NumGoroutine()
	ignore := goleak.IgnoreCurrent()

	const total, wave = 200, 20
	for done := 0; done < total; done += wave {
		var wg sync.WaitGroup
		for i := range wave {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v, err := dial(ts.addr, 80, 24, nil)
				if err != nil {
					t.Errorf("dial: %v", err)
					return
				}
				defer v.close()
				deadline := time.Now().Add(10 * time.Second)
				for !strings.Contains(v.out.String(), "hello 80x24") {
					if time.Now().After(deadline) {
						t.Errorf("no first frame: %q", v.out.String())
						return
					}
					time.Sleep(5 * time.Millisecond)
				}
				if i%2 == 0 { // half quit politely, half just hang up
					_, _ = v.stdin.Write([]byte("q"))
					<-v.waited
				}
			}()
		}
		wg.Wait()
		if t.Failed() {
			return
		}
	}
	settle(t, ts)
	goleak.VerifyNone(t, ignore)
	t.Logf("goroutines: baseline %d, after %d sessions %d", baseline, total, runtime.NumGoroutine())
}

// settle waits until the server has no open connection.
func settle(t *testing.T, ts *testServer) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for ts.openConns() > 0 || ts.sessions.Load() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("still %d connections, %d sessions", ts.openConns(), ts.sessions.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
