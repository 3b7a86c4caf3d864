package tui

// tabPage picks the tabs shown when they do not all fit: the tabs are cut
// into pages, greedily from the first, each holding as many whole tabs as
// fit in avail cells (a tab wider than avail has a page to itself), and the
// page that holds the active tab is shown. It returns that page as the
// half-open range [first, end). Being a function of its inputs alone, the
// tabs do not jump about as the active one moves within a page, and
// stepping past a page's last tab turns to the next page.
func tabPage(widths []int, active, avail int) (first, end int) {
	if len(widths) == 0 {
		return 0, 0
	}
	active = min(max(active, 0), len(widths)-1)
	for first < len(widths) {
		end, used := first, 0
		for end < len(widths) && (end == first || used+widths[end] <= avail) {
			used += widths[end]
			end++
		}
		if active < end {
			return first, end
		}
		first = end
	}
	return len(widths) - 1, len(widths) // not reached: active < len(widths)
}
