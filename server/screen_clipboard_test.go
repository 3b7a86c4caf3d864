package server

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// TestScreenSendsTheClipboard: a sequence sent to the screen (the copy
// key's OSC 52) is written whole, before the frame that follows it and
// never inside one, at every profile: the downsampling of a terminal
// without colour (NO_COLOR) passes it untouched.
func TestScreenSendsTheClipboard(t *testing.T) {
	seq := ansi.SetSystemClipboard("61% of physicians use Facebook (QuantiaMD 2011, n=4,033)")
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.ASCII, colorprofile.NoTTY} {
		var out syncBuffer
		s := newScreen(&out, 80, 10, p)
		s.set("first", "")
		s.send(seq)
		s.set("second", "")
		s.close()
		<-s.finished()
		got := out.String()
		i := strings.Index(got, seq)
		if i < 0 {
			t.Errorf("%v: the clipboard sequence is not in the output %q", p, got)
			continue
		}
		if j := strings.Index(got, "second"); j >= 0 && j < i {
			t.Errorf("%v: the sequence came after the frame that followed it", p)
		}
	}
}
