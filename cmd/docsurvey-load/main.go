// Command docsurvey-load opens many SSH sessions to a docsurvey server on
// this machine and reports time to first frame, keypress-to-frame latency,
// failures and, with --server-pid, the server's memory and CPU use. It only
// targets loopback addresses and always stops by itself (--timeout).
//
//	docsurvey-load --addr 127.0.0.1:23234 --sessions 50 --keys 20 --server-pid $(pgrep -n docsurvey)
//	docsurvey-load --idle --idle-for 30s --sessions 100 --server-pid 1234
//	docsurvey-load --presenter-identity talk_ed25519 --sessions 200 --keys 20   # 1 presenter, 200 followers
//	docsurvey-load --presenter-identity talk_ed25519 --sessions 600 --keys 20 \
//	  --addr 127.0.0.1:23234 --replicas 127.0.0.1:23235,127.0.0.1:23236  # 3 replicas through NATS
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/internal/loadtest"
)

func main() {
	var cfg loadtest.Config
	var keys, identity, replicas string
	flag.StringVar(&cfg.Addr, "addr", "127.0.0.1:23234", "server address (loopback only)")
	flag.StringVar(&cfg.User, "user", "load", "SSH user name")
	flag.IntVar(&cfg.Sessions, "sessions", 10, fmt.Sprintf("concurrent sessions (at most %d)", loadtest.MaxSessions))
	flag.IntVar(&cfg.Width, "width", 120, "PTY columns")
	flag.IntVar(&cfg.Height, "height", 40, "PTY rows")
	flag.IntVar(&cfg.Keys, "keys", 10, fmt.Sprintf("keypresses per session (at most %d)", loadtest.MaxKeys))
	flag.StringVar(&keys, "key", `\t`, `bytes of one keypress, Go-quoted escapes allowed (e.g. "j", "\x1b[B")`)
	flag.DurationVar(&cfg.KeyInterval, "key-interval", 100*time.Millisecond, "pause after each frame before the next key")
	flag.DurationVar(&cfg.Hold, "hold", 2*time.Second, "keep each session open this long after its keys")
	flag.DurationVar(&cfg.Settle, "settle", 30*time.Millisecond, "quiet time that ends a frame")
	flag.DurationVar(&cfg.FrameTimeout, "frame-timeout", 5*time.Second, "longest wait for a frame")
	flag.DurationVar(&cfg.Ramp, "ramp", 0, "spread session starts over this long")
	flag.BoolVar(&cfg.Idle, "idle", false, "idle mode: open the sessions, type nothing, measure server CPU")
	flag.DurationVar(&cfg.IdleFor, "idle-for", 10*time.Second, "idle mode: length of the quiet window")
	flag.BoolVar(&cfg.NoBackgroundAnswer, "no-bg-answer", false, "never answer the server's background-colour query (OSC 11), as a terminal without it")
	flag.IntVar(&cfg.ServerPID, "server-pid", 0, "sample this process's RSS and CPU time from /proc")
	flag.DurationVar(&cfg.Timeout, "timeout", 2*time.Minute, fmt.Sprintf("stop the whole run after this long (at most %s)", loadtest.MaxDuration))
	flag.StringVar(&identity, "presenter-identity", "", "presenter mode: log in one presenter with this unencrypted private key `FILE` (its public key in serve's --presenter-key) and measure presenter key to follower frame over --sessions followers")
	flag.StringVar(&replicas, "replicas", "", "presenter mode: the other replicas of the talk (`ADDRS`, comma-separated, loopback); the followers are spread over --addr and these")
	flag.Parse()
	if replicas != "" {
		cfg.Replicas = strings.Split(replicas, ",")
	}
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "docsurvey-load: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	k, err := strconv.Unquote(`"` + keys + `"`)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docsurvey-load: --key %q: %v\n", keys, err)
		os.Exit(2)
	}
	cfg.KeyBytes = k
	if identity != "" {
		pem, err := os.ReadFile(identity)
		if err != nil {
			fmt.Fprintln(os.Stderr, "docsurvey-load:", err)
			os.Exit(2)
		}
		if cfg.PresenterKey, err = gossh.ParsePrivateKey(pem); err != nil {
			fmt.Fprintf(os.Stderr, "docsurvey-load: --presenter-identity %s: %v\n", identity, err)
			os.Exit(2)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := loadtest.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "docsurvey-load:", err)
		os.Exit(2)
	}
	rep.Print(os.Stdout)
	if len(rep.Failures) > 0 {
		os.Exit(1)
	}
}
