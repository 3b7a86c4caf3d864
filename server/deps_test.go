package server

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps two promises about what the SSH server is built
// from: no package of the program reaches wish/scp (file transfer has no place
// on a read-only viewer), and golang.org/x/crypto and golang.org/x/sys are
// never older than v0.59.0 and v0.50.0, the latest releases when this was
// written (wish v2.0.5 asks only for crypto v0.57.0 and charm.land/ssh
// v0.4.3 for v0.54.0; wish v1.4.7 asked for v0.36.0, which has known
// vulnerabilities, one a pre-auth crash).
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
		if strings.Contains(d, "wish/scp") || strings.Contains(d, "wish/v2/scp") {
			t.Errorf("the program depends on %s", d)
		}
	}
	checkFloor(t, "golang.org/x/crypto", 59)
	checkFloor(t, "golang.org/x/sys", 50)
}

// checkFloor fails unless module mod is at least v0.minor.0.
func checkFloor(t *testing.T, mod string, minor int) {
	t.Helper()
	v, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", mod).Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v", mod, err)
	}
	got := strings.TrimSpace(string(v))
	var major, gotMinor, patch int
	if _, err := fmt.Sscanf(got, "v%d.%d.%d", &major, &gotMinor, &patch); err != nil {
		t.Fatalf("%s version %q: %v", mod, got, err)
	}
	if major == 0 && gotMinor < minor {
		t.Errorf("%s is %s, older than v0.%d.0", mod, got, minor)
	}
}
