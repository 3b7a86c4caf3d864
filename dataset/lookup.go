package dataset

import "strings"

// Source returns the source with the given ID, or nil.
func (c *Collection) Source(id string) *Source {
	for i := range c.Sources {
		if c.Sources[i].ID == id {
			return &c.Sources[i]
		}
	}
	return nil
}

// Chart returns the chart with the given ID, or nil.
func (c *Collection) Chart(id string) *Chart {
	for i := range c.Charts {
		if c.Charts[i].ID == id {
			return &c.Charts[i]
		}
	}
	return nil
}

// Measure returns the measure with the given ID, or nil.
func (c *Collection) Measure(id string) *Measure {
	for i := range c.Measures {
		if c.Measures[i].ID == id {
			return &c.Measures[i]
		}
	}
	return nil
}

// ChartsIn returns the charts placed in a view, in dataset order.
func (c *Collection) ChartsIn(view string) []*Chart {
	var out []*Chart
	for i := range c.Charts {
		if c.Charts[i].View == view {
			out = append(out, &c.Charts[i])
		}
	}
	return out
}

// FindingsIn returns the findings placed in a view, in dataset order.
func (c *Collection) FindingsIn(view string) []*Finding {
	var out []*Finding
	for i := range c.Findings {
		if c.Findings[i].View == view {
			out = append(out, &c.Findings[i])
		}
	}
	return out
}

// Item returns the chart's item with the given ID, or nil.
func (ch *Chart) Item(id string) *Item {
	for i := range ch.Items {
		if ch.Items[i].ID == id {
			return &ch.Items[i]
		}
	}
	return nil
}

// SeriesIndex returns the index of a series ID in the chart, or -1.
func (ch *Chart) SeriesIndex(id string) int {
	for i, s := range ch.Series {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// Figure returns the item's figure in a series, and whether it has one.
func (it *Item) Figure(series string) (Figure, bool) {
	f, ok := it.Values[series]
	return f, ok
}

// SourceOf returns the ID of the source a figure cites in this chart: its
// own, or the chart's.
func (ch *Chart) SourceOf(f Figure) string {
	if f.Source != "" {
		return f.Source
	}
	return ch.Source
}

// Ref is a parsed reference to a chart, item and optionally series:
// "chart/item" or "chart/item/series".
type Ref struct {
	Chart, Item, Series string
}

// ParseRef splits a reference; ok is false when it does not have two or three
// non-empty parts.
func ParseRef(s string) (Ref, bool) {
	parts := strings.Split(s, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return Ref{}, false
	}
	for _, p := range parts {
		if p == "" {
			return Ref{}, false
		}
	}
	r := Ref{Chart: parts[0], Item: parts[1]}
	if len(parts) == 3 {
		r.Series = parts[2]
	}
	return r, true
}

// String joins the reference back with slashes.
func (r Ref) String() string {
	if r.Series == "" {
		return r.Chart + "/" + r.Item
	}
	return r.Chart + "/" + r.Item + "/" + r.Series
}

// Resolve finds the chart and item a reference names, or nils.
func (c *Collection) Resolve(r Ref) (*Chart, *Item) {
	ch := c.Chart(r.Chart)
	if ch == nil {
		return nil, nil
	}
	return ch, ch.Item(r.Item)
}

// MeasureFigure is one figure reported for a measure, for setting sources
// side by side.
type MeasureFigure struct {
	// Value is the number, if one is given.
	Value *float64
	// Qualifier is the hedge on the number.
	Qualifier string
	// Wording is the document's words.
	Wording string
	// Source is the source's ID.
	Source string
	// Note is any caveat.
	Note string
	// Where says which chart figure or finding this came from.
	Where string
}

// MeasureFigures lists every figure the collection gives for a measure: the
// chart figures and findings tagged with it, each followed by its variants, in
// dataset order. A finding that points at a chart figure is not listed again.
func (c *Collection) MeasureFigures(measure string) []MeasureFigure {
	var out []MeasureFigure
	addVariants := func(vs []Variant, where string) {
		for _, v := range vs {
			out = append(out, MeasureFigure{Value: v.Value, Qualifier: v.Qualifier, Wording: v.Wording, Source: v.Source, Note: v.Note, Where: where})
		}
	}
	for ci := range c.Charts {
		ch := &c.Charts[ci]
		for ii := range ch.Items {
			it := &ch.Items[ii]
			for _, s := range ch.Series {
				f, ok := it.Values[s.ID]
				if !ok || f.Measure != measure {
					continue
				}
				v := f.Value
				where := Ref{ch.ID, it.ID, s.ID}.String()
				out = append(out, MeasureFigure{Value: &v, Qualifier: f.Qualifier, Wording: f.Wording, Source: ch.SourceOf(f), Note: f.Note, Where: where})
				addVariants(f.Variants, where)
			}
		}
	}
	for i := range c.Findings {
		fd := &c.Findings[i]
		if fd.Measure != measure || fd.Ref != "" {
			continue
		}
		out = append(out, MeasureFigure{Value: fd.Value, Qualifier: fd.Qualifier, Wording: fd.Wording, Source: fd.Source, Note: fd.Caveat, Where: "findings/" + fd.ID})
		addVariants(fd.Variants, "findings/"+fd.ID)
	}
	return out
}
