package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestServeHelpForARoom: the defaults of --max-per-ip and --rate-per-ip
// would refuse most of an audience behind one NAT; serve --help and the
// README's presenting command say so and show limits for a room.
func TestServeHelpForARoom(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Execute(context.Background(), Info{}, []string{"serve", "--help"}, strings.NewReader(""), &out, &errb); code != ExitOK {
		t.Fatalf("serve --help: code %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{"NAT", "--max-per-ip 200 --rate-per-ip 20", "--shutdown-timeout"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("serve --help does not mention %q:\n%s", want, out.String())
		}
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, presenting, ok := strings.Cut(string(readme), "## Presenting")
	if !ok {
		t.Fatal("README.md has no Presenting section")
	}
	presenting, _, _ = strings.Cut(presenting, "\n## ")
	cmd, _, _ := strings.Cut(presenting, "ssh -p")
	for _, want := range []string{"--presenter-key", "--listen :", "--max-per-ip 200", "--rate-per-ip 20"} {
		if !strings.Contains(cmd, want) {
			t.Errorf("README's presenter command lacks %q:\n%s", want, cmd)
		}
	}
	if !strings.Contains(presenting, "NAT") {
		t.Error("README's Presenting section does not explain the per-address limits behind a NAT")
	}
}
