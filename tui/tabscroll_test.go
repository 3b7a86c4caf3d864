package tui

import "testing"

// TestTabPage is a table of tab widths, active tab and room against the
// page of tabs shown: the active tab is always in it.
func TestTabPage(t *testing.T) {
	tests := []struct {
		name       string
		widths     []int
		active     int
		avail      int
		first, end int
	}{
		{"all fit", []int{5, 5, 5}, 2, 20, 0, 3},
		{"first page", []int{5, 5, 5, 5}, 1, 10, 0, 2},
		{"last of first page", []int{5, 5, 5, 5}, 1, 11, 0, 2},
		{"second page", []int{5, 5, 5, 5}, 2, 10, 2, 4},
		{"uneven pages", []int{4, 7, 3, 9, 2}, 3, 11, 3, 5},
		{"tab wider than room", []int{4, 30, 4}, 1, 10, 1, 2},
		{"after a wide tab", []int{4, 30, 4, 4}, 3, 10, 2, 4},
		{"active out of range clamps", []int{5, 5, 5}, 9, 5, 2, 3},
		{"negative active clamps", []int{5, 5, 5}, -1, 5, 0, 1},
		{"no room", []int{5, 5}, 1, 0, 1, 2},
		{"no tabs", nil, 0, 10, 0, 0},
		{"twelve views, eleventh active", []int{6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, 10, 25, 8, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, end := tabPage(tt.widths, tt.active, tt.avail)
			if first != tt.first || end != tt.end {
				t.Errorf("tabPage(%v, %d, %d) = [%d, %d), want [%d, %d)", tt.widths, tt.active, tt.avail, first, end, tt.first, tt.end)
			}
			if len(tt.widths) > 0 {
				a := min(max(tt.active, 0), len(tt.widths)-1)
				if a < first || a >= end {
					t.Errorf("active tab %d not in [%d, %d)", a, first, end)
				}
			}
		})
	}
}
