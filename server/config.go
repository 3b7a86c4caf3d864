package server

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/docsurvey/docsurvey/internal/terminal"
)

// SessionInfo is what the server knows about one SSH session when it builds
// its model.
type SessionInfo struct {
	// User is the SSH user name the client asked for (unauthenticated unless
	// Config.AuthorizedKeysPath is set).
	User string
	// RemoteAddr is the client's address, "ip:port".
	RemoteAddr string
	// Presenter is true only if the connection authenticated with a key
	// from Config.PresenterKeysPath: the key whose signature was verified,
	// not one merely offered.
	Presenter bool
	// PresenterID and PresenterName name a presenter to the others: the
	// SHA256 fingerprint of their key, and the key's comment in the
	// presenter keys file (the fingerprint when it has none). Empty for
	// the audience.
	PresenterID, PresenterName string
	// Env is the viewer's terminal as terminal.Session decides it from
	// this session's TERM, COLORTERM, NO_COLOR and COLORFGBG. Every frame
	// is downsampled to its Profile on the way out, so a model may draw in
	// any colour; the profile only says whether there is colour at all.
	//
	// The server asks each viewer's terminal its background colour (OSC 11)
	// as the session starts; the answer, if the terminal gives one, reaches
	// the model as a tea.BackgroundColorMsg. A model that waits for it must
	// draw its first frame within a short fallback, as a terminal may never
	// answer.
	Env terminal.Env
	// Width and Height are the initial PTY size, already clamped by ClampSize.
	Width, Height int
	// Context is cancelled when the session ends.
	Context context.Context
	// Touch counts as input for Config.IdleTimeout, as if the viewer had
	// typed. A follower's model calls it when the presenter's screen
	// changes, so an audience watching a talk does not time out while the
	// presenter is active. It counts only while the viewer is reading: a
	// viewer whose terminal has stopped taking output (a suspended ssh, a
	// sleeping laptop) times out as if the model never called it. Safe to
	// call from any goroutine.
	Touch func()
	// Clipboard puts text on the viewer's clipboard: the session's screen
	// writes it as an OSC 52 sequence between two frames, so it reaches the
	// viewer's own terminal (and their machine's clipboard, where the
	// terminal allows it), never the server's. Nil with
	// Config.TeaRenderer, where the model's tea.SetClipboard goes through
	// Bubble Tea's output. Safe to call from any goroutine.
	Clipboard func(text string)
}

// ModelFactory builds a fresh model for each session. Nothing mutable may be
// shared between the models it returns. It is called on the session's own
// goroutine; a panic in it ends only that session.
type ModelFactory func(SessionInfo) tea.Model

// Defaults used by New for zero fields of Config.
const (
	DefaultListen          = "127.0.0.1:23234"
	DefaultMaxSessions     = 100
	DefaultMaxPerIP        = 3
	DefaultIdleTimeout     = 10 * time.Minute
	DefaultMaxTimeout      = 2 * time.Hour
	DefaultShutdownTimeout = 10 * time.Second
	DefaultRatePerIP       = 1.0 // new connections per second per IP, sustained
	DefaultRateBurst       = 10  // new connections per IP in a burst
	DefaultMaxPending      = 20  // connections without a session yet
	DefaultPreAuthTimeout  = 10 * time.Second
	DefaultIPv6Prefix      = 64
)

// HandshakeTimeout is how long a new connection has to complete the SSH
// handshake, open its session and start the shell before it is closed.
const HandshakeTimeout = 30 * time.Second

// ConnGrace is added to IdleTimeout and MaxTimeout for the connection-level
// backstop deadlines (see the package documentation).
const ConnGrace = time.Minute

// Config configures a Server. The zero value of every field means its default.
type Config struct {
	// Listen is the TCP address for ListenAndServe (DefaultListen).
	Listen string
	// HostKeyPath is the ed25519 host key, created on first run with mode
	// 0600 (DefaultHostKeyPath()). An existing key readable or writable by
	// group or others is refused.
	HostKeyPath string
	// AuthorizedKeysPath is an optional allowlist in OpenSSH authorized_keys
	// format, read once by New. Without it anyone who reaches the port may
	// view.
	AuthorizedKeysPath string
	// PresenterKeysPath is an optional authorized_keys file of presenters:
	// a session that authenticates with one of these keys gets
	// SessionInfo.Presenter. Presenter keys may always log in; without
	// AuthorizedKeysPath every other key, and a client without a key
	// (keyboard-interactive, no questions), logs in as audience.
	PresenterKeysPath string
	// MaxSessions caps open connections in total (DefaultMaxSessions).
	MaxSessions int
	// MaxPerIP caps open connections from one IP address (DefaultMaxPerIP).
	MaxPerIP int
	// MaxPending caps the connections that have not opened their session
	// channel yet: still in the handshake, or logged in and silent
	// (DefaultMaxPending, at most MaxSessions). A new connection past the
	// cap, or past MaxSessions while such connections are open, evicts the
	// oldest of them, so silent connections cannot keep viewers out.
	MaxPending int
	// PreAuthTimeout is how long a connection has to finish the handshake
	// and open its session channel (DefaultPreAuthTimeout, at most
	// HandshakeTimeout, which bounds the time to the shell).
	PreAuthTimeout time.Duration
	// IPv6Prefix is the prefix length by which MaxPerIP and RatePerIP count
	// IPv6 clients (DefaultIPv6Prefix): one /64 is one address.
	IPv6Prefix int
	// RatePerIP is the sustained rate of new connections allowed per IP, per
	// second (DefaultRatePerIP); negative disables the rate limit.
	RatePerIP float64
	// RateBurst is how many new connections one IP may open at once
	// (DefaultRateBurst).
	RateBurst int
	// IdleTimeout ends a session when the viewer has sent nothing for this
	// long (DefaultIdleTimeout).
	IdleTimeout time.Duration
	// MaxTimeout ends a session this long after it started, whatever it is
	// doing (DefaultMaxTimeout).
	MaxTimeout time.Duration
	// ShutdownTimeout is the grace period RunUntilSignal gives Shutdown
	// (DefaultShutdownTimeout).
	ShutdownTimeout time.Duration
	// ProxyProtocol makes every connection start with a PROXY protocol
	// header (v1 or v2, as HAProxy's send-proxy-v2 sends) from a load
	// balancer: the limits, the logs and SessionInfo see the viewer's
	// address from it. Without it, a connection that sends one is refused.
	// See proxy.go.
	ProxyProtocol bool
	// Logger receives the server's logs (log.Default()).
	Logger *log.Logger
	// NewModel builds the model of each session. Required.
	NewModel ModelFactory
	// TeaRenderer draws each session with Bubble Tea v2's own renderer
	// instead of the session's screen (screen.go). It exists to measure
	// the two against each other (docs/performance.md); the screen is the
	// default because it measured better.
	TeaRenderer bool
}

// DefaultHostKeyPath returns $XDG_DATA_HOME/docsurvey/host_ed25519, or
// ~/.local/share/docsurvey/host_ed25519 when XDG_DATA_HOME is unset or not
// absolute.
func DefaultHostKeyPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "docsurvey", "host_ed25519"), nil
}

// guardDefaults sets the defaults of the limits on connections that have
// not opened their session yet (after MaxSessions').
func (cfg Config) guardDefaults() Config {
	if cfg.MaxPending <= 0 {
		cfg.MaxPending = DefaultMaxPending
	}
	cfg.MaxPending = min(cfg.MaxPending, cfg.MaxSessions)
	if cfg.PreAuthTimeout <= 0 {
		cfg.PreAuthTimeout = DefaultPreAuthTimeout
	}
	if cfg.IPv6Prefix <= 0 || cfg.IPv6Prefix > 128 {
		cfg.IPv6Prefix = DefaultIPv6Prefix
	}
	return cfg
}

// withDefaults returns cfg with every zero field set to its default.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.NewModel == nil {
		return cfg, errors.New("server: Config.NewModel is required")
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.HostKeyPath == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return cfg, err
		}
		cfg.HostKeyPath = p
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.MaxPerIP <= 0 {
		cfg.MaxPerIP = DefaultMaxPerIP
	}
	cfg = cfg.guardDefaults()
	if cfg.RatePerIP == 0 {
		cfg.RatePerIP = DefaultRatePerIP
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = DefaultRateBurst
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxTimeout <= 0 {
		cfg.MaxTimeout = DefaultMaxTimeout
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	return cfg, nil
}
