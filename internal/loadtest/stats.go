package loadtest

import (
	"slices"
	"time"
)

// Dist summarises a set of durations.
type Dist struct {
	N             int
	P50, P95, Max time.Duration
}

func distOf(ds []time.Duration) Dist {
	if len(ds) == 0 {
		return Dist{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return Dist{N: len(s), P50: pct(s, 50), P95: pct(s, 95), Max: s[len(s)-1]}
}

// pct is the nearest-rank percentile of sorted s.
func pct(s []time.Duration, p int) time.Duration {
	i := (p*len(s) + 99) / 100 // ceil(p/100 * n)
	return s[max(i-1, 0)]
}
