package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	goldenfile "github.com/docsurvey/docsurvey/internal/golden"
)

// golden compares got with testdata/<test>/<name>.golden, or rewrites the
// file when -update is set.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, name, got)
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
