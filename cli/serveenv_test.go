package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while a process writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeFromEnvironment runs the real server configured as a systemd
// unit would: address, host key and log format from DOCSURVEY_ variables,
// one flag on the command line overriding its variable. Its log is JSON,
// one object a line; a bad variable stops it with exit 2, named.
func TestServeFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--log-format", "json")
	cmd.Env = append(os.Environ(),
		"DOCSURVEY_LISTEN=127.0.0.1:0",
		"DOCSURVEY_HOST_KEY="+filepath.Join(dir, "host_ed25519"),
		"DOCSURVEY_LOG_FORMAT=logfmt",
		"DOCSURVEY_LOG_LEVEL=info")
	var errb syncBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(errb.String(), `"msg":"listening"`) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, errb.String())
	}
	found := false
	for l := range strings.SplitSeq(errb.String(), "\n") {
		if !strings.HasPrefix(l, "{") {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("log line is not JSON: %q", l)
		}
		if addr, _ := m["addr"].(string); m["msg"] == "listening" && strings.HasPrefix(addr, "127.0.0.1:") {
			found = true
		}
	}
	if !found {
		t.Errorf("no JSON 'listening' line on 127.0.0.1 from the environment's address:\n%s", errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "host_ed25519")); err != nil {
		t.Errorf("DOCSURVEY_HOST_KEY was not used: %v", err)
	}

	r := runIn(t, dir, nil, []string{"DOCSURVEY_MAX_SESSIONS=lots"}, "serve", "--listen", "127.0.0.1:0")
	if r.code != 2 || !strings.Contains(r.stderr, `DOCSURVEY_MAX_SESSIONS="lots"`) {
		t.Errorf("bad variable: code %d, stderr %q; want exit 2 naming DOCSURVEY_MAX_SESSIONS", r.code, r.stderr)
	}
}
