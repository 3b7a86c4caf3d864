package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs the binary in dir with stdin fed from in and extra environment
// variables; stdout is a pipe.
func runIn(t *testing.T, dir string, in []byte, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=", "COLUMNS=", "CLICOLOR_FORCE="), env...)
	cmd.Stdin = bytes.NewReader(in)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

// TestDashIsStandardInput checks "-" reads standard input for --data and
// validate, with the file size limit, and writes standard output for
// show -o, creating no file named "-".
func TestDashIsStandardInput(t *testing.T) {
	data, err := os.ReadFile(embeddedCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r := runIn(t, dir, data, nil, "validate", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "stdin: ok — ") {
		t.Errorf("validate -: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	fromFile := runIn(t, dir, nil, nil, "show", "benefits", "-f", "csv")
	r = runIn(t, dir, data, nil, "--data", "-", "show", "benefits", "-f", "csv", "-o", "-")
	if r.code != 0 || r.stdout != fromFile.stdout || r.stdout == "" {
		t.Errorf("--data - show -o -: code %d, stderr %q, stdout differs from the embedded data's:\n%s", r.code, r.stderr, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`show -o - created a file named "-"`)
	}
	r = runIn(t, dir, []byte("title: x\nsources: 3\n"), nil, "validate", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "stdin:2:") {
		t.Errorf("invalid stdin: code %d, stderr %q; want exit 2 and stdin:2:COL", r.code, r.stderr)
	}
	r = runIn(t, dir, bytes.Repeat([]byte("#"), 10<<20+1), nil, "--data", "-", "views")
	if r.code != 2 || !strings.Contains(r.stderr, "stdin is more than 10 MiB") {
		t.Errorf("oversized stdin: code %d, stderr %q", r.code, r.stderr)
	}
	r = runIn(t, dir, data, nil, "--data", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "cannot read --data - too") {
		t.Errorf("explorer with --data -: code %d, stderr %q", r.code, r.stderr)
	}
}

// TestShowInAPipe checks show, writing to a pipe, takes its width from
// COLUMNS and its color from CLICOLOR_FORCE, and that NO_COLOR and
// --color never still win.
func TestShowInAPipe(t *testing.T) {
	dir := t.TempDir()
	widest := func(s string) int {
		w := 0
		for l := range strings.SplitSeq(s, "\n") {
			w = max(w, len([]rune(l)))
		}
		return w
	}
	plain := runIn(t, dir, nil, nil, "show", "platforms")
	narrow := runIn(t, dir, nil, []string{"COLUMNS=60"}, "show", "platforms")
	if plain.code != 0 || narrow.code != 0 || widest(plain.stdout) <= 60 || widest(narrow.stdout) > 60 {
		t.Errorf("COLUMNS=60: codes %d %d, widest lines %d (no COLUMNS) and %d (COLUMNS=60); stderr %q",
			plain.code, narrow.code, widest(plain.stdout), widest(narrow.stdout), narrow.stderr)
	}
	flag := runIn(t, dir, nil, []string{"COLUMNS=60"}, "show", "platforms", "--width", "100")
	if flag.stdout != plain.stdout {
		t.Error("--width 100 with COLUMNS=60 does not print what 100 columns print: the flag must win")
	}
	if bad := runIn(t, dir, nil, []string{"COLUMNS=wide"}, "show", "platforms"); bad.code != 0 || bad.stdout != plain.stdout {
		t.Errorf("COLUMNS=wide: code %d, stderr %q; want it ignored", bad.code, bad.stderr)
	}
	const esc = "\x1b["
	if strings.Contains(plain.stdout, esc) {
		t.Error("show in a pipe prints escape sequences without CLICOLOR_FORCE")
	}
	forced := runIn(t, dir, nil, []string{"CLICOLOR_FORCE=1"}, "show", "platforms")
	if forced.code != 0 || !strings.Contains(forced.stdout, esc) {
		t.Errorf("CLICOLOR_FORCE=1: code %d, no color in a pipe: %.200q", forced.code, forced.stdout)
	}
	for _, env := range [][]string{{"CLICOLOR_FORCE=0"}, {"CLICOLOR_FORCE=1", "NO_COLOR=1"}} {
		if r := runIn(t, dir, nil, env, "show", "platforms"); strings.Contains(r.stdout, esc) {
			t.Errorf("%v: color in a pipe", env)
		}
	}
	if r := runIn(t, dir, nil, []string{"CLICOLOR_FORCE=1"}, "show", "platforms", "--color", "never"); strings.Contains(r.stdout, esc) {
		t.Error("CLICOLOR_FORCE=1 --color never: color in a pipe")
	}
}
