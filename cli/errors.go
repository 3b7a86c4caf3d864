package cli

import (
	"errors"
	"fmt"
)

// Exit codes, as documented in the help and docs/output.md.
const (
	// ExitOK is success.
	ExitOK = 0
	// ExitFailure is a runtime failure.
	ExitFailure = 1
	// ExitUsage is a usage error or invalid input.
	ExitUsage = 2
)

// ExitError is an error that decides the process exit code. Execute prints
// Details as they are, one per line, then "docsurvey: " and Err, to stderr.
type ExitError struct {
	// Code is the exit code: ExitFailure or ExitUsage.
	Code int
	// Err says what went wrong, in one line.
	Err error
	// Details are lines printed before Err, e.g. every problem in a data
	// file as FILE:LINE:COL: field: message.
	Details []string
	// usage is the command's usage, printed after Err for flag errors.
	usage string
}

// Error returns Err's message.
func (e *ExitError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *ExitError) Unwrap() error { return e.Err }

// usageErrorf is a usage error or invalid input: exit code 2.
func usageErrorf(format string, a ...any) *ExitError {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, a...)}
}

// runtimeErrorf is a runtime failure: exit code 1.
func runtimeErrorf(format string, a ...any) *ExitError {
	return &ExitError{Code: ExitFailure, Err: fmt.Errorf(format, a...)}
}

// asExitError types an error a command returned. Errors the commands make
// are *ExitError already; any other error returned from a command's RunE
// is a runtime failure.
func asExitError(err error) *ExitError {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee
	}
	return &ExitError{Code: ExitFailure, Err: err}
}
