package cli

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// envPrefix starts the name of every environment variable that sets a
// serve flag: --max-sessions is DOCSURVEY_MAX_SESSIONS.
const envPrefix = "DOCSURVEY_"

// envName is the environment variable for the flag called name.
func envName(name string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// flagsFromEnv sets every flag of cmd not given on the command line from
// its environment variable (see envName), when that is set and not empty:
// a flag on the command line wins. It covers every flag the command has,
// its own and inherited ones (--data), including flags added later, so a
// service can be configured entirely from its environment (a systemd unit,
// a container). A value the flag refuses is a usage error naming the
// variable. lookup is os.LookupEnv outside tests.
func flagsFromEnv(cmd *cobra.Command, lookup func(string) (string, bool)) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		name := envName(f.Name)
		v, ok := lookup(name)
		if !ok || v == "" {
			return
		}
		if serr := cmd.Flags().Set(f.Name, v); serr != nil {
			err = usageErrorf("%s=%q: not a valid value for --%s (%s): %v", name, v, f.Name, f.Value.Type(), setError(serr))
		}
	})
	return err
}

// envHelp explains the environment variables, for serve's long help.
const envHelp = `
Environment:
  Every flag can also be set by an environment variable: DOCSURVEY_ and the
  flag's name in capitals with _ for -, e.g. DOCSURVEY_LISTEN=:2222,
  DOCSURVEY_MAX_SESSIONS=250, DOCSURVEY_DATA=/srv/talk.yaml. A flag on the
  command line wins; an empty variable counts as unset; a value the flag
  refuses is a usage error (exit 2) naming the variable.
`

// setError is the reason a flag refused a value, without pflag's and
// strconv's wrapping ("invalid syntax" rather than the Go call).
func setError(err error) error {
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		return ne.Err
	}
	return err
}
