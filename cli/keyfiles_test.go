package cli_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"golang.org/x/crypto/ssh"
)

// hostileKeyFiles writes an RSA host key, a FIFO and an authorized_keys
// file whose key says restrict, for serve to refuse.
func hostileKeyFiles(t *testing.T, dir string) (rsaKey, fifo, restricted string) {
	t.Helper()
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	rsaKey = filepath.Join(dir, "host_rsa")
	if err := os.WriteFile(rsaKey, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo = filepath.Join(dir, "keys.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	restricted = filepath.Join(dir, "restricted_keys")
	if err := os.WriteFile(restricted, append([]byte("restrict "), ssh.MarshalAuthorizedKey(sshPub)...), 0o600); err != nil {
		t.Fatal(err)
	}
	return rsaKey, fifo, restricted
}
