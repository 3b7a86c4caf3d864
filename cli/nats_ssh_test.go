package cli

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/natstest"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/server"
)

// These tests run several docsurvey serve replicas on loopback, each with
// the model factory and rooms of serve --nats, behind a real SSH server,
// sharing the talks through a real NATS server embedded in the test.

// cluster is a NATS server, the presenters' keys and the replicas.
type cluster struct {
	ns          *natstest.Server
	alice, bob  gossh.Signer // two presenter keys
	keys, hostK string
	rooms       []string
	c           *dataset.Collection
}

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func startCluster(t *testing.T, rooms ...string) *cluster {
	t.Helper()
	dir := t.TempDir()
	cl := &cluster{ns: natstest.Start(t), alice: newSigner(t), bob: newSigner(t), rooms: rooms,
		keys: filepath.Join(dir, "presenters.pub"), hostK: filepath.Join(dir, "host_ed25519")}
	line := func(s gossh.Signer, name string) string {
		b := gossh.MarshalAuthorizedKey(s.PublicKey())
		return string(b[:len(b)-1]) + " " + name + "\n"
	}
	if err := os.WriteFile(cl.keys, []byte(line(cl.alice, "alice")+line(cl.bob, "bob")), 0o600); err != nil {
		t.Fatal(err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cl.hostK, pem.EncodeToMemory(block), 0o600); err != nil { // shared, as from a secret
		t.Fatal(err)
	}
	if cl.c, err = dataset.Embedded(); err != nil {
		t.Fatal(err)
	}
	return cl
}

// replica is one docsurvey serve --nats process, in the test process.
type replica struct {
	addr  string
	srv   *server.Server
	relay *present.Relay
	once  sync.Once
}

// start starts a replica: the same host key and presenter keys as the
// others, its own relay. It stops when the test ends, if not before.
func (cl *cluster) start(t *testing.T) *replica {
	t.Helper()
	f := presentFlags{presenterKeys: cl.keys, room: present.DefaultRoom, rooms: cl.rooms,
		natsFlags: natsFlags{natsURL: cl.ns.URL()}}
	logger := log.NewWithOptions(testWriter{t}, log.Options{Prefix: "replica"})
	relay, err := dialRelay(context.Background(), &env{stderr: testWriter{t}}, f.natsFlags, logger)
	if err != nil {
		t.Fatal(err)
	}
	rooms, err := newRooms(f, relay)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{HostKeyPath: cl.hostK, PresenterKeysPath: cl.keys,
		MaxSessions: 50, MaxPerIP: 50, RatePerIP: -1, Logger: logger,
		NewModel: newSessionModel(cl.c, explore.Start(), f, rooms)})
	if err != nil {
		t.Fatal(err)
	}
	r := &replica{addr: serveLoopback(t, srv), srv: srv, relay: relay}
	t.Cleanup(r.stop)
	return r
}

// stop ends the replica: every connection closes at once, as when the
// process is killed.
func (r *replica) stop() {
	r.once.Do(func() {
		_ = r.srv.Close()
		r.relay.Close()
	})
}

// testWriter sends logs to t.Log, shown when a test fails.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }

// viewer joins replica r as audience of room.
func (cl *cluster) viewer(t *testing.T, r *replica, name, room string) *sshTerm {
	t.Helper()
	v := joinAs(t, r.addr, name, room, newSigner(t), 100, 30, false)
	v.waitFor(t, 0, "following the presenter")
	return v
}

// pressAll sends keys to the presenter and waits until every follower
// shows view.
func pressAll(t *testing.T, p *sshTerm, keys string, fs []*sshTerm, view string) {
	t.Helper()
	press(t, p, keys, fs, viewMarks[view])
}

func TestReplicasFollowThePresenter(t *testing.T) {
	cl := startCluster(t)
	rs := []*replica{cl.start(t), cl.start(t), cl.start(t)}
	p := joinAs(t, rs[0].addr, "alice", "main", cl.alice, 100, 30, false)
	p.waitFor(t, 0, "presenting")
	fs := []*sshTerm{}
	for i, r := range rs {
		fs = append(fs, cl.viewer(t, r, "f"+string(rune('0'+i)), "main"))
	}
	p.waitFor(t, 0, "presenting · 3 follow") // counted on every replica
	for _, k := range []string{"2", "3", "4", "5", "6", "1"} {
		pressAll(t, p, k, fs, explore.Start().GotoView(cl.c, int(k[0]-'0')).View)
	}
	pressAll(t, p, "3", fs, dataset.ViewBenefits)
	late := joinAs(t, rs[2].addr, "late", "main", newSigner(t), 90, 28, false)
	late.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	late.waitFor(t, 0, "following the presenter")
	fresh := cl.start(t) // a replica started mid-talk
	v := joinAs(t, fresh.addr, "fresh", "main", newSigner(t), 90, 28, false)
	v.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	pressAll(t, p, "5", append(fs, late, v), dataset.ViewPrivacy)
}

func TestTwoRoomsAtOnce(t *testing.T) {
	cl := startCluster(t, "talk1", "talk2")
	r0, r1 := cl.start(t), cl.start(t)
	pa := joinAs(t, r0.addr, "alice", "talk1", cl.alice, 100, 30, false)
	pb := joinAs(t, r1.addr, "bob", "talk2", cl.bob, 100, 30, false)
	pa.waitFor(t, 0, "presenting")
	pb.waitFor(t, 0, "presenting")
	f1 := cl.viewer(t, r1, "f1", "talk1")
	f2 := cl.viewer(t, r0, "f2", "talk2")
	m2 := f2.mark()
	pressAll(t, pa, "3", []*sshTerm{f1}, dataset.ViewBenefits)
	m1 := f1.mark()
	pressAll(t, pb, "5", []*sshTerm{f2}, dataset.ViewPrivacy)
	time.Sleep(200 * time.Millisecond)
	if got := f1.since(m1); strings.Contains(got, viewMarks[dataset.ViewPrivacy]) {
		t.Fatal("talk1's follower showed talk2's screen")
	}
	if got := f2.since(m2); strings.Contains(got, viewMarks[dataset.ViewBenefits]) {
		t.Fatal("talk2's follower showed talk1's screen")
	}
	other := joinAs(t, r0.addr, "plain", "alice", newSigner(t), 100, 30, false) // not a room: the default
	other.waitFor(t, 0, "waiting for the presenter")
}

func TestTwoPresentersInOneRoom(t *testing.T) {
	cl := startCluster(t)
	r0, r1 := cl.start(t), cl.start(t)
	alice := joinAs(t, r0.addr, "alice", "main", cl.alice, 100, 30, false)
	alice.waitFor(t, 0, "presenting")
	f := cl.viewer(t, r1, "f", "main")
	pressAll(t, alice, "3", []*sshTerm{f}, dataset.ViewBenefits)
	bob := joinAs(t, r1.addr, "bob", "main", cl.bob, 100, 30, false)
	bob.waitFor(t, 0, "alice presents — you follow; P twice to take over")
	bob.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	fm := f.mark()
	bob.send(t, "5") // a waiting presenter does not drive
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(f.since(fm), viewMarks[dataset.ViewPrivacy]) {
		t.Fatal("a waiting presenter's key moved the room")
	}
	pressAll(t, alice, "4", []*sshTerm{f, bob}, dataset.ViewConnected) // bob follows alice
	bm := bob.mark()
	bob.send(t, "P")
	bob.waitFor(t, bm, "press P again to take over from alice")
	am := alice.mark()
	bob.send(t, "P")
	bob.waitFor(t, bm, "presenting")
	alice.waitFor(t, am, "bob presents — you follow")
	pressAll(t, bob, "6", []*sshTerm{f, alice}, dataset.ViewSources)
}

func TestNATSRestartedMidTalk(t *testing.T) {
	cl := startCluster(t)
	r0, r1 := cl.start(t), cl.start(t)
	p := joinAs(t, r0.addr, "alice", "main", cl.alice, 100, 30, false)
	p.waitFor(t, 0, "presenting")
	near, far := cl.viewer(t, r0, "near", "main"), cl.viewer(t, r1, "far", "main")
	pressAll(t, p, "3", []*sshTerm{near, far}, dataset.ViewBenefits)
	fm, nm := far.mark(), near.mark()
	cl.ns.Stop()
	far.waitFor(t, fm, "link to the presenter lost: showing the last screen")
	p.waitFor(t, 0, "your steps are kept")
	fm = far.mark()
	pressAll(t, p, "5", []*sshTerm{near}, dataset.ViewPrivacy) // same replica: still follows
	if strings.Contains(near.since(nm), "link to the presenter lost") {
		t.Fatal("a follower of a presenter on its own replica was told the link is lost")
	}
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(far.since(fm), viewMarks[dataset.ViewPrivacy]) {
		t.Fatal("a step crossed replicas with NATS down")
	}
	if err := cl.ns.Restart(); err != nil {
		t.Fatal(err)
	}
	far.waitFor(t, fm, viewMarks[dataset.ViewPrivacy]) // the step made while NATS was down
	far.waitFor(t, fm, "following the presenter")
	pressAll(t, p, "2", []*sshTerm{near, far}, dataset.ViewPlatforms)
}

func TestReplicaStopped(t *testing.T) {
	cl := startCluster(t)
	r0, r1, r2 := cl.start(t), cl.start(t), cl.start(t)
	p := joinAs(t, r0.addr, "alice", "main", cl.alice, 100, 30, false)
	p.waitFor(t, 0, "presenting")
	f1, f2 := cl.viewer(t, r1, "f1", "main"), cl.viewer(t, r2, "f2", "main")
	pressAll(t, p, "3", []*sshTerm{f1, f2}, dataset.ViewBenefits)

	// A follower's replica dies: its viewer reconnects to another one and
	// lands on the current screen.
	r1.stop()
	select {
	case <-f1.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("f1's session outlived its replica")
	}
	again := joinAs(t, r2.addr, "f1-again", "main", newSigner(t), 100, 30, false)
	again.waitFor(t, 0, viewMarks[dataset.ViewBenefits])
	pressAll(t, p, "4", []*sshTerm{f2, again}, dataset.ViewConnected)

	// The presenter's replica dies: the presenter reconnects with the
	// same key to another replica and goes on where the talk was.
	r0.stop()
	p2 := joinAs(t, r2.addr, "alice-again", "main", cl.alice, 100, 30, false)
	p2.waitFor(t, 0, viewMarks[dataset.ViewConnected])
	p2.waitFor(t, 0, "presenting")
	pressAll(t, p2, "5", []*sshTerm{f2, again}, dataset.ViewPrivacy)
}

func TestSlowFollowerDoesNotSlowTheRoom(t *testing.T) {
	cl := startCluster(t)
	r0, r1 := cl.start(t), cl.start(t)
	p := joinAs(t, r0.addr, "alice", "main", cl.alice, 100, 30, false)
	p.waitFor(t, 0, "presenting")
	fs := []*sshTerm{cl.viewer(t, r0, "f0", "main"), cl.viewer(t, r1, "f1", "main")}
	stalled := joinAs(t, r1.addr, "stalled", "main", newSigner(t), 1000, 80, true)
	defer stalled.client.Close()
	stuck := false
	for round := 0; round < 40 && !stuck; round++ {
		for range 50 {
			p.send(t, "\t")
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(150 * time.Millisecond)
		stuck = r1.srv.Stalled() == 1
	}
	if !stuck {
		t.Fatalf("the stalled follower never got stuck (%d stalled); this test proves nothing", r1.srv.Stalled())
	}
	for _, k := range []string{"2", "3", "4"} {
		pressAll(t, p, k, fs, explore.Start().GotoView(cl.c, int(k[0]-'0')).View)
	}
}
