package inputguard

import "io"

// terminalFile is what a Bubble Tea program needs of its input to put a
// terminal in raw mode and wait on it (term.File): an *os.File.
type terminalFile interface {
	io.ReadWriteCloser
	Fd() uintptr
}

// guardedFile is a terminal whose reads are guarded; everything else is the
// terminal's own.
type guardedFile struct {
	terminalFile
	g *Reader
}

func (f guardedFile) Read(p []byte) (int, error) { return f.g.Read(p) }

// Terminal guards a program's input with opts. When in is a file (a local
// terminal) the result still is one, with the same descriptor, so the
// program can still make it raw and wait on it; reads go through the guard.
func Terminal(in io.Reader, opts Options) io.Reader {
	if in == nil {
		return nil
	}
	if f, ok := in.(terminalFile); ok {
		return guardedFile{terminalFile: f, g: New(f, opts)}
	}
	return New(in, opts)
}
