package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/server"
)

// serveFlags are the flags of docsurvey serve.
type serveFlags struct {
	listen         string
	hostKey        string
	authorizedKeys string
	view           string
	maxSessions    int
	maxPerIP       int
	ratePerIP      float64
	idleTimeout    time.Duration
	maxTimeout     time.Duration
	shutdown       time.Duration
	proxyProtocol  bool
	teaRenderer    bool // --tea-renderer (hidden), for measurements
	log            logFlags
	presentFlags
	guard guardFlags
}

func newServeCommand(e *env) *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer over SSH, read-only",
		Long: `Serve the explorer over SSH: every viewer who connects gets their own
explorer on the same data, in their own terminal's colors. Viewers cannot run
commands, copy files or forward ports. Stop with Ctrl-C (SIGINT) or SIGTERM:
open sessions get --shutdown-timeout to end, then the server closes those
left (a warning, not an error: the exit status is 0).

The host key is created on first run (mode 0600). Without --authorized-keys
anyone who reaches the address may view; the default address is loopback
only.

With --presenter-key, a viewer who logs in with one of those keys presents:
every other viewer follows what the presenter shows, drawn at their own size
and colors, and may press f to explore alone and f again to follow. The
presenter steps through the dataset's guided tour with space and backspace
(or a clicker's PgDn and PgUp) and sees the speaker notes; q twice quits.

An audience in one room (conference Wi-Fi, an office network) is often
behind one NAT and connects from a single address: --max-per-ip 3 and
--rate-per-ip 1, the defaults, would refuse most of it. For a talk, raise
them to the size of the room, e.g. --max-per-ip 200 --rate-per-ip 20 (and
--max-sessions above the audience).

One presenter holds a room at a time; a second presenter session follows
and may take the room over with P pressed twice. --rooms lists more rooms,
picked by the SSH user name (ssh talk1@host); any other name lands in
--room. With --nats, several replicas serve the same talks through NATS
JetStream (see docs/deploying.md): give them the same --host-key, the same
--presenter-key, --room and --rooms, and, behind HAProxy's send-proxy-v2,
--proxy-protocol. If NATS cannot be reached at start, serve exits 1 (or,
with --nats-optional, warns and presents in this process only).
` + envHelp + exitCodesHelp,
		Example: `  docsurvey serve                                   # on 127.0.0.1:23234
  ssh -p 23234 localhost                            # then, from a terminal
  docsurvey serve --listen :2222 --authorized-keys ~/.ssh/authorized_keys
  docsurvey --data mine.yaml serve --view platforms
  docsurvey serve --presenter-key talk.pub --tour     # present; everyone else follows
  docsurvey serve --listen :23234 --presenter-key talk.pub \
    --max-sessions 250 --max-per-ip 200 --rate-per-ip 20  # a room behind one NAT
  docsurvey serve --presenter-key talk.pub --rooms talk1,talk2   # ssh talk1@host, ssh talk2@host
  docsurvey serve --listen :23234 --proxy-protocol --host-key /run/secrets/host_ed25519 \
    --presenter-key talk.pub --nats nats://nats1:4222,nats://nats2:4222  # one replica of several`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if err := flagsFromEnv(cmd, os.LookupEnv); err != nil {
				return err
			}
			return runServe(cmd.Context(), e, f)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", server.DefaultListen, "listen on `ADDRESS` (host:port; port 0 picks a free one)")
	fl.StringVar(&f.hostKey, "host-key", "", "the server's ed25519 host key `FILE` (default $XDG_DATA_HOME/docsurvey/host_ed25519)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", "", "only let in the keys in `FILE` (OpenSSH authorized_keys format)")
	fl.StringVar(&f.view, "view", dataset.ViewOverview, "open each viewer's explorer on `VIEW`")
	fl.IntVar(&f.maxSessions, "max-sessions", server.DefaultMaxSessions, "at most `N` viewers at once")
	fl.DurationVar(&f.idleTimeout, "idle-timeout", server.DefaultIdleTimeout, "end a session when its viewer has typed nothing for `DURATION`")
	fl.IntVar(&f.maxPerIP, "max-per-ip", server.DefaultMaxPerIP, "at most `N` connections from one IP address")
	fl.Float64Var(&f.ratePerIP, "rate-per-ip", server.DefaultRatePerIP, "new connections per second allowed from one IP (`RATE`; negative: no limit)")
	fl.DurationVar(&f.maxTimeout, "max-timeout", server.DefaultMaxTimeout, "end every session after `DURATION`, whatever it is doing")
	fl.DurationVar(&f.shutdown, "shutdown-timeout", server.DefaultShutdownTimeout, "on SIGINT or SIGTERM, give open sessions `DURATION` to end before closing them")
	fl.BoolVar(&f.proxyProtocol, "proxy-protocol", false, "every connection comes from a load balancer that sends a PROXY protocol header (v1 or v2): limits and logs see the viewer's address; without it, a header is refused")
	// Hidden: for docs/performance.md's comparison of the two renderers.
	fl.BoolVar(&f.teaRenderer, "tea-renderer", false, "draw sessions with Bubble Tea's renderer instead of the server's screen")
	_ = fl.MarkHidden("tea-renderer")
	addPresentFlags(fl, &f.presentFlags)
	addLogFlags(fl, &f.log)
	_ = cmd.RegisterFlagCompletionFunc("log-level", cobra.FixedCompletions(logLevels(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions(logFormats(), cobra.ShellCompDirectiveNoFileComp))
	addGuardFlags(fl, &f.guard)
	_ = cmd.RegisterFlagCompletionFunc("view", completeViews(e))
	return cmd
}

func runServe(ctx context.Context, e *env, f *serveFlags) error {
	if err := checkServeLimits(f); err != nil {
		return err
	}
	if err := f.guard.check(); err != nil {
		return err
	}
	logger, err := newLogger(e.stderr, f.log)
	if err != nil {
		return err
	}
	if err := checkPresentFlags(f.presentFlags, f.hostKey); err != nil {
		return err
	}
	c, err := loadData(ctx, e.stdin, e.dataPath)
	if err != nil {
		return err
	}
	if err := checkView(c, f.view, e.dataPath); err != nil {
		return err
	}
	if err := checkTour(c, f.tour); err != nil {
		return err
	}
	start := explore.Start().GotoViewID(c, f.view)
	rooms, stop, err := startRooms(ctx, e, f.presentFlags, logger)
	if err != nil {
		return err
	}
	defer stop()
	cfg := server.Config{
		Listen:             f.listen,
		HostKeyPath:        f.hostKey,
		AuthorizedKeysPath: f.authorizedKeys,
		MaxSessions:        f.maxSessions,
		IdleTimeout:        f.idleTimeout,
		MaxPerIP:           f.maxPerIP,
		RatePerIP:          f.ratePerIP,
		MaxTimeout:         f.maxTimeout,
		ShutdownTimeout:    f.shutdown,
		PresenterKeysPath:  f.presenterKeys,
		ProxyProtocol:      f.proxyProtocol,
		TeaRenderer:        f.teaRenderer,
		Logger:             logger,
		NewModel:           newSessionModel(c, start, f.presentFlags, rooms),
	}
	f.guard.apply(&cfg)
	srv, err := server.New(cfg)
	if err != nil {
		// The host key or the authorized keys file cannot be used.
		return usageErrorf("%v", err)
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		var ae *net.AddrError
		if errors.As(err, &ae) {
			return usageErrorf("--listen %s: %v", f.listen, ae)
		}
		var se *os.SyscallError
		if errors.As(err, &se) {
			err = se.Err
		}
		return runtimeErrorf("cannot listen on %s: %v", f.listen, err)
	}
	fmt.Fprintf(e.stderr, "serving on %s; connect with: %s\n", ln.Addr(), sshCommand(ln.Addr()))
	if err := server.RunUntilSignal(ctx, srv, ln, 0); err != nil && !errors.Is(err, server.ErrServerClosed) {
		return runtimeErrorf("serving: %v", err)
	}
	return nil
}

// sshCommand is the command a viewer runs to connect to addr.
func sshCommand(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "ssh " + addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "HOST"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return "ssh -p " + port + " " + host
}

// checkServeLimits checks serve's per-session and per-address limits.
func checkServeLimits(f *serveFlags) error {
	if f.maxSessions < 1 {
		return usageErrorf("--max-sessions %d: at least 1 viewer", f.maxSessions)
	}
	if f.idleTimeout <= 0 {
		return usageErrorf("--idle-timeout %v: must be positive", f.idleTimeout)
	}
	if f.maxPerIP < 1 {
		return usageErrorf("--max-per-ip %d: at least 1 connection", f.maxPerIP)
	}
	if f.ratePerIP == 0 {
		return usageErrorf("--rate-per-ip 0: would refuse everyone; use a positive rate, or negative for no limit")
	}
	if f.maxTimeout <= 0 {
		return usageErrorf("--max-timeout %v: must be positive", f.maxTimeout)
	}
	if f.shutdown <= 0 {
		return usageErrorf("--shutdown-timeout %v: must be positive", f.shutdown)
	}
	return nil
}
