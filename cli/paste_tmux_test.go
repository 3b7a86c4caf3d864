package cli_test

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/internal/tooltest"
)

// TestLocalUnterminatedPasteIsEnded runs the explorer in tmux, writes a
// bracketed paste start with no end into its terminal, waits past the
// paste timeout and presses q: the explorer quits, instead of taking the q
// (and every later key, ctrl+c included) as part of the paste.
func TestLocalUnterminatedPasteIsEnded(t *testing.T) {
	tmux := tooltest.Tmux(t)
	sock := "docsurvey-paste-" + strings.ReplaceAll(t.Name(), "/", "-")
	run := func(args ...string) string {
		out, _ := exec.Command(tmux, append([]string{"-L", sock}, args...)...).CombinedOutput()
		return string(out)
	}
	run("new-session", "-d", "-s", "p", "-x", "100", "-y", "30", "env", "CI=", "NO_COLOR=1", bin, "--view", "platforms")
	defer run("kill-server")
	waitPane := func(want string) bool {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(run("capture-pane", "-p", "-t", "p"), want) {
				return true
			}
			time.Sleep(50 * time.Millisecond)
		}
		return false
	}
	if !waitPane("Popular social media sites") {
		t.Fatalf("the explorer did not start:\n%s", run("capture-pane", "-p", "-t", "p"))
	}
	// ESC [ 2 0 0 ~ then text, as raw bytes, never an end marker.
	run("send-keys", "-t", "p", "-H", "1b", "5b", "32", "30", "30", "7e", "61", "62", "63")
	time.Sleep(2500 * time.Millisecond) // past inputguard.DefaultPasteTimeout
	run("send-keys", "-t", "p", "q")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if out := run("list-sessions"); !strings.Contains(out, "p:") {
			return // the explorer quit and tmux closed its session
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("q after an unterminated paste did not quit:\n%s", run("capture-pane", "-p", "-t", "p"))
}
