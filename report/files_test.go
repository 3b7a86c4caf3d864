package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var exportTime = time.Date(2026, 11, 21, 10, 30, 5, 0, time.UTC)

func textFormats(body string) []ExportFile {
	w := func(ext string) ExportFile {
		return ExportFile{Ext: ext, Write: func(wr io.Writer) error {
			_, err := io.WriteString(wr, ext+":"+body)
			return err
		}}
	}
	return []ExportFile{w("txt"), w("md"), w("csv")}
}

func TestExportNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	first, err := WriteFiles(dir, "platforms", exportTime, textFormats("one"))
	if err != nil {
		t.Fatal(err)
	}
	names := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			out = append(out, filepath.Base(p))
		}
		return out
	}
	want := []string{"docsurvey-platforms-20261121-103005.txt", "docsurvey-platforms-20261121-103005.md", "docsurvey-platforms-20261121-103005.csv"}
	if got := names(first); !slices.Equal(got, want) {
		t.Fatalf("first export = %v", got)
	}
	// Only the .md of the next name is taken: the whole set moves to -3.
	if err := os.WriteFile(filepath.Join(dir, "docsurvey-platforms-20261121-103005-2.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := WriteFiles(dir, "platforms", exportTime, textFormats("two"))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(second); got[0] != "docsurvey-platforms-20261121-103005-3.txt" || got[2] != "docsurvey-platforms-20261121-103005-3.csv" {
		t.Fatalf("second export = %v", got)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if read("docsurvey-platforms-20261121-103005.md") != "md:one" || read("docsurvey-platforms-20261121-103005-2.md") != "mine" || read("docsurvey-platforms-20261121-103005-3.csv") != "csv:two" {
		t.Fatal("an export overwrote or lost a file")
	}
	// The aborted -2 attempt left no .txt or .csv behind.
	if _, err := os.Stat(filepath.Join(dir, "docsurvey-platforms-20261121-103005-2.txt")); !os.IsNotExist(err) {
		t.Fatalf("aborted attempt left a file: %v", err)
	}
}

func TestExportConcurrent(t *testing.T) {
	dir := t.TempDir()
	const n = 8
	var wg sync.WaitGroup
	results := make([][]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = WriteFiles(dir, "benefits", exportTime, textFormats("x"))
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		for _, p := range results[i] {
			if seen[p] {
				t.Fatalf("two exports got %s", p)
			}
			seen[p] = true
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3*n {
		t.Fatalf("%d files, want %d", len(entries), 3*n)
	}
}

func TestExportWriteErrorCleansUp(t *testing.T) {
	dir := t.TempDir()
	formats := textFormats("ok")
	formats[1].Write = func(io.Writer) error { return errors.New("renderer broke") }
	_, err := WriteFiles(dir, "privacy", exportTime, formats)
	if err == nil || !strings.Contains(err.Error(), "renderer broke") || !strings.Contains(err.Error(), ".md") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed export left %d files", len(entries))
	}
}

func TestExportErrors(t *testing.T) {
	if _, err := WriteFiles(t.TempDir(), "x", exportTime, nil); err == nil {
		t.Error("no formats accepted")
	}
	if _, err := WriteFiles(filepath.Join(t.TempDir(), "missing"), "x", exportTime, textFormats("")); err == nil {
		t.Error("a missing directory accepted")
	}
}
