package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// The output formats.
const (
	// FormatText is the chart the explorer draws, as lines of text.
	FormatText = "text"
	// FormatMarkdown is a heading, the question and a table per chart, with
	// the sources as footnotes.
	FormatMarkdown = "markdown"
	// FormatCSV is one row per figure, with a fixed header.
	FormatCSV = "csv"
	// FormatJSON is one indented object per view.
	FormatJSON = "json"
	// FormatSVG is a standalone SVG bar chart.
	FormatSVG = "svg"
)

// Formats returns the output formats, in the order help lists them.
func Formats() []string {
	return []string{FormatText, FormatMarkdown, FormatCSV, FormatJSON, FormatSVG}
}

// Selection is the explorer's state, of which Write reads the view, sort
// order, Reverse and series (and, for the text format, the focused chart
// and item). The alias lets callers write report.Selection{View: ...}.
type Selection = explore.State

// Options configures Write.
type Options struct {
	// Format is one of Formats.
	Format string
	// Width is the text width in columns (text format only); 0 means 100.
	Width int
	// Styles draw the text format; nil draws without color.
	Styles *render.Styles
	// RawCSV keeps CSV cells that begin with =, +, -, @, a tab or a carriage
	// return as they are; by default they are neutralised (see SafeCell).
	RawCSV bool
}

// DefaultWidth is the text width used when Options.Width is 0.
const DefaultWidth = 100

// UsageError is a request Write cannot serve because it names something
// that does not exist: a view, format, sort order or series. Valid lists
// what would have been accepted.
type UsageError struct {
	// What is the kind of thing named: "view", "format", "sort order",
	// "series".
	What string
	// Got is what was asked for.
	Got string
	// Valid lists the accepted values, in their usual order.
	Valid []string
}

// Error reads e.g. `unknown format "pdf"; valid formats: text, markdown`.
func (e *UsageError) Error() string {
	plural := e.What + "s"
	if strings.HasSuffix(e.What, "s") {
		plural = e.What
	}
	return fmt.Sprintf("unknown %s %q; valid %s: %s", e.What, e.Got, plural, strings.Join(e.Valid, ", "))
}

// SeriesIn returns the selections valid for a view: dataset.SeriesAll, then
// every series ID of the view's charts, each once, in dataset order.
func SeriesIn(c *dataset.Collection, view string) []string {
	out := []string{dataset.SeriesAll}
	for _, ch := range c.ChartsIn(view) {
		for _, s := range ch.Series {
			if !slices.Contains(out, s.ID) {
				out = append(out, s.ID)
			}
		}
	}
	return out
}

// Check returns a *UsageError if the state's view, sort order or series,
// or the format, names something that does not exist in c, else nil.
func Check(c *dataset.Collection, sel explore.State, format string) error {
	if !c.HasView(sel.View) {
		return &UsageError{What: "view", Got: sel.View, Valid: c.ViewIDs()}
	}
	if !slices.Contains(Formats(), format) {
		return &UsageError{What: "format", Got: format, Valid: Formats()}
	}
	if sel.Sort != "" && !slices.Contains(dataset.SortOrders(), sel.Sort) {
		return &UsageError{What: "sort order", Got: sel.Sort, Valid: dataset.SortOrders()}
	}
	if valid := SeriesIn(c, sel.View); sel.Series != "" && !slices.Contains(valid, sel.Series) {
		return &UsageError{What: "series", Got: sel.Series, Valid: valid}
	}
	return nil
}

// Write prints the state's view of c to w in the format o asks for: every
// chart of the view, its items in the state's sort order (and Reverse), only
// the selected series in the charts that have it (charts without it show
// all theirs), and the view's findings; for the sources view every source
// and each measure's figures side by side. The other fields of the state
// (focus, pins, tour step) are ignored, except that the text format draws
// as the explorer does. It returns a *UsageError for an unknown view,
// format, sort order or series, and otherwise only w's errors.
func Write(w io.Writer, c *dataset.Collection, sel explore.State, o Options) error {
	if err := Check(c, sel, o.Format); err != nil {
		return err
	}
	if sel.Sort == "" {
		sel.Sort = dataset.SortOrder
	}
	if sel.Series == "" {
		sel.Series = dataset.SeriesAll
	}
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	d := build(c, sel)
	switch o.Format {
	case FormatJSON:
		return writeJSON(w, d)
	case FormatCSV:
		return writeCSV(w, d, o.RawCSV)
	case FormatMarkdown:
		return writeMarkdown(w, d)
	case FormatSVG:
		return writeSVG(w, d)
	default:
		return writeText(w, c, sel, o)
	}
}
