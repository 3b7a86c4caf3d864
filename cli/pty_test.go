//go:build unix

package cli_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// ptyRun is the explorer running on a real pseudo-terminal of 100x30.
type ptyRun struct {
	cmd  *exec.Cmd
	tty  *os.File // the terminal's side: what the user types goes in here
	mu   sync.Mutex
	out  bytes.Buffer
	done chan error
}

// startPTY starts the binary with args in dir on a 100x30 pseudo-terminal
// and reads everything it draws.
func startPTY(t *testing.T, dir string, args ...string) *ptyRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=", "CI=")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	r := &ptyRun{cmd: cmd, tty: tty, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				r.done <- cmd.Wait()
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = tty.Close()
	})
	return r
}

// write sends b to the program in a single write, as a burst of typing
// (or a clicker macro, or a held key over a slow link) arrives.
func (r *ptyRun) write(t *testing.T, b string) {
	t.Helper()
	if n, err := r.tty.WriteString(b); err != nil || n != len(b) {
		t.Fatalf("write %q: %d, %v", b, n, err)
	}
}

// waitOutput waits until the program has drawn want.
func (r *ptyRun) waitOutput(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		got := ansi.Strip(r.out.String())
		r.mu.Unlock()
		if strings.Contains(got, want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the explorer never drew %q", want)
}

// waitExport waits for the export the x key writes in dir, returns its
// text and removes its files. The export creates its files first and
// writes them in order, the CSV last: a CSV with content means the text is
// complete. (The screen cannot say so: Bubble Tea v2 rewrites only the
// cells that change, so a second "wrote ..." status is not drawn whole.)
func waitExport(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		csvs, _ := filepath.Glob(filepath.Join(dir, "docsurvey-platforms-*.csv"))
		if len(csvs) == 1 {
			if fi, err := os.Stat(csvs[0]); err == nil && fi.Size() > 0 {
				b, err := os.ReadFile(strings.TrimSuffix(csvs[0], ".csv") + ".txt")
				if err != nil {
					t.Fatal(err)
				}
				all, _ := filepath.Glob(filepath.Join(dir, "docsurvey-platforms-*"))
				for _, f := range all {
					_ = os.Remove(f)
				}
				return string(b)
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no export written")
	return ""
}

// TestBurstKeysOnAPTY types into a real pseudo-terminal in single writes:
// "jjj" must move the focus three items and "ss" advance the sort twice,
// as the same keys typed one by one do, and a "q" inside a bracketed paste
// must not quit. What the explorer shows is read from its own export (x),
// which draws the state as on screen, against `show` of the state wanted.
func TestBurstKeysOnAPTY(t *testing.T) {
	dir := t.TempDir()
	r := startPTY(t, dir, "--view", "platforms")
	r.waitOutput(t, "Popular social media sites")

	r.write(t, "jjj")
	r.write(t, "ss")
	r.write(t, "x")
	got := waitExport(t, dir)
	want := run(t, "show", "platforms", "--sort", "gap", "--width", "100").stdout
	checkFocus(t, "after jjj and ss", got, want, focusOrder(t)[3])

	// A paste is one tea.PasteMsg: its q is text, not the quit key. The
	// keys after it still work.
	r.write(t, "\x1b[200~q\x1b[201~jx")
	got = waitExport(t, dir)
	// j walks the items in the order shown, now by gap.
	shown := shownOrder(want)
	next := shown[slices.Index(shown, focusOrder(t)[3])+1]
	checkFocus(t, "after a pasted q and j", got, want, next)

	r.write(t, "q")
	select {
	case err := <-r.done:
		if err != nil {
			t.Fatalf("q: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("q did not quit")
	}
}

// checkFocus compares an export with show's text of the same view and
// sort, in which the first item holds the focus: the export must hold it
// on item. The marker moves; every other line is the same.
func checkFocus(t *testing.T, when, export, show, item string) {
	t.Helper()
	if !strings.Contains(export, "\n▸ "+item+" ") {
		t.Fatalf("%s: the focus is not on %q:\n%s", when, item, export)
	}
	unmark := func(s string) string {
		s = strings.ReplaceAll(s, "\n▸ ", "\n  ")
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.Contains(l, ": █ ") || strings.HasPrefix(l, "  95%: ") { // the detail and margin lines of the focused item
				lines[i] = ""
			}
		}
		return strings.Join(lines, "\n")
	}
	if unmark(export) != unmark(show) {
		t.Fatalf("%s: the export is not the platforms view sorted by gap:\n%s\nwant (focus aside):\n%s", when, export, show)
	}
}

// focusOrder is the platforms items in dataset order: the order j walks.
func focusOrder(t *testing.T) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(run(t, "show", "platforms", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("show platforms --format csv: %v", err)
	}
	col := slices.Index(rows[0], "label")
	var items []string
	for _, r := range rows[1:] {
		if r[0] == "platforms" && r[1] == "chart" && !slices.Contains(items, r[col]) {
			items = append(items, r[col])
		}
	}
	return items
}

// shownOrder is the items of a platforms text in the order drawn.
func shownOrder(text string) []string {
	var items []string
	for _, l := range strings.Split(text, "\n") {
		label, _, ok := strings.Cut(l, "█")
		if ok && len(label) > 2 && label[2] != ' ' && !strings.Contains(label, ":") {
			items = append(items, strings.TrimSpace(strings.TrimPrefix(label, "▸ ")))
		}
	}
	return items
}
