package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/safefile"
)

// stdinName is what "-", standard input, is called in messages.
const stdinName = "stdin"

// quoteName is a file's name as messages show it: quoted (%q), so a name
// with a space, a newline or an escape reads as one name and cannot forge
// a line; standard input is just stdin.
func quoteName(name string) string {
	if name == stdinName {
		return name
	}
	return fmt.Sprintf("%q", name)
}

// loadData loads the collection named by --data ("-" for standard input),
// or the embedded one. Every failure is an *ExitError with a one-line
// message: a file that is missing, unreadable, not a regular file, too big,
// or whose read a signal ended (exit 1), and a file with problems (each
// problem then in Details).
func loadData(ctx context.Context, stdin io.Reader, path string) (*dataset.Collection, error) {
	if path == "" {
		c, err := dataset.Embedded()
		if err != nil {
			return nil, runtimeErrorf("the embedded dataset is broken: %v", firstLine(err))
		}
		return c, nil
	}
	data, name, err := readDataFile(ctx, stdin, path)
	if err != nil {
		return nil, err
	}
	c, err := dataset.ParseFile(data, name)
	if err != nil {
		return nil, invalidData(name, err)
	}
	return c, nil
}

// readDataFile reads a data file through safefile, the one reader of every
// file the program reads: a regular file, or standard input for "-",
// /dev/stdin or /dev/fd/N, at most dataset.MaxFileSize bytes, ended by a
// signal if it waits. It returns the data with the name messages call it by.
func readDataFile(ctx context.Context, stdin io.Reader, path string) ([]byte, string, error) {
	name := path
	if path == "-" {
		name = stdinName
		if stdin == nil {
			stdin = strings.NewReader("")
		}
	}
	data, err := safefile.Read(ctx, path, safefile.Options{Limit: dataset.MaxFileSize, Stdin: stdin})
	if err != nil {
		return nil, name, fileError(name, err)
	}
	return data, name, nil
}

// fileError turns a safefile error, or an error opening a file, into an
// *ExitError naming the file: an interrupted read is a runtime failure, the
// rest are usage errors.
func fileError(path string, err error) *ExitError {
	var fe *safefile.Error
	switch {
	case !errors.As(err, &fe):
		return usageErrorf("%s %s", quoteName(path), safefile.Describe(err))
	case errors.Is(err, safefile.ErrInterrupted):
		return runtimeErrorf("%s was not read: interrupted", quoteName(path))
	case errors.Is(err, safefile.ErrTooBig) && errors.As(err, &fe):
		return tooBig(path, fe.Size)
	}
	return usageErrorf("%s %s", quoteName(path), fe.Msg)
}

func tooBig(path string, size int64) *ExitError {
	what := mebibytes(size)
	if size == dataset.MaxFileSize+1 {
		what = "more than " + mebibytes(dataset.MaxFileSize)
	}
	return usageErrorf("%s is %s; data files are limited to %s", quoteName(path), what, mebibytes(dataset.MaxFileSize))
}

// mebibytes prints a size for people: "10 MiB", "11.5 MiB", "more than 10 MiB".
func mebibytes(n int64) string {
	mib := float64(n) / (1 << 20)
	if mib == float64(int64(mib)) {
		return fmt.Sprintf("%d MiB", int64(mib))
	}
	return fmt.Sprintf("%.1f MiB", mib)
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
	summary := explore.Count(count, "problem", "problems")
	return &ExitError{
		Code:    ExitUsage,
		Err:     fmt.Errorf("%s is not a valid data file (%s); see docs/schema.md", quoteName(path), summary),
		Details: lines,
	}
}

// firstLine returns the first line of an error's message.
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// embeddedData is loadData of the shipped dataset.
func embeddedData() (*dataset.Collection, error) { return loadData(context.Background(), nil, "") }
