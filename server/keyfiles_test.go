package server

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

func newWith(t *testing.T, mutate func(*Config)) (*Server, *syncBuffer, error) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{HostKeyPath: filepath.Join(t.TempDir(), "host"),
		Logger:   log.NewWithOptions(logs, log.Options{}),
		NewModel: func(SessionInfo) tea.Model { return &fakeModel{} }}
	mutate(&cfg)
	srv, err := New(cfg)
	return srv, logs, err
}

// TestFromOptionHonoured: a key whose line says from= logs in only from
// the addresses it names; the loopback client is 127.0.0.1.
func TestFromOptionHonoured(t *testing.T) {
	key, line := newKey(t)
	for _, tc := range []struct {
		from string
		ok   bool
	}{
		{`from="127.0.0.1"`, true},
		{`from="127.0.0.*,10.0.0.1"`, true},
		{`from="127.0.0.0/8"`, true},
		{`from="10.0.0.0/8"`, false},
		{`from="127.0.0.*,!127.0.0.1"`, false},
		{`from="localhost"`, false}, // names are never resolved
	} {
		t.Run(tc.from, func(t *testing.T) {
			ts := startServer(t, func(c *Config) { c.AuthorizedKeysPath = writeKeys(t, tc.from+" "+line) })
			v, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(key)))
			if (err == nil) != tc.ok {
				t.Fatalf("login: %v, want allowed=%v", err, tc.ok)
			}
			if err == nil {
				v.close()
			}
		})
	}
}

// TestUnsupportedKeyOptionsRefused: options the server cannot honour are
// refused with the file and line, not silently ignored.
func TestUnsupportedKeyOptionsRefused(t *testing.T) {
	_, line := newKey(t)
	for _, opt := range []string{"restrict", "no-pty", `command="/bin/sh"`, "cert-authority", `environment="A=1"`, `from=""`} {
		path := writeKeys(t, "# comment\n", opt+" "+line)
		_, _, err := newWith(t, func(c *Config) { c.AuthorizedKeysPath = path })
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q:2", path)) {
			t.Errorf("%s: err = %v, want one naming %q:2", opt, err, path)
		}
	}
	for _, opt := range []string{"restrict,pty", "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-user-rc"} {
		path := writeKeys(t, opt+" "+line)
		if _, _, err := newWith(t, func(c *Config) { c.AuthorizedKeysPath = path }); err != nil {
			t.Errorf("%s: %v", opt, err)
		}
	}
}

// TestEmptyKeyFilesWarn: an empty allowlist or presenter file starts, with
// a warning that says what it means.
func TestEmptyKeyFilesWarn(t *testing.T) {
	empty := writeKeys(t, "# nobody yet\n")
	_, logs, err := newWith(t, func(c *Config) { c.AuthorizedKeysPath, c.PresenterKeysPath = empty, empty })
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"nobody can log in", "nobody can present"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("no warning %q in %q", want, logs.String())
		}
	}
}

// TestKeyFilesNeverBlock: a FIFO or /dev/zero as a key file is refused at
// once instead of blocking or reading until memory runs out.
func TestKeyFilesNeverBlock(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		for name, set := range map[string]func(*Config){
			"authorized": func(c *Config) { c.AuthorizedKeysPath = path },
			"presenter":  func(c *Config) { c.PresenterKeysPath = path },
		} {
			done := make(chan error, 1)
			go func() { _, _, err := newWith(t, set); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "not a regular file") {
					t.Errorf("%s keys %s: %v, want refused as not a regular file", name, path, err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("%s keys %s: New blocked", name, path)
			}
		}
	}
}

// TestRSAHostKeyRefused: the host key must be ed25519, as the help says.
func TestRSAHostKeyRefused(t *testing.T) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "host_rsa")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = newWith(t, func(c *Config) { c.HostKeyPath = path })
	if err == nil || !strings.Contains(err.Error(), "ssh-rsa key; docsurvey serves with an ed25519 key only") {
		t.Errorf("RSA host key: %v", err)
	}
}

// TestUserNameCannotSplitALogEntry: a user name with a newline and an
// escape sequence is logged on one line, escaped.
func TestUserNameCannotSplitALogEntry(t *testing.T) {
	ts := startServer(t, nil)
	cfg := clientConfig()
	cfg.User = "evil\nINFO session start user=admin\x1b[2J"
	v, err := dial(ts.addr, 80, 24, cfg)
	if err != nil {
		t.Fatal(err)
	}
	v.waitFor(t, "hello")
	v.close()
	ts.waitLog(t, "session end")
	logs := ts.logs.String()
	for _, l := range strings.Split(strings.TrimSpace(logs), "\n") {
		if !strings.HasPrefix(l, "INFO ") && !strings.HasPrefix(l, "WARN ") && !strings.HasPrefix(l, "DEBU ") {
			t.Errorf("a log line that is not an entry: %q", l)
		}
	}
	if !strings.Contains(logs, `evil\nINFO session start user=admin\x1b[2J`) {
		t.Errorf("the user name is not logged escaped on its entry's line:\n%s", logs)
	}
}
