package dataset

// The two views every collection has, first and last: the headline findings
// and the sources. The views between them are declared by the data file
// (views:) or derived from its charts; see viewdecl.go.
const (
	ViewOverview = "overview"
	ViewSources  = "sources"
)

// The view IDs the shipped dataset declares between the overview and the
// sources. They are data, not code: only the shipped dataset's tests use
// them by name.
const (
	ViewPlatforms = "platforms"
	ViewBenefits  = "benefits"
	ViewConnected = "connected"
	ViewPrivacy   = "privacy"
)

// EmbeddedViewIDs returns the shipped dataset's view IDs in tab order, for
// tests and examples that walk every view of the shipped data.
func EmbeddedViewIDs() []string {
	c, err := Embedded()
	if err != nil {
		return []string{ViewOverview, ViewSources}
	}
	return c.ViewIDs()
}

// Sort orders a chart's items can be shown in.
const (
	SortOrder = "order" // the dataset's order
	SortValue = "value" // largest first
	SortGap   = "gap"   // largest gap between series first
	SortName  = "name"  // by label
)

// SortOrders returns the sort orders in the order the explorer cycles them.
func SortOrders() []string { return []string{SortOrder, SortValue, SortGap, SortName} }

// SeriesAll selects every series of a chart (the alternative is a series ID).
const SeriesAll = "all"
