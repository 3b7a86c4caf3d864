package dataset

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"f.yaml", 3, 7, "charts[0].id", "bad"}, "f.yaml:3:7: charts[0].id: bad"},
		{Problem{"f.yaml", 3, 0, "", "bad"}, "f.yaml:3: bad"},
		{Problem{"f.yaml", 0, 0, "", "bad"}, "f.yaml: bad"},
		{Problem{"f.yaml", 0, 5, "title", "bad"}, "f.yaml: title: bad"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// problemsOf parses data and returns its problems, failing if it parses.
func problemsOf(t *testing.T, data []byte) []Problem {
	t.Helper()
	c, err := Parse(data, "x.yaml")
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Parse returned %v (%T), collection %v; want a *ValidationError", err, err, c)
	}
	return ve.Problems
}

func TestParseRefusesLargeFile(t *testing.T) {
	data := bytes.Repeat([]byte("#"), MaxFileSize+1)
	ps := problemsOf(t, data)
	want := "x.yaml: file is 10485761 bytes; the limit is 10485760 bytes (10 MiB)"
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("got %v, want %q", ps, want)
	}
}

func TestLoadRefusesLargeFileUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: Load must refuse it from its size, not read it.
	if err := f.Truncate(1 << 40); err != nil {
		t.Skip("cannot make a sparse file here:", err)
	}
	f.Close()
	_, err = Load(path)
	if err == nil || !strings.HasSuffix(err.Error(), ": file is 1099511627776 bytes; the limit is 10485760 bytes (10 MiB)") {
		t.Errorf("Load = %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path)
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load = %v (%T); want a *ValidationError wrapping fs.ErrNotExist", err, err)
	}
	if want := path + ": cannot read file: no such file or directory"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestLoadDirectory(t *testing.T) {
	_, err := Load(t.TempDir())
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "cannot read file") {
		t.Errorf("Load(dir) = %v", err)
	}
}

// TestCheckTolerance: a declared tolerance lets rounded figures pass.
func TestCheckTolerance(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/check-tolerance.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ok := bytes.Replace(data, []byte("tolerance: 1}"), []byte("tolerance: 2}"), 1)
	c, err := Parse(ok, "tolerance.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := c.CheckResults()
	if len(got) != 2 || !got[0].OK || !got[1].OK || got[0].String() != "c1/t a: 10 + 30 = 40" {
		t.Errorf("results = %+v", got)
	}
}

// TestProblemsAreSafeToPrint: no problem message carries a control
// character from the file, even when the file is full of them.
func TestProblemsAreSafeToPrint(t *testing.T) {
	inputs := []string{
		"\"\x1b[31m\": 1\n",
		"title: x\nsources: [{id: \"\\e]0;pwned\\a\", label: L, publisher: P, title: T, kind: \"\\u202e\"}]\n",
		"title: !<\x1b[2J> x\n",
		"{\"\\u009b\": [}\n",
	}
	for _, in := range inputs {
		_, err := Parse([]byte(in), "x.yaml")
		if err == nil {
			t.Errorf("%q parsed", in)
			continue
		}
		for _, r := range err.Error() {
			if r != '\n' && unsafeRune(r) {
				t.Errorf("%q: problem text holds %U: %q", in, r, err.Error())
			}
		}
	}
}

func TestEmbeddedBytesIsACopy(t *testing.T) {
	b := EmbeddedBytes()
	b[0] ^= 0xff
	if EmbeddedBytes()[0] == b[0] {
		t.Error("EmbeddedBytes shares its buffer")
	}
}
