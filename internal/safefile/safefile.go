// Package safefile reads the files a user names (data files, authorized
// keys, presenter keys, host keys) so that no file can hang the program or
// exhaust its memory:
//
//   - only a regular file is read, unless the caller allows standard input
//     and the user asked for it: "-", /dev/stdin or /dev/fd/N (a pipe, a
//     terminal or a redirected file). A named pipe (FIFO), a device such as
//     /dev/zero, a socket or a directory is refused by name;
//   - the file is opened non-blocking, so opening a FIFO or a device never
//     waits, and its type is checked on the open descriptor (no race
//     between a stat and the open);
//   - at most Limit bytes are read, with io.LimitReader, whatever the size
//     the file claims; one byte more is an error;
//   - a read that waits (a pipe or a terminal) ends when ctx does: the
//     command line's ctx ends on SIGINT and SIGTERM.
package safefile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"
)

// Errors returned by Read, wrapped with the file's name.
var (
	// ErrTooBig is a file over the limit.
	ErrTooBig = errors.New("file too big")
	// ErrNotRegular is a file that is not a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrInterrupted is a read ended by ctx (a signal).
	ErrInterrupted = errors.New("interrupted")
)

// Options says what Read accepts.
type Options struct {
	// Limit is the most bytes read; required.
	Limit int64
	// Stdin, if not nil, is read for "-", /dev/stdin and /dev/fd/0, and
	// pipes named /dev/fd/N are accepted. Nil: only regular files.
	Stdin io.Reader
}

// Error is a refusal or failure, with the file's name and a message for
// people ("is a named pipe (FIFO), not a regular file").
type Error struct {
	Path string
	Msg  string
	Err  error // ErrTooBig, ErrNotRegular, ErrInterrupted or the OS error
	Size int64 // for ErrTooBig: the size read so far (Limit+1) or claimed
}

// Error reads "PATH: MSG" with PATH quoted.
func (e *Error) Error() string { return fmt.Sprintf("%q %s", e.Path, e.Msg) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// IsStdin reports whether path names standard input.
func IsStdin(path string) bool {
	return path == "-" || path == "/dev/stdin" || path == "/dev/fd/0"
}

// Read reads the file at path under opts.
func Read(ctx context.Context, path string, opts Options) ([]byte, error) {
	if opts.Stdin != nil && IsStdin(path) {
		return readStdin(ctx, path, opts)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, &Error{Path: path, Msg: Describe(err), Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Msg: Describe(err), Err: err}
	}
	pipeAllowed := opts.Stdin != nil && strings.HasPrefix(path, "/dev/fd/")
	if !fi.Mode().IsRegular() && !(pipeAllowed && fi.Mode()&fs.ModeNamedPipe != 0) {
		return nil, &Error{Path: path, Msg: describeType(fi.Mode(), opts.Stdin != nil), Err: ErrNotRegular}
	}
	if fi.Mode().IsRegular() && fi.Size() > opts.Limit {
		return nil, &Error{Path: path, Msg: "is too big", Err: ErrTooBig, Size: fi.Size()}
	}
	return readCapped(ctx, path, f, opts.Limit)
}

// readStdin reads standard input with the cap; when it is an *os.File that
// may wait (a pipe or a terminal), it is read on a non-blocking duplicate
// so that ctx can end the wait.
func readStdin(ctx context.Context, path string, opts Options) ([]byte, error) {
	f, ok := opts.Stdin.(*os.File)
	if !ok {
		return readCapped(ctx, path, opts.Stdin, opts.Limit)
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode().IsRegular() {
		return readCapped(ctx, path, f, opts.Limit)
	}
	if fi.IsDir() || fi.Mode()&(fs.ModeSocket|fs.ModeDevice) != 0 && fi.Mode()&fs.ModeCharDevice == 0 {
		return nil, &Error{Path: path, Msg: describeType(fi.Mode(), true), Err: ErrNotRegular}
	}
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return readCapped(ctx, path, f, opts.Limit)
	}
	// O_NONBLOCK belongs to the open file description, shared with the
	// shell: put it back as it was.
	if err := syscall.SetNonblock(fd, true); err == nil {
		defer func() { _ = syscall.SetNonblock(int(f.Fd()), false) }()
	}
	dup := os.NewFile(uintptr(fd), path)
	defer dup.Close()
	return readCapped(ctx, path, dup, opts.Limit)
}

// readCapped reads r up to limit+1 bytes; a file r that can wait is given
// a read deadline when ctx ends.
func readCapped(ctx context.Context, path string, r io.Reader, limit int64) ([]byte, error) {
	if f, ok := r.(*os.File); ok {
		stop := context.AfterFunc(ctx, func() { _ = f.SetReadDeadline(time.Now()) })
		defer stop()
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded) || err != nil && ctx.Err() != nil:
		return nil, &Error{Path: path, Msg: "was not read: interrupted", Err: ErrInterrupted}
	case err != nil:
		return nil, &Error{Path: path, Msg: Describe(err), Err: err}
	case int64(len(data)) > limit:
		return nil, &Error{Path: path, Msg: "is too big", Err: ErrTooBig, Size: int64(len(data))}
	}
	return data, nil
}

// describeType says what a file is instead of a regular file.
func describeType(m fs.FileMode, stdinOK bool) string {
	hint := ""
	if stdinOK {
		hint = "; to read a pipe, give - and pipe it in"
	}
	switch {
	case m.IsDir():
		return "is a directory, not a regular file"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO), not a regular file" + hint
	case m&fs.ModeCharDevice != 0:
		return "is a character device, not a regular file" + hint
	case m&fs.ModeDevice != 0:
		return "is a block device, not a regular file"
	case m&fs.ModeSocket != 0:
		return "is a socket, not a regular file"
	}
	return "is not a regular file"
}

// Describe turns an open, read or write error into words for a message
// after the file's name ("does not exist"), without Go's operation names.
func Describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read: permission denied"
	case errors.Is(err, syscall.EISDIR):
		return "is a directory, not a regular file"
	}
	return "cannot be read: " + err.Error()
}
