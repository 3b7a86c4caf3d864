package dataset

import (
	"fmt"
	"path/filepath"
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
	// per chart: item and series labels to index, their IDs, and where each
	// item and figure was first given.
	items, series   []map[string]int
	itemIDs, serIDs []*idSet
	itemAt          []map[string]pos
	figAt           []map[[2]int]pos
	// chartAt holds where each chart's view and question were first given.
	viewAt, questionAt []pos
	// n holds the respondents per chart figure, -1 where not given.
	n []map[[2]int]int
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
	return &csvBuild{t: t, c: &Collection{Title: title},
		charts: map[string]int{}, sources: map[string]int{}, views: map[string]int{},
		chartIDs: newIDSet(), sourceIDs: newIDSet()}
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
	b.items = append(b.items, map[string]int{})
	b.series = append(b.series, map[string]int{})
	b.itemIDs = append(b.itemIDs, newIDSet())
	b.serIDs = append(b.serIDs, newIDSet())
	b.itemAt = append(b.itemAt, map[string]pos{})
	b.figAt = append(b.figAt, map[[2]int]pos{})
	b.viewAt = append(b.viewAt, pos{})
	b.questionAt = append(b.questionAt, pos{})
	b.n = append(b.n, map[[2]int]int{})
	b.t.at[fmt.Sprintf("charts[%d]", i)] = at
	return i
}

// seriesOf returns the index of a series of chart ci, adding it.
func (b *csvBuild) seriesOf(ci int, label string) int {
	if j, ok := b.series[ci][label]; ok {
		return j
	}
	ch := &b.c.Charts[ci]
	j := len(ch.Series)
	b.series[ci][label] = j
	ch.Series = append(ch.Series, Series{ID: b.serIDs[ci].make(label, "series"), Label: label})
	return j
}

// item returns the index of an item of chart ci, adding it at pos at.
func (b *csvBuild) item(ci int, label string, at pos) (int, bool) {
	if j, ok := b.items[ci][label]; ok {
		return j, false
	}
	ch := &b.c.Charts[ci]
	j := len(ch.Items)
	b.items[ci][label] = j
	b.itemAt[ci][label] = at
	ch.Items = append(ch.Items, Item{ID: b.itemIDs[ci].make(label, "item"), Label: label, Values: map[string]Figure{}})
	b.t.at[fmt.Sprintf("charts[%d].items[%d]", ci, j)] = at
	return j, true
}

// figure sets item j's value in series s of chart ci, reporting a second
// figure for the same cell.
func (b *csvBuild) figure(ci, j, s int, f Figure, at pos) {
	key := [2]int{j, s}
	ch := &b.c.Charts[ci]
	if first, dup := b.figAt[ci][key]; dup {
		b.t.ps.add(at.line, at.col, "", fmt.Sprintf("duplicate figure for item %s, series %s in chart %s (first at line %d)",
			quote(ch.Items[j].Label), quote(ch.Series[s].Label), quote(ch.Title), first.line))
		return
	}
	b.figAt[ci][key] = at
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
	for _, name := range cols[1:] {
		b.seriesOf(ci, name)
	}
	for {
		rec, ok := t.next()
		if !ok {
			break
		}
		if t.ragged(rec, len(cols)) {
			continue
		}
		label, ok := t.cell(rec, 0)
		if !ok {
			continue
		}
		at := t.pos(0)
		if label == "" {
			t.add(0, "no item label; the first column names each row's item")
			continue
		}
		j, fresh := b.item(ci, label, at)
		if !fresh {
			t.add(0, fmt.Sprintf("duplicate item %s (first at line %d)", quote(label), b.itemAt[ci][label].line))
			continue
		}
		for s := 1; s < len(cols); s++ {
			raw, ok := t.cell(rec, s)
			if !ok {
				continue
			}
			x, msg := t.percent(raw)
			if msg != "" {
				t.add(s, msg+" (column "+quote(cols[s])+")")
				continue
			}
			b.figure(ci, j, s-1, Figure{Value: x}, t.pos(s))
		}
	}
	if len(ch.Items) == 0 && len(t.ps.list) == 0 {
		t.ps.add(hp.line, hp.col, "", "no rows after the header; expected one row per item")
	}
	return b.c
}

// long reads a table with one figure per row: chart, item, series, value,
// and optionally view, n, question and source.
func (t *csvTable) long(cols []string) *Collection {
	idx := map[string]int{}
	for i, h := range cols {
		name := strings.ToLower(h)
		known := false
		for _, c := range longColumns {
			known = known || c == name
		}
		if !known {
			p := t.pos(i)
			t.ps.add(p.line, p.col, "", fmt.Sprintf("unknown column %s in a long CSV; expected: %s", quote(h), strings.Join(longColumns, ", ")))
			continue
		}
		idx[name] = i
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
			b.longRow(rec, idx)
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

// longRow adds one row of a long table.
func (b *csvBuild) longRow(rec []string, idx map[string]int) {
	t := b.t
	get := func(col string) (string, int, bool) {
		i, ok := idx[col]
		if !ok {
			return "", -1, true
		}
		s, ok := t.cell(rec, i)
		return s, i, ok
	}
	vals := map[string]string{}
	for _, col := range longColumns {
		s, i, ok := get(col)
		if !ok {
			return
		}
		if s == "" && i >= 0 && (col == colChart || col == colItem || col == colSeries) {
			t.add(i, "empty "+col+"; every row names its chart, item and series")
			return
		}
		vals[col] = s
	}
	x, msg := t.percent(vals[colValue])
	if msg != "" {
		t.add(idx[colValue], msg)
		return
	}
	at := t.pos(idx[colChart])
	ci := b.chart(vals[colChart], at)
	ch := &b.c.Charts[ci]
	if ch.Source == "" {
		ch.Source = b.source(vals[colSource])
	}
	f := Figure{Value: x}
	if src := b.source(vals[colSource]); src != ch.Source {
		f.Source = src
	}
	b.chartField(ci, &ch.View, b.viewAt, vals[colView], colView, idx)
	if vals[colQuestion] != "" {
		b.chartField(ci, &ch.Question, b.questionAt, vals[colQuestion], colQuestion, idx)
	}
	s := b.seriesOf(ci, vals[colSeries])
	j, _ := b.item(ci, vals[colItem], t.pos(idx[colItem]))
	b.n[ci][[2]int{j, s}] = -1
	if raw := vals[colN]; raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			t.add(idx[colN], fmt.Sprintf("n %s is not a number of respondents; expected a whole number, 0 or more", quote(raw)))
			return
		}
		b.n[ci][[2]int{j, s}] = n
	}
	b.figure(ci, j, s, f, t.pos(idx[colValue]))
}

// chartField sets a chart's view (as a view ID) or question from a row,
// reporting a row that says otherwise than the chart's first.
func (b *csvBuild) chartField(ci int, field *string, at []pos, value, col string, idx map[string]int) {
	t := b.t
	ch := &b.c.Charts[ci]
	raw := value
	if col == colView {
		if value == "" {
			raw = TitleFromID(t.baseName())
		}
		value = b.view(raw)
	}
	if at[ci].line == 0 {
		*field = value
		if i, ok := idx[col]; ok {
			at[ci] = t.pos(i)
		} else {
			at[ci] = t.pos(0)
		}
		return
	}
	if *field != value {
		t.add(idx[col], fmt.Sprintf("%s %s differs from chart %s's first (line %d); a chart has one %s", col, quote(raw), quote(ch.Title), at[ci].line, col))
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
					at := b.itemAt[ci][it.Label]
					b.t.ps.add(at.line, at.col, "", fmt.Sprintf("item %s of chart %s has no row for series %s; every item needs a figure in each series of its chart",
						quote(it.Label), quote(ch.Title), quote(ch.Series[s].Label)))
				}
			}
		}
		b.respondents(ci)
	}
}

// respondents records the n column of chart ci.
func (b *csvBuild) respondents(ci int) {
	ch := &b.c.Charts[ci]
	one, same := -1, true
	for _, n := range b.n[ci] {
		if one == -1 {
			one = n
		}
		same = same && n == one
	}
	if one < 0 && same {
		return
	}
	if same {
		ch.Base = fmt.Sprintf("of %d respondents", one)
		return
	}
	for key, n := range b.n[ci] {
		if n < 0 {
			continue
		}
		it := &ch.Items[key[0]]
		sid := ch.Series[key[1]].ID
		f := it.Values[sid]
		f.Note = fmt.Sprintf("n = %d", n)
		it.Values[sid] = f
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
