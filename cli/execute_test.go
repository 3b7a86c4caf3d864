package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestExecuteInProcess runs commands in process, where stdout is a buffer
// and never a terminal.
func TestExecuteInProcess(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"version"}, ExitOK, "docsurvey v1 (commit abc,", ""},
		{[]string{"show", "benefits", "-f", "csv"}, ExitOK, "view,kind,chart,item,label,series", ""},
		{[]string{"show", "benefits", "-f", "tsv"}, ExitUsage, "", `docsurvey: unknown format "tsv"`},
		{[]string{"--view", "platforms"}, ExitUsage, "", "docsurvey: the explorer needs a terminal; to print a view use 'docsurvey show platforms'"},
		{[]string{"show", "--nope"}, ExitUsage, "", "docsurvey: unknown flag: --nope\n\nUsage:"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Execute(context.Background(), Info{Version: "v1", Commit: "abc"}, tt.args, strings.NewReader(""), &out, &errb)
		if code != tt.code || !strings.HasPrefix(out.String(), tt.stdout) || !strings.HasPrefix(errb.String(), tt.stderr) {
			t.Errorf("%v: code %d, stdout %.60q, stderr %.120q; want %d, %q…, %q…", tt.args, code, out.String(), errb.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
}

// panicWriter panics on write, standing in for a bug deep in a command.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("boom") }

func TestExecuteTurnsPanicsIntoOneLine(t *testing.T) {
	var errb bytes.Buffer
	code := Execute(context.Background(), Info{}, []string{"version"}, strings.NewReader(""), panicWriter{}, &errb)
	if code != ExitFailure || errb.String() != "docsurvey: internal error: boom (please report it, with the command you ran)\n" {
		t.Errorf("code %d, stderr %q", code, errb.String())
	}
}
