package server

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// benchFrames returns two 120x40 frames in 256 colours that differ in
// every other row, as a tab to the next view changes about half a screen.
func benchFrames() [2]string {
	var frames [2]string
	for f := range frames {
		rows := make([]string, 40)
		for i := range rows {
			label := "Facebook"
			if f == 1 && i%2 == 0 {
				label = "LinkedIn"
			}
			rows[i] = fmt.Sprintf("\x1b[38;5;%dm%-12s\x1b[0m %s", 100+i, label, strings.Repeat("█", 100))
		}
		frames[f] = strings.Join(rows, "\n")
	}
	return frames
}

// BenchmarkScreenDraw measures the screen writing one changed frame: the
// diff of the rows, the synchronized-update wrapping, the write.
func BenchmarkScreenDraw(b *testing.B) {
	frames := benchFrames()
	s := &screen{out: io.Discard, width: 120, height: 40}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.frame, s.pending = frames[i%2], true
		if !s.draw() {
			b.Fatal("draw failed")
		}
	}
}
