package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// ExportOptions configure Export.
type ExportOptions struct {
	// Width is the width the text is drawn at: the screen's (0 means
	// DefaultWidth).
	Width int
	// ASCII draws the text with ASCII characters only.
	ASCII bool
}

// Export writes what the explorer's screen shows, st, into dir as text,
// Markdown and CSV: the full text at the screen's state, not the clipped
// screen. The text is drawn at the screen's width, or wider where a label,
// a title or a source would be cut there (uncutWidth).
//
// It writes st into dir as text,
// Markdown and CSV (the renderers of `docsurvey show`), under a name that
// never overwrites (WriteFiles), and returns the paths written. The text
// is drawn from the whole state, so it looks as on screen: sort, series,
// butterfly, spotlight and pin marks. With pins, the text and Markdown end
// with the comparison and a further .pins.csv holds its figures. It is the
// one export: the explorer calls it in a command.
func Export(dir string, now time.Time, c *dataset.Collection, st explore.State, o ExportOptions) ([]string, error) {
	width, ascii := o.Width, o.ASCII
	if width <= 0 {
		width = DefaultWidth
	}
	st = st.Normalize(c)
	if Check(c, st, FormatCSV) != nil {
		st.Series = dataset.SeriesAll
	}
	width = uncutWidth(c, st, width)
	styles := render.NewStyles(render.StyleOptions{ASCII: ascii})
	write := func(format string, tail func(io.Writer) error) func(io.Writer) error {
		return func(w io.Writer) error {
			if err := Write(w, c, st, Options{Format: format, Width: width, Styles: styles}); err != nil {
				return err
			}
			if tail != nil && len(st.Pins) > 0 {
				return tail(w)
			}
			return nil
		}
	}
	formats := []ExportFile{
		{Ext: "txt", Write: write(FormatText, func(w io.Writer) error { return pinsText(w, c, st, width, styles) })},
		{Ext: "md", Write: write(FormatMarkdown, func(w io.Writer) error { return pinsMarkdown(w, c, st) })},
		{Ext: "csv", Write: write(FormatCSV, nil)},
	}
	if len(st.Pins) > 0 {
		formats = append(formats, ExportFile{Ext: "pins.csv", Write: func(w io.Writer) error { return pinsCSV(w, c, st) }})
	}
	return WriteFiles(dir, st.View, now, formats)
}

// pinsText is the comparison panel as plain text.
func pinsText(w io.Writer, c *dataset.Collection, st explore.State, width int, styles *render.Styles) error {
	panel := render.Compare(c, st, render.Options{Width: width, Height: render.MaxHeight, Styles: styles, Static: true})
	_, err := fmt.Fprintf(w, "\n%s\n", ansi.Strip(panel))
	return err
}

// pinsMarkdown is the comparison as a Markdown table: one row per pinned
// item, a column per series, differences against the first item.
func pinsMarkdown(w io.Writer, c *dataset.Collection, st explore.State) error {
	cm := explore.Compare(c, st.Pins)
	order := cm.Order(st.Sort, st.Reverse)
	esc := func(s string) string { return cell(htmlEscaper.Replace(s)) }
	var b strings.Builder
	b.WriteString("\n## Pinned for comparison\n\n")
	fmt.Fprintf(&b, "Differences (points) and ratios are against %s.\n\n", esc(cm.Items[order[0]].Label))
	b.WriteString("| Item |")
	for _, s := range cm.Series {
		fmt.Fprintf(&b, " %s | vs first | ratio |", esc(s.Label))
	}
	b.WriteString(" Source |\n|---|")
	for range cm.Series {
		b.WriteString("---:|---:|---:|")
	}
	b.WriteString("---|\n")
	for _, i := range order {
		it := cm.Items[i]
		label := it.Label
		if !it.Found {
			label = it.Ref.String() + " (not in this collection)"
		}
		fmt.Fprintf(&b, "| %s |", esc(label))
		for col := range cm.Series {
			cell := cm.Cells[i][col]
			v, d, r := "", "", ""
			if cell.OK {
				v = explore.FormatValue(cell.Value, it.Unit, cell.Qualifier)
				if i != order[0] {
					if x, ok := cm.Diff(i, order[0], col); ok {
						d = explore.FormatPoints(x, it.Unit)
					}
					r = explore.FormatRatio(cm.Ratio(i, order[0], col))
				}
			}
			fmt.Fprintf(&b, " %s | %s | %s |", v, d, r)
		}
		fmt.Fprintf(&b, " %s |\n", esc(strings.Join(it.Sources, "; ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pinsCSV is one row per pinned item and series: item, chart, series,
// value, qualifier, difference and ratio against the first item, source.
func pinsCSV(w io.Writer, c *dataset.Collection, st explore.State) error {
	cm := explore.Compare(c, st.Pins)
	order := cm.Order(st.Sort, st.Reverse)
	cw := csv.NewWriter(w)
	cw.Write([]string{"pin", "item", "chart", "series", "value", "qualifier", "points_vs_first", "ratio_vs_first", "source"})
	for _, i := range order {
		it := cm.Items[i]
		for col, s := range cm.Series {
			cell := cm.Cells[i][col]
			if !cell.OK {
				continue
			}
			d, r := "", ""
			if i != order[0] {
				if x, ok := cm.Diff(i, order[0], col); ok {
					d = explore.FormatNumber(x)
				}
				if x, ok := cm.Ratio(i, order[0], col); ok {
					r = fmt.Sprintf("%.4g", x)
				}
			}
			src := cell.Source
			if sc := c.Source(src); sc != nil {
				src = sc.Label
			}
			row := []string{it.Ref.String(), it.Label, it.Chart, s.Label, explore.FormatNumber(cell.Value), cell.Qualifier, d, r, src}
			for k := range row {
				row[k] = SafeCell(row[k]) // exports are always neutralised
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportWidths are the widths the text export tries, after the screen's,
// for one at which nothing is cut.
var exportWidths = []int{120, 160}

// uncutWidth is the narrowest of the screen's width and exportWidths at
// which the text of st cuts nothing (no ellipsis in it), or the widest:
// past 160 columns a text file is harder to read than a cut is.
func uncutWidth(c *dataset.Collection, st explore.State, width int) int {
	plain := render.NewStyles(render.StyleOptions{})
	cuts := func(w int) bool {
		var b strings.Builder
		if Write(&b, c, st, Options{Format: FormatText, Width: w, Styles: plain}) != nil {
			return false
		}
		return strings.Contains(b.String(), "…")
	}
	if !cuts(width) {
		return width
	}
	for _, w := range exportWidths {
		if w > width && !cuts(w) {
			return w
		}
	}
	return max(width, exportWidths[len(exportWidths)-1])
}
