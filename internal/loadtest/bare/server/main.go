// Command server is the bare Bubble Tea v2 + Wish v2 + ntcharts v2 SSH
// server that docsurvey serve is compared with (docs/performance.md): the
// bare chart model per session through wish's bubbletea middleware, as
// Wish's README sets it up.
//
//	go build -o /tmp/bare-server ./internal/loadtest/bare/server
//	/tmp/bare-server -listen 127.0.0.1:23403 -host-key /tmp/bare_ed25519
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	bm "charm.land/wish/v2/bubbletea"

	"github.com/docsurvey/docsurvey/internal/loadtest/bare/chart"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:23403", "listen on `ADDRESS`")
	hostKey := flag.String("host-key", "bare_ed25519", "host key `FILE` (created if missing)")
	flag.Parse()
	srv, err := wish.NewServer(
		wish.WithAddress(*listen),
		wish.WithHostKeyPath(*hostKey),
		wish.WithMiddleware(
			bm.Middleware(func(ssh.Session) (tea.Model, []tea.ProgramOption) { return &chart.Model{}, nil }),
			activeterm.Middleware(),
		),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		_ = srv.Close()
	}()
	fmt.Fprintln(os.Stderr, "serving on", *listen)
	if err := srv.ListenAndServe(); err != nil && err != ssh.ErrServerClosed {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
