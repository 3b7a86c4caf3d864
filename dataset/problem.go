package dataset

import (
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a data file: where it is, which field, and
// what was expected. Line and Col are 1-based; 0 means unknown (a problem with
// the whole file). Path names the field, e.g. "charts[2].items[3].values.personal";
// it is empty for problems with the file itself.
type Problem struct {
	File      string
	Line, Col int
	Path      string
	Message   string
}

// String formats the problem as "FILE:LINE:COL: PATH: MESSAGE", leaving out
// the parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":" + strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteString(":" + strconv.Itoa(p.Col))
		}
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// ValidationError is what Parse and Load return when a file cannot be used:
// every problem found, in file order. Use errors.As to get at the problems.
type ValidationError struct {
	// Problems lists every problem, sorted by line and column.
	Problems []Problem
	// cause is the underlying error for a file that could not be read.
	cause error
}

// Error lists the problems, one per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the error behind a file that could not be read, if any, so
// errors.Is(err, fs.ErrNotExist) works.
func (e *ValidationError) Unwrap() error { return e.cause }

// maxProblems caps how many problems one file reports.
const maxProblems = 500

// problems collects problems for one file.
type problems struct {
	file string
	list []Problem
	// dropped counts problems past maxProblems.
	dropped int
}

func (ps *problems) add(line, col int, path, format string) {
	if len(ps.list) >= maxProblems {
		ps.dropped++
		return
	}
	// The one place a problem is made: everything in it goes through
	// SafeText, whatever the caller quoted.
	ps.list = append(ps.list, Problem{File: SafeText(ps.file), Line: line, Col: col, Path: SafeText(path), Message: SafeText(format)})
}

// err returns nil when there are no problems, else a *ValidationError with
// the problems sorted by position.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i], ps.list[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := ps.list
	if ps.dropped > 0 {
		out = append(out, Problem{File: SafeText(ps.file), Message: "too many problems; " + strconv.Itoa(ps.dropped) + " more not shown"})
	}
	return &ValidationError{Problems: out}
}
