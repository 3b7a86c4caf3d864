package safefile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRegularFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(p, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Read(context.Background(), p, Options{Limit: 5})
	if err != nil || string(got) != "hello" {
		t.Fatalf("got %q, %v", got, err)
	}
	_, err = Read(context.Background(), p, Options{Limit: 4})
	if !errors.Is(err, ErrTooBig) {
		t.Errorf("a file over the limit: %v, want ErrTooBig", err)
	}
}

// TestRefused: files that are not regular are refused at once, by name
// (quoted), and none of them blocks.
func TestRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		fifo:                                "is a named pipe (FIFO)",
		"/dev/zero":                         "is a character device",
		dir:                                 "is a directory",
		filepath.Join(dir, "missing\nline"): "does not exist",
	}
	for path, want := range cases {
		done := make(chan error, 1)
		go func() {
			_, err := Read(context.Background(), path, Options{Limit: 1 << 20})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), fmt.Sprintf("%q", path)) {
				t.Errorf("%s: %v, want %q with the quoted name", path, err, want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: the message has a newline: %q", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Read blocked", path)
		}
	}
}

// TestStdinPipeIsCappedAndInterruptible: a pipe given as "-" is read with
// the same cap, and a pipe nobody writes to ends when ctx does.
func TestStdinPipeIsCappedAndInterruptible(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		_, _ = w.Write([]byte(strings.Repeat("z", 100)))
		_ = w.Close()
	}()
	if _, err := Read(context.Background(), "-", Options{Limit: 10, Stdin: r}); !errors.Is(err, ErrTooBig) {
		t.Errorf("a pipe over the limit: %v, want ErrTooBig", err)
	}

	r2, w2, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	defer w2.Close() // open, silent: the read would wait forever
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := Read(ctx, "/dev/stdin", Options{Limit: 10, Stdin: r2})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) {
			t.Errorf("a silent pipe: %v, want ErrInterrupted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a silent pipe did not end with ctx")
	}
}

// TestDevFdPipe: a process substitution (/dev/fd/N, a pipe) is accepted
// when standard input is, and refused when only regular files are.
func TestDevFdPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, _ = w.Write([]byte("data"))
	_ = w.Close()
	path := fmt.Sprintf("/dev/fd/%d", r.Fd())
	got, err := Read(context.Background(), path, Options{Limit: 10, Stdin: os.Stdin})
	if err != nil || string(got) != "data" {
		t.Errorf("%s: %q, %v", path, got, err)
	}
	if _, err := Read(context.Background(), path, Options{Limit: 10}); !errors.Is(err, ErrNotRegular) {
		t.Errorf("%s without Stdin: %v, want ErrNotRegular", path, err)
	}
}
