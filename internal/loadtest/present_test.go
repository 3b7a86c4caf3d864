package loadtest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/internal/natstest"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/server"
	"github.com/docsurvey/docsurvey/tui"
)

// presenterKey makes a presenter key and the keys file that lists it.
func presenterKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(t.TempDir(), "presenters")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	return signer, keys
}

// serveHub serves the explorer on loopback with presenter keys, every
// session in hub, until the test ends; it returns the address.
func serveHub(t *testing.T, keys string, hub *present.Hub) string {
	t.Helper()
	srv, err := server.New(server.Config{
		HostKeyPath: t.TempDir() + "/host", MaxPerIP: 20, RatePerIP: -1, PresenterKeysPath: keys,
		Logger: log.New(io.Discard),
		NewModel: func(i server.SessionInfo) tea.Model {
			role := tui.RoleAudience
			if i.Presenter {
				role = tui.RolePresenter
			}
			m := tui.New(tui.Options{Env: i.Env, Width: i.Width, Height: i.Height, Role: role, Hub: hub, Context: i.Context})
			go func() { <-i.Context.Done(); m.Close() }()
			return m
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if err := <-served; !errors.Is(err, server.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})

	return ln.Addr().String()
}

// runPresenter runs the load tool in presenter mode (4 sessions, 3 tabs)
// against addr and the other replicas, and returns its report, printed.
func runPresenter(t *testing.T, signer gossh.Signer, addr string, replicas ...string) (*Report, string) {
	t.Helper()
	rep, err := Run(context.Background(), Config{Addr: addr, Replicas: replicas, Sessions: 4, Width: 80, Height: 24,
		Keys: 3, KeyBytes: "\t", KeyInterval: 20 * time.Millisecond, Settle: 20 * time.Millisecond,
		FrameTimeout: 5 * time.Second, Timeout: 30 * time.Second, PresenterKey: signer})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	return rep, b.String()
}

func TestPresenterMode(t *testing.T) {
	signer, keys := presenterKey(t)
	addr := serveHub(t, keys, present.NewHub())
	rep, printed := runPresenter(t, signer, addr)
	p := rep.Present
	if rep.Opened != 4 || len(rep.Failures) != 0 || p.Keys != 3 || p.FollowerFrame.N != 12 || p.Missed != 0 || p.PresenterFrame.N != 3 {
		t.Errorf("report: %+v", rep)
	}
	if !strings.Contains(printed, "presenter key to follower frame: p50") {
		t.Errorf("report lacks the follower figure:\n%s", printed)
	}
}

func TestPresenterModeAcrossReplicas(t *testing.T) {
	signer, keys := presenterKey(t)
	ns := natstest.Start(t)
	var addrs []string
	for range 2 {
		relay, err := present.Dial(context.Background(), present.RelayConfig{URL: ns.URL()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(relay.Close)
		rooms, err := present.NewRooms(present.DefaultRoom, nil, relay)
		if err != nil {
			t.Fatal(err)
		}
		_, hub := rooms.Pick("")
		addrs = append(addrs, serveHub(t, keys, hub))
	}
	rep, printed := runPresenter(t, signer, addrs[0], addrs[1:]...)
	p := rep.Present
	if rep.Opened != 4 || len(rep.Failures) != 0 || p.Missed != 0 || p.SameReplica.N != 6 || p.OtherReplicas.N != 6 {
		t.Errorf("report: %+v", rep)
	}
	if !strings.Contains(printed, "followers on the 1 other replica(s): p50") {
		t.Errorf("report lacks the cross-replica figure:\n%s", printed)
	}
}
