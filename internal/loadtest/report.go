package loadtest

import (
	"fmt"
	"io"
	"sort"
	"time"
)

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
