package present

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/internal/natstest"
)

// replica is one process's relay and rooms, as docsurvey serve --nats
// makes them.
type replica struct {
	relay *Relay
	rooms *Rooms
}

func startReplica(t testing.TB, url string, rooms ...string) *replica {
	t.Helper()
	return startReplicaWith(t, RelayConfig{URL: url}, rooms...)
}

func startReplicaWith(t testing.TB, cfg RelayConfig, rooms ...string) *replica {
	t.Helper()
	cfg.LeaseTTL, cfg.Log = 1500*time.Millisecond, testLog(t)
	r, err := Dial(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := NewRooms(DefaultRoom, rooms, r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return &replica{relay: r, rooms: rs}
}

func (r *replica) hub(room string) *Hub {
	_, h := r.rooms.Pick(room)
	return h
}

// eventually polls cond until it holds, failing after a few seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(8 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func viewIs(h *Hub, view string) func() bool {
	return func() bool { u := h.Current(); return u.HasScreen && u.Screen.State.View == view }
}

func TestRelayCarriesScreensAcrossReplicas(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	p := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	eventually(t, "b to see alice present", func() bool { return b.hub("main").Current().Presenter == "alice" })
	for _, v := range []string{dataset.ViewBenefits, dataset.ViewPrivacy, dataset.ViewPlatforms} {
		p.Publish(screenOf(v))
		eventually(t, "b to show "+v, viewIs(b.hub("main"), v))
	}
	late := startReplica(t, ns.URL())
	if !viewIs(late.hub("main"), dataset.ViewPlatforms)() {
		t.Fatalf("a replica started late shows %+v, want the current screen", late.hub("main").Current())
	}
}

func TestRelayKeepsRoomsApart(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL(), "talk1", "talk2"), startReplica(t, ns.URL(), "talk1", "talk2")
	p1 := a.hub("talk1").JoinAs(Who{ID: "A", Name: "alice"})
	p2 := b.hub("talk2").JoinAs(Who{ID: "B", Name: "bob"})
	p1.Publish(screenOf(dataset.ViewBenefits))
	p2.Publish(screenOf(dataset.ViewPrivacy))
	eventually(t, "talk1 on b", viewIs(b.hub("talk1"), dataset.ViewBenefits))
	eventually(t, "talk2 on a", viewIs(a.hub("talk2"), dataset.ViewPrivacy))
	if !p1.Holds() || !p2.Holds() {
		t.Fatal("each room has its own presenter")
	}
	if u := a.hub("main").Current(); u.HasScreen || u.Online {
		t.Fatalf("main got %+v, want nothing", u)
	}
}

func TestRelayOnePresenterPerRoom(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	alice := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	alice.Publish(screenOf(dataset.ViewBenefits))
	eventually(t, "b to see alice", func() bool { return b.hub("main").Current().Presenter == "alice" })
	bob := b.hub("main").JoinAs(Who{ID: "B", Name: "bob"})
	if bob.Holds() {
		t.Fatal("bob holds the room alice presents in")
	}
	bob.Publish(screenOf(dataset.ViewPrivacy)) // dropped: bob waits
	time.Sleep(200 * time.Millisecond)
	if !viewIs(a.hub("main"), dataset.ViewBenefits)() {
		t.Fatal("a waiting presenter's screen reached the room")
	}
	bob.TakeOver()
	eventually(t, "alice to lose the room", func() bool { return !alice.Holds() })
	bob.Publish(screenOf(dataset.ViewPlatforms))
	eventually(t, "a to show bob's screen", viewIs(a.hub("main"), dataset.ViewPlatforms))
	if u := a.hub("main").Current(); u.Presenter != "bob" {
		t.Fatalf("a says %q presents, want bob", u.Presenter)
	}
}

func TestRelayLeaseReleasedOnLeaveAndExpiresWithItsReplica(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	alice := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	eventually(t, "b to see alice", func() bool { return b.hub("main").Current().Online })
	alice.Leave()
	eventually(t, "the lease released", func() bool { return !b.hub("main").Current().Online })
	bob := b.hub("main").JoinAs(Who{ID: "B", Name: "bob"})
	if !bob.Holds() {
		t.Fatal("bob does not get the free room")
	}
	eventually(t, "a to see bob", func() bool { return a.hub("main").Current().Presenter == "bob" })
	// b dies without releasing: its lease expires after the TTL.
	b.relay.cancel()
	b.relay.nc.Close()
	eventually(t, "bob's lease to expire", func() bool { return !a.hub("main").Current().Online })
	carol := a.hub("main").JoinAs(Who{ID: "C", Name: "carol"})
	if !carol.Holds() {
		t.Fatal("carol does not get the room after the lease expired")
	}
}

func TestRelaySamePresenterReconnectingOnAnotherReplica(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	a.hub("main").JoinAs(Who{ID: "A", Name: "alice"}).Publish(screenOf(dataset.ViewBenefits))
	// The lease (who presents) and the screen are two keys: wait for both.
	eventually(t, "b to see alice's screen", func() bool {
		return b.hub("main").Current().Presenter == "alice" && viewIs(b.hub("main"), dataset.ViewBenefits)()
	})
	again := b.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	if !again.Holds() {
		t.Fatal("alice reconnecting with her key waits for her own old session")
	}
	if !viewIs(b.hub("main"), dataset.ViewBenefits)() {
		t.Fatal("alice does not resume where she was")
	}
}

func TestRelaySurvivesNATSRestart(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	p := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	p.Publish(screenOf(dataset.ViewBenefits))
	eventually(t, "b to follow", viewIs(b.hub("main"), dataset.ViewBenefits))
	ns.Stop()
	eventually(t, "b to say the link is lost", func() bool { return b.hub("main").Current().LinkLost })
	p.Publish(screenOf(dataset.ViewPrivacy)) // a step while NATS is down
	if !viewIs(b.hub("main"), dataset.ViewBenefits)() {
		t.Fatal("b lost its last screen")
	}
	if !viewIs(a.hub("main"), dataset.ViewPrivacy)() {
		t.Fatal("a's own followers do not see the step")
	}
	if err := ns.Restart(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "b to get the step made while NATS was down", viewIs(b.hub("main"), dataset.ViewPrivacy))
	eventually(t, "the link back", func() bool { return !b.hub("main").Current().LinkLost })
	if !p.Holds() {
		t.Fatal("alice lost the room to a NATS restart")
	}
	p.Publish(screenOf(dataset.ViewPlatforms))
	eventually(t, "b to follow after the restart", viewIs(b.hub("main"), dataset.ViewPlatforms))
}

func TestRelayCountsFollowersOnEveryReplica(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	p := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	a.hub("main").Subscribe()
	b.hub("main").Subscribe()
	b.hub("main").Subscribe()
	eventually(t, "3 followers", func() bool { return a.hub("main").Current().Followers == 3 })
	_ = p
}

func testLog(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }

func TestRelayDropsStaleScreens(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	p := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	p.Publish(screenOf(dataset.ViewBenefits))
	eventually(t, "b to follow", viewIs(b.hub("main"), dataset.ViewBenefits))
	stale, err := encodeScreen(screenOf(dataset.ViewPrivacy), version{Epoch: 0, Seq: 7}, "mallory")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.relay.screens.Put(context.Background(), "main", stale); err != nil {
		t.Fatal(err)
	}
	p.Publish(screenOf(dataset.ViewPlatforms))
	eventually(t, "b to follow on", viewIs(b.hub("main"), dataset.ViewPlatforms))
	bad := []byte(`{"format":1,"version":{"epoch":0,"seq":0},"state":{"view":"privacy"}}`)
	if _, err := a.relay.screens.Put(context.Background(), "main", bad); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if !viewIs(b.hub("main"), dataset.ViewPlatforms)() {
		t.Fatal("b showed a stale or unversioned screen")
	}
}

func TestRelayRenewsTheLeaseWhileThePresenterStays(t *testing.T) {
	ns := natstest.Start(t)
	a, b := startReplica(t, ns.URL()), startReplica(t, ns.URL())
	alice := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	eventually(t, "b to see alice", func() bool { return b.hub("main").Current().Presenter == "alice" })
	time.Sleep(3 * 1500 * time.Millisecond) // three lease TTLs
	if u := b.hub("main").Current(); u.Presenter != "alice" || !alice.Holds() {
		t.Fatalf("after three TTLs b says %q presents (alice holds: %v)", u.Presenter, alice.Holds())
	}
	if bob := b.hub("main").JoinAs(Who{ID: "B", Name: "bob"}); bob.Holds() {
		t.Fatal("bob got the room alice still presents in")
	}
}

func TestRelayInMemoryRepublishesAfterNATSForgets(t *testing.T) {
	ns := natstest.Start(t)
	cfg := RelayConfig{URL: ns.URL(), Memory: true}
	a, b := startReplicaWith(t, cfg), startReplicaWith(t, cfg)
	alice := a.hub("main").JoinAs(Who{ID: "A", Name: "alice"})
	alice.Publish(screenOf(dataset.ViewBenefits))
	eventually(t, "b to follow", viewIs(b.hub("main"), dataset.ViewBenefits))
	ns.Stop()
	if err := ns.Restart(); err != nil { // memory buckets: the talk is gone from NATS
		t.Fatal(err)
	}
	eventually(t, "the link back", func() bool { return !a.hub("main").Current().LinkLost })
	late := startReplicaWith(t, cfg)
	eventually(t, "a replica started after the restart to get the screen", viewIs(late.hub("main"), dataset.ViewBenefits))
	eventually(t, "the late replica to see alice", func() bool { return late.hub("main").Current().Presenter == "alice" })
	if !alice.Holds() {
		t.Fatal("alice lost the room")
	}
	alice.Publish(screenOf(dataset.ViewPrivacy))
	eventually(t, "b to follow after the restart", viewIs(b.hub("main"), dataset.ViewPrivacy))
}
