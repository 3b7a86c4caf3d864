package server

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// roleModel shows which role the server gave the session.
type roleModel struct{ presenter bool }

func (m roleModel) Init() tea.Cmd { return nil }
func (m roleModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" {
		return m, tea.Quit
	}
	return m, nil
}
func (m roleModel) View() tea.View { return tea.NewView(m.frame()) }

func (m roleModel) frame() string {
	if m.presenter {
		return "role=presenter"
	}
	return "role=audience"
}

// offeredOnly offers the presenter's public key without holding its
// private key: anyone can have the public key. The server answers the
// public-key query with PK_OK; the client then cannot sign.
type offeredOnly struct {
	offered gossh.PublicKey
	asked   atomic.Bool // the server said PK_OK: the client was asked to sign
}

func (f *offeredOnly) PublicKey() gossh.PublicKey { return f.offered }
func (f *offeredOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	f.asked.Store(true)
	return nil, errors.New("no private key for the offered key")
}

// badSigner offers the presenter's public key and signs with another
// private key.
type badSigner struct {
	offered gossh.PublicKey
	real    gossh.Signer
}

func (b badSigner) PublicKey() gossh.PublicKey { return b.offered }
func (b badSigner) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	return b.real.Sign(r, data)
}

func writeKeys(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keys")
	content := ""
	for _, l := range lines {
		content += l
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func startRoleServer(t *testing.T, presenters, authorized string) *testServer {
	t.Helper()
	return startServer(t, func(c *Config) {
		c.PresenterKeysPath = presenters
		c.AuthorizedKeysPath = authorized
		c.NewModel = func(info SessionInfo) tea.Model { return roleModel{presenter: info.Presenter} }
	})
}

func TestPresenterFromAuthenticatedKey(t *testing.T) {
	presenter, presenterLine := newKey(t)
	other, _ := newKey(t)
	ts := startRoleServer(t, writeKeys(t, presenterLine), "")

	cases := []struct {
		name string
		auth []gossh.AuthMethod
		want string
	}{
		{"presenter key", []gossh.AuthMethod{gossh.PublicKeys(presenter)}, "role=presenter"},
		{"another key", []gossh.AuthMethod{gossh.PublicKeys(other)}, "role=audience"},
		{"no key (keyboard-interactive)", []gossh.AuthMethod{gossh.KeyboardInteractive(
			func(string, string, []string, []bool) ([]string, error) { return nil, nil })}, "role=audience"},
		{"another key first, then the presenter key", []gossh.AuthMethod{gossh.PublicKeys(other, presenter)}, "role=audience"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := dial(ts.addr, 80, 24, clientConfig(c.auth...))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			defer v.close()
			v.waitFor(t, c.want)
		})
	}
	if _, err := dial(ts.addr, 80, 24, clientConfig()); err == nil {
		t.Fatal(`"none" authentication was accepted: OpenSSH would never offer its keys`)
	}
}

// TestOfferedPresenterKeyDoesNotPresent is the regression test for the
// offered-key bypass (the pattern of CVE-2024-45337): the client offers the
// presenter's public key, gets PK_OK, cannot sign for it, and logs in with
// its own key. It must be audience.
func TestOfferedPresenterKeyDoesNotPresent(t *testing.T) {
	presenter, presenterLine := newKey(t)
	attacker, attackerLine := newKey(t)
	for _, allowlist := range []bool{false, true} {
		name := map[bool]string{false: "no allowlist", true: "attacker on the allowlist"}[allowlist]
		t.Run(name, func(t *testing.T) {
			auth := ""
			if allowlist {
				auth = writeKeys(t, attackerLine)
			}
			ts := startRoleServer(t, writeKeys(t, presenterLine), auth)
			// Offer the presenter's key (PK_OK), fail to sign, then log in
			// with our own key on the same connection. AuthCallback is how
			// x/crypto lets a client try a second "publickey" round.
			offered := &offeredOnly{offered: presenter.PublicKey()}
			cfg := clientConfig(gossh.PublicKeys(offered))
			used := false
			cfg.AuthCallback = func(ctx *gossh.ClientAuthContext) (gossh.AuthMethod, error) {
				if used || !slices.Contains(ctx.TriedMethods, "publickey") {
					return nil, nil
				}
				used = true
				return gossh.PublicKeys(attacker), nil
			}
			v, err := dial(ts.addr, 80, 24, cfg)
			if err != nil {
				t.Fatalf("attacker's own key refused: %v", err)
			}
			defer v.close()
			if !offered.asked.Load() {
				t.Fatal("the server never accepted the offered presenter key in the query, so this test proves nothing")
			}
			if !used {
				t.Fatal("the attacker's own key was never used")
			}
			v.waitFor(t, "role=audience")
			if s := v.out.String(); strings.Contains(s, "role=presenter") {
				t.Fatalf("attacker presents: %q", s)
			}

			// Signing for the offered key with another private key ends the
			// connection (x/crypto disconnects on a bad signature).
			bad := clientConfig(gossh.PublicKeys(badSigner{offered: presenter.PublicKey(), real: attacker}, attacker))
			if b, err := dial(ts.addr, 80, 24, bad); err == nil {
				defer b.close()
				b.waitFor(t, "role=audience")
			}

			// The real presenter still presents on the same server.
			p, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(presenter)))
			if err != nil {
				t.Fatalf("presenter refused: %v", err)
			}
			defer p.close()
			p.waitFor(t, "role=presenter")
		})
	}
}

func TestPresenterKeyWithAllowlist(t *testing.T) {
	presenter, presenterLine := newKey(t)
	viewer, viewerLine := newKey(t)
	stranger, _ := newKey(t)
	ts := startRoleServer(t, writeKeys(t, presenterLine), writeKeys(t, viewerLine))
	p, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(presenter)))
	if err != nil {
		t.Fatalf("presenter key not on the allowlist refused: %v", err)
	}
	defer p.close()
	p.waitFor(t, "role=presenter")
	v, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(viewer)))
	if err != nil {
		t.Fatalf("allowed viewer refused: %v", err)
	}
	defer v.close()
	v.waitFor(t, "role=audience")
	if _, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(stranger))); err == nil {
		t.Fatal("stranger got in")
	}
	kbd := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	if _, err := dial(ts.addr, 80, 24, clientConfig(kbd)); err == nil {
		t.Fatal("client without a key got in past the allowlist")
	}
}

func TestNoPresenterKeysNobodyPresents(t *testing.T) {
	ts := startRoleServer(t, "", "")
	k, _ := newKey(t)
	v, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(k)))
	if err != nil {
		t.Fatal(err)
	}
	defer v.close()
	v.waitFor(t, "role=audience")
}

// toucher calls Touch every 100ms until stop is closed, as a follower does
// while the presenter acts.
type toucher struct {
	touch func()
	stop  chan struct{}
}

type touchMsg struct{}

func (m *toucher) Init() tea.Cmd { return m.next() }
func (m *toucher) next() tea.Cmd {
	return func() tea.Msg {
		select {
		case <-time.After(100 * time.Millisecond):
			return touchMsg{}
		case <-m.stop:
			return nil
		}
	}
}
func (m *toucher) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(touchMsg); ok {
		m.touch()
		return m, m.next()
	}
	return m, nil
}
func (m *toucher) View() tea.View { return tea.NewView(m.frame()) }

func (m *toucher) frame() string { return "touching" }

func TestTouchCountsAsInput(t *testing.T) {
	stop := make(chan struct{})
	ts := startServer(t, func(c *Config) {
		c.IdleTimeout = time.Second
		c.NewModel = func(info SessionInfo) tea.Model { return &toucher{touch: info.Touch, stop: stop} }
	})
	v := mustDial(t, ts.addr, 80, 24)
	v.waitFor(t, "touching")
	select {
	case err := <-v.waited:
		t.Fatalf("session ended while the model touched: %v", err)
	case <-time.After(2500 * time.Millisecond):
	}
	close(stop)
	v.waitEnd(t)
	v.waitFor(t, "closed after 1s without input")
}
