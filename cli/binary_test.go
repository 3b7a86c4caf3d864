package cli_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/dataset"
)

// bin is the docsurvey binary, built once for every test in TestMain.
var bin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "docsurvey-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "docsurvey")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v9.9.9-test -X main.commit=c0ffee", "-o", bin, "../cmd/docsurvey")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building docsurvey: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary with args, stdin empty and stdout a pipe (never a
// terminal), and NO_COLOR, COLUMNS and CLICOLOR_FORCE unset (see runIn).
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runIn(t, "", nil, nil, args...)
}

// embeddedCopy writes the shipped dataset to a temporary file.
func embeddedCopy(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "survey.yaml")
	if err := os.WriteFile(path, dataset.EmbeddedBytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// oversized writes an 11 MiB file, one MiB over the limit.
func oversized(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.yaml")
	data := bytes.Repeat([]byte("# padding\n"), 11<<20/len("# padding\n"))
	data = append(data, bytes.Repeat([]byte("\n"), 11<<20-len(data))...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBadInput runs the binary on each kind of bad input and checks the
// exit code and the message: one "docsurvey:" line naming what is wrong and
// what is valid, and no Go stack trace.
func TestBadInput(t *testing.T) {
	big := oversized(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		// stderr must contain each of these.
		want []string
	}{
		{"unknown view", []string{"show", "nope"}, 2, []string{`docsurvey: unknown view "nope"; the views of the shipped dataset are: overview, platforms, benefits, connected, privacy, sources`}},
		{"no view", []string{"show"}, 2, []string{"docsurvey: show needs a view: overview, platforms"}},
		{"two views", []string{"show", "platforms", "privacy"}, 2, []string{"docsurvey: show takes one view"}},
		{"unknown format", []string{"show", "platforms", "--format", "pdf"}, 2, []string{`docsurvey: unknown format "pdf"; valid formats: text, markdown, csv, json, svg`}},
		{"unknown sort", []string{"show", "platforms", "--sort", "size"}, 2, []string{`docsurvey: unknown sort order "size"; valid sort orders: order, value, gap, name`}},
		{"bad series", []string{"show", "platforms", "--series", "interested"}, 2, []string{`docsurvey: unknown series "interested"; valid series: all, professional, personal`}},
		{"unknown color", []string{"show", "platforms", "--color", "sometimes"}, 2, []string{`docsurvey: unknown color mode "sometimes"; valid color modes: auto, always, never`}},
		{"narrow width", []string{"show", "platforms", "--width", "3"}, 2, []string{"docsurvey: --width 3 is too narrow"}},
		{"bad flag", []string{"show", "platforms", "--colour"}, 2, []string{"docsurvey: unknown flag: --colour", "Usage:", "docsurvey show VIEW [flags]"}},
		{"bad flag value", []string{"show", "platforms", "--width", "wide"}, 2, []string{`docsurvey: invalid argument "wide" for "-w, --width" flag`}},
		{"unknown command", []string{"frobnicate"}, 2, []string{`docsurvey: unknown command "frobnicate" for "docsurvey"; run 'docsurvey --help' for the commands`}},
		{"unknown explorer view", []string{"--view", "nope"}, 2, []string{`docsurvey: unknown view "nope"; the views of the shipped dataset are: overview`}},
		{"missing data file", []string{"--data", filepath.Join(dir, "missing.yaml"), "views"}, 2, []string{fmt.Sprintf("docsurvey: %q does not exist", filepath.Join(dir, "missing.yaml"))}},
		{"directory as data", []string{"--data", dir, "show", "platforms"}, 2, []string{fmt.Sprintf("docsurvey: %q is a directory, not a regular file", dir)}},
		{"FIFO as data", []string{"--data", fifo, "views"}, 2, []string{fmt.Sprintf("docsurvey: %q is a named pipe (FIFO), not a regular file; to read a pipe, give - and pipe it in", fifo)}},
		{"validate FIFO", []string{"validate", fifo}, 2, []string{fmt.Sprintf("docsurvey: %q is a named pipe (FIFO)", fifo)}},
		{"device as data", []string{"--data", "/dev/zero", "views"}, 2, []string{`docsurvey: "/dev/zero" is a character device, not a regular file`}},
		{"newline in a file name", []string{"validate", filepath.Join(dir, "a\nforged: line")}, 2, []string{`a\nforged: line" does not exist`}},
		{"oversized data", []string{"--data", big, "views"}, 2, []string{fmt.Sprintf("docsurvey: %q is 11 MiB; data files are limited to 10 MiB", big)}},
		{"data path through a file", []string{"--data", "testdata/invalid.yaml/x", "views"}, 2, []string{`docsurvey: "testdata/invalid.yaml/x" cannot be read: not a directory`}},
		{"malformed yaml", []string{"--data", "testdata/malformed.yaml", "show", "platforms"}, 2, []string{"testdata/malformed.yaml", `docsurvey: "testdata/malformed.yaml" is not a valid data file`}},
		{"invalid data", []string{"--data", "testdata/invalid.yaml", "views"}, 2, []string{"colour", "lots", "shape", `docsurvey: "testdata/invalid.yaml" is not a valid data file`}},
		{"validate bad file", []string{"validate", "testdata/invalid.yaml"}, 2, []string{"colour", "lots", "shape", `docsurvey: "testdata/invalid.yaml" is not a valid data file`}},
		{"validate missing file", []string{"validate", filepath.Join(dir, "missing.yaml")}, 2, []string{"does not exist"}},
		{"explorer without a terminal", nil, 2, []string{"docsurvey: the explorer needs a terminal; to print a view use 'docsurvey show overview'"}},
		{"output to a missing directory", []string{"show", "platforms", "-f", "csv", "-o", filepath.Join(dir, "no", "such", "dir.csv")}, 2, []string{"no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr does not contain %q:\n%s", w, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
				t.Errorf("stderr has a stack trace:\n%s", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout should be empty on error, got:\n%s", r.stdout)
			}
			if n := strings.Count(r.stderr, "docsurvey: "); n != 1 {
				t.Errorf("want exactly one docsurvey: line, got %d:\n%s", n, r.stderr)
			}
		})
	}
}

// TestUnreadableDataFile: a data file the user may not read is one line and
// exit 2. Root reads any file, so as root (as here and in CI) the binary is
// run as nobody, for whom a file of mode 000 really is unreadable.
func TestUnreadableDataFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "secret.yaml")
	if err := os.WriteFile(path, dataset.EmbeddedBytes(), 0o000); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--data", path, "views")
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	if os.Geteuid() == 0 {
		// nobody must reach the binary and the file's folder.
		for _, d := range []string{filepath.Dir(bin), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != 2 || stderr.String() != fmt.Sprintf("docsurvey: %q cannot be read: permission denied\n", path) {
		t.Errorf("code %d, stderr %q", code, stderr.String())
	}
}

// TestWriteFailure checks a failed write is a runtime failure (exit 1)
// and leaves the device alone.
func TestWriteFailure(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full, the device whose writes fail (Linux and FreeBSD have it): nothing here makes a write fail")
	}
	r := run(t, "show", "sources", "-f", "json", "-o", "/dev/full")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "docsurvey: writing the json: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("code %d, stderr %q; want 1 and one line", r.code, r.stderr)
	}
	if fi, err := os.Stat("/dev/full"); err != nil || fi.Mode().IsRegular() {
		t.Errorf("/dev/full was disturbed: %v", err)
	}
}

// TestInvalidDataListsEveryProblem checks each problem gets its own line,
// before the summary.
func TestInvalidDataListsEveryProblem(t *testing.T) {
	r := run(t, "validate", "testdata/invalid.yaml")
	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^docsurvey: "testdata/invalid\.yaml" is not a valid data file \(\d+ problems\)`).MatchString(last) {
		t.Errorf("last line %q, want the summary", last)
	}
	problem := regexp.MustCompile(`^testdata/invalid\.yaml:\d+:\d+: \S+: .+`)
	for _, l := range lines[:len(lines)-1] {
		if !problem.MatchString(l) {
			t.Errorf("problem line %q is not FILE:LINE:COL: field: message", l)
		}
	}
	for _, field := range []string{"colour", "lots", "shape"} {
		n := 0
		for _, l := range lines[:len(lines)-1] {
			if strings.Contains(l, field) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q is on %d problem lines, want 1:\n%s", field, n, r.stderr)
		}
	}
}

func TestValidateGoodFile(t *testing.T) {
	path := embeddedCopy(t)
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, "validate", path)
	want := fmt.Sprintf("%s: ok — %d sources, %d charts, %d findings, %d checks\n", path, len(c.Sources), len(c.Charts), len(c.Findings), len(c.Checks))
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("got code %d, stdout %q, stderr %q; want 0, %q, nothing", r.code, r.stdout, r.stderr, want)
	}
	// --data names the file to validate when no argument does.
	if r := run(t, "--data", path, "validate"); r.code != 0 || r.stdout != want {
		t.Errorf("validate with --data: code %d, stdout %q", r.code, r.stdout)
	}
}

// fixture is the report package's frozen copy of the shipped dataset, which
// its goldens are made from.
var fixture = filepath.Join("..", "report", "testdata", "survey.yaml")

// TestShowMatchesTheReport checks show prints the report package's output
// byte for byte, to stdout and to a file.
func TestShowMatchesTheReport(t *testing.T) {
	for _, format := range []string{"text", "csv", "json", "markdown", "svg"} {
		golden := filepath.Join("..", "report", "testdata", "TestGolden", "platforms."+map[string]string{"csv": "csv", "json": "json", "markdown": "md", "svg": "svg"}[format]+".golden")
		if format == "text" {
			golden = filepath.Join("..", "report", "testdata", "TestGoldenText", "platforms.txt.golden")
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		r := run(t, "--data", fixture, "show", "platforms", "--format", format)
		if r.code != 0 || r.stdout != string(want) {
			t.Errorf("show platforms -f %s: code %d, stderr %q, stdout differs from the report golden:\n%s", format, r.code, r.stderr, r.stdout)
		}
		out := filepath.Join(t.TempDir(), "out")
		if r := run(t, "--data", fixture, "show", "platforms", "-f", format, "-o", out); r.code != 0 || r.stdout != "" {
			t.Errorf("show -o: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
		if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, want) {
			t.Errorf("show -o %s: file differs from the report golden (%v)", format, err)
		}
	}
}

func TestViews(t *testing.T) {
	r := run(t, "--data", fixture, "views")
	want := `ID         TITLE      CHARTS  FINDINGS
overview   Overview   0       14
platforms  Platforms  1       8
benefits   Benefits   1       5
connected  Connected  2       5
privacy    Privacy    2       12
sources    Sources    0       0
`
	if r.code != 0 || r.stdout != want {
		t.Errorf("views: code %d, stderr %q, stdout:\n%s\nwant:\n%s", r.code, r.stderr, r.stdout, want)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := run(t, args...)
		if r.code != 0 || !regexp.MustCompile(`^docsurvey v9\.9\.9-test \(commit c0ffee, go1\.\d+.* \w+/\w+\)\n$`).MatchString(r.stdout) {
			t.Errorf("%v: code %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

// TestHelp checks each command's help has examples and the exit codes.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"show", "--help"}, {"views", "--help"}, {"validate", "--help"}, {"serve", "--help"}} {
		r := run(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") {
			t.Errorf("%v: code %d, no examples in:\n%s", args, r.code, r.stdout)
		}
		if args[0] != "views" && !strings.Contains(r.stdout, "2  usage error or invalid input") {
			t.Errorf("%v: the help does not document the exit codes:\n%s", args, r.stdout)
		}
	}
}

func TestCompletion(t *testing.T) {
	r := run(t, "completion", "bash")
	if r.code != 0 || !strings.Contains(r.stdout, "__start_docsurvey") {
		t.Errorf("completion bash: code %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, "__complete", "show", "")
	for _, v := range dataset.EmbeddedViewIDs() {
		if !strings.Contains(r.stdout, v+"\n") {
			t.Errorf("completing show does not offer %s:\n%s", v, r.stdout)
		}
	}
	r = run(t, "__complete", "show", "connected", "--series", "")
	if !strings.Contains(r.stdout, "share\n") || !strings.Contains(r.stdout, "personal\n") {
		t.Errorf("completing --series for connected:\n%s", r.stdout)
	}
}

// TestShowTextColor checks the text format has color only when asked (not
// in a pipe unless --color always), and --ascii prints ASCII only.
func TestShowTextColor(t *testing.T) {
	tests := []struct {
		args   []string
		escape bool
	}{
		{[]string{"show", "privacy"}, false},
		{[]string{"show", "privacy", "--color", "always"}, true},
		{[]string{"show", "privacy", "--color", "never"}, false},
		{[]string{"show", "privacy", "--ascii"}, false},
	}
	for _, tt := range tests {
		r := run(t, tt.args...)
		if r.code != 0 {
			t.Fatalf("%v: code %d, stderr %q", tt.args, r.code, r.stderr)
		}
		if got := strings.Contains(r.stdout, "\x1b["); got != tt.escape {
			t.Errorf("%v: escape codes %v, want %v", tt.args, got, tt.escape)
		}
	}
	r := run(t, "show", "connected", "--ascii", "--width", "60")
	for i, c := range []byte(r.stdout) {
		if c > 0x7e || (c < 0x20 && c != '\n') {
			t.Fatalf("--ascii output has byte %#x at %d", c, i)
		}
	}
}

// TestServe starts the server on a free port, connects a viewer over SSH
// with a PTY, waits for the explorer's first frame, then stops the server
// with SIGTERM: exit 0.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "host_ed25519"), "--view", "platforms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	defer func() {
		_ = cmd.Process.Kill()
	}()
	lines := bufio.NewScanner(stderr)
	addr := ""
	for addr == "" && lines.Scan() {
		if m := regexp.MustCompile(`^serving on (\S+); connect with: ssh -p \d+ 127\.0\.0\.1$`).FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("no 'serving on' line: %v", lines.Err())
	}
	go func() {
		for lines.Scan() {
		}
		done <- cmd.Wait()
	}()

	client, err := ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User:            "viewer",
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	// Keep the input open, as a person's terminal does: at EOF the server
	// ends the session (the viewer has gone).
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := sess.RequestPty("xterm-256color", 30, 100, ssh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	frame := make(chan bool, 1)
	go func() {
		var seen bytes.Buffer
		buf := make([]byte, 4096)
		for {
			n, err := out.Read(buf)
			seen.Write(buf[:n])
			if strings.Contains(seen.String(), "Popular social media sites") {
				frame <- true
				return
			}
			if err != nil {
				frame <- false
				return
			}
		}
	}()
	select {
	case ok := <-frame:
		if !ok {
			t.Fatal("the session ended before the platforms view was drawn")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no platforms view within 20s")
	}
	sess.Close()
	client.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20s of SIGTERM")
	}
}

func TestServeBadInput(t *testing.T) {
	dir := t.TempDir()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	loose := filepath.Join(dir, "loose_key")
	if err := os.WriteFile(loose, []byte("not a key"), 0o644); err != nil {
		t.Fatal(err)
	}
	rsaKey, fifo, restricted := hostileKeyFiles(t, dir)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown view", []string{"serve", "--view", "nope"}, 2, `docsurvey: unknown view "nope"`},
		{"loose host key", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", loose}, 2, "docsurvey: host key " + strconv.Quote(loose) + " has mode 0644"},
		{"missing authorized keys", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "k"), "--authorized-keys", filepath.Join(dir, "nope")}, 2, "docsurvey: authorized keys"},
		{"bad address", []string{"serve", "--listen", "127.0.0.1:99999", "--host-key", filepath.Join(dir, "k")}, 2, "docsurvey: --listen 127.0.0.1:99999: "},
		{"address in use", []string{"serve", "--listen", busy.Addr().String(), "--host-key", filepath.Join(dir, "k")}, 1, "docsurvey: cannot listen on " + busy.Addr().String() + ": address already in use"},
		{"no sessions", []string{"serve", "--max-sessions", "0"}, 2, "docsurvey: --max-sessions 0"},
		{"no shutdown grace", []string{"serve", "--shutdown-timeout", "0s"}, 2, "docsurvey: --shutdown-timeout 0s: must be positive"},
		{"no pending", []string{"serve", "--max-pending", "0"}, 2, "docsurvey: --max-pending 0: at least 1 connection"},
		{"long pre-auth", []string{"serve", "--pre-auth-timeout", "1m"}, 2, "docsurvey: --pre-auth-timeout 1m0s: at most 30s"},
		{"bad IPv6 prefix", []string{"serve", "--ipv6-prefix", "129"}, 2, "docsurvey: --ipv6-prefix 129: between 1 and 128"},
		{"RSA host key", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", rsaKey}, 2, "is a ssh-rsa key; docsurvey serves with an ed25519 key only"},
		{"FIFO authorized keys", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "k"), "--authorized-keys", fifo}, 2, "is a named pipe (FIFO), not a regular file"},
		{"restrict option", []string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "k"), "--authorized-keys", restricted}, 2, ":1: restrict or no-pty forbids the terminal"},
	}
	for _, tt := range tests {
		r := run(t, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: code %d, stderr %q; want %d and %q", tt.name, r.code, r.stderr, tt.code, tt.want)
		}
	}
}

// TestServeSIGTERMWithStalledSession stops the server with SIGTERM while a
// viewer has stopped reading (its SSH window is full, so the session cannot
// finish its last frame): the server closes that session at the shutdown
// deadline, says so, and exits 0 soon after.
func TestServeSIGTERMWithStalledSession(t *testing.T) {
	t.Parallel() // mostly waiting for the window to fill
	const grace = 300 * time.Millisecond
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "host_ed25519"),
		"--shutdown-timeout", grace.String())
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	lines := bufio.NewScanner(stderr)
	addr := ""
	for addr == "" && lines.Scan() {
		if m := regexp.MustCompile(`^serving on (\S+);`).FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("no 'serving on' line: %v", lines.Err())
	}
	var logs syncLines
	done := make(chan error, 1)
	go func() {
		for lines.Scan() {
			logs.add(lines.Text())
		}
		done <- cmd.Wait()
	}()

	client, err := ssh.Dial("tcp", addr, &ssh.ClientConfig{User: "stalled", HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe() // open and silent
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := sess.RequestPty("xterm-256color", 500, 1000, ssh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	// Every new size redraws the whole screen, and every digit changes the
	// view: about 20 KB a step, 3 MB in all, more than the SSH window (2 MiB)
	// that the client never gives back.
	for i := range 150 {
		if err := sess.WindowChange(500-i%2, 1000-i%2); err != nil {
			t.Fatal(err)
		}
		if _, err := stdin.Write([]byte{"123456"[i%6]}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(35 * time.Millisecond) // over the server's 30ms between resizes
	}

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		took := time.Since(start)
		t.Logf("serve exited %v after SIGTERM", took.Round(time.Millisecond))
		if !logs.contains("closed 1 sessions that did not end in time") {
			t.Fatalf("the session was not stuck at the deadline, so this test proves nothing; log:\n%s", logs.String())
		}
		if err != nil {
			t.Errorf("serve after SIGTERM with a stuck session: %v, want exit 0; log:\n%s", err, logs.String())
		}
		if took > grace+3*time.Second {
			t.Errorf("serve took %v to exit, want under the grace period (%v) + 3s", took, grace)
		}
	case <-time.After(grace + 10*time.Second):
		t.Fatalf("serve did not exit within %v of SIGTERM", grace+10*time.Second)
	}
}

// syncLines collects lines from one goroutine for another to read.
type syncLines struct {
	mu    sync.Mutex
	lines []string
}

func (s *syncLines) add(l string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines = append(s.lines, l)
}

func (s *syncLines) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}

func (s *syncLines) contains(want string) bool { return strings.Contains(s.String(), want) }
