package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/internal/tooltest"
)

// openSSH runs OpenSSH's ssh as a viewer would, on a real pseudo-terminal
// of 100×30 (creack/pty, as the pty tests use), and returns its screen as
// an sshTerm (stdin to type into, the output collected).
func openSSH(t *testing.T, name, addr, user, identity string) *sshTerm {
	t.Helper()
	sshPath := tooltest.OpenSSH(t)
	host, port, _ := net.SplitHostPort(addr)
	args := []string{"-tt", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "BatchMode=no", "-p", port}
	if identity != "" {
		args = append(args, "-o", "IdentitiesOnly=yes", "-i", identity)
	} else {
		args = append(args, "-o", "PubkeyAuthentication=no")
	}
	cmd := exec.Command(sshPath, append(args, user+"@"+host)...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "CI=")
	term, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Fatal(err)
	}
	v := &sshTerm{name: name, stdin: term, ended: make(chan struct{})}
	copied := make(chan struct{})
	go func() { _, _ = io.Copy(v, term); close(copied) }() // ends with EIO when ssh exits
	go func() { _ = cmd.Wait(); <-copied; close(v.ended) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = term.Close()
		<-v.ended
		if t.Failed() {
			t.Logf("%s's screen:\n%s", name, ansi.Strip(v.since(0)))
		}
	})
	return v
}

// writeIdentity writes a new private key for ssh -i and returns it with
// its signer.
func writeIdentity(t *testing.T) (string, gossh.Signer) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return path, s
}

// TestOpenSSHAcrossReplicas is the talk as people give it: two replicas,
// the presenter and a follower each in OpenSSH on a terminal, and NATS
// going away and coming back mid-talk.
func TestOpenSSHAcrossReplicas(t *testing.T) {
	cl := startCluster(t)
	identity, signer := writeIdentity(t)
	cl.alice = signer
	b := gossh.MarshalAuthorizedKey(signer.PublicKey())
	if err := os.WriteFile(cl.keys, append(b[:len(b)-1], " alice\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	r0, r1 := cl.start(t), cl.start(t)
	p := openSSH(t, "presenter", r0.addr, "main", identity)
	p.waitFor(t, 0, "presenting")
	f := openSSH(t, "follower", r1.addr, "main", "")
	f.waitFor(t, 0, "following the presenter")
	p.waitFor(t, 0, "presenting · 1 follows")
	pressAll(t, p, "3", []*sshTerm{f}, dataset.ViewBenefits)

	fm := f.mark()
	cl.ns.Stop()
	f.waitFor(t, fm, "link to the presenter lost")
	p.send(t, "5")
	time.Sleep(200 * time.Millisecond)
	if err := cl.ns.Restart(); err != nil {
		t.Fatal(err)
	}
	f.waitFor(t, fm, viewMarks[dataset.ViewPrivacy])
	f.waitFor(t, fm, "following the presenter")
	pressAll(t, p, "2", []*sshTerm{f}, dataset.ViewPlatforms)
	_, _ = io.WriteString(f.stdin, "q")
}
