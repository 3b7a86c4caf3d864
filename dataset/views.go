package dataset

// The view IDs, in the order the explorer shows them.
const (
	ViewOverview  = "overview"
	ViewPlatforms = "platforms"
	ViewBenefits  = "benefits"
	ViewConnected = "connected"
	ViewPrivacy   = "privacy"
	ViewSources   = "sources"
)

// ViewIDs returns the six view IDs in display order.
func ViewIDs() []string {
	return []string{ViewOverview, ViewPlatforms, ViewBenefits, ViewConnected, ViewPrivacy, ViewSources}
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
