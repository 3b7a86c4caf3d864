package dataset

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// csvBuild assembles a collection from CSV rows: charts, items and series
// by label in first-seen order, each with an ID made from its label.
type csvBuild struct {
	t *csvTable
	c *Collection
	// charts, sources and views map a label to its index.
	charts, sources, views map[string]int
	chartIDs, sourceIDs    *idSet
	// per holds what is known of each chart while reading, by chart index.
	per []*chartRead
	// lastChart is the chart of the row before, -1 at first: rows of one
	// chart come together, so most rows need no lookup.
	lastChart int
}

// chartRead is what reading keeps about one chart: its item and series
// labels by index, their IDs, and where things were first given.
type chartRead struct {
	items, series   map[string]int
	itemIDs, serIDs *idSet
	// itemAt is where each item was first given, by item index.
	itemAt []pos
	// line is the line of each figure, by item then series; 0 for none.
	line [][]int32
	// n is each figure's respondents plus one, by item then series; 0 where
	// not given.
	n [][]int32
	// viewRaw is the view as the chart's first row writes it.
	viewRaw string
	// viewAt and questionAt are where the view and question were first
	// given.
	viewAt, questionAt pos
	// kindLine is the line where each item's kind was first given, by item
	// index; absent where none was.
	kindLine map[int]int
}

// cell returns the slot of item j, series s in a per-figure table, growing
// it as series are added.
func cell(table [][]int32, j, s int) *int32 {
	for len(table[j]) <= s {
		table[j] = append(table[j], 0)
	}
	return &table[j][s]
}

// baseName is the file's name without directory and extension.
func (t *csvTable) baseName() string {
	b := filepath.Base(t.name)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func newCSVBuild(t *csvTable) *csvBuild {
	title := t.meta.Title
	if title == "" {
		title = TitleFromID(t.baseName())
	}
	if title == "" {
		title = "Survey"
	}
	return &csvBuild{t: t, c: &Collection{Title: title},
		charts: map[string]int{}, sources: map[string]int{}, views: map[string]int{},
		chartIDs: newIDSet(), sourceIDs: newIDSet(), lastChart: -1}
}

// source returns the ID of the source with a label, adding it; "" is the
// default source: the one --source-label names, or the file itself.
func (b *csvBuild) source(label string) string {
	if i, ok := b.sources[label]; ok {
		return b.c.Sources[i].ID
	}
	m := b.t.meta
	base := filepath.Base(b.t.name)
	s := Source{Kind: KindSecondary, Date: m.Date, Sample: m.Sample}
	switch {
	case label != "":
		s.Label, s.Publisher, s.Title = label, label, label
		s.Note = "Named in the source column of " + base + "."
	case m.SourceLabel != "":
		s.Label, s.Publisher, s.Title = m.SourceLabel, m.SourceLabel, b.c.Title
		s.Note = "Imported from " + base + "."
	default:
		s.Label = base
		s.Publisher = "unsourced: the CSV file itself"
		s.Title = "Figures as given in " + base
		s.Note = "The source is the CSV file itself: say who surveyed whom, and when, to make these figures citable."
	}
	s.ID = b.sourceIDs.make(s.Label, "source")
	if label == "" && m.SourceLabel == "" {
		s.ID = b.sourceIDs.make("file", "file")
	}
	b.sources[label] = len(b.c.Sources)
	b.c.Sources = append(b.c.Sources, s)
	return s.ID
}

// view returns the ID of the view with a label, declaring it.
func (b *csvBuild) view(label string) string {
	if i, ok := b.views[label]; ok {
		return b.c.Views[i].ID
	}
	id := slug(label, "view")
	for _, v := range b.c.Views {
		if v.ID == id {
			return id
		}
	}
	if id == ViewOverview || id == ViewSources {
		id += "-charts"
	}
	b.views[label] = len(b.c.Views)
	b.c.Views = append(b.c.Views, View{ID: id, Title: label})
	return id
}

// chart returns the index of the chart with a title, adding it.
func (b *csvBuild) chart(title string, at pos) int {
	if i, ok := b.charts[title]; ok {
		return i
	}
	i := len(b.c.Charts)
	b.charts[title] = i
	b.c.Charts = append(b.c.Charts, Chart{ID: b.chartIDs.make(title, "chart"), Title: title,
		Question: "Not stated in " + filepath.Base(b.t.name)})
	b.per = append(b.per, &chartRead{items: map[string]int{}, series: map[string]int{}, itemIDs: newIDSet(), serIDs: newIDSet(), kindLine: map[int]int{}})
	b.t.at["charts["+strconv.Itoa(i)+"]"] = at
	return i
}

// seriesOf returns the index of a series of chart ci, adding it.
func (b *csvBuild) seriesOf(ci int, label string) int {
	r := b.per[ci]
	if j, ok := r.series[label]; ok {
		return j
	}
	ch := &b.c.Charts[ci]
	j := len(ch.Series)
	r.series[label] = j
	ch.Series = append(ch.Series, Series{ID: r.serIDs.make(label, "series"), Label: label})
	return j
}

// item returns the index of an item of chart ci, adding it at pos at.
func (b *csvBuild) item(ci int, label string, at pos) (int, bool) {
	r := b.per[ci]
	if j, ok := r.items[label]; ok {
		return j, false
	}
	ch := &b.c.Charts[ci]
	j := len(ch.Items)
	r.items[label] = j
	r.itemAt = append(r.itemAt, at)
	r.line = append(r.line, make([]int32, len(ch.Series)))
	r.n = append(r.n, make([]int32, len(ch.Series)))
	ch.Items = append(ch.Items, Item{ID: r.itemIDs.make(label, "item"), Label: label, Values: make(map[string]Figure, len(ch.Series))})
	b.t.at["charts["+strconv.Itoa(ci)+"].items["+strconv.Itoa(j)+"]"] = at
	return j, true
}

// itemKind sets item j's kind in chart ci from field col of the row last
// read: empty leaves it alone, a kind not in ItemKinds or one that differs
// from the item's first is reported.
func (b *csvBuild) itemKind(ci, j int, raw string, col int) {
	if raw == "" {
		return
	}
	t, it := b.t, &b.c.Charts[ci].Items[j]
	kind := strings.ToLower(raw)
	if !slices.Contains(ItemKinds(), kind) {
		t.add(col, fmt.Sprintf("kind %s is not a kind of answer; expected one of: %s, or empty for an item like the others", quote(raw), strings.Join(ItemKinds(), ", ")))
		return
	}
	if line, given := b.per[ci].kindLine[j]; given && it.Kind != kind {
		t.add(col, fmt.Sprintf("kind %s differs from item %s's first (line %d); an item has one kind", quote(raw), quote(it.Label), line))
		return
	}
	if _, given := b.per[ci].kindLine[j]; !given {
		b.per[ci].kindLine[j] = t.pos(col).line
	}
	it.Kind = kind
}

// figure sets item j's value in series s of chart ci, reporting a second
// figure for the same cell.
func (b *csvBuild) figure(ci, j, s int, f Figure, at pos) {
	ch := &b.c.Charts[ci]
	line := cell(b.per[ci].line, j, s)
	if *line > 0 {
		b.t.ps.add(at.line, at.col, "", fmt.Sprintf("duplicate figure for item %s, series %s in chart %s (first at line %d)",
			quote(ch.Items[j].Label), quote(ch.Series[s].Label), quote(ch.Title), *line))
		return
	}
	*line = int32(at.line)
	ch.Items[j].Values[ch.Series[s].ID] = f
}

// wide reads a table whose first column labels the items and whose further
// columns are series: one chart, named from the file.
func (t *csvTable) wide(cols []string) *Collection {
	b := newCSVBuild(t)
	src := b.source("")
	hp := t.pos(0)
	title := b.c.Title
	ci := b.chart(title, hp)
	ch := &b.c.Charts[ci]
	ch.ID = slug(t.baseName(), "chart")
	ch.Source = src
	ch.View = b.view(title)
	kindCol := -1
	for i, name := range cols[1:] {
		if strings.EqualFold(name, colKind) {
			kindCol = i + 1
			continue
		}
		b.seriesOf(ci, name)
	}
	for {
		rec, ok := t.next()
		if !ok {
			break
		}
		if !t.ragged(rec, len(cols)) {
			b.wideRow(ci, rec, cols, kindCol)
		}
	}
	if len(ch.Items) == 0 && len(t.ps.list) == 0 {
		t.ps.add(hp.line, hp.col, "", "no rows after the header; expected one row per item")
	}
	return b.c
}

// wideRow adds one row of a wide table to chart ci: an item, its figure in
// each series and, from column kindCol (-1 for none), its kind.
func (b *csvBuild) wideRow(ci int, rec, cols []string, kindCol int) {
	t := b.t
	label, ok := t.cell(rec, 0)
	if !ok {
		return
	}
	if label == "" {
		t.add(0, "no item label; the first column names each row's item")
		return
	}
	j, fresh := b.item(ci, label, t.pos(0))
	if !fresh {
		t.add(0, fmt.Sprintf("duplicate item %s (first at line %d)", quote(label), b.per[ci].itemAt[j].line))
		return
	}
	series := 0
	for s := 1; s < len(cols); s++ {
		raw, ok := t.cell(rec, s)
		if s == kindCol {
			if ok {
				b.itemKind(ci, j, raw, s)
			}
			continue
		}
		series++
		if !ok {
			continue
		}
		x, msg := t.percent(raw)
		if msg != "" {
			t.add(s, msg+" (column "+quote(cols[s])+")")
			continue
		}
		b.figure(ci, j, series-1, Figure{Value: x}, t.pos(s))
	}
}

// long reads a table with one figure per row: chart, item, series, value,
// and optionally view, n, question, source and kind.
func (t *csvTable) long(cols []string) *Collection {
	var where [len(longColumns)]int
	for k := range where {
		where[k] = -1
	}
	for i, h := range cols {
		k := slices.Index(longColumns[:], strings.ToLower(h))
		if k < 0 {
			p := t.pos(i)
			t.ps.add(p.line, p.col, "", fmt.Sprintf("unknown column %s in a long CSV; expected: %s", quote(h), strings.Join(longColumns[:], ", ")))
			continue
		}
		where[k] = i
	}
	if len(t.ps.list) > 0 {
		return nil
	}
	b := newCSVBuild(t)
	rows := 0
	for {
		rec, ok := t.next()
		if !ok {
			break
		}
		rows++
		if !t.ragged(rec, len(cols)) {
			b.longRow(rec, &where)
		}
	}
	if rows == 0 {
		p := t.pos(0)
		t.ps.add(p.line, p.col, "", "no rows after the header; expected one row per figure")
		return nil
	}
	if len(t.ps.list) == 0 {
		b.complete() // a row in error would show as a missing figure too
	}
	return b.c
}

// Indexes of the long shape's columns in longColumns.
const (
	atChart = iota
	atItem
	atSeries
	atValue
	atView
	atN
	atQuestion
	atSource
	atKind
)

// longRow adds one row of a long table; where gives each long column's
// field index in the row, -1 when the table has no such column.
func (b *csvBuild) longRow(rec []string, where *[len(longColumns)]int) {
	t := b.t
	vals, ok := t.longFields(rec, where)
	if !ok {
		return
	}
	x, msg := t.percent(vals[atValue])
	if msg != "" {
		t.add(where[atValue], msg)
		return
	}
	ci := b.lastChart
	if ci < 0 || b.c.Charts[ci].Title != vals[atChart] {
		ci = b.chart(vals[atChart], t.pos(where[atChart]))
		b.lastChart = ci
	}
	ch, r := &b.c.Charts[ci], b.per[ci]
	src := b.source(vals[atSource])
	if ch.Source == "" {
		ch.Source = src
	}
	f := Figure{Value: x}
	if src != ch.Source {
		f.Source = src
	}
	b.chartField(ci, &r.viewRaw, &r.viewAt, vals[atView], atView, where)
	if vals[atQuestion] != "" {
		b.chartField(ci, &ch.Question, &r.questionAt, vals[atQuestion], atQuestion, where)
	}
	s := b.seriesOf(ci, vals[atSeries])
	j, _ := b.item(ci, vals[atItem], t.pos(where[atItem]))
	b.itemKind(ci, j, vals[atKind], where[atKind])
	if raw := vals[atN]; raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 || n >= math.MaxInt32 {
			t.add(where[atN], fmt.Sprintf("n %s is not a number of respondents; expected a whole number, 0 or more", quote(raw)))
			return
		}
		*cell(r.n, j, s) = int32(n + 1)
	}
	b.figure(ci, j, s, f, t.pos(where[atValue]))
}

// longFields returns a long row's fields by the at… indexes, reporting
// unsafe text and an empty chart, item or series.
func (t *csvTable) longFields(rec []string, where *[len(longColumns)]int) (vals [len(longColumns)]string, ok bool) {
	for k, i := range where {
		if i < 0 {
			continue
		}
		s, good := t.cell(rec, i)
		if !good {
			return vals, false
		}
		if s == "" && k <= atSeries {
			t.add(i, "empty "+longColumns[k]+"; every row names its chart, item and series")
			return vals, false
		}
		vals[k] = s
	}
	return vals, true
}

// chartField sets a chart's view (as written; the view ID follows from it)
// or question from a row, reporting a row that says otherwise than the
// chart's first.
func (b *csvBuild) chartField(ci int, field *string, at *pos, value string, k int, where *[len(longColumns)]int) {
	t := b.t
	if k == atView && value == "" {
		value = b.c.Title
	}
	col := where[k]
	if at.line == 0 {
		*field = value
		*at = t.pos(max(col, 0))
		if k == atView {
			b.c.Charts[ci].View = b.view(value)
		}
		return
	}
	if *field != value {
		t.add(col, fmt.Sprintf("%s %s differs from chart %s's first (line %d); a chart has one %s",
			longColumns[k], quote(value), quote(b.c.Charts[ci].Title), at.line, longColumns[k]))
	}
}

// complete reports items without a figure in some series of their chart and
// records the respondents: on the chart when every figure gives the same n,
// else on each figure.
func (b *csvBuild) complete() {
	for ci := range b.c.Charts {
		ch := &b.c.Charts[ci]
		for j := range ch.Items {
			it := &ch.Items[j]
			for s, se := range ch.Series {
				if _, ok := it.Values[se.ID]; !ok {
					at := b.per[ci].itemAt[j]
					b.t.ps.add(at.line, at.col, "", fmt.Sprintf("item %s of chart %s has no row for series %s; every item needs a figure in each series of its chart",
						quote(it.Label), quote(ch.Title), quote(ch.Series[s].Label)))
				}
			}
		}
		b.respondents(ci)
	}
}

// respondents records the n column of chart ci: the same n for every
// figure goes in the chart's base ("of 1200 respondents"), the same n for
// every figure of a series in its label ("Nurses (n=1200)"), and otherwise
// each figure's n in its note.
func (b *csvBuild) respondents(ci int) {
	ch := &b.c.Charts[ci]
	r := b.per[ci]
	given := false
	perSeries := make([]int32, len(ch.Series)) // -1: differs within the series
	for s := range ch.Series {
		for j := range ch.Items {
			n := *cell(r.n, j, s)
			given = given || n > 0
			switch {
			case j == 0:
				perSeries[s] = n
			case perSeries[s] != n:
				perSeries[s] = -1
			}
		}
	}
	if !given {
		return
	}
	if !slices.Contains(perSeries, -1) && !slices.Contains(perSeries, 0) {
		if slices.Min(perSeries) == slices.Max(perSeries) {
			ch.Base = fmt.Sprintf("of %d respondents", perSeries[0]-1)
			return
		}
		for s := range ch.Series {
			ch.Series[s].Label += fmt.Sprintf(" (n=%d)", perSeries[s]-1)
		}
		return
	}
	for j := range ch.Items {
		it := &ch.Items[j]
		for s, se := range ch.Series {
			if n := *cell(r.n, j, s); n > 0 {
				f := it.Values[se.ID]
				f.Note = fmt.Sprintf("n = %d", n-1)
				it.Values[se.ID] = f
			}
		}
	}
}

// idSet makes unique IDs from labels.
type idSet struct{ used map[string]bool }

func newIDSet() *idSet { return &idSet{used: map[string]bool{}} }

// make returns an ID made from label (see slug), with -2, -3, … added to
// keep it unique.
func (s *idSet) make(label, fallback string) string {
	base := slug(label, fallback)
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// slug makes an ID of a label: lower-case ASCII letters and digits, other
// runs of characters as one '-'. A label with none gives fallback.
func slug(label, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}
