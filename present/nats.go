package present

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// Buckets of a relay. Every replica of a cluster uses the same ones.
const (
	ScreensBucket  = "docsurvey-screens"  // room → its current screen
	LeasesBucket   = "docsurvey-leases"   // room → who presents (with a TTL)
	AudienceBucket = "docsurvey-audience" // room.replica → followers there
)

// DefaultLeaseTTL is how long a presenter's hold on a room outlives its
// replica: the lease is renewed every third of it.
const DefaultLeaseTTL = 9 * time.Second

// natsTimeout bounds each request a relay makes to NATS.
const natsTimeout = 3 * time.Second

// RelayConfig configures Dial.
type RelayConfig struct {
	// URL is the NATS server, or a comma-separated list of a cluster's
	// servers (nats://, tls://; TLS and user:password through the URL as
	// nats.go takes them).
	URL string
	// Creds is an optional NATS credentials file (a user JWT and nkey).
	Creds string
	// Replica names this process among the replicas; "" picks a unique
	// name. Two running replicas must not share one.
	Replica string
	// LeaseTTL is DefaultLeaseTTL when zero.
	LeaseTTL time.Duration
	// Memory keeps the buckets in memory rather than on the NATS server's
	// disk: a restarted NATS forgets the talks.
	Memory bool
	// BucketReplicas is how many NATS servers of a cluster keep each
	// bucket (1 when zero; 3 for a cluster of three).
	BucketReplicas int
	// Log receives the relay's logs; nil discards them.
	Log *slog.Logger
}

// Relay connects the hubs of this process to the other replicas through
// NATS: each room's hub is fed the screens its presenter publishes on any
// replica, and this process's presenter's screens are published to the
// others. Create it with Dial.
type Relay struct {
	cfg     RelayConfig
	log     *slog.Logger
	nc      *nats.Conn
	screens jetstream.KeyValue
	leases  jetstream.KeyValue
	aud     jetstream.KeyValue
	js      jetstream.JetStream

	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex
	rooms   []*roomLink
	lost    bool
	ensured time.Time // when ensureBuckets last ran
}

// Dial connects to NATS and makes sure the buckets exist. It fails, with
// an error saying what was tried, when NATS cannot be reached now; once
// connected, the relay reconnects on its own for as long as it runs.
func Dial(ctx context.Context, cfg RelayConfig) (*Relay, error) {
	if cfg.Replica == "" {
		cfg.Replica = nuid.Next()
	}
	if err := checkToken("replica name", cfg.Replica); err != nil {
		return nil, err
	}
	if cfg.LeaseTTL <= 0 {
		cfg.LeaseTTL = DefaultLeaseTTL
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	r := &Relay{cfg: cfg, log: cfg.Log}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	opts := []nats.Option{
		nats.Name("docsurvey " + cfg.Replica),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.Timeout(natsTimeout),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) { r.setLost(true, err, "") }),
		nats.ReconnectHandler(func(nc *nats.Conn) { r.setLost(false, nil, nc.ConnectedUrlRedacted()) }),
	}
	if cfg.Creds != "" {
		opts = append(opts, nats.UserCredentials(cfg.Creds))
	}
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		r.cancel()
		return nil, fmt.Errorf("cannot connect to NATS at %s: %w", cfg.URL, err)
	}
	r.nc = nc
	if r.js, err = jetstream.New(nc); err == nil {
		err = r.openBuckets(ctx)
	}
	if err != nil {
		nc.Close()
		r.cancel()
		return nil, fmt.Errorf("NATS at %s: %w", cfg.URL, err)
	}
	r.log.Info("connected to NATS", "url", nc.ConnectedUrlRedacted(), "replica", cfg.Replica)
	return r, nil
}

// bucketConfigs are the relay's buckets.
func (r *Relay) bucketConfigs() []jetstream.KeyValueConfig {
	storage := jetstream.FileStorage
	if r.cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	n := max(1, r.cfg.BucketReplicas)
	return []jetstream.KeyValueConfig{
		{Bucket: ScreensBucket, History: 1, Storage: storage, MaxValueSize: maxWire, Replicas: n,
			Description: "docsurvey: each room's current screen"},
		{Bucket: LeasesBucket, History: 1, Storage: storage, MaxValueSize: maxWire, Replicas: n,
			TTL: r.cfg.LeaseTTL, LimitMarkerTTL: r.cfg.LeaseTTL,
			Description: "docsurvey: who presents in each room"},
		{Bucket: AudienceBucket, History: 1, Storage: jetstream.MemoryStorage, MaxValueSize: 64, Replicas: n,
			TTL: r.cfg.LeaseTTL, LimitMarkerTTL: r.cfg.LeaseTTL,
			Description: "docsurvey: how many follow each room on each replica"},
	}
}

// openBuckets creates the buckets, or updates their settings, and keeps
// their handles.
func (r *Relay) openBuckets(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, natsTimeout)
	defer cancel()
	var kvs []jetstream.KeyValue
	for _, c := range r.bucketConfigs() {
		kv, err := r.js.CreateOrUpdateKeyValue(ctx, c)
		if err != nil {
			return fmt.Errorf("bucket %s: %w", c.Bucket, err)
		}
		kvs = append(kvs, kv)
	}
	r.screens, r.leases, r.aud = kvs[0], kvs[1], kvs[2]
	return nil
}

// ensureBuckets makes the buckets again after NATS lost them (a restart
// loses the memory ones, or every one of a NATS without a store). The
// handles stay: they name the buckets. At most once per tick.
func (r *Relay) ensureBuckets() {
	r.mu.Lock()
	if time.Since(r.ensured) < tickEvery {
		r.mu.Unlock()
		return
	}
	r.ensured = time.Now()
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(r.ctx, natsTimeout)
	defer cancel()
	for _, c := range r.bucketConfigs() {
		if _, err := r.js.CreateOrUpdateKeyValue(ctx, c); err != nil {
			r.log.Warn("cannot make the bucket again", "bucket", c.Bucket, "err", err)
		}
	}
}

// Lost reports whether the link to NATS is lost now.
func (r *Relay) Lost() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lost
}

// setLost records the link going down or coming back and tells every
// room.
func (r *Relay) setLost(lost bool, err error, url string) {
	r.mu.Lock()
	r.lost = lost
	rooms := append([]*roomLink(nil), r.rooms...)
	r.mu.Unlock()
	switch {
	case r.ctx.Err() != nil:
		return // closing: the relay drains and closes its own connection
	case lost:
		r.log.Warn("lost the link to NATS; followers keep the last screen", "err", err)
	default:
		r.log.Info("link to NATS back", "url", url)
	}
	for _, l := range rooms {
		l.hub.setLink(lost)
		if !lost {
			kick(l.back)
		}
	}
}

// feed connects hub to room: it is seeded with the room's current screen
// and presenter, then kept up to date until Close.
func (r *Relay) feed(room string, hub *Hub) {
	l := newRoomLink(r, room, hub)
	r.mu.Lock()
	r.rooms = append(r.rooms, l)
	r.mu.Unlock()
	l.seed()
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		l.run(r.ctx)
	}()
}

// Close releases the rooms this replica's presenters hold, so another
// presenter may take them at once, and closes the connection.
func (r *Relay) Close() {
	r.cancel()
	r.wg.Wait()
	_ = r.nc.Drain()
	r.nc.Close()
}

// kick signals a one-slot channel without blocking.
func kick(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// isConflict reports whether err says a compare-and-swap lost: the key
// exists, or its revision moved on.
func isConflict(err error) bool {
	return errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch)
}

// isGone reports whether err says a key is not there (never set, deleted
// or expired).
func isGone(err error) bool {
	return errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted)
}
