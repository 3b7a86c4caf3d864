package dataset

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryIsSelfContained fails if any file in the repository names
// the folder beside it that only the developers' machines have: a clone
// with nothing beside it must build, test and read its own documents. The
// needle is built from two halves so that this file does not match itself.
func TestRepositoryIsSelfContained(t *testing.T) {
	needle := []byte(".." + "/" + "shared")
	root := ".."
	for _, name := range repositoryFiles(t, root) {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(b, needle); i >= 0 {
			line := 1 + bytes.Count(b[:i], []byte("\n"))
			t.Errorf("%s:%d names %s, which exists only beside the repository; copy what it needs into the repository", name, line, needle)
		}
	}
}

// repositoryFiles lists the files git tracks under root, or, outside a git
// checkout (a module archive), every regular file under it.
func repositoryFiles(t *testing.T, root string) []string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err == nil && len(out) > 0 {
		var names []string
		for n := range strings.SplitSeq(strings.TrimRight(string(out), "\x00"), "\x00") {
			if fi, err := os.Lstat(filepath.Join(root, n)); err == nil && fi.Mode().IsRegular() {
				names = append(names, n)
			}
		}
		return names
	}
	var names []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(root, path)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("found no files in the repository")
	}
	return names
}
