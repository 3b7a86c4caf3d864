package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func newValidateCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a data file and report every problem",
		Long: `Check a survey data file (YAML or JSON, the shape of the embedded dataset,
see docs/schema.md). A good file prints a one-line summary and exits 0. A bad
one prints every problem to stderr as FILE:LINE:COL: field: message and
exits 2.

Without FILE it checks the --data file, or the embedded dataset; - reads
standard input.
` + exitCodesHelp,
		Example: `  docsurvey validate mine.yaml
  gunzip -c mine.yaml.gz | docsurvey validate -
  docsurvey validate mine.json && docsurvey --data mine.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			path := e.dataPath
			if len(args) == 1 {
				path = args[0]
			}
			c, err := loadData(cmd.Context(), e.stdin, path)
			if err != nil {
				return err
			}
			name := path
			switch name {
			case "":
				name = dataset.EmbeddedName
			case "-":
				name = stdinName
			}
			_, err = fmt.Fprintf(e.stdout, "%s: ok — %s, %s, %s, %s\n", name,
				explore.Count(len(c.Sources), "source", "sources"), explore.Count(len(c.Charts), "chart", "charts"),
				explore.Count(len(c.Findings), "finding", "findings"), explore.Count(len(c.Checks), "check", "checks"))
			return err
		}),
	}
}
