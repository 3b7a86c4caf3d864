package dataset

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// validator checks a decoded collection against the rules in
// docs/schema.md, pointing each problem at the field the decoder found.
type validator struct {
	c   *Collection
	ps  *problems
	at  map[string]pos
	bad map[string]bool
	// built is set for a collection built from a table, not decoded.
	built bool

	views    map[string]bool // declared view IDs, nil when none are
	sources  map[string]int
	measures map[string]int
	charts   map[string]*Chart
	items    map[*Chart]map[string]*Item
	labels   map[string]bool // item labels, built on first use
	// sorted ID lists for messages, built on first use
	idLists map[any][]string
}

// ids returns the sorted keys of one of the validator's indexes, computed
// once, so that thousands of bad references cost no more than one.
func (v *validator) ids(key any, m func() []string) []string {
	if v.idLists == nil {
		v.idLists = map[any][]string{}
	}
	if l, ok := v.idLists[key]; ok {
		return l
	}
	l := m()
	v.idLists[key] = l
	return l
}

func (v *validator) sourceIDs() []string {
	return v.ids("sources", func() []string { return keys(v.sources) })
}

func (v *validator) measureIDs() []string {
	return v.ids("measures", func() []string { return keys(v.measures) })
}

func (v *validator) chartIDs() []string {
	return v.ids("charts", func() []string { return keys(v.charts) })
}

func (v *validator) itemIDs(ch *Chart) []string {
	return v.ids(ch, func() []string { return keys(v.items[ch]) })
}

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	datePattern = regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`)
)

// validate checks c, adding a problem for every rule broken.
func validate(c *Collection, d *decoder) {
	v := &validator{c: c, ps: d.ps, at: d.at, bad: d.bad, built: d.built,
		sources: map[string]int{}, measures: map[string]int{},
		charts: map[string]*Chart{}, items: map[*Chart]map[string]*Item{}}
	v.required("title", c.Title, "a string naming the collection")
	if len(c.Sources) == 0 && !v.skip("sources") {
		v.add("sources", "at least one source is required")
	}
	v.views = v.declaredViews()
	v.indexIDs()
	for i := range c.Sources {
		v.source(fmt.Sprintf("sources[%d]", i), &c.Sources[i])
	}
	for i := range c.Measures {
		v.required(fmt.Sprintf("measures[%d].label", i), c.Measures[i].Label, "a string saying what is measured")
	}
	if len(c.Charts) > MaxChartsPerFile {
		v.add("charts", fmt.Sprintf("%d charts; a file may have at most %d (docs/schema.md, Limits): split it into several files", len(c.Charts), MaxChartsPerFile))
	}
	for i := range c.Charts {
		v.chart(fmt.Sprintf("charts[%d]", i), &c.Charts[i])
	}
	for i := range c.Findings {
		v.finding(fmt.Sprintf("findings[%d]", i), &c.Findings[i])
	}
	for i := range c.Checks {
		v.check(i)
	}
	v.marginFields()
	for i := range c.Tour {
		v.tourStep(fmt.Sprintf("tour[%d]", i), &c.Tour[i])
	}
}

// where finds the position of path, or of the nearest enclosing value that
// has one (a missing field is reported at its parent).
func (v *validator) where(path string) pos {
	for path != "" {
		if p, ok := v.at[path]; ok {
			return p
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut < 0 {
			break
		}
		path = path[:cut]
	}
	if p, ok := v.at[""]; ok {
		return p // the top-level mapping
	}
	return pos{1, 1}
}

func (v *validator) add(path, msg string) {
	p := v.where(path)
	v.ps.add(p.line, p.col, path, msg)
}

// has reports whether the file gave a value at path; in a collection built
// from a table (decoder.built) every field is given, if perhaps empty.
func (v *validator) has(path string) bool {
	if v.built {
		return true
	}
	_, ok := v.at[path]
	return ok
}

// skip reports whether path, or a value enclosing it, could not be decoded
// (the decoder has reported it).
func (v *validator) skip(path string) bool {
	if len(v.bad) == 0 {
		return false // nothing failed to decode: the common case, and every table
	}
	for path != "" {
		if v.bad[path] {
			return true
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut < 0 {
			return false
		}
		path = path[:cut]
	}
	return false
}

// required reports a missing or empty required string field.
func (v *validator) required(path, value, expected string) bool {
	switch {
	case v.skip(path):
		return false
	case !v.has(path):
		v.add(path, "required field is missing; expected "+expected)
		return false
	case value == "":
		v.add(path, "required field is empty; expected "+expected)
		return false
	}
	return true
}

// id checks a required ID's syntax and uniqueness among seen.
func (v *validator) id(path, id, kind string, seen map[string]string) {
	if !v.required(path, id, "an ID") {
		return
	}
	if !idPattern.MatchString(id) {
		v.add(path, fmt.Sprintf("invalid ID %s; use letters, digits, '.', '_' and '-', starting with a letter or digit", quote(id)))
		return
	}
	if first, dup := seen[id]; dup {
		v.add(path, fmt.Sprintf("duplicate %s ID %s (first at %s, line %d)", kind, quote(id), first, v.where(first).line))
		return
	}
	seen[id] = path
}

// indexIDs checks the IDs of sources, measures, charts, findings, and of
// series and items within each chart, and indexes them for lookups.
func (v *validator) indexIDs() {
	c := v.c
	seen := map[string]string{}
	for i, s := range c.Sources {
		v.id(fmt.Sprintf("sources[%d].id", i), s.ID, "source", seen)
		if _, ok := v.sources[s.ID]; !ok && s.ID != "" {
			v.sources[s.ID] = i
		}
	}
	seen = map[string]string{}
	for i, m := range c.Measures {
		v.id(fmt.Sprintf("measures[%d].id", i), m.ID, "measure", seen)
		if _, ok := v.measures[m.ID]; !ok && m.ID != "" {
			v.measures[m.ID] = i
		}
	}
	seen = map[string]string{}
	for i := range c.Charts {
		ch := &c.Charts[i]
		path := fmt.Sprintf("charts[%d]", i)
		v.id(path+".id", ch.ID, "chart", seen)
		if _, ok := v.charts[ch.ID]; !ok && ch.ID != "" {
			v.charts[ch.ID] = ch
		}
		series := map[string]string{}
		for j, s := range ch.Series {
			v.id(fmt.Sprintf("%s.series[%d].id", path, j), s.ID, "series", series)
		}
		items := map[string]string{}
		v.items[ch] = map[string]*Item{}
		for j := range ch.Items {
			it := &ch.Items[j]
			v.id(fmt.Sprintf("%s.items[%d].id", path, j), it.ID, "item", items)
			if _, ok := v.items[ch][it.ID]; !ok && it.ID != "" {
				v.items[ch][it.ID] = it
			}
		}
	}
	seen = map[string]string{}
	for i, f := range c.Findings {
		v.id(fmt.Sprintf("findings[%d].id", i), f.ID, "finding", seen)
	}
}

// oneOf lists valid choices for a message, or says how many there are.
func oneOf(ids []string) string {
	if len(ids) == 0 {
		return "there are none"
	}
	if len(ids) > 12 {
		return fmt.Sprintf("expected one of the %d defined", len(ids))
	}
	return "expected one of: " + strings.Join(ids, ", ")
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sourceRef checks that a non-empty source reference resolves.
func (v *validator) sourceRef(path, id string) {
	if id == "" || v.skip(path) {
		return
	}
	if _, ok := v.sources[id]; !ok {
		v.add(path, fmt.Sprintf("unknown source %s; %s", quote(id), oneOf(v.sourceIDs())))
	}
}

// measureRef checks that a non-empty measure reference resolves.
func (v *validator) measureRef(path, id string) {
	if id == "" || v.skip(path) {
		return
	}
	if _, ok := v.measures[id]; !ok {
		v.add(path, fmt.Sprintf("unknown measure %s; %s", quote(id), oneOf(v.measureIDs())))
	}
}

// unit checks an optional unit and returns the effective one ("" if invalid).
func (v *validator) unit(path, unit, inherited string) string {
	switch unit {
	case "":
		if inherited != "" {
			return inherited
		}
		return UnitPercent
	case UnitPercent, UnitCount:
		return unit
	}
	if !v.skip(path) {
		v.add(path, fmt.Sprintf("unknown unit %s; expected \"percent\" or \"count\"", quote(unit)))
	}
	return ""
}

// number checks a figure against its unit.
func (v *validator) number(path string, x float64, unit string) {
	if v.skip(path) || !v.has(path) {
		return
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(path, fmt.Sprintf("expected a finite number, got %v", x))
	case unit == UnitPercent && (x < 0 || x > 100):
		v.add(path, fmt.Sprintf("expected a percentage from 0 to 100, got %s", formatNumber(x)))
	case unit == UnitCount && x < 0:
		v.add(path, fmt.Sprintf("expected a count of 0 or more, got %s", formatNumber(x)))
	}
}

func (v *validator) source(path string, s *Source) {
	v.required(path+".label", s.Label, "a short citation")
	v.required(path+".publisher", s.Publisher, "who published the document")
	v.required(path+".title", s.Title, "the document's title")
	if v.required(path+".kind", s.Kind, `"primary" or "secondary"`) {
		switch s.Kind {
		case KindPrimary:
			if !v.skip(path+".document") && s.Document == "" {
				v.add(path+".document", "required for a primary source; expected the file that reports the figures")
			}
		case KindSecondary:
		default:
			v.add(path+".kind", fmt.Sprintf("unknown kind %s; expected \"primary\" or \"secondary\"", quote(s.Kind)))
		}
	}
	if s.Date != "" && !v.skip(path+".date") && !datePattern.MatchString(s.Date) {
		v.add(path+".date", fmt.Sprintf("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got %s", quote(s.Date)))
	}
	if s.Sample < 0 {
		v.add(path+".sample", fmt.Sprintf("expected a number of respondents, 0 or more, got %d", s.Sample))
	}
}

func (v *validator) chart(path string, ch *Chart) {
	v.viewRef(path+".view", ch.View, v.views, false)
	v.required(path+".title", ch.Title, "a string naming the chart")
	v.required(path+".question", ch.Question, "the survey question in words")
	if v.required(path+".source", ch.Source, "the ID of the source of the chart's figures") {
		v.sourceRef(path+".source", ch.Source)
	}
	unit := v.unit(path+".unit", ch.Unit, "")
	v.sentence(path+".sentence", ch.Sentence)
	if len(ch.Series) == 0 && !v.skip(path+".series") {
		v.add(path+".series", "at least one series is required")
	}
	for j, s := range ch.Series {
		v.required(fmt.Sprintf("%s.series[%d].label", path, j), s.Label, "a string naming the series")
	}
	if len(ch.Items) == 0 && !v.skip(path+".items") {
		v.add(path+".items", "at least one item is required")
	}
	if len(ch.Items) > MaxItemsPerChart {
		v.add(path+".items", fmt.Sprintf("%d items; a chart may have at most %d (docs/schema.md, Limits): group the rest, or split the chart", len(ch.Items), MaxItemsPerChart))
	}
	for j := range ch.Items {
		it := &ch.Items[j]
		ip := fmt.Sprintf("%s.items[%d]", path, j)
		v.required(ip+".label", it.Label, "a string naming the item")
		v.itemKind(ip+".kind", it.Kind)
		v.sentence(ip+".sentence", it.Sentence)
		if v.skip(ip + ".values") {
			continue
		}
		if !v.has(ip + ".values") {
			v.add(ip+".values", "required field is missing; expected a figure for each series: "+seriesIDs(ch))
			continue
		}
		for _, s := range ch.Series {
			if _, ok := it.Values[s.ID]; !ok && s.ID != "" && !v.skip(ip+".values."+s.ID) {
				v.add(ip+".values", fmt.Sprintf("no figure for series %s; expected a figure for each series: %s", quote(s.ID), seriesIDs(ch)))
			}
		}
		for _, sid := range keys(it.Values) {
			fp := ip + ".values." + sid
			if ch.SeriesIndex(sid) < 0 {
				v.add(fp, fmt.Sprintf("no series %s in chart %s; expected one of: %s", quote(sid), quote(ch.ID), seriesIDs(ch)))
				continue
			}
			v.figure(fp, it.Values[sid], unit)
		}
	}
}

// sentencePlaceholder is one {name} in a sentence template.
var sentencePlaceholder = regexp.MustCompile(`\{[^{}]*\}`)

// sentence checks a sentence template: it states the figure ({value}) and
// holds no placeholder but SentenceFields.
func (v *validator) sentence(path, tmpl string) {
	if tmpl == "" || v.skip(path) {
		return
	}
	for _, ph := range sentencePlaceholder.FindAllString(tmpl, -1) {
		if !slices.Contains(SentenceFields(), ph) {
			v.add(path, fmt.Sprintf("unknown placeholder %s in the sentence; expected %s", quote(ph), strings.Join(SentenceFields(), ", ")))
			return
		}
	}
	if !strings.Contains(tmpl, "{value}") {
		v.add(path, "the sentence does not state the figure; expected {value} in it, e.g. \"{value} of nurses use {item}\"")
	}
}

// itemKind checks an item's kind: empty or one of ItemKinds.
func (v *validator) itemKind(path, kind string) {
	if kind == "" || slices.Contains(ItemKinds(), kind) || v.skip(path) {
		return
	}
	v.add(path, fmt.Sprintf("unknown item kind %s; expected one of: %s (or no kind for an item like the others)", quote(kind), strings.Join(ItemKinds(), ", ")))
}

func seriesIDs(ch *Chart) string {
	ids := make([]string, len(ch.Series))
	for i, s := range ch.Series {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

func (v *validator) figure(path string, f Figure, unit string) {
	if v.skip(path) {
		return
	}
	if !v.has(path+".value") && !v.skip(path+".value") {
		v.add(path+".value", "required field is missing; expected a number")
	} else {
		v.number(path+".value", f.Value, unit)
	}
	v.sourceRef(path+".source", f.Source)
	v.measureRef(path+".measure", f.Measure)
	v.variants(path+".variants", f.Variants, unit)
}

func (v *validator) variants(path string, vs []Variant, unit string) {
	for i, x := range vs {
		p := fmt.Sprintf("%s[%d]", path, i)
		v.required(p+".wording", x.Wording, "the document's own words")
		if v.required(p+".source", x.Source, "the ID of the source that words it so") {
			v.sourceRef(p+".source", x.Source)
		}
		if x.Value != nil {
			v.number(p+".value", *x.Value, unit)
		}
	}
}

func (v *validator) finding(path string, fd *Finding) {
	v.viewRef(path+".view", fd.View, v.views, true)
	v.required(path+".label", fd.Label, "a few words saying what the figure is")
	v.sourceRef(path+".source", fd.Source)
	v.measureRef(path+".measure", fd.Measure)
	inherited := ""
	if fd.Ref != "" && !v.skip(path+".ref") {
		inherited = v.findingRef(path, fd)
	} else if !v.skip(path+".wording") && !v.skip(path+".source") && (fd.Wording == "" || fd.Source == "") {
		var missing []string
		if fd.Wording == "" {
			missing = append(missing, "wording")
		}
		if fd.Source == "" {
			missing = append(missing, "source")
		}
		v.add(path, "a finding needs either ref, or both wording and source; missing "+strings.Join(missing, " and "))
	}
	unit := v.unit(path+".unit", fd.Unit, inherited)
	if fd.Value != nil {
		v.number(path+".value", *fd.Value, unit)
	}
	v.variants(path+".variants", fd.Variants, unit)
}

// findingRef resolves a finding's ref and reports anything it conflicts
// with. It returns the referenced chart's unit.
func (v *validator) findingRef(path string, fd *Finding) string {
	rp := path + ".ref"
	r, ok := ParseRef(fd.Ref)
	if !ok || r.Series == "" {
		v.add(rp, fmt.Sprintf("expected \"chart/item/series\", got %s", quote(fd.Ref)))
		return ""
	}
	ch, it, ok := v.resolve(rp, r)
	if !ok {
		return ""
	}
	if ch.SeriesIndex(r.Series) < 0 {
		v.add(rp, fmt.Sprintf("no series %s in chart %s; expected one of: %s", quote(r.Series), quote(r.Chart), seriesIDs(ch)))
		return ""
	}
	f, ok := it.Values[r.Series]
	if !ok {
		return "" // reported at the item
	}
	if fd.Value != nil && !v.skip(path+".value") && *fd.Value != f.Value {
		v.add(path+".value", fmt.Sprintf("value %s conflicts with %s at %s; leave it out to take the chart's", formatNumber(*fd.Value), formatNumber(f.Value), fd.Ref))
	}
	if src := ch.SourceOf(f); fd.Source != "" && fd.Source != src {
		v.add(path+".source", fmt.Sprintf("source %s conflicts with %s at %s; leave it out to take the chart's", quote(fd.Source), quote(src), fd.Ref))
	}
	unit := ch.Unit
	if unit == "" {
		unit = UnitPercent
	}
	if fd.Unit != "" && fd.Unit != unit && !v.skip(path+".unit") {
		v.add(path+".unit", fmt.Sprintf("unit %s conflicts with %s of chart %s", quote(fd.Unit), quote(unit), quote(ch.ID)))
	}
	return unit
}

// resolve finds a reference's chart and item, reporting at path if either
// is missing.
func (v *validator) resolve(path string, r Ref) (*Chart, *Item, bool) {
	ch := v.charts[r.Chart]
	if ch == nil {
		v.add(path, fmt.Sprintf("unknown chart %s; %s", quote(r.Chart), oneOf(v.chartIDs())))
		return nil, nil, false
	}
	it := v.items[ch][r.Item]
	if it == nil {
		v.add(path, fmt.Sprintf("no item %s in chart %s; %s", quote(r.Item), quote(r.Chart), oneOf(v.itemIDs(ch))))
		return nil, nil, false
	}
	return ch, it, true
}

// itemRef checks a "chart/item" reference.
func (v *validator) itemRef(path, ref string) (*Chart, bool) {
	if v.skip(path) {
		return nil, false
	}
	r, ok := ParseRef(ref)
	if !ok || r.Series != "" {
		v.add(path, fmt.Sprintf("expected \"chart/item\", got %s", quote(ref)))
		return nil, false
	}
	ch, _, ok := v.resolve(path, r)
	return ch, ok
}

func (v *validator) check(i int) {
	ck := &v.c.Checks[i]
	path := fmt.Sprintf("checks[%d]", i)
	if !v.required(path+".kind", ck.Kind, `"sum" or "complement"`) {
		return
	}
	ok := true
	refs := func(field string, ref string) {
		if !v.required(path+"."+field, ref, `an item as "chart/item"`) {
			ok = false
			return
		}
		if _, good := v.itemRef(path+"."+field, ref); !good {
			ok = false
		}
	}
	unused := func(field string, set bool) {
		if set {
			v.add(path+"."+field, fmt.Sprintf("not used by a %s check", ck.Kind))
		}
	}
	switch ck.Kind {
	case CheckSum:
		refs("total", ck.Total)
		if len(ck.Parts) == 0 && !v.skip(path+".parts") {
			v.add(path+".parts", `required field is missing; expected a list of items as "chart/item"`)
			ok = false
		}
		for j, p := range ck.Parts {
			refs(fmt.Sprintf("parts[%d]", j), p)
		}
		unused("item", ck.Item != "")
		unused("of", ck.Of != "")
	case CheckComplement:
		refs("item", ck.Item)
		refs("of", ck.Of)
		unused("total", ck.Total != "")
		unused("parts", len(ck.Parts) > 0)
	default:
		v.add(path+".kind", fmt.Sprintf("unknown kind %s; expected \"sum\" or \"complement\"", quote(ck.Kind)))
		return
	}
	if math.IsNaN(ck.Tolerance) || math.IsInf(ck.Tolerance, 0) || ck.Tolerance < 0 {
		v.add(path+".tolerance", fmt.Sprintf("expected a finite number of points, 0 or more, got %v", ck.Tolerance))
		ok = false
	}
	if !ok {
		return
	}
	results, why := v.c.evalCheck(i, func(r Ref) (*Chart, *Item) {
		ch := v.charts[r.Chart]
		return ch, v.items[ch][r.Item]
	})
	if why != "" {
		v.add(path, "cannot be worked out: "+why)
		return
	}
	for _, r := range results {
		if !r.OK {
			v.add(path, r.String())
		}
	}
}

func (v *validator) tourStep(path string, st *TourStep) {
	v.shownView(path+".view", st.View)
	v.required(path+".takeaway", st.Takeaway, "the one line the audience sees")
	var ch *Chart
	if st.Chart != "" && !v.skip(path+".chart") {
		ch = v.charts[st.Chart]
		switch {
		case ch == nil:
			v.add(path+".chart", fmt.Sprintf("unknown chart %s; %s", quote(st.Chart), oneOf(v.chartIDs())))
		case ch.View != st.View:
			v.add(path+".chart", fmt.Sprintf("chart %s is in view %s, not %s", quote(st.Chart), quote(ch.View), quote(st.View)))
		}
	}
	needsChart := func(field string) bool {
		if st.Chart == "" {
			v.add(path+"."+field, "needs the step's chart to be set")
			return false
		}
		return ch != nil
	}
	if st.Focus != "" && !v.skip(path+".focus") && needsChart("focus") {
		if v.items[ch][st.Focus] == nil {
			v.add(path+".focus", fmt.Sprintf("no item %s in chart %s; %s", quote(st.Focus), quote(ch.ID), oneOf(v.itemIDs(ch))))
		}
	}
	if st.Sort != "" && !v.skip(path+".sort") {
		valid := false
		for _, s := range SortOrders() {
			valid = valid || s == st.Sort
		}
		if !valid {
			v.add(path+".sort", fmt.Sprintf("unknown sort %s; expected one of: %s", quote(st.Sort), strings.Join(SortOrders(), ", ")))
		}
	}
	if st.Series != "" && st.Series != SeriesAll && !v.skip(path+".series") && needsChart("series") {
		if ch.SeriesIndex(st.Series) < 0 {
			v.add(path+".series", fmt.Sprintf("no series %s in chart %s; expected \"all\" or one of: %s", quote(st.Series), quote(ch.ID), seriesIDs(ch)))
		}
	}
	if st.Diverging && needsChart("diverging") && len(ch.Series) != 2 {
		v.add(path+".diverging", fmt.Sprintf("needs a chart with two series; chart %s has %d", quote(ch.ID), len(ch.Series)))
	}
	for j, p := range st.Pins {
		v.itemRef(fmt.Sprintf("%s.pins[%d]", path, j), p)
	}
	if st.Spotlight != "" && !v.skip(path+".spotlight") && !v.labelled(st.Spotlight) {
		v.add(path+".spotlight", fmt.Sprintf("no item is labelled %s", quote(st.Spotlight)))
	}
}

// labelled reports whether some chart item has the label.
func (v *validator) labelled(label string) bool {
	if v.labels == nil {
		v.labels = map[string]bool{}
		for i := range v.c.Charts {
			for _, it := range v.c.Charts[i].Items {
				v.labels[it.Label] = true
			}
		}
	}
	return v.labels[label]
}
