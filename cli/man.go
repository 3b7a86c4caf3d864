package cli

import (
	"fmt"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCommand prints the manual page, generated from the command tree
// with mango-cobra (as glow and soft-serve do) so that it never drifts from
// --help. Hidden: packagers run it at release time (.goreleaser.yaml).
func newManCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the manual page (roff)",
		Hidden:                true,
		Args:                  cobra.NoArgs,
		DisableFlagsInUseLine: true,
		Example:               "  docsurvey man > docsurvey.1 && man ./docsurvey.1",
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return runtimeErrorf("building the manual page: %v", err)
			}
			page = page.WithSection("Exit status", "0 success, 1 runtime failure, 2 usage error or invalid input.").
				WithSection("See also", "docs/schema.md and docs/output.md in the source repository.").
				WithSection("Copyright", "MIT License; see LICENSE.")
			_, err = fmt.Fprint(e.stdout, page.Build(roff.NewDocument()))
			return err
		}),
	}
}
