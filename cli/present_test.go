package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestPresentFlagErrors(t *testing.T) {
	dir := t.TempDir()
	full, err := os.ReadFile(filepath.Join("..", "dataset", "survey.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(full, []byte("\ntour:"))
	if i < 0 {
		t.Fatal("the shipped dataset has no tour")
	}
	noTour := filepath.Join(dir, "no-tour.yaml")
	if err := os.WriteFile(noTour, full[:i+1], 0o600); err != nil {
		t.Fatal(err)
	}
	badKeys := filepath.Join(dir, "bad.pub")
	if err := os.WriteFile(badKeys, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hostKey := filepath.Join(dir, "host_ed25519")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"tour without presenter", []string{"serve", "--tour"}, "docsurvey: --tour needs --presenter-key"},
		{"serve tour without a tour", []string{"--data", noTour, "serve", "--tour", "--presenter-key", badKeys}, "docsurvey: --tour: the dataset has no tour"},
		{"explorer tour without a tour", []string{"--data", noTour, "--tour"}, "docsurvey: --tour: the dataset has no tour"},
		{"bad presenter keys", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", hostKey, "--presenter-key", badKeys}, "docsurvey: authorized keys " + strconv.Quote(badKeys) + ":1"},
		{"missing presenter keys", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", hostKey, "--presenter-key", filepath.Join(dir, "nope")}, "docsurvey: authorized keys"},
		{"zero rate", []string{"serve", "--rate-per-ip", "0"}, "docsurvey: --rate-per-ip 0"},
		{"zero per ip", []string{"serve", "--max-per-ip", "0"}, "docsurvey: --max-per-ip 0"},
		{"zero max timeout", []string{"serve", "--max-timeout", "0s"}, "docsurvey: --max-timeout 0s"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Execute(context.Background(), Info{}, tt.args, strings.NewReader(""), &out, &errb)
		if code != ExitUsage || !strings.HasPrefix(errb.String(), tt.stderr) {
			t.Errorf("%s: code %d, stderr %q; want %d, %q…", tt.name, code, errb.String(), ExitUsage, tt.stderr)
		}
	}
}
