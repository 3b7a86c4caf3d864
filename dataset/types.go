package dataset

// Collection is one survey collection: the sources it cites, the charts and
// findings drawn from them, the checks that tie figures together and an
// optional guided tour. The shipped collection and a user's file share this
// shape.
type Collection struct {
	// Title names the collection, e.g. "Physicians and social media".
	Title string `yaml:"title" json:"title"`
	// Description is one or two sentences on what the collection covers.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Views declares the explorer's tabs between the overview and the
	// sources, in order. Without it the views are the charts' and findings'
	// view values in first-seen order (see ViewList).
	Views []View `yaml:"views,omitempty" json:"views,omitempty"`
	// Sources lists every document a figure may cite.
	Sources []Source `yaml:"sources" json:"sources"`
	// Measures names the quantities that several documents report, so their
	// figures can be set side by side.
	Measures []Measure `yaml:"measures,omitempty" json:"measures,omitempty"`
	// Charts are the bar charts, each placed in one view.
	Charts []Chart `yaml:"charts,omitempty" json:"charts,omitempty"`
	// Findings are single figures, numeric or worded, each placed in one view.
	Findings []Finding `yaml:"findings,omitempty" json:"findings,omitempty"`
	// Checks declare arithmetic the figures must satisfy (sums, complements).
	Checks []Check `yaml:"checks,omitempty" json:"checks,omitempty"`
	// Tour is an ordered list of presentation steps.
	Tour []TourStep `yaml:"tour,omitempty" json:"tour,omitempty"`

	// shown is the resolved view list, set once by Parse (see ViewList).
	shown []View
	// compared is MeasuresCompared, set once by Parse.
	compared *[]Measure
}

// View is one tab of the explorer, as a data file declares it.
type View struct {
	// ID is what charts, findings and tour steps name in their view field.
	ID string `yaml:"id" json:"id"`
	// Title names the tab and the view's heading.
	Title string `yaml:"title" json:"title"`
	// Short is a shorter name for narrow tabs; empty means the title cut.
	Short string `yaml:"short,omitempty" json:"short,omitempty"`
}

// Source kinds.
const (
	// KindPrimary marks a source whose document is shipped with the project.
	KindPrimary = "primary"
	// KindSecondary marks a figure seen only in other coverage of a study.
	KindSecondary = "secondary"
)

// Source is one citable document and the study it reports.
type Source struct {
	// ID is the unique key figures use to cite this source.
	ID string `yaml:"id" json:"id"`
	// Label is a short citation for footnotes, e.g. "QuantiaMD 2011".
	Label string `yaml:"label" json:"label"`
	// Publisher is who published the document.
	Publisher string `yaml:"publisher" json:"publisher"`
	// Title is the document's title.
	Title string `yaml:"title" json:"title"`
	// Author is the document's author, when named.
	Author string `yaml:"author,omitempty" json:"author,omitempty"`
	// Date is when the document or the study it cites is dated: YYYY, YYYY-MM
	// or YYYY-MM-DD.
	Date string `yaml:"date,omitempty" json:"date,omitempty"`
	// Study names the survey behind the figures, in the document's terms.
	Study string `yaml:"study,omitempty" json:"study,omitempty"`
	// Sample is the number of respondents, 0 when not stated.
	Sample int `yaml:"sample,omitempty" json:"sample,omitempty"`
	// SampleWording is how the document words its sample.
	SampleWording string `yaml:"sample_wording,omitempty" json:"sample_wording,omitempty"`
	// Population is who was surveyed.
	Population string `yaml:"population,omitempty" json:"population,omitempty"`
	// Document is the file (in dataset/sources) that reports the figures; set
	// for primary sources.
	Document string `yaml:"document,omitempty" json:"document,omitempty"`
	// Kind is KindPrimary or KindSecondary.
	Kind string `yaml:"kind" json:"kind"`
	// Citation says where a secondary figure was seen.
	Citation string `yaml:"citation,omitempty" json:"citation,omitempty"`
	// Note is any caveat about the source.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// SampleID names the group of respondents behind the figures: sources
	// with the same SampleID report the same people (several articles on
	// one survey), so their figures are not independent samples. Empty
	// means the source's own ID.
	SampleID string `yaml:"sample_id,omitempty" json:"sample_id,omitempty"`
}

// Measure names one quantity that several documents report, possibly with
// different figures or wording.
type Measure struct {
	// ID is the key figures use to say they report this measure.
	ID string `yaml:"id" json:"id"`
	// Label says what is measured.
	Label string `yaml:"label" json:"label"`
	// Note explains how the figures differ and which to trust.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Units a figure can be in.
const (
	// UnitPercent is a share from 0 to 100.
	UnitPercent = "percent"
	// UnitCount is a plain count, zero or more.
	UnitCount = "count"
)

// Series is one of the things a chart compares, e.g. professional use.
type Series struct {
	// ID is the key items use for their value in this series.
	ID string `yaml:"id" json:"id"`
	// Label names the series in legends.
	Label string `yaml:"label" json:"label"`
}

// Chart is a bar chart: items, each with one figure per series.
type Chart struct {
	// ID is unique among charts.
	ID string `yaml:"id" json:"id"`
	// View is the ID of the view the chart belongs to (see ViewList).
	View string `yaml:"view" json:"view"`
	// Title names the chart.
	Title string `yaml:"title" json:"title"`
	// Question is the survey question in words.
	Question string `yaml:"question" json:"question"`
	// Unit is UnitPercent (default) or UnitCount.
	Unit string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Noun is what the items are, in the plural, for generated sentences:
	// "the largest gap among nine sites". Empty means "items".
	Noun string `yaml:"noun,omitempty" json:"noun,omitempty"`
	// Base says whom the figures are a share of.
	Base string `yaml:"base,omitempty" json:"base,omitempty"`
	// Source is the default source of the chart's figures.
	Source string `yaml:"source" json:"source"`
	// Series lists what the chart compares; one or more.
	Series []Series `yaml:"series" json:"series"`
	// Items are the bars, in the dataset's order.
	Items []Item `yaml:"items" json:"items"`
	// Note is a footnote for the chart.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// N is the number of respondents the chart's figures are shares of,
	// when it is not its source's sample; 0 means the source's.
	N int `yaml:"n,omitempty" json:"n,omitempty"`
	// Sentence is how to state one of the chart's figures in a sentence,
	// for copying it with its source: "{value} of physicians use {item}
	// for {series} purposes". {value} is the figure with its hedge,
	// {item} the item's label with its first letter lowered (unless it
	// looks like a name: "LinkedIn"), {Item} the label as written,
	// {series} the series' label shortened as in the describe sentence
	// ("personal"), {base} the item's or chart's base. Empty means a
	// generic sentence (see explore.FigureSentence).
	Sentence string `yaml:"sentence,omitempty" json:"sentence,omitempty"`
	// Answers is AnswersSingle when the items are answers of one
	// single-choice question (each respondent gives one), AnswersMultiple
	// when respondents may give several ("sites can overlap"); empty means
	// not known, which docsurvey treats as multiple.
	Answers string `yaml:"answers,omitempty" json:"answers,omitempty"`
}

// Item is one row of a chart: a label and one figure per series.
type Item struct {
	// ID is unique within its chart.
	ID string `yaml:"id" json:"id"`
	// Label is the full label.
	Label string `yaml:"label" json:"label"`
	// Short is an abbreviation for narrow layouts; the full label then goes
	// in the detail line.
	Short string `yaml:"short,omitempty" json:"short,omitempty"`
	// Base overrides the chart's base for this item, e.g. "of doctors aware
	// of patient communities".
	Base string `yaml:"base,omitempty" json:"base,omitempty"`
	// Values maps a series ID to the item's figure in that series.
	Values map[string]Figure `yaml:"values" json:"values"`
	// Note is a remark on the item.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// Sentence overrides the chart's sentence for this item, for an item
	// whose label does not fit it ("Total (at least one site)").
	Sentence string `yaml:"sentence,omitempty" json:"sentence,omitempty"`
	// Kind marks an answer that is not one of the things the chart
	// compares: ItemNone, ItemTotal, ItemDontKnow or ItemOther. Such an
	// item is shown with its figures but left out of rankings and counts
	// ("the largest gap among eight sites", not nine). Empty means an item
	// like the others.
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
}

// Item kinds: answers that are not items of the chart (see Item.Kind).
const (
	// ItemNone is a "None of the above" answer.
	ItemNone = "none"
	// ItemTotal is a total or subtotal of other items ("At least one site").
	ItemTotal = "total"
	// ItemDontKnow is a "Don't know", "Not sure" or "No answer".
	ItemDontKnow = "dont-know"
	// ItemOther is an "Other" answer that names no particular item.
	ItemOther = "other"
)

// SentenceFields are the placeholders a sentence template may hold.
func SentenceFields() []string {
	return []string{"{value}", "{item}", "{Item}", "{series}", "{base}"}
}

// ItemKinds returns the values Item.Kind may take besides "", in the order
// the documentation lists them.
func ItemKinds() []string { return []string{ItemNone, ItemTotal, ItemDontKnow, ItemOther} }

// Ranked reports whether the item is one of the things its chart compares,
// and so is ranked and counted: true unless its Kind marks an answer that is
// not an item (none of the above, a total, don't know, other).
func (it *Item) Ranked() bool { return it.Kind == "" }

// Figure is one number in a chart, with its source and exact wording. In a
// file it may be written as a bare number, which takes the chart's source.
type Figure struct {
	// Value is the number.
	Value float64 `yaml:"value" json:"value"`
	// Qualifier is the hedge the document puts on it: "over", "almost",
	// "nearly", "more than".
	Qualifier string `yaml:"qualifier,omitempty" json:"qualifier,omitempty"`
	// Wording is the document's own words for the figure.
	Wording string `yaml:"wording,omitempty" json:"wording,omitempty"`
	// Source cites the document; empty means the chart's source.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Measure says which measure the figure reports, if several documents
	// report it.
	Measure string `yaml:"measure,omitempty" json:"measure,omitempty"`
	// Variants are the same figure as other documents (or other passages)
	// round or word it.
	Variants []Variant `yaml:"variants,omitempty" json:"variants,omitempty"`
	// Note is a caveat on the figure.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// N is the number of respondents the figure is a share of, for a
	// subgroup figure whose document states it; 0 means the chart's or the
	// source's (see Collection.BaseN).
	N int `yaml:"n,omitempty" json:"n,omitempty"`
	// NFrom derives the figure's base from a parent figure, as
	// "chart/item/series": the parent's share of its own base (11% of
	// 4,033 → 444). For a subgroup whose document gives no n.
	NFrom string `yaml:"n_from,omitempty" json:"n_from,omitempty"`
}

// Variant is the same figure as another document, or another passage, gives
// it. A variant may be worded only ("two-thirds"), with no number.
type Variant struct {
	// Value is the number given, if any.
	Value *float64 `yaml:"value,omitempty" json:"value,omitempty"`
	// Qualifier is the hedge on the number ("almost", "over").
	Qualifier string `yaml:"qualifier,omitempty" json:"qualifier,omitempty"`
	// Wording is the passage's own words.
	Wording string `yaml:"wording" json:"wording"`
	// Source cites the document.
	Source string `yaml:"source" json:"source"`
	// Note is a caveat on the variant.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Finding is a single figure outside the charts: a number ("88% of health
// professionals use social media") or a worded one ("nearly half") where the
// document gives no number. A finding may instead point at a chart figure
// with Ref, and then takes its value, wording, source and variants from it.
type Finding struct {
	// ID is unique among findings.
	ID string `yaml:"id" json:"id"`
	// View is the view the finding belongs to.
	View string `yaml:"view" json:"view"`
	// Label says what the figure is, in a few words.
	Label string `yaml:"label" json:"label"`
	// Ref points at a chart figure as "chart/item/series".
	Ref string `yaml:"ref,omitempty" json:"ref,omitempty"`
	// Value is the number, if the document gives one.
	Value *float64 `yaml:"value,omitempty" json:"value,omitempty"`
	// Unit is UnitPercent (default) or UnitCount.
	Unit string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Qualifier is the hedge on the number.
	Qualifier string `yaml:"qualifier,omitempty" json:"qualifier,omitempty"`
	// Wording is the document's own words.
	Wording string `yaml:"wording,omitempty" json:"wording,omitempty"`
	// Source cites the document.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Base says whom the figure is a share of.
	Base string `yaml:"base,omitempty" json:"base,omitempty"`
	// Measure says which measure the finding reports.
	Measure string `yaml:"measure,omitempty" json:"measure,omitempty"`
	// Variants are other documents' versions of the same figure.
	Variants []Variant `yaml:"variants,omitempty" json:"variants,omitempty"`
	// Caveat warns about the figure (attribution, comparability).
	Caveat string `yaml:"caveat,omitempty" json:"caveat,omitempty"`
}

// Check kinds.
const (
	// CheckSum says the parts add up to the total, in every series.
	CheckSum = "sum"
	// CheckComplement says an item is 100 minus another, in every series.
	CheckComplement = "complement"
)

// Check declares arithmetic between chart items that validation verifies in
// every series: a sum (parts add up to total) or a complement (item = 100 −
// of). Items are referenced as "chart/item".
type Check struct {
	// Kind is CheckSum or CheckComplement.
	Kind string `yaml:"kind" json:"kind"`
	// Total is the item the parts must add up to (sum).
	Total string `yaml:"total,omitempty" json:"total,omitempty"`
	// Parts are the items that add up (sum).
	Parts []string `yaml:"parts,omitempty" json:"parts,omitempty"`
	// Item is the item that must be 100 minus Of (complement).
	Item string `yaml:"item,omitempty" json:"item,omitempty"`
	// Of is the item Item complements (complement).
	Of string `yaml:"of,omitempty" json:"of,omitempty"`
	// Tolerance is how far apart, in points, the two sides may be (for
	// rounded source figures); 0 means exact.
	Tolerance float64 `yaml:"tolerance,omitempty" json:"tolerance,omitempty"`
}

// TourStep is one step of a guided tour: the state to show and what to say.
type TourStep struct {
	// View is the view to show.
	View string `yaml:"view" json:"view"`
	// Chart is the chart to show within the view (optional).
	Chart string `yaml:"chart,omitempty" json:"chart,omitempty"`
	// Focus is the item to focus, by ID, within Chart.
	Focus string `yaml:"focus,omitempty" json:"focus,omitempty"`
	// Sort is one of SortOrders; empty keeps dataset order.
	Sort string `yaml:"sort,omitempty" json:"sort,omitempty"`
	// Series is "all" or one series ID of Chart.
	Series string `yaml:"series,omitempty" json:"series,omitempty"`
	// Diverging draws a two-series chart as a butterfly chart.
	Diverging bool `yaml:"diverging,omitempty" json:"diverging,omitempty"`
	// Pins are items to pin for comparison, as "chart/item".
	Pins []string `yaml:"pins,omitempty" json:"pins,omitempty"`
	// Spotlight is an item label to highlight wherever it appears.
	Spotlight string `yaml:"spotlight,omitempty" json:"spotlight,omitempty"`
	// Takeaway is the one line the audience sees.
	Takeaway string `yaml:"takeaway" json:"takeaway"`
	// Notes are speaker notes, shown only to the presenter.
	Notes string `yaml:"notes,omitempty" json:"notes,omitempty"`
}
