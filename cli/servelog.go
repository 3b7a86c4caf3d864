package cli

import (
	"io"
	"strings"

	"charm.land/log/v2"
	"github.com/spf13/pflag"
)

// The --log-format values.
const (
	logText   = "text"
	logLogfmt = "logfmt"
	logJSON   = "json"
)

// logFormats are the --log-format values, in help order.
func logFormats() []string { return []string{logText, logLogfmt, logJSON} }

// logLevels are the --log-level values, in help order.
func logLevels() []string { return []string{"debug", "info", "warn", "error"} }

// logFlags are the server's logging flags.
type logFlags struct {
	level  string
	format string
}

// addLogFlags adds --log-level and --log-format to fl.
func addLogFlags(fl *pflag.FlagSet, f *logFlags) {
	fl.StringVar(&f.level, "log-level", "info", "log `LEVEL`: "+strings.Join(logLevels(), ", "))
	fl.StringVar(&f.format, "log-format", logText, "log `FORMAT`: "+strings.Join(logFormats(), ", ")+" (logfmt and json for a log collector)")
}

// newLogger builds the server's logger on w from the flags, with
// timestamps; an unknown level or format is a usage error. Only
// log.NewWithOptions and log.Options are used, which charm.land/log/v2 keeps
// as they are.
func newLogger(w io.Writer, f logFlags) (*log.Logger, error) {
	if err := checkChoice("log level", f.level, logLevels()); err != nil {
		return nil, err
	}
	if err := checkChoice("log format", f.format, logFormats()); err != nil {
		return nil, err
	}
	level, err := log.ParseLevel(f.level)
	if err != nil {
		return nil, usageErrorf("--log-level %s: %v", f.level, err)
	}
	formatter := log.TextFormatter
	switch f.format {
	case logLogfmt:
		formatter = log.LogfmtFormatter
	case logJSON:
		formatter = log.JSONFormatter
	}
	return log.NewWithOptions(w, log.Options{Level: level, Formatter: formatter, ReportTimestamp: true}), nil
}
