package cli_test

import (
	"os/exec"
	"strings"
	"testing"
)

// charmV1 are the modules of Charm's v1 line (and their terminal library)
// that the move to charm.land/... v2 replaced.
var charmV1 = []string{
	"github.com/charmbracelet/bubbletea",
	"github.com/charmbracelet/lipgloss",
	"github.com/charmbracelet/bubbles",
	"github.com/charmbracelet/wish",
	"github.com/charmbracelet/log",
	"github.com/charmbracelet/ssh",
	"github.com/muesli/termenv",
	"github.com/NimbleMarkets/ntcharts",
	"github.com/lrstanley/bubblezone",
}

// TestNoCharmV1InBinary reads the build information of the docsurvey
// binary the tests built (go version -m): no module of Charm v1 may be
// linked into it, and the v2 modules must be.
func TestNoCharmV1InBinary(t *testing.T) {
	out, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	mods := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) >= 3 && (f[0] == "dep" || f[0] == "=>") {
			mods[f[1]] = true
		}
	}
	for _, m := range charmV1 {
		if mods[m] {
			t.Errorf("the binary links %s, a Charm v1 module", m)
		}
	}
	for _, m := range []string{"charm.land/bubbletea/v2", "charm.land/lipgloss/v2", "charm.land/bubbles/v2",
		"charm.land/wish/v2", "charm.land/ssh", "charm.land/log/v2", "github.com/NimbleMarkets/ntcharts/v2",
		"github.com/lrstanley/bubblezone/v2"} {
		if !mods[m] {
			t.Errorf("the binary does not link %s", m)
		}
	}
}
