package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
)

// Info is what the binary knows about its build; main sets it from
// -ldflags -X, and Execute fills the rest from the build information Go
// recorded (see [Info.WithBuildInfo]).
type Info struct {
	// Version is the release, e.g. "v1.2.0"; empty means "dev".
	Version string
	// Commit is the VCS revision; empty means "unknown".
	Commit string
	// Modified is true when the binary was built from a tree with
	// uncommitted changes.
	Modified bool
}

// String reads "docsurvey VERSION (commit COMMIT, GOVERSION OS/ARCH)", with
// ", modified" after the commit for a tree with uncommitted changes.
func (i Info) String() string {
	commit := i.commit()
	if i.Modified {
		commit += ", modified"
	}
	return fmt.Sprintf("docsurvey %s (commit %s, %s %s/%s)", i.version(), commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func (i Info) version() string {
	if i.Version == "" {
		return "dev"
	}
	return i.Version
}

func (i Info) commit() string {
	if i.Commit == "" {
		return "unknown"
	}
	return i.Commit
}

// env is what every command shares: the build, the streams and the
// persistent flags.
type env struct {
	info     Info
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	dataPath string
}

// exitCodesHelp is appended to every command's long help.
const exitCodesHelp = `
Exit codes:
  0  success
  1  runtime failure
  2  usage error or invalid input (unknown view, format, sort or series; a bad
     flag; a missing, unreadable, oversized or invalid data file; the
     explorer without a terminal)`

// Execute runs the command line with args (without the program name),
// reading stdin and writing stdout and stderr, and returns the exit code:
// ExitOK, ExitFailure or ExitUsage. Errors go to stderr, one line each,
// prefixed "docsurvey:".
func Execute(ctx context.Context, info Info, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A bug must not greet the user with a stack trace: one line, exit 1.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "docsurvey: internal error: %v (please report it, with the command you ran)\n", v)
			code = ExitFailure
		}
	}()
	e := &env{info: info.WithBuildInfo(readBuildInfo()), stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCommand(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if !errors.As(err, &ee) {
		// Only cobra's own errors arrive untyped: unknown commands and bad
		// arguments, which are usage errors.
		ee = &ExitError{Code: ExitUsage, Err: errors.New(cobraMessage(err))}
	}
	for _, d := range ee.Details {
		fmt.Fprintln(stderr, d)
	}
	fmt.Fprintln(stderr, "docsurvey: "+ee.Error())
	if ee.usage != "" {
		fmt.Fprintln(stderr)
		fmt.Fprint(stderr, ee.usage)
	}
	return ee.Code
}

// cobraMessage keeps the first line of a cobra error (dropping its
// multi-line suggestions) and says where to look.
func cobraMessage(err error) string {
	msg := firstLine(err)
	if strings.HasPrefix(msg, "unknown command") {
		msg += "; run 'docsurvey --help' for the commands"
	}
	return msg
}

// runE adapts a command function so that every error it returns is typed:
// an *ExitError as is, anything else a runtime failure.
func runE(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := f(cmd, args); err != nil {
			return asExitError(err)
		}
		return nil
	}
}

// flagError is a flag that does not parse: a usage error, printed with the
// command's usage.
func flagError(cmd *cobra.Command, err error) error {
	return &ExitError{Code: ExitUsage, Err: err, usage: cmd.UsageString()}
}

func newRootCommand(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "docsurvey",
		Short: "Explore surveys of physicians' use of social media",
		Long: `docsurvey explores surveys of physicians' use of social media: which sites
doctors use, what they want from networks and what holds them back. Every
figure carries its source.

Without a command it opens the interactive explorer. 'docsurvey show' prints
any view as text, markdown, CSV, JSON or SVG for reports, slides and scripts.
` + exitCodesHelp,
		Example: `  docsurvey                         # open the explorer
  docsurvey --view platforms        # open it on the platforms view
  docsurvey show platforms          # print a view as text
  docsurvey show privacy -f csv     # the figures, for scripts
  docsurvey --data mine.yaml views  # use your own data file`,
		Version:       e.info.version(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate(e.info.String() + "\n")
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().StringVar(&e.dataPath, "data", "", "read the survey data from `FILE` (YAML, JSON, or CSV by its .csv name; - for stdin) instead of the embedded dataset")
	addExploreFlags(root, e)
	root.AddCommand(
		newShowCommand(e),
		newViewsCommand(e),
		newValidateCommand(e),
		newImportCommand(e),
		newInitCommand(e),
		newVersionCommand(e),
		newServeCommand(e),
		newManCommand(e),
	)
	return root
}
