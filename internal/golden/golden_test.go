package golden

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a test that records its failures instead of stopping.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Fatal(args ...any) { r.failures = append(r.failures, fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func TestCheck(t *testing.T) {
	Check(t, "hello", []byte("hello\n\x1b[1mbold\x1b[m\n"))
	r := &recorder{TB: t}
	Check(r, "hello", []byte("hello\n\x1b[1mbald\x1b[m\n"))
	if len(r.failures) == 0 {
		t.Fatal("a different output passed")
	}
	// A unified diff, escape sequences shown escaped.
	for _, want := range []string{"--- golden", "+++ run", `-\x1b[1mbold\x1b[m`, `+\x1b[1mbald\x1b[m`} {
		if !strings.Contains(r.failures[0], want) {
			t.Errorf("failure lacks %q:\n%s", want, r.failures[0])
		}
	}
	r = &recorder{TB: t}
	Check(r, "missing", []byte("x"))
	if len(r.failures) == 0 {
		t.Error("a missing golden file passed")
	}
}

func TestRequireEqual(t *testing.T) {
	RequireEqual(t, "one file\n")
	r := &recorder{TB: t}
	RequireEqual(r, []byte("one file"))
	if len(r.failures) == 0 {
		t.Error("a missing newline passed")
	}
}
