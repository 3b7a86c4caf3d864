package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/docsurvey/docsurvey/explore"
)

// ExportFile is one file an export writes: its extension and how to write
// its content.
type ExportFile struct {
	// Ext is the file extension without the dot: "txt", "md", "csv".
	Ext string
	// Write writes the content.
	Write func(w io.Writer) error
}

// maxExportTries bounds the search for a free name.
const maxExportTries = 1000

// WriteFiles writes one file per entry of files into dir, all with the
// same name, explore.ExportBase(view, now) plus the file's extension, and
// returns their paths in order. It never overwrites: if any of the names
// is taken it tries "-2", "-3" … until all are free, creating each file
// with O_EXCL so that two exports at once cannot collide. If a write
// fails, the files of this export are removed and the error says which
// file failed.
func WriteFiles(dir, view string, now time.Time, files []ExportFile) ([]string, error) {
	if len(files) == 0 {
		return nil, errors.New("export: no formats")
	}
	base := explore.ExportBase(view, now)
	for n := 1; n <= maxExportTries; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		fhs, paths, err := createAll(dir, name, files)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := writeAll(fhs, paths, files); err != nil {
			for _, p := range paths {
				os.Remove(p)
			}
			return nil, err
		}
		return paths, nil
	}
	return nil, fmt.Errorf("export: no free name for %s in %s after %d tries", base, dir, maxExportTries)
}

// createAll creates every file exclusively, or none: on any error it
// closes and removes what it created.
func createAll(dir, name string, files []ExportFile) ([]*os.File, []string, error) {
	var fhs []*os.File
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, name+"."+f.Ext)
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			for i, done := range fhs {
				done.Close()
				os.Remove(paths[i])
			}
			return nil, nil, err
		}
		fhs = append(fhs, fh)
		paths = append(paths, p)
	}
	return fhs, paths, nil
}

// writeAll writes and closes every file, returning the first error.
func writeAll(fhs []*os.File, paths []string, files []ExportFile) error {
	var first error
	for i, fh := range fhs {
		var err error
		if files[i].Write != nil {
			err = files[i].Write(fh)
		}
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil && first == nil {
			first = fmt.Errorf("export %s: %w", paths[i], err)
		}
	}
	return first
}
