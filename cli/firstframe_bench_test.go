//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// BenchmarkFirstFrame measures the local first frame: from starting the
// program on a 100x30 pseudo-terminal to its status line on screen, for
// docsurvey (its footer's "q quit") and the bare Bubble Tea v2 + ntcharts
// v2 program (internal/loadtest/bare/local), alternating within each
// iteration so both see the same machine. The test is the terminal: it
// answers the background query at once, as terminals do. It reports the
// median of each and their ratio (docsurvey/bare):
//
//	go test ./cli -run '^$' -bench FirstFrame -benchtime 40x
func BenchmarkFirstFrame(b *testing.B) {
	bare := filepath.Join(b.TempDir(), "bare")
	if out, err := exec.Command("go", "build", "-o", bare, "../internal/loadtest/bare/local").CombinedOutput(); err != nil {
		b.Fatalf("building the bare program: %v\n%s", err, out)
	}
	var ds, bs []float64
	for b.Loop() {
		t := time.Now()
		firstFrame(b, bin, "q quit")
		ds = append(ds, float64(time.Since(t).Microseconds())/1000)
		t = time.Now()
		firstFrame(b, bare, "bare ready")
		bs = append(bs, float64(time.Since(t).Microseconds())/1000)
	}
	d, m := median(ds), median(bs)
	b.ReportMetric(d, "docsurvey-ms")
	b.ReportMetric(m, "bare-ms")
	b.ReportMetric(d/m, "ratio")
}

func median(v []float64) float64 {
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// firstFrame starts path on a pty, waits until ready is on screen and
// kills it.
func firstFrame(b *testing.B, path, ready string) {
	cmd := exec.Command(path)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=", "CI=")
	cmd.Dir = b.TempDir()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = tty.Close()
	}()
	var seen bytes.Buffer
	buf := make([]byte, 16384)
	answered := false
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		n, err := tty.Read(buf)
		seen.Write(buf[:n])
		if !answered && bytes.Contains(seen.Bytes(), []byte("\x1b]11;?")) {
			answered = true
			_, _ = tty.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\")
		}
		if bytes.Contains([]byte(ansi.Strip(seen.String())), []byte(ready)) {
			return
		}
		if err != nil {
			break
		}
	}
	b.Fatalf("%s: %q never on screen", path, ready)
}
