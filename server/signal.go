package server

import (
	"context"
	"errors"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// RunUntilSignal serves on ln (or on Config.Listen if ln is nil) until ctx is
// done or the process gets SIGINT or SIGTERM, then shuts the server down
// with the given grace period (Config.ShutdownTimeout if timeout is 0) and
// returns. It returns within timeout plus about a second of the signal. A
// second signal during the grace period gets Go's default behaviour (the
// process exits at once).
//
// It returns nil after a clean shutdown, the Shutdown error if sessions
// were still open at the deadline, or Serve's error if serving failed.
func RunUntilSignal(ctx context.Context, srv *Server, ln net.Listener, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = srv.cfg.ShutdownTimeout
	}
	sigctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	served := make(chan error, 1)
	go func() {
		if ln == nil {
			served <- srv.ListenAndServe()
		} else {
			served <- srv.Serve(ln)
		}
	}()

	select {
	case err := <-served:
		return err
	case <-sigctx.Done():
	}
	stop() // restore default signal handling: a second signal kills
	srv.log.Info("shutting down", "grace", timeout)

	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	select {
	case serr := <-served:
		if err == nil && serr != nil && !errors.Is(serr, ErrServerClosed) {
			err = serr
		}
	case <-time.After(250 * time.Millisecond):
	}
	return err
}
