package explore

import "strings"

// What pinned items have in common. Pins may come from different charts
// whose series differ ("Professional use" in one, "Doctors interested" in
// another): a comparison then only subtracts within the series two items
// share, and says so rather than showing columns of n/a.

// Shared returns the columns in which at least two pinned items have a
// figure in the same unit, so that something can be compared there, in
// column order.
func (cm Comparison) Shared() []int {
	var cols []int
	for col := range cm.Series {
		units := map[string]int{}
		for i, row := range cm.Cells {
			if row[col].OK {
				units[cm.Items[i].Unit]++
			}
		}
		for _, n := range units {
			if n >= 2 {
				cols = append(cols, col)
				break
			}
		}
	}
	return cols
}

// SharesNothing reports whether two or more pinned items are found but no
// series holds a figure of two of them: nothing can be subtracted.
func (cm Comparison) SharesNothing() bool {
	found := 0
	for _, it := range cm.Items {
		if it.Found {
			found++
		}
	}
	return found >= 2 && len(cm.Shared()) == 0
}

// SharedNote is the sentence a comparison owes its reader when its items do
// not all share their series, "" when they do (or fewer than two are
// found):
//
//	The pinned items share no series: Facebook has Professional use and Personal use; Learn from experts and peers has Doctors interested.
//	Compared in Personal use only; Professional use: Facebook alone.
func (cm Comparison) SharedNote() string {
	shared := cm.Shared()
	if cm.SharesNothing() {
		var has []string
		for i, it := range cm.Items {
			if !it.Found {
				continue
			}
			var labels []string
			for _, col := range it.Series {
				if cm.Cells[i][col].OK {
					labels = append(labels, cm.Series[col].Label)
				}
			}
			if len(labels) == 0 {
				has = append(has, it.Label+" has no figure")
				continue
			}
			has = append(has, it.Label+" has "+andList(labels))
		}
		return "The pinned items share no series: " + strings.Join(has, "; ") + "."
	}
	if len(shared) == 0 || len(shared) == len(cm.Series) {
		return ""
	}
	var names, alone []string
	for _, col := range shared {
		names = append(names, cm.Series[col].Label)
	}
	for col, ser := range cm.Series {
		if containsInt(shared, col) {
			continue
		}
		for i, row := range cm.Cells {
			if row[col].OK {
				alone = append(alone, ser.Label+": "+cm.Items[i].Label+" alone")
			}
		}
	}
	note := "Compared in " + andList(names) + " only"
	if len(alone) > 0 {
		note += "; " + strings.Join(alone, "; ")
	}
	return note + "."
}

// andList joins words as prose: "a", "a and b", "a, b and c".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
