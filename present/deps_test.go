package present

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNATSServerStaysOutOfTheBinary: the NATS server is embedded in tests
// (internal/natstest) and the load tool only; the docsurvey binary talks to
// NATS through the client alone.
func TestNATSServerStaysOutOfTheBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/docsurvey/docsurvey/cmd/docsurvey").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	client := false
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/nats-io/nats-server") || strings.HasSuffix(d, "internal/natstest") {
			t.Errorf("cmd/docsurvey depends on %s", d)
		}
		client = client || d == "github.com/nats-io/nats.go/jetstream"
	}
	if !client {
		t.Error("cmd/docsurvey does not depend on nats.go/jetstream: the list is wrong")
	}
}
