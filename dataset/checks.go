package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// CheckResult is one declared check worked out in one series: what the
// figures say it should be and what the data holds.
type CheckResult struct {
	// Check is the index of the check in Collection.Checks.
	Check int
	// Kind is the check's kind, CheckSum or CheckComplement.
	Kind string
	// Series is the series ID it was worked out in.
	Series string
	// Subject is the item the check is about: the total of a sum, the item
	// of a complement, as "chart/item".
	Subject string
	// Operands are the figures it was worked out from: the parts of a sum,
	// or the complemented item's value.
	Operands []float64
	// Computed is the sum of the parts, or 100 minus the other item.
	Computed float64
	// Given is the subject's own figure.
	Given float64
	// Tolerance is how far apart Computed and Given may be.
	Tolerance float64
	// OK is whether Computed and Given agree within the tolerance.
	OK bool
}

// String shows the arithmetic, e.g. "number-of-sites/total professional:
// 41 + 26 = 67" when it holds, with ", but total is 68" added when not.
func (r CheckResult) String() string {
	nums := make([]string, len(r.Operands))
	for i, v := range r.Operands {
		nums[i] = formatNumber(v)
	}
	var expr, name string
	if r.Kind == CheckComplement && len(r.Operands) == 1 {
		expr = "100 - " + nums[0]
		name = "the item"
	} else {
		expr = strings.Join(nums, " + ")
		name = "total"
	}
	s := fmt.Sprintf("%s %s: %s = %s", r.Subject, r.Series, expr, formatNumber(r.Computed))
	if !r.OK {
		s += fmt.Sprintf(", but %s is %s", name, formatNumber(r.Given))
		if r.Tolerance > 0 {
			s += fmt.Sprintf(" (tolerance %s)", formatNumber(r.Tolerance))
		}
	}
	return s
}

// formatNumber prints a figure the shortest way: 67, 12.5.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// CheckResults works out every declared check in every series of its
// subject's chart. Checks whose items or figures cannot be found are left
// out; validation reports those. A loaded collection has every result OK.
func (c *Collection) CheckResults() []CheckResult {
	var out []CheckResult
	for i := range c.Checks {
		rs, _ := c.evalCheck(i, c.Resolve)
		out = append(out, rs...)
	}
	return out
}

// evalCheck works out check i. It returns a reason instead when the check
// cannot be worked out (a missing item, or charts whose series differ), and
// neither results nor a reason when a figure it needs is missing.
func (c *Collection) evalCheck(i int, resolve func(Ref) (*Chart, *Item)) ([]CheckResult, string) {
	ck := c.Checks[i]
	var subject string
	var operands []string
	switch ck.Kind {
	case CheckSum:
		subject, operands = ck.Total, ck.Parts
	case CheckComplement:
		subject, operands = ck.Item, []string{ck.Of}
	default:
		return nil, "unknown kind"
	}
	sch, sit, why := checkItem(subject, resolve)
	if why != "" {
		return nil, why
	}
	var out []CheckResult
	for _, s := range sch.Series {
		given, ok := sit.Values[s.ID]
		if !ok {
			return nil, "" // a missing figure is reported at its item
		}
		r := CheckResult{Check: i, Kind: ck.Kind, Series: s.ID, Subject: subject, Given: given.Value, Tolerance: ck.Tolerance}
		for _, ref := range operands {
			och, it, why := checkItem(ref, resolve)
			if why != "" {
				return nil, why
			}
			if och.SeriesIndex(s.ID) < 0 {
				return nil, fmt.Sprintf("chart %s has no series %s, which %s has", quote(och.ID), quote(s.ID), subject)
			}
			f, ok := it.Values[s.ID]
			if !ok {
				return nil, "" // reported at its item
			}
			r.Operands = append(r.Operands, f.Value)
			r.Computed += f.Value
		}
		if ck.Kind == CheckComplement {
			r.Computed = 100 - r.Computed
		}
		diff := math.Abs(r.Computed - r.Given)
		r.OK = diff <= ck.Tolerance+1e-9
		out = append(out, r)
	}
	return out, ""
}

// checkItem resolves a "chart/item" reference of a check.
func checkItem(ref string, resolve func(Ref) (*Chart, *Item)) (*Chart, *Item, string) {
	r, ok := ParseRef(ref)
	if !ok || r.Series != "" {
		return nil, nil, fmt.Sprintf("expected \"chart/item\", got %s", quote(ref))
	}
	ch, it := resolve(r)
	if ch == nil {
		return nil, nil, fmt.Sprintf("unknown chart %s", quote(r.Chart))
	}
	if it == nil {
		return nil, nil, fmt.Sprintf("no item %s in chart %s", quote(r.Item), quote(r.Chart))
	}
	return ch, it, ""
}
