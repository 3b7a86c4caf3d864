package report

import (
	"fmt"
	"io"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// ChartMarkdown writes one chart of the state's view as Markdown, for
// copying it whole (the explorer's "Y"): the view's heading, the chart's
// question and table in the state's sort and series, its notes and the
// footnotes of the sources it cites, and nothing of the view's other charts
// or findings. chart is the index of the chart among the view's charts
// (explore.State.Chart). It returns a *UsageError for a state Write would
// refuse, an error when the view has no such chart, and otherwise only w's
// errors.
func ChartMarkdown(w io.Writer, c *dataset.Collection, sel explore.State, chart int) error {
	if err := Check(c, sel, FormatMarkdown); err != nil {
		return err
	}
	charts := c.ChartsIn(sel.View)
	if chart < 0 || chart >= len(charts) {
		return fmt.Errorf("view %s has no chart %d", sel.View, chart+1)
	}
	if sel.Sort == "" {
		sel.Sort = dataset.SortOrder
	}
	if sel.Series == "" {
		sel.Series = dataset.SeriesAll
	}
	d := build(c, sel)
	d.Charts = d.Charts[chart : chart+1]
	d.Findings = nil
	return writeMarkdown(w, d)
}
