package present

import (
	"fmt"
	"sync"
)

// MaxRoomLen is the longest room name.
const MaxRoomLen = 32

// DefaultRoom is the room of a plain "ssh host".
const DefaultRoom = "main"

// CheckRoom reports whether name may name a room: 1 to MaxRoomLen
// characters among a-z, 0-9, '-' and '_', starting with a letter or a
// digit. Such a name is one token of a NATS subject and a valid key of a
// JetStream key-value bucket (no '.', '*', '>', space or control
// character), and reads the same in a log line and an ssh command.
func CheckRoom(name string) error {
	if name == "" {
		return fmt.Errorf("room name is empty")
	}
	if len(name) > MaxRoomLen {
		return fmt.Errorf("room name %.40q is %d characters, at most %d", name, len(name), MaxRoomLen)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '-' || c == '_')
		if !ok {
			return fmt.Errorf("room name %q: character %d (%q) is not a-z, 0-9, or '-' and '_' after the first", name, i+1, c)
		}
	}
	return nil
}

// checkToken reports whether s is safe as one token of a NATS subject:
// letters, digits, '-' and '_', at most 64 bytes.
func checkToken(what, s string) error {
	if s == "" || len(s) > 64 {
		return fmt.Errorf("%s %.70q: 1 to 64 characters", what, s)
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return fmt.Errorf("%s %q: %q is not a letter, digit, '-' or '_'", what, s, c)
		}
	}
	return nil
}

// Rooms is the set of rooms a server serves, each with its own hub. Which
// names are rooms is fixed when it is made, so a viewer cannot create
// rooms by choosing user names. It is safe for concurrent use.
type Rooms struct {
	def   string
	mu    sync.Mutex
	hubs  map[string]*Hub
	relay *Relay // nil: in-process only
}

// NewRooms returns the rooms names (def among them, added if missing),
// each with an in-process hub, fed through relay when it is not nil. Every
// name must pass CheckRoom.
func NewRooms(def string, names []string, relay *Relay) (*Rooms, error) {
	r := &Rooms{def: def, hubs: map[string]*Hub{}, relay: relay}
	for _, n := range append([]string{def}, names...) {
		if err := CheckRoom(n); err != nil {
			return nil, err
		}
		if r.hubs[n] != nil {
			continue
		}
		h := NewHub()
		if relay != nil {
			relay.feed(n, h)
		}
		r.hubs[n] = h
	}
	return r, nil
}

// Pick returns the room a session asked for by its user name: that room
// if it is one, else the default room.
func (r *Rooms) Pick(user string) (string, *Hub) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if h := r.hubs[user]; h != nil {
		return user, h
	}
	return r.def, r.hubs[r.def]
}
