package report

import (
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// ViewTitle returns the title of a view of c as the explorer's tabs show it.
func ViewTitle(c *dataset.Collection, id string) string { return render.ViewTitle(c, id) }

// doc is everything one view exports, in display order. It is the JSON
// output as is, and the other formats read it. Slices only: no map is ever
// iterated, so the output is byte-stable.
type doc struct {
	Collection string    `json:"collection"`
	View       string    `json:"view"`
	Title      string    `json:"title"`
	Sort       string    `json:"sort"`
	Reverse    bool      `json:"reverse"`
	Series     string    `json:"series"`
	Charts     []chart   `json:"charts"`
	Findings   []finding `json:"findings"`
	Measures   []measure `json:"measures"`
	Sources    []source  `json:"sources"`
}

type chart struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Question string   `json:"question"`
	Unit     string   `json:"unit"`
	Base     string   `json:"base,omitempty"`
	Source   string   `json:"source"`
	Note     string   `json:"note,omitempty"`
	Series   []series `json:"series"`
	Items    []item   `json:"items"`
	// Difference heads the difference column the Markdown adds when the
	// chart is sorted by it ("Gap (Personal use − Professional use)",
	// "Spread"), "" otherwise. Not in the JSON, which carries every figure anyway.
	Difference string `json:"-"`
}

type series struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type item struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Short  string  `json:"short,omitempty"`
	Base   string  `json:"base,omitempty"`
	Note   string  `json:"note,omitempty"`
	Values []value `json:"values"`
	// Difference is the item's difference under the sort by gap, as the
	// Markdown writes it ("+46 pts"; a spread names its series), and
	// Pinned marks an item pinned in the explorer's export.
	Difference string `json:"-"`
	Pinned     bool   `json:"-"`
}

type value struct {
	Series    string  `json:"series"`
	Value     float64 `json:"value"`
	Qualifier string  `json:"qualifier,omitempty"`
	Wording   string  `json:"wording,omitempty"`
	Source    string  `json:"source"`
	Measure   string  `json:"measure,omitempty"`
	Note      string  `json:"note,omitempty"`
	margin
}

type finding struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	Value     *float64 `json:"value"`
	Unit      string   `json:"unit,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Wording   string   `json:"wording,omitempty"`
	Source    string   `json:"source"`
	Base      string   `json:"base,omitempty"`
	Measure   string   `json:"measure,omitempty"`
	Ref       string   `json:"ref,omitempty"`
	Caveat    string   `json:"caveat,omitempty"`
	margin
}

type measure struct {
	ID      string          `json:"id"`
	Label   string          `json:"label"`
	Note    string          `json:"note,omitempty"`
	Figures []measureFigure `json:"figures"`
}

type measureFigure struct {
	Value     *float64 `json:"value"`
	Unit      string   `json:"unit,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Wording   string   `json:"wording,omitempty"`
	Source    string   `json:"source"`
	Where     string   `json:"where"`
	Note      string   `json:"note,omitempty"`
}

type source struct {
	ID         string `json:"id"`
	Label      string `json:"label"`
	Publisher  string `json:"publisher"`
	Title      string `json:"title"`
	Author     string `json:"author,omitempty"`
	Date       string `json:"date,omitempty"`
	Study      string `json:"study,omitempty"`
	Sample     int    `json:"sample,omitempty"`
	Population string `json:"population,omitempty"`
	Kind       string `json:"kind"`
	Document   string `json:"document,omitempty"`
	Citation   string `json:"citation,omitempty"`
	Note       string `json:"note,omitempty"`
}

// unitOf returns a declared unit, or the default: percent.
func unitOf(u string) string {
	if u == "" {
		return dataset.UnitPercent
	}
	return u
}

// build gathers what the selected view shows. sel is complete (Sort and
// Series set).
func build(c *dataset.Collection, sel explore.State) *doc {
	d := &doc{
		Collection: c.Title, View: sel.View, Title: ViewTitle(c, sel.View), Sort: sel.Sort, Reverse: sel.Reverse, Series: sel.Series,
		Charts: []chart{}, Findings: []finding{}, Measures: []measure{}, Sources: []source{},
	}
	cited := map[string]bool{}
	for _, ch := range c.ChartsIn(sel.View) {
		d.Charts = append(d.Charts, buildChart(ch, sel, cited))
	}
	for _, fd := range c.FindingsIn(sel.View) {
		f := finding{
			ID: fd.ID, Label: fd.Label, Value: fd.Value, Qualifier: fd.Qualifier, Wording: fd.Wording,
			Source: fd.Source, Base: fd.Base, Measure: fd.Measure, Ref: fd.Ref, Caveat: fd.Caveat,
		}
		if fd.Value != nil {
			v := *fd.Value
			f.Value = &v
			f.Unit = unitOf(fd.Unit)
		}
		cited[fd.Source] = true
		d.Findings = append(d.Findings, f)
	}
	all := sel.View == dataset.ViewSources
	if all {
		for _, m := range c.Measures {
			out := measure{ID: m.ID, Label: m.Label, Note: m.Note, Figures: []measureFigure{}}
			for _, mf := range c.MeasureFigures(m.ID) {
				f := measureFigure{Qualifier: mf.Qualifier, Wording: mf.Wording, Source: mf.Source, Where: mf.Where, Note: mf.Note}
				if mf.Value != nil {
					v := *mf.Value
					f.Value = &v
					f.Unit = measureUnit(c, mf.Where)
				}
				out.Figures = append(out.Figures, f)
			}
			d.Measures = append(d.Measures, out)
		}
	}
	for _, s := range c.Sources {
		if !all && !cited[s.ID] {
			continue
		}
		d.Sources = append(d.Sources, source{
			ID: s.ID, Label: s.Label, Publisher: s.Publisher, Title: s.Title, Author: s.Author, Date: s.Date,
			Study: s.Study, Sample: s.Sample, Population: s.Population, Kind: s.Kind, Document: s.Document,
			Citation: s.Citation, Note: s.Note,
		})
	}
	addMargins(c, d)
	return d
}

func buildChart(ch *dataset.Chart, sel explore.State, cited map[string]bool) chart {
	shown := explore.SeriesShown(ch, sel.Series)
	out := chart{
		ID: ch.ID, Title: ch.Title, Question: ch.Question, Unit: unitOf(ch.Unit), Base: ch.Base,
		Source: ch.Source, Note: ch.Note, Series: []series{}, Items: []item{},
	}
	cited[ch.Source] = true
	for _, i := range shown {
		out.Series = append(out.Series, series{ID: ch.Series[i].ID, Label: ch.Series[i].Label})
	}
	if sel.Sort == dataset.SortGap {
		out.Difference = differenceHeading(ch, shown)
	}
	for _, r := range explore.Rows(ch, sel.Sort, sel.Reverse, shown) {
		it := item{ID: r.Item.ID, Label: r.Item.Label, Short: r.Item.Short, Base: r.Item.Base, Note: r.Item.Note, Values: []value{}}
		it.Pinned = explore.IsPinned(sel.Pins, dataset.Ref{Chart: ch.ID, Item: r.Item.ID})
		if out.Difference != "" {
			it.Difference = differenceCell(ch, r.Item, shown)
		}
		for _, i := range shown {
			f, ok := r.Item.Figure(ch.Series[i].ID)
			if !ok {
				continue
			}
			src := ch.SourceOf(f)
			cited[src] = true
			it.Values = append(it.Values, value{
				Series: ch.Series[i].ID, Value: f.Value, Qualifier: f.Qualifier, Wording: f.Wording,
				Source: src, Measure: f.Measure, Note: f.Note,
			})
		}
		out.Items = append(out.Items, it)
	}
	return out
}

// source finds a source in the doc's list, or nil.
func (d *doc) source(id string) *source {
	i := slices.IndexFunc(d.Sources, func(s source) bool { return s.ID == id })
	if i < 0 {
		return nil
	}
	return &d.Sources[i]
}

// seriesLabel returns the label of a chart's shown series.
func (ch *chart) seriesLabel(id string) string {
	for _, s := range ch.Series {
		if s.ID == id {
			return s.Label
		}
	}
	return id
}

// measureUnit returns the unit of the chart figure or finding a measure
// figure came from ("chart/item/series" or "findings/ID").
func measureUnit(c *dataset.Collection, where string) string {
	if id, ok := strings.CutPrefix(where, findingsPrefix); ok {
		for _, fd := range c.Findings {
			if fd.ID == id {
				return unitOf(fd.Unit)
			}
		}
		return unitOf("")
	}
	if r, ok := dataset.ParseRef(where); ok {
		if ch := c.Chart(r.Chart); ch != nil {
			return unitOf(ch.Unit)
		}
	}
	return unitOf("")
}

// findingsPrefix starts the Where of a measure figure that is a finding.
const findingsPrefix = "findings/"

// splitWhere splits a measure figure's Where into a chart, item and series
// (a chart figure) or an empty chart and a finding ID.
func splitWhere(where string) (chart, item, series string) {
	if id, ok := strings.CutPrefix(where, findingsPrefix); ok {
		return "", id, ""
	}
	if r, ok := dataset.ParseRef(where); ok {
		return r.Chart, r.Item, r.Series
	}
	return "", where, ""
}

// differenceCell is an item's gap ("+46 pts") or spread ("12 pts, Nurses
// to Physicians") for the Markdown's difference column; "" when it has
// fewer than two figures.
func differenceCell(ch *dataset.Chart, it *dataset.Item, shown []int) string {
	d, ok := explore.ItemDifference(ch, it, shown)
	if !ok {
		return ""
	}
	out := explore.FormatPoints(d.Points, ch.Unit)
	if d.Spread {
		out += ", " + ch.Series[d.From].Label + " to " + ch.Series[d.To].Label
	}
	return out
}

// differenceHeading heads the difference column: a gap names the two
// series it subtracts, a spread (three series or more) names its series
// per row.
func differenceHeading(ch *dataset.Chart, shown []int) string {
	switch explore.DifferenceName(ch, shown) {
	case "gap":
		for i := range ch.Items {
			if d, ok := explore.ItemDifference(ch, &ch.Items[i], shown); ok {
				return "Gap (" + ch.Series[d.To].Label + " − " + ch.Series[d.From].Label + ")"
			}
		}
		return "Gap"
	case "spread":
		return "Spread"
	}
	return ""
}
