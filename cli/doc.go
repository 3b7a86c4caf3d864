// Package cli is docsurvey's command line: the explorer, show, views,
// validate and version, built with cobra. Execute runs it and returns the
// process exit code:
//
//	0  success
//	1  runtime failure (e.g. writing the output failed)
//	2  usage error or invalid input (unknown view, format, sort or series;
//	   a bad flag; a missing, unreadable, oversized or invalid data file;
//	   the explorer without a terminal)
package cli
