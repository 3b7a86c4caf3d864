package explore

import (
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// MeasureSources sets side by side every figure the collection gives for one
// measure, so a presenter can say which to trust.
type MeasureSources struct {
	// Measure is the measure, with its note on how the figures differ.
	Measure dataset.Measure
	// Rows are the figures, in dataset order (see
	// dataset.Collection.MeasureFigures).
	Rows []MeasureRow
}

// MeasureRow is one figure given for a measure, with its source.
type MeasureRow struct {
	// SourceID is the cited source's ID; Source its label, Publisher, Date
	// and Kind (dataset.KindPrimary or dataset.KindSecondary) its details,
	// empty when the source is unknown.
	SourceID, Source, Publisher, Date, Kind string
	// Sample is the source's number of respondents, 0 when not stated.
	Sample int
	// Value is the number, nil for a worded figure.
	Value *float64
	// Unit is the figure's unit.
	Unit string
	// Figure is the figure as written: "almost 90%", "nearly half", or "-"
	// when the document gives neither number nor hedge.
	Figure string
	// Qualifier, Wording and Note are the document's hedge, exact words and
	// any caveat.
	Qualifier, Wording, Note string
	// Where says which chart figure ("chart/item/series") or finding
	// ("findings/id") the figure belongs to.
	Where string
	// Context says the same in words: "Number of sites used: Total (at
	// least one site), Personal use" or the finding's label.
	Context string
}

// SourcesFor returns the figures given for a measure, each with its source,
// and false when the collection has no such measure.
func SourcesFor(c *dataset.Collection, measure string) (MeasureSources, bool) {
	m := c.Measure(measure)
	if m == nil {
		return MeasureSources{}, false
	}
	out := MeasureSources{Measure: *m}
	for _, f := range c.MeasureFigures(measure) {
		r := MeasureRow{SourceID: f.Source, Source: f.Source, Value: f.Value, Qualifier: f.Qualifier, Wording: f.Wording, Note: f.Note, Where: f.Where}
		r.Unit, r.Context = whereDetails(c, f.Where)
		if s := c.Source(f.Source); s != nil {
			r.Source, r.Publisher, r.Date, r.Kind, r.Sample = s.Label, s.Publisher, s.Date, s.Kind, s.Sample
		}
		switch {
		case f.Value != nil && finite(*f.Value):
			r.Figure = FormatValue(*f.Value, r.Unit, f.Qualifier)
		case f.Qualifier != "":
			r.Figure = f.Qualifier
		default:
			r.Figure = "-"
		}
		out.Rows = append(out.Rows, r)
	}
	return out, true
}

// whereDetails finds the unit of the chart figure or finding a
// MeasureFigure's Where names (percent when unknown) and says in words what
// it is.
func whereDetails(c *dataset.Collection, where string) (unit, context string) {
	if id, ok := strings.CutPrefix(where, "findings/"); ok {
		for i := range c.Findings {
			if fd := &c.Findings[i]; fd.ID == id {
				unit = fd.Unit
				if unit == "" {
					unit = dataset.UnitPercent
				}
				return unit, fd.Label
			}
		}
		return dataset.UnitPercent, where
	}
	r, ok := dataset.ParseRef(where)
	if !ok {
		return dataset.UnitPercent, where
	}
	ch, it := c.Resolve(r)
	if it == nil {
		return dataset.UnitPercent, where
	}
	context = ch.Title + ": " + it.Label
	if i := ch.SeriesIndex(r.Series); i >= 0 && len(ch.Series) > 1 {
		context += ", " + ch.Series[i].Label
	}
	return unitOf(ch), context
}

// Spread returns the smallest and largest number among the figures, and
// false when none has a number.
func (m MeasureSources) Spread() (lo, hi float64, ok bool) {
	for _, r := range m.Rows {
		if r.Value == nil || !finite(*r.Value) {
			continue
		}
		v := *r.Value
		if !ok || v < lo {
			lo = v
		}
		if !ok || v > hi {
			hi = v
		}
		ok = true
	}
	return lo, hi, ok
}

// MeasuresCompared lists, in dataset order, the measures whose figures come
// from at least two distinct sources: the figures several sources report
// (dataset.Collection.MeasuresCompared). A measure one document states
// twice (a table and its key points) is not one of them; it stays
// reachable from its figure (MeasureAt).
func MeasuresCompared(c *dataset.Collection) []dataset.Measure { return c.MeasuresCompared() }

// MeasureAt returns the measure the state's focus reports, so that its
// sources can be set side by side: the focused measure in the sources
// view, the focused finding's measure, or the measure of the focused chart
// item's figure in the first shown series that has one. It returns false
// when the focus reports no measure the collection defines.
func MeasureAt(c *dataset.Collection, st State) (string, bool) {
	if c == nil {
		return "", false
	}
	sec, ok := SectionAt(c, st.View, st.Chart)
	if !ok {
		return "", false
	}
	var id string
	switch sec.Kind {
	case SectionMeasures:
		id = st.Focus
	case SectionFindings:
		for _, f := range c.FindingsIn(st.View) {
			if f.ID == st.Focus {
				id = f.Measure
			}
		}
	case SectionChart:
		if it := sec.Chart.Item(st.Focus); it != nil {
			for _, si := range SeriesShown(sec.Chart, st.Series) {
				if f, ok := it.Figure(sec.Chart.Series[si].ID); ok && f.Measure != "" {
					id = f.Measure
					break
				}
			}
		}
	}
	if id == "" || c.Measure(id) == nil {
		return "", false
	}
	return id, true
}
