package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/<test>/<name>.golden, or rewrites the
// file when -update is set.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", t.Name(), name+".golden")
	if *update {
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
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
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
		t.Errorf("%s differs from the output at line %d; run go test ./report -update and review the diff\n got: %s\nwant: %s", path, i+1, line(g), line(w))
	}
}

// fixture is the shipped dataset: the goldens show what the binary prints.
func fixture(t *testing.T) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFixtureIsShipped checks testdata/survey.yaml, which the cli tests pass
// with --data to compare show's output with these goldens, is the shipped
// dataset byte for byte: a stale copy would make them compare what the
// binary never prints.
func TestFixtureIsShipped(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("testdata", "survey.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, dataset.EmbeddedBytes()) {
		t.Error("testdata/survey.yaml differs from dataset/survey.yaml; copy it over: cp dataset/survey.yaml report/testdata/")
	}
}
