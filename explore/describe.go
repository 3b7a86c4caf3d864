package explore

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/docsurvey/docsurvey/dataset"
)

// DescribeItem is one plain-language sentence on a chart item under a series
// selection, computed from the data, for the detail line and speaker notes:
//
//	Facebook: 61% personal vs 15% professional, the largest gap among eight sites (QuantiaMD 2011, n=4,033)
//	Learn from experts and peers: 92%, the highest of seven benefits (QuantiaMD / CCA 2011, n=4,033)
//
// A chart with two series shown is described by them (larger value first)
// and ranked by the gap between them; three or more by all their figures,
// in chart order, and ranked by the spread, highest minus lowest, naming
// both series (see ItemDifference); one series shown is ranked by value. Ranks and counts are among the chart's ranked items
// only: an answer that is not an item (dataset.Item.Kind: "None of the
// above", a total) is described without a rank and not counted. Hedges ("over 65%") and units (counts have no "%") are
// kept, and the citation gives the source's label and sample size. It
// returns "" when the item is unknown.
func DescribeItem(c *dataset.Collection, ch *dataset.Chart, itemID, series string) string {
	if ch == nil {
		return ""
	}
	it := ch.Item(itemID)
	if it == nil {
		return ""
	}
	shown := SeriesShown(ch, series)
	unit := unitOf(ch)
	var b strings.Builder
	b.WriteString(it.Label)
	b.WriteString(": ")
	var sources []string
	cite := func(f dataset.Figure) {
		if s := ch.SourceOf(f); !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	base := ""
	if it.Base != "" {
		base = " " + lowerFirst(it.Base)
	}
	noun := ItemsNoun(ch)
	if len(shown) >= 3 {
		describeSpread(&b, ch, it, shown, base, noun, cite)
	} else if len(shown) == 2 {
		i0, i1 := shown[0], shown[1]
		f0, ok0 := it.Figure(ch.Series[i0].ID)
		f1, ok1 := it.Figure(ch.Series[i1].ID)
		w0, w1 := seriesWords(ch.Series[i0].Label, ch.Series[i1].Label)
		switch {
		case ok0 && ok1 && finite(f0.Value) && finite(f1.Value):
			cite(f0)
			cite(f1)
			if f1.Value > f0.Value {
				f0, f1, w0, w1 = f1, f0, w1, w0
			}
			fmt.Fprintf(&b, "%s %s vs %s %s%s", FormatValue(f0.Value, unit, f0.Qualifier), w0, FormatValue(f1.Value, unit, f1.Qualifier), w1, base)
			b.WriteString(rankGap(ch, it, i0, i1, noun))
			b.WriteString(verdictClause(CompareFigures(c, FigureAt{ch.ID, it.ID, ch.Series[i1].ID}, FigureAt{ch.ID, it.ID, ch.Series[i0].ID})))
		case ok0 && finite(f0.Value):
			cite(f0)
			fmt.Fprintf(&b, "%s %s%s, no %s figure", FormatValue(f0.Value, unit, f0.Qualifier), w0, base, w1)
		case ok1 && finite(f1.Value):
			cite(f1)
			fmt.Fprintf(&b, "%s %s%s, no %s figure", FormatValue(f1.Value, unit, f1.Qualifier), w1, base, w0)
		default:
			fmt.Fprintf(&b, "no %s or %s figure", w0, w1)
		}
	} else if len(shown) == 1 {
		s := ch.Series[shown[0]]
		f, ok := it.Figure(s.ID)
		if !ok || !finite(f.Value) {
			fmt.Fprintf(&b, "no %s figure", lowerFirst(s.Label))
		} else {
			cite(f)
			b.WriteString(FormatValue(f.Value, unit, f.Qualifier))
			if len(ch.Series) > 1 {
				b.WriteString(" " + lowerFirst(s.Label))
			}
			b.WriteString(base)
			b.WriteString(rankValue(ch, it, shown[0], noun))
		}
	}
	b.WriteString(citation(c, sources))
	return b.String()
}

// DescribeFinding is one plain-language sentence on a finding: its label,
// its figure (hedged, in its unit) or, for a worded finding, its words, and
// the citation:
//
//	Interacted with colleagues on social media in the past month: nearly half (Kantar Media 2018)
func DescribeFinding(c *dataset.Collection, f *dataset.Finding) string {
	if f == nil {
		return ""
	}
	var fig string
	switch {
	case f.Value != nil && finite(*f.Value):
		unit := f.Unit
		if unit == "" {
			unit = dataset.UnitPercent
		}
		fig = FormatValue(*f.Value, unit, f.Qualifier)
	case f.Qualifier != "":
		fig = f.Qualifier
	case f.Wording != "":
		fig = "“" + f.Wording + "”"
	default:
		fig = "no figure given"
	}
	var sources []string
	if f.Source != "" {
		sources = []string{f.Source}
	}
	return f.Label + ": " + fig + citation(c, sources)
}

// ItemsNoun is the plural word for a chart's items in sentences ("nine
// sites"): the chart's noun if the dataset gives one, else "items".
func ItemsNoun(ch *dataset.Chart) string {
	if n := strings.TrimSpace(ch.Noun); n != "" {
		return n
	}
	return "items"
}

// seriesWords shortens two series labels for a sentence by dropping the
// words they end with in common and lowering the first letter: "Professional
// use" and "Personal use" become "professional" and "personal".
func seriesWords(a, b string) (string, string) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	for len(wa) > 1 && len(wb) > 1 && strings.EqualFold(wa[len(wa)-1], wb[len(wb)-1]) {
		wa, wb = wa[:len(wa)-1], wb[:len(wb)-1]
	}
	return lowerFirst(strings.Join(wa, " ")), lowerFirst(strings.Join(wb, " "))
}

// lowerFirst lowers the first letter of s unless the first word looks like
// an acronym or a name with more capitals ("HIPAA", "LinkedIn").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	first, _, _ := strings.Cut(s, " ")
	if f := []rune(first); len(f) > 1 && strings.ToLower(string(f[1:])) != string(f[1:]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// rank places v among vals (largest first): its rank counting from the top
// and from the bottom, and whether another value equals it.
func rank(vals []float64, v float64) (top, bottom int, tied bool) {
	top, bottom = 1, 1
	eq := 0
	for _, x := range vals {
		switch {
		case x > v:
			top++
		case x < v:
			bottom++
		default:
			eq++
		}
	}
	return top, bottom, eq > 1
}

// rankPhrase words a rank: "the largest gap among eight sites", "tied for the
// second-smallest gap among eight sites", "the higher of two benefits".
// big and small are the superlatives ("largest", "smallest"), bigger and
// smaller the comparatives for two, what names the thing ranked ("gap ", or
// "" for values) and among the preposition ("among", "of").
func rankPhrase(vals []float64, v float64, big, small, bigger, smaller, what, among, noun string) string {
	n := len(vals)
	if n < 2 {
		return ""
	}
	top, bottom, tied := rank(vals, v)
	if n == 2 {
		if tied {
			return fmt.Sprintf(", level with the other of two %s", noun)
		}
		w := bigger
		if top == 2 {
			w = smaller
		}
		return fmt.Sprintf(", the %s %sof two %s", w, what, noun)
	}
	var word string
	switch {
	case top == 1:
		word = big
	case bottom == 1:
		word = small
	case top <= bottom:
		word = ordinal(top) + "-" + big
	default:
		word = ordinal(bottom) + "-" + small
	}
	tie := ""
	if tied {
		tie = "tied for "
	}
	return fmt.Sprintf(", %sthe %s %s%s %s %s", tie, word, what, among, CountWord(n), noun)
}

// rankGap ranks an item's gap between series s0 and s1 among the chart's
// ranked items (dataset.Item.Ranked: not a "None of the above" or a
// total); an answer that is not an item is not ranked.
func rankGap(ch *dataset.Chart, it *dataset.Item, s0, s1 int, noun string) string {
	gap := func(x *dataset.Item) (float64, bool) {
		a, okA := Value(ch, x, s0)
		b, okB := Value(ch, x, s1)
		if !okA || !okB || !finite(a) || !finite(b) {
			return 0, false
		}
		return math.Abs(b - a), true
	}
	g, ok := gap(it)
	if !ok || !it.Ranked() {
		return ""
	}
	var vals []float64
	for i := range ch.Items {
		if v, ok := gap(&ch.Items[i]); ok && ch.Items[i].Ranked() {
			vals = append(vals, v)
		}
	}
	return rankPhrase(vals, g, "largest", "smallest", "larger", "smaller", "gap ", "among", noun)
}

// rankValue ranks an item's value in series s among the chart's ranked
// items, as rankGap does.
func rankValue(ch *dataset.Chart, it *dataset.Item, s int, noun string) string {
	v, ok := Value(ch, it, s)
	if !ok || !finite(v) || !it.Ranked() {
		return ""
	}
	var vals []float64
	for i := range ch.Items {
		if x, ok := Value(ch, &ch.Items[i], s); ok && finite(x) && ch.Items[i].Ranked() {
			vals = append(vals, x)
		}
	}
	return rankPhrase(vals, v, "highest", "lowest", "higher", "lower", "", "of", noun)
}

// citation writes " (QuantiaMD 2011, n=4,033)" for the given source IDs,
// with each source's label and its sample size when known; "" for none.
func citation(c *dataset.Collection, ids []string) string {
	var parts []string
	for _, id := range ids {
		s := c.Source(id)
		if s == nil {
			parts = append(parts, id)
			continue
		}
		p := s.Label
		if p == "" {
			p = id
		}
		if s.Sample > 0 {
			p += ", n=" + FormatNumber(float64(s.Sample))
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// DescribeMeasure is one sentence on a measure's figures: how many, from how
// many sources, and their spread:
//
//	Physicians using at least one social media site for personal purposes: five figures from four sources, 87% to 90%
func DescribeMeasure(c *dataset.Collection, id string) string {
	ms, ok := SourcesFor(c, id)
	if !ok {
		return ""
	}
	var srcs []string
	for _, r := range ms.Rows {
		if !slices.Contains(srcs, r.SourceID) {
			srcs = append(srcs, r.SourceID)
		}
	}
	s := fmt.Sprintf("%s: %s from %s", ms.Measure.Label,
		CountWords(len(ms.Rows), "figure", "figures"), CountWords(len(srcs), "source", "sources"))
	if lo, hi, ok := ms.Spread(); ok {
		unit := dataset.UnitPercent
		for _, r := range ms.Rows {
			if r.Value != nil {
				unit = r.Unit
				break
			}
		}
		numbered := 0
		for _, r := range ms.Rows {
			if r.Value != nil && finite(*r.Value) {
				numbered++
			}
		}
		switch {
		case lo == hi && numbered == len(ms.Rows):
			s += ", all " + FormatValue(lo, unit, "")
		case lo == hi:
			s += ", " + FormatValue(lo, unit, "") + " where a number is given"
		default:
			s += ", " + FormatValue(lo, unit, "") + " to " + FormatValue(hi, unit, "")
			if numbered < len(ms.Rows) {
				s += " where numbers are given"
			}
		}
	}
	return s
}

// DescribeSource is one sentence on a source: label, title, publisher,
// date, sample and kind:
//
//	QuantiaMD 2011: "Personal v Professional Physician Social Media", HealthWorks Collective, 2011-09, n=4,033, primary document
func DescribeSource(c *dataset.Collection, id string) string {
	s := c.Source(id)
	if s == nil {
		return ""
	}
	parts := []string{}
	if s.Title != "" {
		parts = append(parts, "“"+s.Title+"”")
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if s.Date != "" {
		parts = append(parts, s.Date)
	} else {
		parts = append(parts, "undated")
	}
	if s.Sample > 0 {
		parts = append(parts, "n="+FormatNumber(float64(s.Sample)))
	} else {
		parts = append(parts, "sample not stated")
	}
	switch s.Kind {
	case dataset.KindPrimary:
		parts = append(parts, "primary document")
	case dataset.KindSecondary:
		parts = append(parts, "seen in secondary coverage only")
	}
	label := s.Label
	if label == "" {
		label = s.ID
	}
	return label + ": " + strings.Join(parts, ", ")
}
