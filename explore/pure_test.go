package explore

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// TestNoIO keeps the package pure: none of its files imports a package
// that reaches the disk, the network or the terminal.
func TestNoIO(t *testing.T) {
	banned := map[string]bool{"os": true, "io/fs": true, "io/ioutil": true, "net": true, "net/http": true, "os/exec": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if filepath.Ext(name) != ".go" || len(name) > 8 && name[len(name)-8:] == "_test.go" {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); banned[p] {
				t.Errorf("%s imports %s: explore does no I/O", name, p)
			}
		}
	}
}
