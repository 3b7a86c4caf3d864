//go:build unix

package cli_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docsurvey/docsurvey/cli"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// waitOSC52 waits until raw() holds an OSC 52 write and returns its text.
func waitOSC52(t *testing.T, raw func() string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s, ok := cli.LastOSC52(raw()); ok {
			return s
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no OSC 52 clipboard write in the output")
	return ""
}

// facebookSentence is the sentence y copies on Platforms' first item.
func facebookSentence(t *testing.T) string {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ch := c.ChartsIn("platforms")[0]
	s, ok := explore.FigureSentence(c, ch, "facebook", ch.Series[0].ID)
	if !ok || !strings.Contains(s, "Facebook") || !strings.Contains(s, "QuantiaMD 2011") {
		t.Fatalf("sentence: %q", s)
	}
	return s
}

// TestCopyThroughOSC52OnAPTY: y on a real pseudo-terminal writes the
// focused figure's sentence, with its source, as an OSC 52 clipboard
// sequence; the status line confirms it.
func TestCopyThroughOSC52OnAPTY(t *testing.T) {
	r := startPTY(t, t.TempDir(), "--view", "platforms")
	r.waitOutput(t, "Popular social media sites")
	r.write(t, "y")
	got := waitOSC52(t, func() string {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.out.String()
	})
	if want := facebookSentence(t); got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
	r.waitOutput(t, "copied: ")
}
