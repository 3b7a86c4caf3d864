package cli

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/explore"
)

// LastOSC52 finds the last OSC 52 clipboard write in raw terminal output
// and decodes its text: ESC ] 52 ; c ; BASE64 then BEL or ST. Exported for
// the pty test of package cli_test (copy_test.go) too.
func LastOSC52(raw string) (string, bool) {
	i := strings.LastIndex(raw, "\x1b]52;c;")
	if i < 0 {
		return "", false
	}
	rest := raw[i+len("\x1b]52;c;"):]
	end := strings.IndexAny(rest, "\a\x1b")
	if end < 0 {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(rest[:end])
	return string(b), err == nil
}

// TestCopyThroughOSC52OverSSH: over SSH the server's screen (not Bubble
// Tea's renderer) draws, and the copy still reaches the viewer's own
// terminal as OSC 52, between frames (TestScreenSendsTheClipboard checks
// every colour profile).
func TestCopyThroughOSC52OverSSH(t *testing.T) {
	tk := startTalk(t)
	v := tk.join(t, "viewer", 100, 30, false, false)
	v.waitFor(t, 0, "waiting for the presenter")
	v.typeKeys(t, "f", "2")
	v.waitFor(t, 0, "Popular social media sites")
	v.typeKeys(t, "y")
	var got string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		v.mu.Lock()
		s, ok := LastOSC52(v.out.String())
		v.mu.Unlock()
		if ok {
			got = s
			break
		}
	}
	ch := tk.c.ChartsIn("platforms")[0]
	if want, _ := explore.FigureSentence(tk.c, ch, "facebook", ch.Series[0].ID); got != want || want == "" {
		t.Fatalf("clipboard over SSH %q, want %q", got, want)
	}
	v.waitFor(t, 0, "copied: ")
}
