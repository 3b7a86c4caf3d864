package render

// The table view: the focused chart as plain aligned columns, for reading
// figures exactly, copying them, and screen readers. No box drawing: a
// header row, then one row per item, columns two spaces apart, text
// left-aligned and numbers right-aligned, so a screen reader reads a row as
// "Facebook 15% 61% +46 pts 4,033 QuantiaMD 2011".
//
// Columns: the focus mark, item, one per series shown (with its ± margin
// when the intervals are on), the gap (two series) or spread (three or
// more; see explore.ItemDifference), n and source. When they do not fit
// the width, the source goes first, then n, then the headings wrap, then
// the item labels are cut (TruncateLabel: the short label, then a cut
// between words), and last the margins are left out.

import (
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// tableGap is the space between two columns.
const tableGap = "  "

// tableMinLabel is the narrowest the item column is cut to, and
// tableLabelFloor how far it is cut before the headings are.
const (
	tableMinLabel   = 6
	tableLabelFloor = 12
)

// tableColumn is one column of the table: its heading, its cells (one per
// row) and whether it is right-aligned.
type tableColumn struct {
	head  string
	cells []string
	right bool
	// heads is the heading wrapped onto several lines when the column is
	// narrower than it; nil for one line.
	heads []string
}

// width is the column's width: its widest cell and its heading (each line
// of a wrapped one).
func (c tableColumn) width() int {
	w := 0
	if c.heads == nil {
		w = Width(c.head)
	}
	for _, h := range c.heads {
		w = max(w, Width(h))
	}
	for _, s := range c.cells {
		w = max(w, Width(s))
	}
	return w
}

// headLines is the heading as lines.
func (c tableColumn) headLines() []string {
	if c.heads != nil {
		return c.heads
	}
	return []string{c.head}
}

// wrapHead wraps the heading to the width of the cells (at least its
// longest word), when the heading is the wider.
func (c *tableColumn) wrapHead() {
	cw := 0
	for _, s := range c.cells {
		cw = max(cw, Width(s))
	}
	for _, word := range strings.Fields(c.head) {
		cw = max(cw, Width(word))
	}
	if Width(c.head) > cw {
		c.heads = WrapWords(c.head, cw, 0, "")
	}
}

// Table draws the state's chart as a table at the given size: its title,
// the header row and the rows in the state's sort order and series
// selection, scrolled to keep the focused row in sight. Outside a chart it
// says there is no table. No line is wider than o.Width and there are at
// most o.Height lines.
func Table(c *dataset.Collection, st explore.State, o Options) string {
	w, h, s, out, done := o.begin(c)
	if done {
		return out
	}
	st = st.Normalize(c)
	ch := st.CurrentChart(c)
	if ch == nil {
		return clampBlock([]string{s.Muted.Render(fit("No chart here: the table view shows a chart's figures.", w, s.Ellipsis()))}, w, h)
	}
	shown := explore.SeriesShown(ch, st.Series)
	rows := explore.Rows(ch, st.Sort, st.Reverse, shown)
	focus := slices.IndexFunc(rows, func(r explore.Row) bool { return r.Item.ID == st.Focus })
	cols := fitColumns(tableColumns(c, ch, st, shown, rows, focus, s), rows, w, s)
	if st.Whiskers && rowWidth(cols) > w { // the margins give way last
		st.Whiskers = false
		cols = fitColumns(tableColumns(c, ch, st, shown, rows, focus, s), rows, w, s)
	}
	lines := []string{s.Title.Render(fit(asciiIf(ch.Title, s), w, s.Ellipsis()))}
	for _, l := range headerRows(cols) {
		lines = append(lines, s.Muted.Render(l))
	}
	body := make([]string, len(rows))
	for i := range rows {
		line := joinRow(cols, i)
		if i == focus {
			line = s.LabelFocus.Render(line)
		}
		body[i] = line
	}
	lines = append(lines, tableWindow(body, focus, h-len(lines), s)...)
	return clampBlock(lines, w, h)
}

// tableColumns builds every column at its natural width.
func tableColumns(c *dataset.Collection, ch *dataset.Chart, st explore.State, shown []int, rows []explore.Row, focus int, s *Styles) []tableColumn {
	mark, blank := s.Marker()
	marks := tableColumn{}
	label := tableColumn{head: "Item"}
	for i, r := range rows {
		m := blank
		if i == focus {
			m = mark
		}
		marks.cells = append(marks.cells, strings.TrimRight(m, " "))
		label.cells = append(label.cells, asciiIf(r.Item.Label, s))
	}
	cols := []tableColumn{marks, label}
	unit := dataset.UnitPercent
	if ch.Unit != "" {
		unit = ch.Unit
	}
	for _, si := range shown {
		col := tableColumn{head: asciiIf(ch.Series[si].Label, s), right: true}
		for _, r := range rows {
			col.cells = append(col.cells, tableValue(c, ch, r.Item, si, unit, st.Whiskers, s))
		}
		cols = append(cols, col)
	}
	if name := explore.DifferenceName(ch, shown); name != "" && len(shown) != 1 {
		col := tableColumn{head: name, right: true}
		for _, r := range rows {
			cell := "-"
			if d, ok := explore.ItemDifference(ch, r.Item, shown); ok {
				cell = explore.FormatPoints(d.Points, unit)
				if d.Spread {
					cell = strings.TrimPrefix(cell, "+")
				}
			}
			col.cells = append(col.cells, asciiIf(cell, s))
		}
		cols = append(cols, col)
	}
	n := tableColumn{head: "n", right: true}
	src := tableColumn{head: "Source"}
	for _, r := range rows {
		n.cells = append(n.cells, asciiIf(tableN(c, ch, r.Item, shown), s))
		src.cells = append(src.cells, asciiIf(tableSources(c, ch, r.Item, shown), s))
	}
	return append(cols, n, src)
}

// tableValue is one figure: "61%", "over 65%", with "±1.5" when the
// intervals are on; "-" when the item has none.
func tableValue(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, si int, unit string, margins bool, s *Styles) string {
	f, ok := it.Figure(ch.Series[si].ID)
	if !ok || !finite(f.Value) {
		return "-"
	}
	v := explore.FormatValue(f.Value, unit, f.Qualifier)
	if margins {
		if m := explore.FigureMargin(c, ch, it, si); m.OK {
			pm := m.PlusMinus()
			if s.ASCII() {
				pm = strings.Replace(pm, "±", "+/-", 1)
			}
			v += " " + pm
		}
	}
	return asciiIf(v, s)
}

// tableN is the base of an item's first shown figure: "4,033", "≈444"
// when derived, "-" when not stated.
func tableN(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, shown []int) string {
	for _, si := range shown {
		b := c.BaseN(ch, it, ch.Series[si].ID)
		if !b.Known() {
			continue
		}
		if b.Derived {
			return "≈" + explore.FormatNumber(float64(b.N))
		}
		return explore.FormatNumber(float64(b.N))
	}
	return "-"
}

// tableSources are the labels of the sources an item's shown figures cite.
func tableSources(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, shown []int) string {
	var labels []string
	for _, si := range shown {
		f, ok := it.Figure(ch.Series[si].ID)
		if !ok {
			continue
		}
		l := ch.SourceOf(f)
		if src := c.Source(l); src != nil && src.Label != "" {
			l = src.Label
		}
		if !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	return strings.Join(labels, ", ")
}

// fitColumns drops and cuts columns until the table fits w: the source
// first, then n; then the headings wrap onto several lines; then the item
// labels are cut, down to tableMinLabel cells.
func fitColumns(cols []tableColumn, rows []explore.Row, w int, s *Styles) []tableColumn {
	total := func() int { return rowWidth(cols) }
	for _, head := range []string{"Source", "n"} {
		if total() <= w {
			return cols
		}
		cols = slices.DeleteFunc(cols, func(c tableColumn) bool { return c.head == head })
	}
	if total() > w {
		for i := range cols {
			if cols[i].right {
				cols[i].wrapHead()
			}
		}
	}
	// The labels give way down to tableLabelFloor cells, then the headings
	// are cut to their cells, then the labels down to tableMinLabel.
	cutLabels(cols, rows, max(min(cols[1].width(), tableLabelFloor), cols[1].width()-(total()-w)), s)
	for i := range cols {
		if total() <= w {
			break
		}
		if c := &cols[i]; c.right && c.heads != nil {
			cw := 0
			for _, cell := range c.cells {
				cw = max(cw, Width(cell))
			}
			for j, h := range c.heads {
				c.heads[j] = asciiIf(Truncate(h, max(cw, 4), s.Ellipsis()), s)
			}
		}
	}
	if over := total() - w; over > 0 {
		cutLabels(cols, rows, max(tableMinLabel, cols[1].width()-over), s)
	}
	return cols
}

// headerRows lays out the header: one line, or as many as the most
// wrapped heading needs, each heading at the bottom (next to its cells).
func headerRows(cols []tableColumn) []string {
	n := 1
	for _, c := range cols {
		n = max(n, len(c.headLines()))
	}
	out := make([]string, n)
	for line := range n {
		row := make([]string, len(cols))
		for k, c := range cols {
			hl := c.headLines()
			if j := line - (n - len(hl)); j >= 0 {
				row[k] = hl[j]
			}
		}
		out[line] = joinCells(cols, row)
	}
	return out
}

// rowWidth is the width of a row of the columns.
func rowWidth(cols []tableColumn) int {
	n := 0
	for i, c := range cols {
		if i > 0 {
			n += len(tableGap)
		}
		n += c.width()
	}
	return n
}

// cutLabels cuts the item column (cols[1]) to lw cells, each label by
// TruncateLabel; a column already as narrow is left alone.
func cutLabels(cols []tableColumn, rows []explore.Row, lw int, s *Styles) {
	label := &cols[1]
	if label.width() <= lw {
		return
	}
	for i, r := range rows {
		label.cells[i] = asciiIf(TruncateLabel(r.Item.Label, r.Item.Short, lw, s.Ellipsis()), s)
	}
	label.head = fit(label.head, lw, "")
}

// joinRow lays out row i of the columns, trimmed.
func joinRow(cols []tableColumn, i int) string {
	row := make([]string, len(cols))
	for k, c := range cols {
		row[k] = c.cells[i]
	}
	return joinCells(cols, row)
}

// joinCells lays out one line of cells in the columns, trimmed.
func joinCells(cols []tableColumn, row []string) string {
	var b strings.Builder
	for k, c := range cols {
		cell := row[k]
		if k > 0 {
			b.WriteString(tableGap)
		}
		if c.right {
			b.WriteString(padLeft(cell, c.width()))
		} else {
			b.WriteString(pad(cell, c.width(), ""))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// tableWindow keeps at most h of the rows, the focused one in sight, with a
// last line saying how many are left out above and below.
func tableWindow(rows []string, focus, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	if len(rows) <= h {
		return rows
	}
	keep := max(h-1, 1)
	lo := 0
	if focus >= keep {
		lo = focus - keep + 1
	}
	out := slices.Clone(rows[lo : lo+keep])
	if h > 1 {
		var parts []string
		if lo > 0 {
			parts = append(parts, explore.Count(lo, "row above", "rows above"))
		}
		if below := len(rows) - lo - keep; below > 0 {
			parts = append(parts, explore.Count(below, "row below", "rows below"))
		}
		out = append(out, s.Muted.Render(strings.Join(parts, ", ")))
	}
	return out
}

// asciiIf maps s to ASCII when the styles say so.
func asciiIf(t string, s *Styles) string {
	if s.ASCII() {
		return ToASCII(t)
	}
	return t
}
