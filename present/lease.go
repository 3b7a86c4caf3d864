package present

import (
	"sync/atomic"

	"github.com/docsurvey/docsurvey/dataset"
)

// Who names a presenter.
type Who struct {
	// ID tells presenters apart: the SHA256 fingerprint of the key they
	// logged in with. A presenter who reconnects with the same key gets the
	// room back at once; "" never matches anyone.
	ID string
	// Name is what the others are told: the key's comment, or its
	// fingerprint.
	Name string
}

// same reports whether w and o are the same presenter (a reconnection).
func (w Who) same(o Who) bool { return w.ID != "" && w.ID == o.ID }

// display is the name shown for w.
func (w Who) display() string {
	if w.Name != "" {
		return w.Name
	}
	return "another presenter"
}

// seats numbers presenter sessions across every hub of the process.
var seats atomic.Uint64

// JoinAs adds a presenter session. One presenter holds a room at a time:
// the first to join holds it and drives; a later one waits, following the
// holder's screen, until it calls TakeOver. A presenter with the same
// Who.ID as the holder (the same key, reconnecting) takes the room over at
// once.
func (h *Hub) JoinAs(who Who) *Presenter {
	h.mu.Lock()
	defer h.mu.Unlock()
	p := &Presenter{hub: h, ch: make(chan Update, 1), who: who, seat: seats.Add(1)}
	h.presenters[p] = struct{}{}
	switch {
	case h.holder != nil && h.holder.who.same(who), h.remote != nil && h.remote.same(who):
		h.holder, h.remote, p.forced = p, nil, true
	case h.holder == nil && h.remote == nil:
		h.holder = p
	}
	h.signal()
	h.changed(true)
	return p
}

// Holds reports whether this presenter holds the room and drives it.
func (p *Presenter) Holds() bool {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	return !p.closed && h.holder == p
}

// TakeOver makes this presenter the holder of the room: the one holding it
// before, here or on another replica, follows from now on. A presenter who
// has left takes nothing.
func (p *Presenter) TakeOver() {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.closed || h.holder == p {
		return
	}
	h.holder, h.remote, p.forced = p, nil, true
	h.signal()
	h.changed(true)
}

// show makes sc the screen on display. The caller holds h.mu.
func (h *Hub) show(sc Screen) {
	sc.State.Pins = append([]dataset.Ref(nil), sc.State.Pins...) // the hub keeps its own copy
	h.screen, h.hasScreen = sc, true
	h.shown++
	h.changed(true)
}

// signal tells the relay, if any, that something it publishes changed.
// It never blocks. The caller holds h.mu.
func (h *Hub) signal() {
	if h.local == nil {
		return
	}
	select {
	case h.local <- struct{}{}:
	default:
	}
}

// presenterName is who holds the room, "" for nobody. The caller holds
// h.mu.
func (h *Hub) presenterName() string {
	switch {
	case h.holder != nil:
		return h.holder.who.display()
	case h.remote != nil:
		return h.remote.display()
	}
	return ""
}

// relayState is what a relay publishes for its hub's room.
type relayState struct {
	holder    Who    // the local holder, valid when seat != 0
	seat      uint64 // the local holder's seat, 0 for none
	forced    bool   // the holder took the room over or reconnected
	screen    Screen // the screen on display, valid when hasScreen
	hasScreen bool
	shown     uint64 // counts the screens shown
	followers int    // local followers
}

// attach gives the hub a relay: the returned channel is signalled (one
// slot, never blocking) whenever relayState changes.
func (h *Hub) attach() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.local == nil {
		h.local = make(chan struct{}, 1)
	}
	return h.local
}

// relayState returns what the relay publishes now.
func (h *Hub) relayState() relayState {
	h.mu.Lock()
	defer h.mu.Unlock()
	rs := relayState{screen: h.screen, hasScreen: h.hasScreen, shown: h.shown, followers: h.followers}
	rs.screen.State.Pins = append([]dataset.Ref(nil), h.screen.State.Pins...)
	if h.holder != nil {
		rs.holder, rs.seat, rs.forced = h.holder.who, h.holder.seat, h.holder.forced
	}
	return rs
}

// setRemoteHolder records who holds the room on another replica, nil for
// nobody. A local holder loses the room and follows: the other replica's
// presenter took it over.
func (h *Hub) setRemoteHolder(w *Who) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if w != nil {
		h.holder = nil
	}
	h.remote = w
	h.changed(true)
}

// showRemote shows a screen another replica's presenter published. The
// local holder, if any, drives, and a remote screen is ignored.
func (h *Hub) showRemote(sc Screen) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.holder != nil {
		return
	}
	h.show(sc)
}

// setLink records whether the relay's link to the other replicas is lost.
func (h *Hub) setLink(lost bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.linkLost == lost {
		return
	}
	h.linkLost = lost
	h.changed(true)
}

// setOthers records how many follow on the other replicas.
func (h *Hub) setOthers(n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.others == n {
		return
	}
	h.others = n
	h.changed(false)
}
