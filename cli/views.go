package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/report"
)

func newViewsCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "views",
		Short: "List the views, with the charts and findings each holds",
		Long: `List the explorer's views: their IDs (for 'docsurvey show VIEW' and
--view), titles, and how many charts and findings each holds in the loaded
data.
` + exitCodesHelp,
		Example: `  docsurvey views
  docsurvey --data mine.yaml views`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			c, err := loadData(cmd.Context(), e.stdin, e.dataPath)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTITLE\tCHARTS\tFINDINGS")
			for _, v := range c.ViewIDs() {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", v, report.ViewTitle(c, v), len(c.ChartsIn(v)), len(c.FindingsIn(v)))
			}
			return tw.Flush()
		}),
	}
}
