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
	"fmt"
	"io"
	"net"
	"regexp"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Hard bounds, whatever the configuration asks for.
const (
	MaxSessions = 2000
	MaxKeys     = 1000
	MaxDuration = 15 * time.Minute
)

// Config describes one load run.
type Config struct {
	Addr          string        // host:port; the host must be a loopback address
	User          string        // SSH user name
	Sessions      int           // concurrent sessions
	Width, Height int           // PTY size requested
	Keys          int           // keypresses per session (ignored in idle mode)
	KeyBytes      string        // bytes of one keypress
	KeyInterval   time.Duration // pause between a frame and the next key
	Hold          time.Duration // how long to keep each session open after its keys
	Settle        time.Duration // quiet time that ends a frame
	FrameTimeout  time.Duration // longest wait for a frame
	Ramp          time.Duration // spread the session starts over this long
	Idle          bool          // idle mode: open, wait for first frames, type nothing
	IdleFor       time.Duration // idle mode: how long to hold the sessions quiet
	ServerPID     int           // sample this process from /proc if non-zero
	Timeout       time.Duration // the whole run stops after this long
	// PresenterKey switches to presenter mode (see runPresent): Sessions
	// followers and one presenter who logs in with this key and sends the
	// keys.
	PresenterKey gossh.Signer
}

func (c *Config) check() error {
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", c.Addr, err)
	}
	if err := checkLoopback(host); err != nil {
		return err
	}
	switch {
	case c.Sessions < 1 || c.Sessions > MaxSessions:
		return fmt.Errorf("sessions must be 1..%d", MaxSessions)
	case c.Keys < 0 || c.Keys > MaxKeys:
		return fmt.Errorf("keys must be 0..%d", MaxKeys)
	case c.Width < 1 || c.Height < 1:
		return errors.New("width and height must be positive")
	case c.Timeout <= 0 || c.Timeout > MaxDuration:
		return fmt.Errorf("timeout must be in (0, %s]", MaxDuration)
	case c.Settle <= 0 || c.FrameTimeout <= 0:
		return errors.New("settle and frame timeout must be positive")
	case c.KeyBytes == "" && c.Keys > 0:
		return errors.New("key bytes are empty")
	}
	if c.User == "" {
		c.User = "load"
	}
	return nil
}

// checkLoopback refuses any target that is not this machine.
func checkLoopback(host string) error {
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			return fmt.Errorf("refusing %s: only loopback targets are allowed", host)
		}
		return nil
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", host, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("refusing %s: it resolves to %s, not a loopback address", host, ip)
		}
	}
	if len(ips) == 0 {
		return fmt.Errorf("resolve %s: no addresses", host)
	}
	return nil
}

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

type session struct {
	start  time.Time
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *output
	done   chan struct{} // closed when the session ends
}

func (s *session) ended() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// open logs in with auth (after "none", which a server without keys
// accepts) and starts a shell on a PTY.
func open(ctx context.Context, cfg Config, auth ...gossh.AuthMethod) (*session, error) {
	s := &session{start: time.Now(), out: newOutput()}
	d := net.Dialer{Timeout: cfg.FrameTimeout}
	conn, err := d.DialContext(ctx, "tcp", cfg.Addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(cfg.FrameTimeout))
	cc, chans, reqs, err := gossh.NewClientConn(conn, cfg.Addr, &gossh.ClientConfig{
		User:            cfg.User,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback only
	})
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("handshake: %w", err)
	}
	_ = conn.SetDeadline(time.Time{})
	s.client = gossh.NewClient(cc, chans, reqs)
	if s.sess, err = s.client.NewSession(); err != nil {
		s.client.Close()
		return nil, err
	}
	s.sess.Stdout = s.out
	s.sess.Stderr = s.out
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		s.client.Close()
		return nil, err
	}
	if err := s.sess.RequestPty("xterm-256color", cfg.Height, cfg.Width, gossh.TerminalModes{}); err != nil {
		s.client.Close()
		return nil, fmt.Errorf("pty: %w", err)
	}
	if err := s.sess.Shell(); err != nil {
		s.client.Close()
		return nil, fmt.Errorf("shell: %w", err)
	}
	s.done = make(chan struct{})
	go func() { _ = s.sess.Wait(); close(s.done) }()
	return s, nil
}

func (s *session) close() { _ = s.client.Close() }

// output counts the bytes a session receives and when the last one came.
type output struct {
	n      atomic.Int64
	last   atomic.Int64 // unix nanoseconds
	notify chan struct{}
}

func newOutput() *output { return &output{notify: make(chan struct{}, 1)} }

func (o *output) Write(p []byte) (int, error) {
	o.last.Store(time.Now().UnixNano())
	o.n.Add(int64(len(p)))
	select {
	case o.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (o *output) count() int64 { return o.n.Load() }

// frame waits for output beyond seen bytes, then for cfg.Settle of quiet,
// and returns the time from t0 to the last byte of that burst.
func (o *output) frame(ctx context.Context, seen int64, t0 time.Time, cfg Config) (time.Duration, error) {
	deadline := time.NewTimer(cfg.FrameTimeout)
	defer deadline.Stop()
	for o.count() <= seen {
		select {
		case <-o.notify:
		case <-deadline.C:
			return 0, errors.New("no output")
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	for {
		last := time.Unix(0, o.last.Load())
		wait := cfg.Settle - time.Since(last)
		if wait <= 0 {
			return last.Sub(t0), nil
		}
		select {
		case <-time.After(wait):
		case <-deadline.C:
			return 0, errors.New("output never settled")
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// Print writes the report for people.
func (r *Report) Print(w io.Writer) {
	c := r.Config
	mode := fmt.Sprintf("%d keys of %q each, %s apart, hold %s", c.Keys, c.KeyBytes, c.KeyInterval, c.Hold)
	if c.Idle {
		mode = fmt.Sprintf("idle for %s", c.IdleFor)
	}
	if c.PresenterKey != nil {
		mode = fmt.Sprintf("presenter mode: 1 presenter, %d followers", c.Sessions)
	}
	fmt.Fprintf(w, "target %s: %d sessions of %dx%d, %s (settle %s)\n", c.Addr, c.Sessions, c.Width, c.Height, mode, c.Settle)
	fmt.Fprintf(w, "opened %d/%d in %s\n", r.Opened, c.Sessions, r.Wall.Round(time.Millisecond))
	fmt.Fprintf(w, "first frame:       %s\n", r.FirstFrame)
	switch {
	case c.PresenterKey != nil:
		r.printPresent(w)
	case !c.Idle:
		fmt.Fprintf(w, "keypress to frame: %s; keys without a frame: %d\n", r.KeyToFrame, r.KeysNoFrame)
	}
	if len(r.Failures) == 0 {
		fmt.Fprintln(w, "failures: none")
	} else {
		msgs := make([]string, 0, len(r.Failures))
		for m := range r.Failures {
			msgs = append(msgs, m)
		}
		sort.Strings(msgs)
		fmt.Fprintln(w, "failures:")
		for _, m := range msgs {
			fmt.Fprintf(w, "  %5d  %s\n", r.Failures[m], m)
		}
	}
	if c.ServerPID == 0 {
		return
	}
	if r.SampleErr != "" {
		fmt.Fprintf(w, "server pid %d: %s\n", c.ServerPID, r.SampleErr)
	}
	line := func(name string, s *ProcSample) {
		if s != nil {
			fmt.Fprintf(w, "  %-16s rss %7.1f MiB  peak %7.1f MiB  threads %3d  cpu %s\n",
				name, mib(s.RSS), mib(s.PeakRSS), s.Threads, s.CPU)
		}
	}
	fmt.Fprintf(w, "server pid %d:\n", c.ServerPID)
	line("before", r.Before)
	if c.Idle {
		line("idle start", r.Loaded)
		line("idle end", r.LoadedEnd)
	} else {
		line("all open", r.Loaded)
	}
	line("after", r.After)
	if r.Before != nil && r.After != nil {
		fmt.Fprintf(w, "  cpu used over the run: %s in %s wall (%.1f%% of one core)\n",
			r.After.CPU-r.Before.CPU, r.After.At.Sub(r.Before.At).Round(time.Millisecond),
			percent(r.After.CPU-r.Before.CPU, r.After.At.Sub(r.Before.At)))
	}
	if c.Idle && r.Loaded != nil && r.LoadedEnd != nil {
		fmt.Fprintf(w, "  cpu while idle: %s in %s (%.2f%% of one core)\n",
			r.LoadedEnd.CPU-r.Loaded.CPU, r.LoadedEnd.At.Sub(r.Loaded.At).Round(time.Millisecond),
			percent(r.LoadedEnd.CPU-r.Loaded.CPU, r.LoadedEnd.At.Sub(r.Loaded.At)))
	}
}

func (d Dist) String() string {
	if d.N == 0 {
		return "no samples"
	}
	return fmt.Sprintf("p50 %s  p95 %s  max %s  (n=%d)", round(d.P50), round(d.P95), round(d.Max), d.N)
}

func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(100 * time.Microsecond)
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func percent(cpu, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return 100 * cpu.Seconds() / wall.Seconds()
}
