package explore

import (
	"strings"
	"unicode"

	"github.com/docsurvey/docsurvey/dataset"
)

// FigureSentence is one sentence that states a chart figure with its
// source, for copying it into a slide, a paper or a chat (the explorer's
// "y"):
//
//	61% of physicians use Facebook for personal purposes (QuantiaMD 2011, n=4,033, margin of error ±1.5 pts)
//	38% of doctors aware of patient communities have recommended one to patients (QuantiaMD / CCA 2011, n ≈ 444, derived, margin of error ±4.5 pts)
//
// The words come from the item's or the chart's sentence template
// ({item} is the label with its first letter lowered, {Item} as written)
// (dataset.Chart.Sentence); without one the sentence is generic and still
// true: "Facebook, personal use: 61% of physicians surveyed (…)". The
// parenthesis cites the figure's source by its label, the figure's own base
// (a subgroup's n, not the study's) or "n not stated", and the 95% margin
// of error when there is one: a figure copied without its uncertainty is
// the one a reader over-trusts. It returns false when the figure is unknown
// or not a number.
func FigureSentence(c *dataset.Collection, ch *dataset.Chart, itemID, seriesID string) (string, bool) {
	if c == nil || ch == nil {
		return "", false
	}
	it := ch.Item(itemID)
	si := ch.SeriesIndex(seriesID)
	if it == nil || si < 0 {
		return "", false
	}
	f, ok := it.Figure(seriesID)
	if !ok || !finite(f.Value) {
		return "", false
	}
	value := FormatValue(f.Value, unitOf(ch), f.Qualifier)
	base := it.Base
	if base == "" {
		base = ch.Base
	}
	tmpl := it.Sentence
	if tmpl == "" {
		tmpl = ch.Sentence
	}
	var s string
	if tmpl != "" {
		s = strings.NewReplacer(
			"{value}", value,
			"{item}", lowerFirst(it.Label),
			"{Item}", it.Label,
			"{series}", seriesWord(ch, si),
			"{base}", lowerFirst(base),
		).Replace(tmpl)
	} else {
		s = genericSentence(ch, it, si, value, base)
	}
	return upperFirst(s) + " (" + figureCitation(c, ch, it, si, f) + ")", true
}

// genericSentence states a figure without a template: "Facebook, personal
// use: 61% of physicians surveyed".
func genericSentence(ch *dataset.Chart, it *dataset.Item, si int, value, base string) string {
	s := it.Label
	if len(ch.Series) > 1 {
		s += ", " + lowerFirst(ch.Series[si].Label)
	}
	s += ": " + value
	if base != "" {
		b := lowerFirst(base)
		b = strings.TrimPrefix(b, "of ")
		s += " of " + b
	}
	return s
}

// seriesWord is a series label as a sentence uses it: with one other
// series, the words the two do not share ("personal" of "Personal use" and
// "Professional use"); else the label, first letter lowered.
func seriesWord(ch *dataset.Chart, si int) string {
	if len(ch.Series) == 2 {
		a, b := seriesWords(ch.Series[0].Label, ch.Series[1].Label)
		if si == 0 {
			return a
		}
		return b
	}
	return lowerFirst(ch.Series[si].Label)
}

// figureCitation is the parenthesis of a copied figure: "QuantiaMD 2011,
// n=4,033, margin of error ±1.5 pts".
func figureCitation(c *dataset.Collection, ch *dataset.Chart, it *dataset.Item, si int, f dataset.Figure) string {
	id := ch.SourceOf(f)
	label := id
	if s := c.Source(id); s != nil && s.Label != "" {
		label = s.Label
	}
	m := FigureMargin(c, ch, it, si)
	if !m.Percent {
		if b := c.BaseN(ch, it, ch.Series[si].ID); b.Known() {
			return label + ", n=" + FormatNumber(float64(b.N))
		}
		return label
	}
	out := label + ", " + m.BaseText()
	if m.OK {
		out += ", margin of error " + m.PlusMinus() + " pts"
	}
	return out
}

// FindingSentence is one sentence that states a finding with its source,
// for copying: a finding that points at a chart figure is that figure's
// sentence; any other is its label and figure, or its wording quoted, with
// the source and, for a percentage with a known base, the margin of error:
//
//	Health professionals using social media: as many as 88% (Manhattan Research (as reported), n not stated)
//	“The majority of doctors are already using social media.” (QuantiaMD 2011, n=4,033)
func FindingSentence(c *dataset.Collection, fd *dataset.Finding) string {
	if c == nil || fd == nil {
		return ""
	}
	if r, ok := dataset.ParseRef(fd.Ref); ok {
		if ch, it := c.Resolve(r); it != nil {
			if s, ok := FigureSentence(c, ch, it.ID, r.Series); ok {
				return s
			}
		}
	}
	label := fd.Source
	if s := c.Source(fd.Source); s != nil && s.Label != "" {
		label = s.Label
	}
	unit := fd.Unit
	if unit == "" {
		unit = dataset.UnitPercent
	}
	if fd.Value == nil || !finite(*fd.Value) {
		cite := label
		if s := c.Source(fd.Source); s != nil && s.Sample > 0 {
			cite += ", n=" + FormatNumber(float64(s.Sample))
		}
		if fd.Wording != "" {
			return "“" + fd.Wording + "” (" + cite + ")"
		}
		return fd.Label + " (" + cite + ")"
	}
	cite := label
	if unit == dataset.UnitPercent {
		m := FindingMargin(c, fd)
		cite += ", " + m.BaseText()
		if m.OK {
			cite += ", margin of error " + m.PlusMinus() + " pts"
		}
	}
	return fd.Label + ": " + FormatValue(*fd.Value, unit, fd.Qualifier) + " (" + cite + ")"
}

// upperFirst raises the first letter of a sentence.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
