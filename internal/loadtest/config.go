package loadtest

import (
	"errors"
	"fmt"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Hard bounds, whatever the configuration asks for.
const (
	MaxSessions = 2000
	MaxKeys     = 1000
	MaxDuration = 15 * time.Minute
)

// Config describes one load run.
type Config struct {
	Addr          string        // host:port; the host must be a loopback address
	User          string        // SSH user name
	Sessions      int           // concurrent sessions
	Width, Height int           // PTY size requested
	Keys          int           // keypresses per session (ignored in idle mode)
	KeyBytes      string        // bytes of one keypress
	KeyInterval   time.Duration // pause between a frame and the next key
	Hold          time.Duration // how long to keep each session open after its keys
	Settle        time.Duration // quiet time that ends a frame
	FrameTimeout  time.Duration // longest wait for a frame
	Ramp          time.Duration // spread the session starts over this long
	Idle          bool          // idle mode: open, wait for first frames, type nothing
	IdleFor       time.Duration // idle mode: how long to hold the sessions quiet
	ServerPID     int           // sample this process from /proc if non-zero
	// NoBackgroundAnswer leaves the server's background-colour query
	// unanswered, as a terminal without OSC 11 would; by default each
	// session answers it at once, as xterm and most terminals do.
	NoBackgroundAnswer bool
	Timeout            time.Duration // the whole run stops after this long
	// PresenterKey switches to presenter mode (see runPresent): Sessions
	// followers and one presenter who logs in with this key and sends the
	// keys.
	PresenterKey gossh.Signer
	// Replicas are the addresses of other replicas serving the same talk
	// through NATS (presenter mode): the followers are spread evenly over
	// Addr, where the presenter logs in, and these, and the report splits
	// the follower figure by the presenter's replica and the others.
	Replicas []string
}

// addrs is Addr and then Replicas.
func (c *Config) addrs() []string { return append([]string{c.Addr}, c.Replicas...) }

func (c *Config) check() error {
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", c.Addr, err)
	}
	if err := checkLoopback(host); err != nil {
		return err
	}
	for _, a := range c.Replicas {
		h, _, err := net.SplitHostPort(a)
		if err != nil {
			return fmt.Errorf("replica address %q: %w", a, err)
		}
		if err := checkLoopback(h); err != nil {
			return err
		}
	}
	if len(c.Replicas) > 0 && c.PresenterKey == nil {
		return errors.New("replicas need presenter mode (a presenter key)")
	}
	switch {
	case c.Sessions < 1 || c.Sessions > MaxSessions:
		return fmt.Errorf("sessions must be 1..%d", MaxSessions)
	case c.Keys < 0 || c.Keys > MaxKeys:
		return fmt.Errorf("keys must be 0..%d", MaxKeys)
	case c.Width < 1 || c.Height < 1:
		return errors.New("width and height must be positive")
	case c.Timeout <= 0 || c.Timeout > MaxDuration:
		return fmt.Errorf("timeout must be in (0, %s]", MaxDuration)
	case c.Settle <= 0 || c.FrameTimeout <= 0:
		return errors.New("settle and frame timeout must be positive")
	case c.KeyBytes == "" && c.Keys > 0:
		return errors.New("key bytes are empty")
	}
	if c.User == "" {
		c.User = "load"
	}
	return nil
}

// checkLoopback refuses any target that is not this machine.
func checkLoopback(host string) error {
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			return fmt.Errorf("refusing %s: only loopback targets are allowed", host)
		}
		return nil
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", host, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("refusing %s: it resolves to %s, not a loopback address", host, ip)
		}
	}
	if len(ips) == 0 {
		return fmt.Errorf("resolve %s: no addresses", host)
	}
	return nil
}
