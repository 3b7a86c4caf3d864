package present

import (
	"sort"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/internal/natstest"
)

// BenchmarkRelayHop is the NATS hop alone: a presenter's step on one
// replica until another replica's hub hands it to a follower, through a
// real NATS server in the test process (JetStream key-value put, watch).
// It reports the median and 95th percentile of the hop:
//
//	go test ./present -run '^$' -bench RelayHop -benchtime 200x
func BenchmarkRelayHop(b *testing.B) {
	ns := natstest.Start(b)
	a, r := startReplica(b, ns.URL()), startReplica(b, ns.URL())
	p := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	sub := r.hub("main").Subscribe()
	defer r.hub("main").Unsubscribe(sub)
	views := []string{dataset.ViewBenefits, dataset.ViewPrivacy}
	var hops []time.Duration
	i := 0
	for b.Loop() {
		want := views[i%2]
		i++
		start := time.Now()
		p.Publish(screenOf(want))
		for u := range sub.C() {
			if u.HasScreen && u.Screen.State.View == want {
				break
			}
		}
		hops = append(hops, time.Since(start))
	}
	sort.Slice(hops, func(i, j int) bool { return hops[i] < hops[j] })
	b.ReportMetric(float64(hops[len(hops)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(hops[len(hops)*95/100].Microseconds())/1000, "p95-ms")
}
