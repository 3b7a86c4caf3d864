//go:build unix

package cli_test

import (
	"bufio"
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/docsurvey/docsurvey/internal/tooltest"
)

// startServe runs `docsurvey serve` on a free loopback port and returns
// its address; the server is killed at the end of the test.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "host_ed25519")}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := regexp.MustCompile(`^serving on (\S+);`).FindStringSubmatch(lines.Text()); m != nil {
			go func() {
				for lines.Scan() {
				}
			}()
			return m[1]
		}
	}
	t.Fatalf("no 'serving on' line: %v", lines.Err())
	return ""
}

// opensshViewer is OpenSSH's ssh on a pseudo-terminal of its own, with the
// test as the terminal: it reads what the server draws and, if background
// is set, answers the background-colour query (OSC 11) with it, as a
// terminal emulator does.
type opensshViewer struct {
	mu      sync.Mutex
	out     bytes.Buffer
	asked   time.Time // when the query arrived
	started time.Time
}

func (v *opensshViewer) output() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.out.String()
}

// dialOpenSSH connects OpenSSH's ssh to addr with TERM and, if set,
// COLORTERM sent to the server.
func dialOpenSSH(t *testing.T, addr, term, colorterm, background string) *opensshViewer {
	t.Helper()
	sshPath := tooltest.OpenSSH(t)
	host, port, _ := net.SplitHostPort(addr)
	args := []string{"-tt", "-p", port, "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "PubkeyAuthentication=no"}
	if colorterm != "" {
		args = append(args, "-o", "SetEnv=COLORTERM="+colorterm)
	}
	cmd := exec.Command(sshPath, append(args, "viewer@"+host)...)
	cmd.Env = append(os.Environ(), "TERM="+term, "COLORTERM=")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	v := &opensshViewer{started: time.Now()}
	go func() {
		buf := make([]byte, 8192)
		for {
			n, err := tty.Read(buf)
			v.mu.Lock()
			v.out.Write(buf[:n])
			query := v.asked.IsZero() && strings.Contains(v.out.String(), "\x1b]11;?")
			if query {
				v.asked = time.Now()
			}
			v.mu.Unlock()
			if query && background != "" {
				_, _ = tty.WriteString("\x1b]11;" + background + "\x1b\\")
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait(); _ = tty.Close() })
	return v
}

// waitFrame waits for the first frame of the platforms view and returns
// how long after the background query it came.
func (v *opensshViewer) waitFrame(t *testing.T, name string) time.Duration {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(ansi.Strip(v.output()), "Popular social media sites") {
			v.mu.Lock()
			defer v.mu.Unlock()
			return time.Since(v.asked)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s: no platforms view within 20s:\n%q", name, v.output())
	return 0
}

// waitFor waits for a byte sequence in the raw output.
func (v *opensshViewer) waitFor(t *testing.T, name, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(v.output(), want) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s: never drew %q", name, want)
}

// lightBlue is the light background's first series colour (ANSI 25).
var lightBlue = regexp.MustCompile(`38;5;25[m;]`)

// sgr16 is a 16-colour foreground (30-37, 90-97) in an SGR sequence.
var sgr16 = regexp.MustCompile(`\x1b\[(?:[0-9]+;)*(?:3[0-7]|9[0-7])(?:;[0-9]+)*m`)

// TestOpenSSHViewersColours connects OpenSSH viewers whose terminals
// differ: each gets colour output from its own TERM, COLORTERM and
// background answer, never another's. The platforms' first series is
// ANSI 75 on a dark background and 25 on a light one.
func TestOpenSSHViewersColours(t *testing.T) {
	addr := startServe(t, "--view", "platforms")
	dark256 := dialOpenSSH(t, addr, "xterm-256color", "", "rgb:0000/0000/0000")
	light16 := dialOpenSSH(t, addr, "xterm", "", "rgb:ffff/ffff/ffff")
	lightTrue := dialOpenSSH(t, addr, "xterm-256color", "truecolor", "rgb:ffff/ffff/ffff")
	for name, v := range map[string]*opensshViewer{"dark256": dark256, "light16": light16, "lightTrue": lightTrue} {
		v.waitFrame(t, name)
	}
	dark256.waitFor(t, "dark256", "38;5;75m")
	lightTrue.waitFor(t, "lightTrue", "38;5;25m")
	if out := dark256.output(); lightBlue.MatchString(out) || strings.Contains(out, "38;2;") {
		t.Error("a dark 256-colour viewer got a light colour or true colour")
	}
	out := light16.output()
	if strings.Contains(out, "38;5;") || strings.Contains(out, "48;5;") {
		t.Error("a 16-colour viewer (TERM=xterm) got 256-colour sequences")
	}
	if !sgr16.MatchString(out) {
		t.Errorf("a 16-colour viewer got no 16-colour foreground:\n%.2000q", out)
	}
}

// TestOpenSSHViewerNeverAnswers connects a viewer whose terminal never
// answers the background query: its first frame comes after the explorer's
// short fallback (the time is logged, not asserted), on a dark background.
func TestOpenSSHViewerNeverAnswers(t *testing.T) {
	addr := startServe(t, "--view", "platforms")
	v := dialOpenSSH(t, addr, "xterm-256color", "", "")
	d := v.waitFrame(t, "silent")
	t.Logf("first frame %v after the background query (fallback 50ms)", d)
	v.waitFor(t, "silent", "38;5;75m")
	if lightBlue.MatchString(v.output()) {
		t.Error("a viewer that never answered got light colours")
	}
}
