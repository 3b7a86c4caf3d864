package cli_test

import (
	"strings"
	"testing"
)

func TestManPage(t *testing.T) {
	r := run(t, "man")
	if r.code != 0 || !strings.HasPrefix(r.stdout, ".TH DOCSURVEY 1 ") {
		t.Fatalf("man: code %d, stderr %q, stdout starts %.80q; want roff starting .TH", r.code, r.stderr, r.stdout)
	}
	for _, want := range []string{".SH NAME", ".SH OPTIONS", "serve", "show", `\fB--data\fP`, ".SH EXIT STATUS"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	if help := run(t, "--help"); strings.Contains(help.stdout, "\n  man ") {
		t.Errorf("man is listed in --help; it should be hidden:\n%s", help.stdout)
	}
}
