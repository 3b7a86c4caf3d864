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
// It returns nil once the server has shut down, also when sessions that did
// not end within the grace period had to be closed (Shutdown logs them as a
// warning): that is the grace period working, not a failure. It returns
// Serve's error if serving failed (the listener died).
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
	if errors.Is(err, context.DeadlineExceeded) {
		err = nil // logged by Shutdown; every connection is closed
	}
	select {
	case serr := <-served:
		if err == nil && serr != nil && !errors.Is(serr, ErrServerClosed) {
			err = serr
		}
	case <-time.After(250 * time.Millisecond):
	}
	return err
}
