package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
)

// checkView returns a usage error unless view is one of the loaded data's
// views; the message lists the data's view IDs and names the file they come
// from (path, or the shipped dataset when empty). A nil c is the shipped
// dataset.
func checkView(c *dataset.Collection, view, path string) error {
	if c == nil {
		c, _ = dataset.Embedded()
	}
	ids := c.ViewIDs()
	if slices.Contains(ids, view) {
		return nil
	}
	from := "the shipped dataset"
	if path != "" {
		from = path
	}
	return usageErrorf("unknown view %q; the views of %s are: %s", view, from, strings.Join(ids, ", "))
}

// completeViews completes a view ID from the data --data names (or the
// shipped data).
func completeViews(e *env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		c, err := loadData(cmd.Context(), nil, e.dataPath) // completion never reads stdin
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return c.ViewIDs(), cobra.ShellCompDirectiveNoFileComp
	}
}
