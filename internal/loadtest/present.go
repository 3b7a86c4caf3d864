package loadtest

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// PresentReport is what presenter mode measures: for each key the
// presenter sends, the time until each follower has drawn the frame that
// follows it (presenter key to follower frame), and the presenter's own
// keypress to frame.
type PresentReport struct {
	// FollowerFrame is presenter key to follower frame, over every key and
	// every follower.
	FollowerFrame Dist
	// PresenterFrame is the presenter's own keypress to frame.
	PresenterFrame Dist
	// Missed counts (key, follower) pairs without a frame within
	// Config.FrameTimeout.
	Missed int
	// Keys is how many keys the presenter sent.
	Keys int
	// SameReplica and OtherReplicas split FollowerFrame, with
	// Config.Replicas: followers on the presenter's replica, and on the
	// others (through NATS).
	SameReplica, OtherReplicas Dist
}

// runPresent is presenter mode: cfg.Sessions followers log in without a
// key (keyboard-interactive), wait for their first frame, then one
// presenter logs in with cfg.PresenterKey and sends cfg.Keys keys,
// cfg.KeyInterval after every follower has drawn the previous one (or
// FrameTimeout passed). Followers draw only when the presenter's screen
// changes, so the first burst of output after a key is that key's frame.
func runPresent(ctx context.Context, cfg Config, rep *Report, sample func() *ProcSample) {
	fail := rep.failer()
	followers := openFollowers(ctx, cfg, rep, fail)
	defer func() {
		for _, s := range followers {
			s.close()
		}
	}()
	if ctx.Err() != nil || len(followers) == 0 {
		return
	}
	p, err := open(ctx, cfg, gossh.PublicKeys(cfg.PresenterKey))
	if err != nil {
		fail("presenter open", err)
		return
	}
	defer p.close()
	// The presenter's first frame; followers redraw when it comes online
	// and publishes, so let that settle before the first key.
	if _, err := p.out.frame(ctx, 0, p.start, cfg); err != nil {
		fail("presenter first frame", err)
		return
	}
	sleep(ctx, cfg.KeyInterval+cfg.Settle)
	rep.Loaded = sample()
	presentKeys(ctx, cfg, rep, p, followers, fail)
}

// failer returns a concurrency-safe counter of the run's failures.
func (r *Report) failer() func(what string, err error) {
	var mu sync.Mutex
	return func(what string, err error) {
		mu.Lock()
		r.Failures[what+": "+addrRE.ReplaceAllString(err.Error(), "ADDR")]++
		mu.Unlock()
	}
}

// openFollowers logs cfg.Sessions followers in, spread over the
// replicas, and waits for each first frame.
func openFollowers(ctx context.Context, cfg Config, rep *Report, fail func(string, error)) []*session {
	var (
		mu        sync.Mutex
		first     []time.Duration
		followers []*session
		wg        sync.WaitGroup
	)
	for i := range cfg.Sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cfg.Ramp > 0 && !sleep(ctx, cfg.Ramp*time.Duration(i)/time.Duration(cfg.Sessions)) {
				return
			}
			addrs := cfg.addrs()
			s, err := openAt(ctx, cfg, addrs[i%len(addrs)], keyboardInteractive())
			if err != nil {
				fail("open", err)
				return
			}
			s.replica = i % len(addrs)
			d, err := s.out.frame(ctx, 0, s.start, cfg)
			if err != nil {
				s.close()
				fail("first frame", err)
				return
			}
			mu.Lock()
			first = append(first, d)
			followers = append(followers, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	rep.Opened = len(followers)
	rep.FirstFrame = distOf(first)
	return followers
}

// presentKeys sends the presenter's keys, cfg.KeyInterval apart, and
// records for each how long every follower took to draw its frame.
func presentKeys(ctx context.Context, cfg Config, rep *Report, p *session, followers []*session, fail func(string, error)) {
	var follow, own, same, others []time.Duration
	missed := 0
	for range cfg.Keys {
		if !sleep(ctx, cfg.KeyInterval) {
			break
		}
		if p.ended() {
			fail("presenter", errEndedEarly)
			break
		}
		ds, oks, d, err := oneKey(ctx, cfg, p, followers)
		if err != nil {
			fail("presenter key", err)
			break
		}
		rep.Present.Keys++
		if d >= 0 {
			own = append(own, d)
		}
		for i := range followers {
			switch {
			case oks[i] && followers[i].replica == 0:
				follow, same = append(follow, ds[i]), append(same, ds[i])
			case oks[i]:
				follow, others = append(follow, ds[i]), append(others, ds[i])
			default:
				missed++
			}
		}
	}
	rep.Present.FollowerFrame = distOf(follow)
	rep.Present.PresenterFrame = distOf(own)
	rep.Present.Missed = missed
	rep.Present.SameReplica, rep.Present.OtherReplicas = distOf(same), distOf(others)
	rep.KeyToFrame = rep.Present.FollowerFrame
	rep.KeysNoFrame = missed
}

// oneKey writes one presenter key and waits for every follower's frame
// and the presenter's own: each follower's time and whether it came, and
// the presenter's time (-1 without a frame). The error is the key's write.
func oneKey(ctx context.Context, cfg Config, p *session, followers []*session) ([]time.Duration, []bool, time.Duration, error) {
	seen := make([]int64, len(followers))
	for i, f := range followers {
		seen[i] = f.out.count()
	}
	pseen := p.out.count()
	t0 := time.Now()
	if _, err := io.WriteString(p.stdin, cfg.KeyBytes); err != nil {
		return nil, nil, 0, err
	}
	var kw sync.WaitGroup
	ds := make([]time.Duration, len(followers))
	oks := make([]bool, len(followers))
	for i, f := range followers {
		kw.Add(1)
		go func() {
			defer kw.Done()
			d, err := f.out.frame(ctx, seen[i], t0, cfg)
			ds[i], oks[i] = d, err == nil
		}()
	}
	own, err := p.out.frame(ctx, pseen, t0, cfg)
	if err != nil {
		own = -1
	}
	kw.Wait()
	return ds, oks, own, nil
}

// keyboardInteractive answers a keyboard-interactive exchange with no
// answers: how a client without a key logs in to a server with presenter
// keys and no allowlist.
func keyboardInteractive() gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
}

// printPresent writes presenter mode's figures.
func (r *Report) printPresent(w io.Writer) {
	p := r.Present
	fmt.Fprintf(w, "presenter keys:    %d of %q, %s apart\n", p.Keys, r.Config.KeyBytes, r.Config.KeyInterval)
	fmt.Fprintf(w, "presenter key to follower frame: %s; missed: %d\n", p.FollowerFrame, p.Missed)
	fmt.Fprintf(w, "presenter key to own frame:      %s\n", p.PresenterFrame)
	if n := len(r.Config.Replicas); n > 0 {
		fmt.Fprintf(w, "  followers on the presenter's replica:  %s\n", p.SameReplica)
		fmt.Fprintf(w, "  followers on the %d other replica(s): %s\n", n, p.OtherReplicas)
	}
}
