// Package golden compares test output with golden files through
// github.com/charmbracelet/x/exp/golden, as bubbles' view tests do: a
// difference fails with a unified diff of the two (escape sequences
// shown escaped), and `go test -update` (that package's flag) rewrites
// the files. After the diff it checks the bytes too, for output that
// promises byte stability (x/exp/golden compares lines, and on Windows
// forgives CRLF). It is for tests only.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	xgolden "github.com/charmbracelet/x/exp/golden"
)

// RequireEqual compares got with testdata/TEST.golden, where TEST is the
// test's name (a subtest's includes its parent's: TestX/case), and stops
// the test on a difference; with -update it writes got there first.
func RequireEqual[T []byte | string](t testing.TB, got T) {
	t.Helper()
	requireEqual(t, t.Name(), []byte(got))
}

// Check compares got with testdata/TEST/NAME.golden, where TEST is the
// test's name, as RequireEqual does: for tests that hold several files.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	requireEqual(t, t.Name()+"/"+name, got)
}

func requireEqual(t testing.TB, name string, got []byte) {
	t.Helper()
	xgolden.RequireEqual(named{TB: t, name: name}, got)
	path := filepath.Join("testdata", name+".golden")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the lines match but not the bytes (line ends?); run the test with -update and review the diff", path)
	}
}

// named is a test under the name of its golden file: x/exp/golden finds
// the file by the test's name.
type named struct {
	testing.TB
	name string
}

// Name returns the golden file's name.
func (n named) Name() string { return n.name }
