package server

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps two promises about what the SSH server is built
// from: no package of the program reaches wish/scp (file transfer has no place
// on a read-only viewer), and golang.org/x/crypto is never older than
// v0.58.0, the latest release when this was written (wish v1.4.7 asks only
// for v0.36.0, which has known vulnerabilities, one a pre-auth crash).
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/docsurvey/docsurvey/...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps found only %d packages", len(deps))
	}
	for _, d := range deps {
		if strings.Contains(d, "charmbracelet/wish/scp") {
			t.Errorf("the program depends on %s", d)
		}
	}
	v, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/crypto").Output()
	if err != nil {
		t.Fatalf("go list -m golang.org/x/crypto: %v", err)
	}
	got := strings.TrimSpace(string(v))
	var major, minor, patch int
	if _, err := fmt.Sscanf(got, "v%d.%d.%d", &major, &minor, &patch); err != nil {
		t.Fatalf("golang.org/x/crypto version %q: %v", got, err)
	}
	if major == 0 && minor < 58 {
		t.Errorf("golang.org/x/crypto is %s, older than v0.58.0", got)
	}
}
