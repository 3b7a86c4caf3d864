package dataset

import (
	"fmt"
	"math"
	"strings"
)

// Kinds of question a chart's items answer (Chart.Answers).
const (
	// AnswersSingle: one answer per respondent; the items' shares are
	// parts of one whole.
	AnswersSingle = "single"
	// AnswersMultiple: respondents may give several answers; the items
	// overlap by an amount the figures do not say.
	AnswersMultiple = "multiple"
)

// Base is how many respondents a figure is a share of, and where that
// number comes from.
type Base struct {
	// N is the number of respondents, 0 when no document states it.
	N int
	// Derived is set when N is worked out from a parent figure (NFrom):
	// the parent's share of its own base, rounded.
	Derived bool
	// From is the parent figure's reference when Derived.
	From string
}

// Known reports whether the base is stated or derived.
func (b Base) Known() bool { return b.N > 0 }

// maxDerive bounds how many n_from links BaseN follows.
const maxDerive = 8

// BaseN returns the base of an item's figure in a series: the figure's own
// n; else n derived from its n_from parent; else the chart's n; else,
// unless the item declares a base of its own (a subgroup: "of doctors
// aware of patient communities"), the sample of the figure's source. A
// subgroup with no n, a broken or circular n_from, or a source that states
// no sample gives an unknown base: no interval rather than a wrong one.
func (c *Collection) BaseN(ch *Chart, it *Item, series string) Base {
	if ch == nil || it == nil {
		return Base{}
	}
	f, ok := it.Values[series]
	if !ok {
		return Base{}
	}
	return c.baseN(ch, it, f, 0)
}

func (c *Collection) baseN(ch *Chart, it *Item, f Figure, depth int) Base {
	switch {
	case f.N > 0:
		return Base{N: f.N}
	case f.NFrom != "":
		pch, pit, pf, ok := c.figureAt(f.NFrom)
		if !ok || depth >= maxDerive || (pch.Unit != "" && pch.Unit != UnitPercent) {
			return Base{}
		}
		parent := c.baseN(pch, pit, pf, depth+1)
		if !parent.Known() || math.IsNaN(pf.Value) || pf.Value <= 0 || pf.Value > 100 {
			return Base{}
		}
		n := int(math.Round(pf.Value / 100 * float64(parent.N)))
		if n < 1 {
			return Base{}
		}
		return Base{N: n, Derived: true, From: f.NFrom}
	case ch.N > 0:
		return Base{N: ch.N}
	case it.Base != "":
		return Base{} // a subgroup whose n the data does not give
	}
	if src := c.Source(ch.SourceOf(f)); src != nil && src.Sample > 0 {
		return Base{N: src.Sample}
	}
	return Base{}
}

// figureAt resolves "chart/item/series" to the chart, item and figure.
func (c *Collection) figureAt(ref string) (*Chart, *Item, Figure, bool) {
	parts := strings.Split(ref, "/")
	if len(parts) != 3 {
		return nil, nil, Figure{}, false
	}
	ch := c.Chart(parts[0])
	if ch == nil {
		return nil, nil, Figure{}, false
	}
	it := ch.Item(parts[1])
	if it == nil {
		return nil, nil, Figure{}, false
	}
	f, ok := it.Values[parts[2]]
	return ch, it, f, ok
}

// FindingBase returns the base of a finding's figure: the chart figure's
// for a finding that points at one (Ref), else its source's sample unless
// the finding declares a base of its own (a subgroup with no stated n).
func (c *Collection) FindingBase(fd *Finding) Base {
	if fd == nil {
		return Base{}
	}
	if fd.Ref != "" {
		ch, it, _, ok := c.figureAt(fd.Ref)
		if !ok {
			return Base{}
		}
		return c.BaseN(ch, it, strings.Split(fd.Ref, "/")[2])
	}
	if fd.Base != "" {
		return Base{}
	}
	if src := c.Source(fd.Source); src != nil && src.Sample > 0 {
		return Base{N: src.Sample}
	}
	return Base{}
}

// SampleOf returns the group of respondents a source reports: its
// SampleID, or its own ID.
func (c *Collection) SampleOf(source string) string {
	if src := c.Source(source); src != nil && src.SampleID != "" {
		return src.SampleID
	}
	return source
}

// marginFields checks the fields that decide a figure's base: n at least
// 1, n_from naming a percentage figure, not itself, not in a cycle, and
// answers one of the kinds.
func (v *validator) marginFields() {
	for i := range v.c.Charts {
		ch := &v.c.Charts[i]
		path := fmt.Sprintf("charts[%d]", i)
		if ch.N < 0 {
			v.add(path+".n", fmt.Sprintf("expected a number of respondents, 1 or more, got %d", ch.N))
		}
		if ch.Answers != "" && ch.Answers != AnswersSingle && ch.Answers != AnswersMultiple {
			v.add(path+".answers", fmt.Sprintf("unknown kind %s; expected \"single\" or \"multiple\"", quote(ch.Answers)))
		}
		for j := range ch.Items {
			it := &ch.Items[j]
			for _, sid := range keys(it.Values) {
				v.figureBase(fmt.Sprintf("%s.items[%d].values.%s", path, j, sid), ch, it, sid)
			}
		}
	}
}

func (v *validator) figureBase(path string, ch *Chart, it *Item, sid string) {
	f := it.Values[sid]
	if f.N < 0 {
		v.add(path+".n", fmt.Sprintf("expected a number of respondents, 1 or more, got %d", f.N))
	}
	if f.NFrom == "" {
		return
	}
	if f.N > 0 {
		v.add(path+".n_from", "give n or n_from, not both")
		return
	}
	pch, _, _, ok := v.c.figureAt(f.NFrom)
	switch {
	case !ok:
		v.add(path+".n_from", fmt.Sprintf("no figure %s; expected chart/item/series", quote(f.NFrom)))
	case f.NFrom == ch.ID+"/"+it.ID+"/"+sid:
		v.add(path+".n_from", "a figure cannot be its own base")
	case pch.Unit != "" && pch.Unit != UnitPercent:
		v.add(path+".n_from", fmt.Sprintf("%s is a count; expected a percentage of its base", quote(f.NFrom)))
	case !v.c.BaseN(ch, it, sid).Known():
		v.add(path+".n_from", fmt.Sprintf("%s has no known base (no n and no stated sample, or a cycle of n_from)", quote(f.NFrom)))
	}
}
