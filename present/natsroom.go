package present

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// tickEvery is how often a room link retries what failed and publishes
// its follower count; the lease is renewed every third of its TTL.
const tickEvery = 500 * time.Millisecond

// roomLink keeps one room's hub and NATS in step. All its fields belong to
// its own goroutine (run); the hub is reached only through its methods,
// which never block, so NATS being slow or gone never holds a session.
type roomLink struct {
	r       *Relay
	room    string
	hub     *Hub
	changed <-chan struct{} // the hub's relay signal
	back    chan struct{}   // the link to NATS is back

	held      uint64    // the local seat holding the lease, 0 for none
	rev       uint64    // the lease's revision, while held
	renewed   time.Time // when the lease was last written
	epoch     uint64    // the lease revision screens are published under
	seq       uint64    // screens published within the epoch
	sentShown uint64    // the hub's shown count last published
	last      version   // newest screen version shown or published
	fresh     bool      // a new watch: its first screen is the current one

	others    map[string]int // followers on other replicas
	sentCount int            // local followers last published, -1 for never
	countAt   time.Time      // when they were
}

func newRoomLink(r *Relay, room string, hub *Hub) *roomLink {
	return &roomLink{r: r, room: room, hub: hub, changed: hub.attach(), back: make(chan struct{}, 1),
		others: map[string]int{}, sentCount: -1}
}

// seed gives the hub the room's current screen and presenter, so that the
// first viewers of a replica that just started land on the talk.
func (l *roomLink) seed() {
	ctx, cancel := context.WithTimeout(l.r.ctx, natsTimeout)
	defer cancel()
	if e, err := l.r.leases.Get(ctx, l.room); err == nil {
		l.onLease(e)
	}
	if e, err := l.r.screens.Get(ctx, l.room); err == nil {
		l.fresh = true
		l.onScreen(e)
	}
}

// watchers are one generation of a room's watches, restarted when the link
// to NATS comes back.
type watchers struct {
	screens, leases, aud jetstream.KeyWatcher
	cancel               context.CancelFunc
}

func (l *roomLink) watch(ctx context.Context) (*watchers, error) {
	wctx, cancel := context.WithCancel(ctx)
	w := &watchers{cancel: cancel}
	var err error
	if w.screens, err = l.r.screens.Watch(wctx, l.room); err == nil {
		if w.leases, err = l.r.leases.Watch(wctx, l.room); err == nil {
			w.aud, err = l.r.aud.Watch(wctx, l.room+".*")
		}
	}
	if err != nil {
		cancel()
		return nil, err
	}
	l.fresh = true
	return w, nil
}

// run keeps the room in step until ctx ends, then releases the lease.
func (l *roomLink) run(ctx context.Context) {
	defer l.release()
	tick := time.NewTicker(tickEvery)
	defer tick.Stop()
	for ctx.Err() == nil {
		w, err := l.watch(ctx)
		if err != nil {
			l.r.log.Warn("cannot watch the room", "room", l.room, "err", err)
			l.r.ensureBuckets() // a restarted NATS may have lost them
			select {
			case <-ctx.Done():
				return
			case <-l.back:
			case <-tick.C:
			}
			continue
		}
		// A new watch follows a start or a link back: NATS may have lost
		// the room (a restart without storage), so the holder renews the
		// lease and publishes the current screen again, under a new
		// version.
		l.sentShown, l.renewed = 0, time.Time{}
		l.sync()
		l.serve(ctx, w, tick.C)
		w.cancel()
	}
}

// serve handles one generation of watches until the link comes back or ctx
// ends.
func (l *roomLink) serve(ctx context.Context, w *watchers, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.back:
			return
		case <-l.changed:
			l.sync()
		case e, ok := <-w.screens.Updates():
			if !ok {
				return
			}
			l.onScreen(e)
		case e, ok := <-w.leases.Updates():
			if !ok {
				return
			}
			l.onLease(e)
		case e, ok := <-w.aud.Updates():
			if !ok {
				return
			}
			l.onAudience(e)
		case <-tick:
			l.sync()
		}
	}
}

// sync publishes what changed in the hub: the lease taken or let go, the
// screen, the follower count, and renews the lease when due.
func (l *roomLink) sync() {
	if l.r.Lost() {
		return // nats.go reconnects; l.back starts over then
	}
	rs := l.hub.relayState()
	switch {
	case rs.seat == 0 && l.held != 0:
		l.release()
	case rs.seat != 0 && rs.seat != l.held:
		l.acquire(rs)
	case l.held != 0 && time.Since(l.renewed) >= l.r.cfg.LeaseTTL/3:
		l.renew(rs)
	}
	if l.held != 0 && l.held == rs.seat && rs.hasScreen && rs.shown != l.sentShown {
		l.publish(rs)
	}
	l.publishCount(rs.followers)
}

// leaseValue is the lease of the local holder in rs.
func (l *roomLink) leaseValue(rs relayState) []byte {
	b, _ := json.Marshal(lease{Format: wireFormat, ID: rs.holder.ID, Name: rs.holder.Name, Replica: l.r.cfg.Replica, Seat: rs.seat})
	return b
}

// acquire takes the room's lease for the local holder: a create, which
// fails if someone holds it, unless the holder took the room over (or this
// replica held it for another of its sessions), which writes it anyway.
func (l *roomLink) acquire(rs relayState) {
	ctx, cancel := context.WithTimeout(l.r.ctx, natsTimeout)
	defer cancel()
	val := l.leaseValue(rs)
	var rev uint64
	var err error
	if rs.forced || l.held != 0 {
		rev, err = l.r.leases.Put(ctx, l.room, val)
	} else {
		rev, err = l.r.leases.Create(ctx, l.room, val)
	}
	switch {
	case isConflict(err):
		l.held = 0
		l.loseTo(ctx)
		return
	case err != nil:
		l.held = 0
		l.r.log.Warn("cannot take the room's lease; retrying", "room", l.room, "err", err)
		return
	}
	l.held, l.rev, l.renewed = rs.seat, rev, time.Now()
	l.epoch, l.seq, l.sentShown = rev, 0, 0
	l.r.log.Info("presenting", "room", l.room, "presenter", rs.holder.display())
}

// renew rewrites the lease at its revision. If the revision moved on,
// someone else took the room; if the lease expired, it is taken again.
func (l *roomLink) renew(rs relayState) {
	ctx, cancel := context.WithTimeout(l.r.ctx, natsTimeout)
	defer cancel()
	rev, err := l.r.leases.Update(ctx, l.room, l.leaseValue(rs), l.rev)
	switch {
	case err == nil:
		l.rev, l.renewed = rev, time.Now()
	case isConflict(err):
		e, gerr := l.r.leases.Get(ctx, l.room)
		if isGone(gerr) {
			l.held = 0 // expired: take it again, under a new epoch
			l.acquire(rs)
			return
		}
		if gerr == nil && l.ours(e) {
			l.rev = e.Revision()
			return
		}
		l.held = 0
		l.loseTo(ctx)
	default:
		l.r.log.Warn("cannot renew the room's lease; retrying", "room", l.room, "err", err)
	}
}

// loseTo tells the hub who holds the room now.
func (l *roomLink) loseTo(ctx context.Context) {
	e, err := l.r.leases.Get(ctx, l.room)
	if err != nil {
		l.hub.setRemoteHolder(&Who{})
		return
	}
	l.onLease(e)
}

// release lets the lease go, so another presenter may take the room now.
func (l *roomLink) release() {
	if l.held == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), natsTimeout)
	defer cancel()
	if err := l.r.leases.Delete(ctx, l.room, jetstream.LastRevision(l.rev)); err != nil && !isConflict(err) {
		l.r.log.Warn("cannot release the room's lease; it expires on its own", "room", l.room, "err", err)
	}
	l.held = 0
}

// publish writes the holder's screen under the next version.
func (l *roomLink) publish(rs relayState) {
	ctx, cancel := context.WithTimeout(l.r.ctx, natsTimeout)
	defer cancel()
	v := version{Epoch: l.epoch, Seq: l.seq + 1}
	b, err := encodeScreen(rs.screen, v, rs.holder.display())
	if err == nil {
		_, err = l.r.screens.Put(ctx, l.room, b)
	}
	if err != nil {
		l.r.log.Warn("cannot publish the screen; retrying", "room", l.room, "err", err)
		return
	}
	l.seq, l.sentShown, l.last = v.Seq, rs.shown, v
}

// ours reports whether a lease entry is this replica's current one.
func (l *roomLink) ours(e jetstream.KeyValueEntry) bool {
	ls, err := decodeLease(e.Value())
	return err == nil && ls.Replica == l.r.cfg.Replica && ls.Seat == l.held && l.held != 0
}

// onLease takes a lease entry: who holds the room, or nobody.
func (l *roomLink) onLease(e jetstream.KeyValueEntry) {
	if e == nil {
		return // the replay is done
	}
	if e.Operation() != jetstream.KeyValuePut {
		if l.held == 0 {
			l.hub.setRemoteHolder(nil)
		}
		return // if held, sync finds the lease gone when it renews
	}
	ls, err := decodeLease(e.Value())
	if err != nil {
		l.r.log.Warn("ignored a lease", "room", l.room, "err", err)
		return
	}
	if ls.Replica == l.r.cfg.Replica {
		if ls.Seat == l.held {
			l.rev = max(l.rev, e.Revision())
		}
		return // this replica's own write (an older seat's is stale)
	}
	l.held = 0
	l.hub.setRemoteHolder(&Who{ID: ls.ID, Name: ls.Name})
}

// onScreen takes a screen entry, dropping it if stale.
func (l *roomLink) onScreen(e jetstream.KeyValueEntry) {
	if e == nil || e.Operation() != jetstream.KeyValuePut {
		return
	}
	sc, v, err := decodeScreen(e.Value())
	if err != nil {
		l.r.log.Warn("ignored a screen", "room", l.room, "err", err)
		return
	}
	fresh := l.fresh
	l.fresh = false
	if !fresh && !v.after(l.last) {
		return // stale or out of order
	}
	if l.held != 0 {
		return // this replica drives; the entry is its own
	}
	l.last = v
	l.hub.showRemote(sc)
}

// onAudience takes a replica's follower count.
func (l *roomLink) onAudience(e jetstream.KeyValueEntry) {
	if e == nil {
		return
	}
	replica := strings.TrimPrefix(e.Key(), l.room+".")
	if replica == l.r.cfg.Replica {
		return
	}
	n, err := strconv.Atoi(string(e.Value()))
	if e.Operation() != jetstream.KeyValuePut || err != nil || n < 0 {
		delete(l.others, replica)
	} else {
		l.others[replica] = n
	}
	sum := 0
	for _, c := range l.others {
		sum += c
	}
	l.hub.setOthers(sum)
}

// publishCount writes the local follower count when it changed, and every
// third of the TTL so that it does not expire.
func (l *roomLink) publishCount(n int) {
	if n == l.sentCount && time.Since(l.countAt) < l.r.cfg.LeaseTTL/3 {
		return
	}
	ctx, cancel := context.WithTimeout(l.r.ctx, natsTimeout)
	defer cancel()
	if _, err := l.r.aud.Put(ctx, l.room+"."+l.r.cfg.Replica, []byte(strconv.Itoa(n))); err == nil {
		l.sentCount, l.countAt = n, time.Now()
	}
}
