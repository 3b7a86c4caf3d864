package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func newAt(path string) (*Server, error) {
	return New(Config{HostKeyPath: path, NewModel: func(SessionInfo) tea.Model { return &fakeModel{} }})
}

func TestHostKeyCreatedAndReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "docsurvey")
	path := filepath.Join(dir, "host_ed25519")
	s1, err := newAt(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("key mode %04o, want 0600", perm)
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := di.Mode().Perm(); perm != 0o700 {
		t.Errorf("directory mode %04o, want 0700", perm)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "OPENSSH PRIVATE KEY") {
		t.Errorf("key file is not an OpenSSH private key")
	}

	s2, err := newAt(path) // a restart
	if err != nil {
		t.Fatal(err)
	}
	if s1.Fingerprint() != s2.Fingerprint() || !strings.HasPrefix(s1.Fingerprint(), "SHA256:") {
		t.Errorf("fingerprint changed across restarts: %s then %s", s1.Fingerprint(), s2.Fingerprint())
	}
}

func TestHostKeyLooseModeRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	if _, err := newAt(path); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := newAt(path)
		if err == nil {
			t.Fatalf("mode %04o accepted", mode)
		}
		want := fmt.Sprintf("%04o", mode)
		if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, want) {
			t.Errorf("error %q does not name the path and mode %s", msg, want)
		}
	}
}

func TestHostKeyGarbageRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := newAt(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("garbage key: err = %v", err)
	}
}

func TestDefaultHostKeyPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/srv/data")
	if p, _ := DefaultHostKeyPath(); p != "/srv/data/docsurvey/host_ed25519" {
		t.Errorf("with XDG_DATA_HOME: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/viewer")
	if p, _ := DefaultHostKeyPath(); p != "/home/viewer/.local/share/docsurvey/host_ed25519" {
		t.Errorf("without XDG_DATA_HOME: %s", p)
	}
}
