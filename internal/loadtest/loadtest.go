// Package loadtest opens many SSH sessions to a docsurvey server on this
// machine and measures how quickly frames arrive, and what the server
// process costs in memory and CPU (from /proc, given its PID).
//
// A frame is a burst of output: bytes that arrive and then stop for
// Config.Settle. Time to first frame runs from the start of the TCP dial
// (so it includes the SSH handshake) to the last byte of the first burst;
// keypress-to-frame runs from writing a key to the last byte of the burst
// that follows it.
package loadtest

import (
	"context"
	"errors"
	"io"
	"regexp"
	"sync"
	"time"
)

// Report is the result of a run.
type Report struct {
	Config      Config
	Opened      int            // sessions that got a first frame
	Failures    map[string]int // error → count
	FirstFrame  Dist
	KeyToFrame  Dist
	KeysNoFrame int // keys after which no frame came within FrameTimeout
	Wall        time.Duration

	// Server samples, if Config.ServerPID was set: before any session,
	// with every session open (in idle mode: at the start and end of the
	// quiet window), and after the sessions closed.
	Before, Loaded, LoadedEnd, After *ProcSample
	SampleErr                        string

	// Present is presenter mode's result.
	Present PresentReport
}

// Run performs the load run and returns its report. It stops by itself
// after cfg.Timeout or when ctx is done.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	rep := &Report{Config: cfg, Failures: map[string]int{}}
	start := time.Now()
	sample := func() *ProcSample {
		if cfg.ServerPID == 0 {
			return nil
		}
		s, err := SampleProc(cfg.ServerPID)
		if err != nil {
			rep.SampleErr = err.Error()
			return nil
		}
		return &s
	}
	rep.Before = sample()
	if cfg.PresenterKey != nil {
		runPresent(ctx, cfg, rep, sample)
		if cfg.ServerPID != 0 {
			sleep(context.Background(), 500*time.Millisecond)
		}
		rep.After = sample()
		rep.Wall = time.Since(start)
		if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			rep.Failures["run: stopped at the timeout"]++
		}
		return rep, nil
	}

	var (
		mu     sync.Mutex
		first  []time.Duration
		keys   []time.Duration
		noKey  int
		opened sync.WaitGroup // one per session until its first frame (or failure)
		wg     sync.WaitGroup
	)
	fail := func(what string, err error) {
		mu.Lock()
		rep.Failures[what+": "+addrRE.ReplaceAllString(err.Error(), "ADDR")]++
		mu.Unlock()
	}
	quiet := make(chan struct{}) // idle mode: closed when the quiet window ends
	opened.Add(cfg.Sessions)
	for i := range cfg.Sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var once sync.Once
			ready := func() { once.Do(opened.Done) }
			defer ready()
			if cfg.Ramp > 0 {
				select {
				case <-time.After(cfg.Ramp * time.Duration(i) / time.Duration(cfg.Sessions)):
				case <-ctx.Done():
					return
				}
			}
			s, err := open(ctx, cfg, keyboardInteractive())
			if err != nil {
				fail("open", err)
				return
			}
			defer s.close()
			d, err := s.out.frame(ctx, 0, s.start, cfg)
			if err != nil {
				fail("first frame", err)
				return
			}
			mu.Lock()
			first = append(first, d)
			rep.Opened++
			mu.Unlock()
			ready()
			if cfg.Idle {
				select {
				case <-quiet:
				case <-ctx.Done():
				}
				return
			}
			for range cfg.Keys {
				if !sleep(ctx, cfg.KeyInterval) {
					return
				}
				if s.ended() {
					fail("session", errEndedEarly)
					return
				}
				seen := s.out.count()
				t0 := time.Now()
				if _, err := io.WriteString(s.stdin, cfg.KeyBytes); err != nil {
					fail("key", err)
					return
				}
				d, err := s.out.frame(ctx, seen, t0, cfg)
				mu.Lock()
				if err != nil {
					noKey++
				} else {
					keys = append(keys, d)
				}
				mu.Unlock()
				if ctx.Err() != nil {
					return
				}
			}
			select {
			case <-time.After(cfg.Hold):
			case <-ctx.Done():
			case <-s.done:
				fail("session", errEndedEarly)
			}
		}()
	}

	waitCtx(ctx, &opened)
	if cfg.Idle {
		rep.Loaded = sample()
		sleep(ctx, cfg.IdleFor)
		rep.LoadedEnd = sample()
		close(quiet)
	} else {
		rep.Loaded = sample()
	}
	wg.Wait()
	if cfg.ServerPID != 0 {
		sleep(context.Background(), 500*time.Millisecond) // let the server tidy up
	}
	rep.After = sample()
	rep.Wall = time.Since(start)
	rep.FirstFrame = distOf(first)
	rep.KeyToFrame = distOf(keys)
	rep.KeysNoFrame = noKey
	if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		rep.Failures["run: stopped at the timeout"]++
	}
	return rep, nil
}

func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func waitCtx(ctx context.Context, wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

var (
	addrRE        = regexp.MustCompile(`(\[[0-9a-fA-F:.]+\]|[0-9]+(\.[0-9]+){3}):[0-9]+`)
	errEndedEarly = errors.New("closed by the server before the run was over")
)
