package dataset

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected problems of testdata/invalid")

// TestInvalidFixtures loads each file in testdata/invalid, one per
// validation rule (its first line says which), and compares every problem
// reported with the file's .want: one "FILE:LINE:COL: PATH: MESSAGE" a line.
// Refresh with go test ./dataset -run TestInvalidFixtures -update, then read
// the diff.
func TestInvalidFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil || len(files) < 40 {
		t.Fatalf("want at least 40 fixtures in testdata/invalid, found %d (%v)", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			c, err := Load(file)
			if err == nil {
				t.Fatalf("loaded without error: %d charts", len(c.Charts))
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is %T, not *ValidationError: %v", err, err)
			}
			if c != nil {
				t.Errorf("a collection came back with the error")
			}
			for _, p := range ve.Problems {
				if p.File != file {
					t.Errorf("problem names file %q, want %q", p.File, file)
				}
			}
			got := err.Error() + "\n"
			wantFile := strings.TrimSuffix(file, ".yaml") + ".want"
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("no expected problems (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("problems differ from %s\n got:\n%s\nwant:\n%s", wantFile, got, want)
			}
		})
	}
}
