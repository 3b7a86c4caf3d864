package cli

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/goroutines"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/server"
)

// TestSessionModelEndsWithItsSession: a session's model is closed when the
// session's context ends, and waiting for that costs no goroutine of its
// own (context.AfterFunc), for a viewer and for a presenter's audience.
// While the session is open the model runs at most one goroutine, its zone
// manager's worker; once closed, none.
func TestSessionModelEndsWithItsSession(t *testing.T) {
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(t.TempDir(), "presenters.pub")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(newSigner(t).PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	talk := presentFlags{presenterKeys: keys}
	rooms, err := newRooms(talk, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, newModel := range map[string]server.ModelFactory{
		"viewer":   newSessionModel(c, explore.Start(), presentFlags{}, nil),
		"audience": newSessionModel(c, explore.Start(), talk, rooms),
	} {
		t.Run(name, func(t *testing.T) {
			base := goroutines.Settled()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			m := newModel(server.SessionInfo{Context: ctx, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Width: 100, Height: 30})
			if m == nil {
				t.Fatal("no model")
			}
			if open := goroutines.Settled() - base; open > 1 {
				t.Errorf("an open session's model runs %d goroutines, want at most 1 (the zone worker)", open)
			}
			cancel()
			if left := goroutines.Settled() - base; left > 0 {
				t.Errorf("%d goroutines left after the session ended: the model was not closed", left)
			}
		})
	}
}
