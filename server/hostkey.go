package server

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/internal/safefile"
)

// maxHostKeySize is the largest host key file read (an ed25519 key in
// OpenSSH's format is about 400 bytes).
const maxHostKeySize = 64 << 10

// loadOrCreateHostKey reads the host key at path, or creates an ed25519 key
// there (mode 0600, parent directory created with mode 0700) if there is no
// file. An existing key whose mode gives any access to group or others is
// refused, as OpenSSH does.
func loadOrCreateHostKey(path string) (gossh.Signer, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createHostKey(path)
	case err != nil:
		return nil, fmt.Errorf("host key: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("host key %q is not a regular file", path)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("host key %q has mode %04o: it must not be accessible by group or others (chmod 600 %s)", path, perm, path)
	}
	data, err := safefile.Read(context.Background(), path, safefile.Options{Limit: maxHostKeySize})
	if err != nil {
		return nil, fmt.Errorf("host key %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("host key %q: %w", path, err)
	}
	if t := signer.PublicKey().Type(); t != gossh.KeyAlgoED25519 {
		return nil, fmt.Errorf("host key %q is a %s key; docsurvey serves with an ed25519 key only (give --host-key a new path to have one created)", path, t)
	}
	return signer, nil
}

func createHostKey(path string) (gossh.Signer, error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("host key directory: %w", err)
		}
		// MkdirAll is subject to the umask; make the leaf exactly 0700.
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("host key directory: %w", err)
		}
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "docsurvey host key")
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	data := pem.EncodeToMemory(block)
	// O_EXCL: never overwrite a key another process created meanwhile.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(path)
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	return gossh.NewSignerFromKey(priv)
}
