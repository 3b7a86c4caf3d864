// Package present broadcasts what a presenter shows to the sessions that
// follow them.
//
// A [Hub] lives in the server process, one per served collection. The
// presenter's session joins with [Hub.Join] and publishes a [Screen] (an
// explore.State plus the overlay on top of it) after each change; every
// audience session subscribes with [Hub.Subscribe] and receives [Update]s.
// Each receiver has a one-slot channel holding the newest update: publishing
// replaces a value nobody has read yet and never blocks, so a slow or dead
// follower cannot stall the presenter or the others. A follower that falls
// behind gets the latest screen, not a queue of old ones.
//
// The hub sends state, never bytes: each session draws the screen itself at
// its own size and in its own colours.
package present
