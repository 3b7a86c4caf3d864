package explore

import "github.com/docsurvey/docsurvey/dataset"

// CanDiverge reports whether a chart can be drawn as a butterfly chart: it
// has exactly two series, the first drawn to the left and the second to the
// right of the shared labels.
func CanDiverge(ch *dataset.Chart) bool { return ch != nil && len(ch.Series) == 2 }
