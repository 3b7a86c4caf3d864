package cli

import (
	"time"

	"github.com/docsurvey/docsurvey/server"
	"github.com/spf13/pflag"
)

// guardFlags are the serve flags that bound what clients which have not
// started a session can make the server spend (see docs/security.md).
type guardFlags struct {
	maxPending int
	preAuth    time.Duration
	ipv6Prefix int
}

func addGuardFlags(fl *pflag.FlagSet, f *guardFlags) {
	fl.IntVar(&f.maxPending, "max-pending", server.DefaultMaxPending, "at most `N` connections that have not opened their session yet; past it the oldest is closed")
	fl.DurationVar(&f.preAuth, "pre-auth-timeout", server.DefaultPreAuthTimeout, "close a connection that has not logged in and opened its session within `DURATION`")
	fl.IntVar(&f.ipv6Prefix, "ipv6-prefix", server.DefaultIPv6Prefix, "count IPv6 clients by their /`BITS` prefix for --max-per-ip and --rate-per-ip")
}

// check validates the flags.
func (f guardFlags) check() error {
	switch {
	case f.maxPending < 1:
		return usageErrorf("--max-pending %d: at least 1 connection", f.maxPending)
	case f.preAuth <= 0:
		return usageErrorf("--pre-auth-timeout %v: must be positive", f.preAuth)
	case f.preAuth > server.HandshakeTimeout:
		return usageErrorf("--pre-auth-timeout %v: at most %v", f.preAuth, server.HandshakeTimeout)
	case f.ipv6Prefix < 1 || f.ipv6Prefix > 128:
		return usageErrorf("--ipv6-prefix %d: between 1 and 128", f.ipv6Prefix)
	}
	return nil
}

// apply sets the flags' fields of cfg.
func (f guardFlags) apply(cfg *server.Config) {
	cfg.MaxPending, cfg.PreAuthTimeout, cfg.IPv6Prefix = f.maxPending, f.preAuth, f.ipv6Prefix
}
