package present

import (
	"sync"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// Screen is what the presenter shows: the explorer's state and the overlay
// drawn over the view, if any.
type Screen struct {
	// State is the presenter's state: view, focus, sort, series, pins,
	// spotlight, tour step, modes.
	State explore.State
	// Compare is set while the comparison panel of the pins is open.
	Compare bool
	// Measure is the measure whose sources are set side by side, "" for
	// none.
	Measure string
}

// Equal reports whether two screens show the same thing.
func (s Screen) Equal(o Screen) bool {
	return s.Compare == o.Compare && s.Measure == o.Measure && s.State.Equal(o.State)
}

// Update is one snapshot of the hub, as a receiver sees it. Every update is
// complete: a receiver that missed some loses nothing by reading only the
// newest.
type Update struct {
	// Screen is the last screen a presenter published; valid when
	// HasScreen.
	Screen Screen
	// HasScreen is set once any presenter has published.
	HasScreen bool
	// Online is set while at least one presenter is connected.
	Online bool
	// Followers is how many audience sessions follow the presenter now
	// (subscribed and not exploring alone).
	Followers int
	// Seq counts the changes of the hub; it grows with every update.
	Seq uint64
	// Presenter names who holds the room ("" when nobody does): a session
	// of this process or, through a relay, of another replica.
	Presenter string
	// LinkLost is set while the hub's relay has lost its link to the other
	// replicas: unless Local, the screen is the last one received.
	LinkLost bool
	// Local is set while the presenter holding the room is a session of
	// this process: its screens arrive with or without the link.
	Local bool
}

// Hub is the in-process broadcast of the presenter's screen. The zero
// value is not usable: create one with NewHub. It is safe for concurrent
// use.
type Hub struct {
	mu         sync.Mutex
	subs       map[*Subscription]struct{}
	presenters map[*Presenter]struct{}
	screen     Screen
	hasScreen  bool
	followers  int
	seq        uint64

	holder   *Presenter    // the local presenter who holds the room, if any
	remote   *Who          // who holds the room on another replica, if any
	others   int           // followers on other replicas
	linkLost bool          // the relay has lost NATS
	shown    uint64        // counts the screens shown (local or remote)
	local    chan struct{} // one-slot signal to the relay; nil without one
}

// NewHub returns an empty hub: no presenter, no screen, no followers.
func NewHub() *Hub {
	return &Hub{subs: map[*Subscription]struct{}{}, presenters: map[*Presenter]struct{}{}}
}

// Subscription is one audience session's receiver. It starts following.
type Subscription struct {
	hub       *Hub
	ch        chan Update
	following bool
	closed    bool
}

// C returns the channel of updates. It holds at most one update, the
// newest, and is closed by Unsubscribe.
func (s *Subscription) C() <-chan Update { return s.ch }

// Presenter is a presenting session's handle: it publishes screens and
// receives updates (the follower count) on its own one-slot channel.
type Presenter struct {
	hub    *Hub
	ch     chan Update
	closed bool
	who    Who
	seat   uint64 // unique within the process: tells this session apart
	forced bool   // took the room over: the relay takes the lease by force
}

// C returns the presenter's channel of updates, for the follower count. It
// holds at most one update, the newest, and is closed by Leave.
func (p *Presenter) C() <-chan Update { return p.ch }

// Subscribe adds an audience session, following. Its channel already holds
// the current update, so a late joiner starts at the presenter's screen.
func (h *Hub) Subscribe() *Subscription {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := &Subscription{hub: h, ch: make(chan Update, 1), following: true}
	h.subs[s] = struct{}{}
	h.followers++
	h.signal()
	h.changed(false)
	offer(s.ch, h.snapshot())
	return s
}

// Unsubscribe removes the session and closes its channel. Calling it again
// does nothing.
func (h *Hub) Unsubscribe(s *Subscription) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s == nil || s.closed || s.hub != h {
		return
	}
	s.closed = true
	delete(h.subs, s)
	if s.following {
		h.followers--
	}
	close(s.ch)
	h.signal()
	h.changed(false)
}

// SetFollowing records whether the session follows the presenter or
// explores alone; only following sessions are counted as followers.
func (s *Subscription) SetFollowing(on bool) {
	h := s.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if s.closed || s.following == on {
		return
	}
	s.following = on
	if on {
		h.followers++
	} else {
		h.followers--
	}
	h.signal()
	h.changed(false)
}

// Join adds an anonymous presenter; see JoinAs.
func (h *Hub) Join() *Presenter { return h.JoinAs(Who{}) }

// Publish makes sc the screen every follower shows. It never blocks on a
// receiver. A presenter that has left publishes nothing.
func (p *Presenter) Publish(sc Screen) {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.closed || h.holder != p {
		return // only the presenter holding the room drives it
	}
	h.show(sc)
	h.signal()
}

// Leave removes the presenter and closes its channel. When the last
// presenter leaves, the audience is told and keeps the last screen. Calling
// it again does nothing.
func (p *Presenter) Leave() {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	delete(h.presenters, p)
	close(p.ch)
	if h.holder == p {
		h.holder = nil
		h.signal()
	}
	h.changed(true)
}

// Current returns the hub's current snapshot.
func (h *Hub) Current() Update {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.snapshot()
}

// Followers returns how many audience sessions follow now.
func (h *Hub) Followers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.followers
}

// snapshot returns the current update. The caller holds h.mu.
func (h *Hub) snapshot() Update {
	u := Update{Screen: h.screen, HasScreen: h.hasScreen, Followers: h.followers + h.others, Seq: h.seq,
		Presenter: h.presenterName(), LinkLost: h.linkLost}
	u.Online, u.Local = h.holder != nil || h.remote != nil, h.holder != nil
	u.Screen.State.Pins = append([]dataset.Ref(nil), h.screen.State.Pins...)
	return u
}

// changed counts a change and offers the new snapshot to the presenters
// and, when audience is set, to every subscription. The caller holds h.mu.
func (h *Hub) changed(audience bool) {
	h.seq++
	u := h.snapshot()
	for p := range h.presenters {
		offer(p.ch, u)
	}
	if audience {
		for s := range h.subs {
			offer(s.ch, u)
		}
	}
}

// offer puts u in a one-slot channel, replacing an update nobody has read.
// It never blocks: the hub is the only sender and holds its lock, so once
// the slot is emptied the send succeeds.
func offer(ch chan Update, u Update) {
	select {
	case <-ch:
	default:
	}
	select {
	case ch <- u:
	default:
	}
}
