package explore

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ExportFormat is one file an export writes: its extension and how to write
// its content.
type ExportFormat struct {
	// Ext is the file extension without the dot: "txt", "md", "csv".
	Ext string
	// Write writes the content.
	Write func(w io.Writer) error
}

// maxExportTries bounds the search for a free name.
const maxExportTries = 1000

// ExportBase is the file name, without suffix or extension, for an export
// of a view at a time: "docsurvey-platforms-20261121-103000". The view is
// reduced to lower-case letters, digits and dashes so it is safe in a file
// name.
func ExportBase(view string, t time.Time) string {
	var b strings.Builder
	for _, r := range strings.ToLower(view) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	v := strings.TrimSuffix(b.String(), "-")
	if v == "" {
		v = "view"
	}
	return "docsurvey-" + v + "-" + t.Format("20060102-150405")
}

// Export writes one file per format into dir, all with the same name,
// ExportBase(view, now) plus the format's extension, and returns their paths
// in format order. It never overwrites: if any of the names is taken it
// tries "-2", "-3" … until all are free, creating each file with O_EXCL so
// that two exports at once cannot collide. If a write fails, the files of
// this export are removed and the error says which file failed.
func Export(dir, view string, now time.Time, formats []ExportFormat) ([]string, error) {
	if len(formats) == 0 {
		return nil, errors.New("export: no formats")
	}
	base := ExportBase(view, now)
	for n := 1; n <= maxExportTries; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		files, paths, err := createAll(dir, name, formats)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := writeAll(files, paths, formats); err != nil {
			for _, p := range paths {
				os.Remove(p)
			}
			return nil, err
		}
		return paths, nil
	}
	return nil, fmt.Errorf("export: no free name for %s in %s after %d tries", base, dir, maxExportTries)
}

// createAll creates every format's file exclusively, or none: on any error
// it closes and removes what it created.
func createAll(dir, name string, formats []ExportFormat) ([]*os.File, []string, error) {
	var files []*os.File
	var paths []string
	for _, f := range formats {
		p := filepath.Join(dir, name+"."+f.Ext)
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			for i, done := range files {
				done.Close()
				os.Remove(paths[i])
			}
			return nil, nil, err
		}
		files = append(files, fh)
		paths = append(paths, p)
	}
	return files, paths, nil
}

// writeAll writes and closes every file, returning the first error.
func writeAll(files []*os.File, paths []string, formats []ExportFormat) error {
	var first error
	for i, fh := range files {
		var err error
		if formats[i].Write != nil {
			err = formats[i].Write(fh)
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
