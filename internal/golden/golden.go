// Package golden compares test output with a golden file, or rewrites the
// file when the test runs with -update. It is for tests only.
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with testdata/TEST/NAME.golden, where TEST is the
// test's name; with update set it writes got there instead. A difference is
// reported at its first differing line, with the whole output when short.
func Check(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", t.Name(), name+".golden")
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(got) == string(want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return ls[i]
		}
		return "(end of output)"
	}
	t.Errorf("%s differs from the output at line %d; run the test with -update and review the diff\n got: %s\nwant: %s\n--- got\n%s\n--- want\n%s",
		path, i+1, line(g), line(w), got, want)
}
