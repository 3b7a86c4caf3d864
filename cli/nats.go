package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"

	"charm.land/log/v2"
	"github.com/spf13/pflag"

	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/server"
)

// natsFlags are serve's flags for presenting across replicas.
type natsFlags struct {
	natsURL      string
	natsCreds    string
	natsOptional bool
	natsReplicas int
	natsMemory   bool
}

func addNATSFlags(fl *pflag.FlagSet, f *natsFlags) {
	fl.StringVar(&f.natsURL, "nats", "", "share the talks with the other replicas through the NATS server(s) at `URL` (nats://host:4222, comma-separated for a cluster; TLS with tls://)")
	fl.StringVar(&f.natsCreds, "nats-creds", "", "NATS credentials `FILE` (a user JWT and nkey seed)")
	fl.IntVar(&f.natsReplicas, "nats-replicas", 1, "how many servers of the NATS cluster keep the buckets (`N`; 3 for a cluster of three)")
	fl.BoolVar(&f.natsMemory, "nats-memory", false, "keep the talks in NATS's memory rather than on its disk (a restarted NATS forgets them until the presenter's next step)")
	fl.BoolVar(&f.natsOptional, "nats-optional", false, "if NATS cannot be reached at start, warn and present in this process only (default: exit 1)")
}

// checkNATS checks the NATS flags against the others.
func checkNATS(f presentFlags) error {
	switch {
	case f.natsURL == "" && (f.natsCreds != "" || f.natsOptional):
		return usageErrorf("--nats-creds and --nats-optional need --nats")
	case f.natsReplicas < 1 || f.natsReplicas > 5:
		return usageErrorf("--nats-replicas %d: 1 to 5", f.natsReplicas)
	case f.natsURL != "" && f.presenterKeys == "":
		return usageErrorf("--nats needs --presenter-key: replicas share talks, and a talk needs a presenter")
	}
	return nil
}

// checkSharedHostKey refuses, with --nats, a host key that does not exist
// yet: serve would make a new one, different on each replica, and a viewer
// sent to another replica by the balancer would be warned that the host
// key changed. The key is made once and given to every replica.
func checkSharedHostKey(f natsFlags, path string) error {
	if f.natsURL == "" {
		return nil
	}
	if path == "" {
		p, err := server.DefaultHostKeyPath()
		if err != nil {
			return usageErrorf("%v", err)
		}
		path = p
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("--nats: host key %s does not exist; every replica needs the same one: make it once (ssh-keygen -t ed25519 -N '' -f %s) and give it to each with --host-key", path, path)
	}
	return nil
}

// dialRelay connects to NATS for --nats: nil without it. If NATS cannot be
// reached, it is a runtime error (exit 1) or, with --nats-optional, a
// warning and nil.
func dialRelay(ctx context.Context, e *env, f natsFlags, logger *log.Logger) (*present.Relay, error) {
	if f.natsURL == "" {
		return nil, nil
	}
	r, err := present.Dial(ctx, present.RelayConfig{URL: f.natsURL, Creds: f.natsCreds, BucketReplicas: f.natsReplicas, Memory: f.natsMemory, Log: slog.New(logger)})
	if err == nil {
		return r, nil
	}
	if f.natsOptional {
		fmt.Fprintf(e.stderr, "docsurvey: warning: %v; presenting in this process only (--nats-optional)\n", err)
		return nil, nil
	}
	return nil, runtimeErrorf("%v (start NATS, check --nats, or pass --nats-optional to serve without it)", err)
}
