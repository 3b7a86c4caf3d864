// Package present broadcasts what a presenter shows to the sessions that
// follow them, in one process and, through NATS, across replicas.
//
// A [Hub] lives in the server process, one per room ([Rooms]; a room is one
// talk, picked by the SSH user name). The presenter's session joins with
// [Hub.JoinAs] and publishes a [Screen] (an explore.State plus the overlay
// on top of it) after each change; every audience session subscribes with
// [Hub.Subscribe] and receives [Update]s. Each receiver has a one-slot
// channel holding the newest update: publishing replaces a value nobody has
// read yet and never blocks, so a slow or dead follower cannot stall the
// presenter or the others. A follower that falls behind gets the latest
// screen, not a queue of old ones.
//
// One presenter holds a room at a time (lease.go): the first to join; a
// later presenter session waits and follows until [Presenter.TakeOver], and
// the same key reconnecting gets the room back at once.
//
// With a [Relay] (nats.go, natsroom.go), each room's hub is also fed from
// NATS and its holder's screens are published there: JetStream key-value
// buckets hold each room's current screen (replayed to late watchers), its
// lease (create, compare-and-swap renewals, a TTL for a replica that dies)
// and each replica's follower count. Screens are encoded explicitly
// (wire.go) with an (epoch, seq) version, so stale or out-of-order ones are
// dropped. The relay's NATS traffic runs on goroutines of its own and only
// calls the hub's non-blocking methods: NATS being slow or gone never
// holds a session.
//
// The hub sends state, never bytes: each session draws the screen itself at
// its own size and in its own colours.
package present
