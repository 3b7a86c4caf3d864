package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// stdinName is what "-", standard input, is called in messages.
const stdinName = "stdin"

// loadData loads the collection named by --data ("-" for standard input),
// or the embedded one. Every failure is an *ExitError with a one-line
// message: a file that is missing, unreadable, a directory or too big, and a
// file with problems (each problem then in Details).
func loadData(path string, stdin io.Reader) (*dataset.Collection, error) {
	if path == "" {
		c, err := dataset.Embedded()
		if err != nil {
			return nil, runtimeErrorf("the embedded dataset is broken: %v", firstLine(err))
		}
		return c, nil
	}
	data, name, err := readDataFile(path, stdin)
	if err != nil {
		return nil, err
	}
	c, err := dataset.ParseFile(data, name)
	if err != nil {
		return nil, invalidData(name, err)
	}
	return c, nil
}

// readDataFile reads a data file, or stdin for "-", and returns it with the
// name messages call it by. It refuses directories and files over
// dataset.MaxFileSize without reading them whole.
func readDataFile(path string, stdin io.Reader) ([]byte, string, error) {
	if path == "-" {
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		data, err := readCapped(stdin, stdinName)
		return data, stdinName, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, path, fileError(path, err)
	}
	if fi.IsDir() {
		return nil, path, usageErrorf("%s is a directory, not a data file", path)
	}
	if fi.Size() > dataset.MaxFileSize {
		return nil, path, tooBig(path, fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, path, fileError(path, err)
	}
	defer f.Close()
	data, err := readCapped(f, path)
	return data, path, err
}

// readCapped reads r whole, but never more than one byte past
// dataset.MaxFileSize: a stream that goes on is refused, not buffered.
func readCapped(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, dataset.MaxFileSize+1))
	if err != nil {
		return nil, fileError(name, err)
	}
	if len(data) > dataset.MaxFileSize {
		return nil, usageErrorf("%s is more than %s; data files are limited to %s", name, mebibytes(dataset.MaxFileSize), mebibytes(dataset.MaxFileSize))
	}
	return data, nil
}

func tooBig(path string, size int64) *ExitError {
	return usageErrorf("%s is %s; data files are limited to %s", path, mebibytes(size), mebibytes(dataset.MaxFileSize))
}

// mebibytes prints a size for people: "10 MiB", "11.5 MiB", "more than 10 MiB".
func mebibytes(n int64) string {
	mib := float64(n) / (1 << 20)
	if mib == float64(int64(mib)) {
		return fmt.Sprintf("%d MiB", int64(mib))
	}
	return fmt.Sprintf("%.1f MiB", mib)
}

// fileError turns a failure to open or read a file into a one-line message
// without the Go operation names.
func fileError(path string, err error) *ExitError {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageErrorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return usageErrorf("%s: permission denied", path)
	}
	return usageErrorf("cannot read %s: %v", path, err)
}

// invalidData reports a data file that does not parse or validate: every
// problem on its own line (FILE:LINE:COL: field: message), then a one-line
// summary.
func invalidData(path string, err error) *ExitError {
	var lines []string
	count := 0
	var ve *dataset.ValidationError
	if errors.As(err, &ve) {
		count = len(ve.Problems)
	}
	for l := range strings.SplitSeq(strings.TrimRight(err.Error(), "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if count == 0 {
		count = len(lines)
	}
	summary := "1 problem"
	if count != 1 {
		summary = fmt.Sprintf("%d problems", count)
	}
	return &ExitError{
		Code:    ExitUsage,
		Err:     fmt.Errorf("%s is not a valid data file (%s); see docs/schema.md", path, summary),
		Details: lines,
	}
}

// firstLine returns the first line of an error's message.
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// embeddedData is loadData of the shipped dataset.
func embeddedData() (*dataset.Collection, error) { return loadData("", nil) }
