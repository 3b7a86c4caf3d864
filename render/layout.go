package render

import (
	"slices"
)

// Layout as sections. A view is a list of sections in the order they are
// drawn — a title, a question, a legend, a chart, a detail line, a
// footnote, findings — and each section asks for lines: one ask or
// several, each with a priority, the fewest lines worth having and the
// most it wants. One allocator, allocate, hands the height out:
//
//   - asks go in priority order (a lower number first); asks of equal
//     priority are one step, granted together or not at all: the blank
//     lines of a view come and go as one;
//   - each ask of a step first gets its min, then, in section order, up to
//     its max from what is left;
//   - the first step whose mins do not fit ends the handing out, so every
//     ask after it gets nothing, even one that would fit: a view loses its
//     least important lines first and, as the height grows, gains them in
//     priority order and never loses one (a lesser section never shows
//     while a more important one is refused);
//   - a rest section asks for nothing and is drawn last, in the lines the
//     others left unused once drawn (a chart's note and the findings).
//
// A section is then drawn at the lines it was given: the first n of its
// lines, or by its draw function, which may degrade (a question wrapped to
// fewer lines, a chart windowed around the focus) and never returns more
// than n. A section's several asks let it grow in stages around the
// others: a chart asks one line before the question's first, the rest of
// its rows after it, and the blank lines between its groups last.

// ask is one request of a section for lines.
type ask struct {
	prio int // lower goes first; asks of equal priority are one step
	min  int // fewest lines worth having: with fewer left the step is refused
	max  int // most lines wanted; below min counts as min
}

// section is one part of a view: what it asks for and how it draws.
type section struct {
	name  string   // what it is, for tests
	asks  []ask    // what it asks for; their grants add up
	lines []string // its lines, when draw is nil: the first n are drawn
	// draw draws the section in at most n lines (more are cut); nil draws
	// the first n of lines.
	draw func(n int) []string
	// rest: the section asks for nothing and is drawn last, with the lines
	// the others leave unused.
	rest bool
}

// partial is a section drawn as the first of its lines it is given,
// asking for all of them at prio and taking fewer when that is all there
// is.
func partial(name string, prio int, ls ...string) section {
	return section{name: name, lines: ls, asks: []ask{{prio: prio, max: len(ls)}}}
}

// whole is a section shown whole or not at all, asking at prio.
func whole(name string, prio int, ls ...string) section {
	return section{name: name, lines: ls, asks: []ask{{prio: prio, min: len(ls), max: len(ls)}}}
}

// blank is one empty line at prio, shown or not.
func blank(prio int) section { return whole("blank", prio, "") }

// drawn is a section drawn by draw from the lines its asks are given.
func drawn(name string, draw func(n int) []string, asks ...ask) section {
	return section{name: name, asks: asks, draw: draw}
}

// leftover is a section drawn last, in the lines the others left unused.
func leftover(name string, draw func(n int) []string) section {
	return section{name: name, draw: draw, rest: true}
}

// allocate hands h lines out to the sections' asks (see the top of this
// file) and returns how many lines each section is given, in the order of
// secs; a rest section is given 0 here.
func allocate(h int, secs []section) []int {
	type ref struct {
		sec int
		ask ask
	}
	var refs []ref
	for i, s := range secs {
		if s.rest {
			continue
		}
		for _, a := range s.asks {
			a.min = max(a.min, 0)
			if a.max = max(a.max, a.min); a.max > 0 {
				refs = append(refs, ref{sec: i, ask: a})
			}
		}
	}
	slices.SortStableFunc(refs, func(a, b ref) int { return a.ask.prio - b.ask.prio })
	got := make([]int, len(secs))
	left := max(h, 0)
	for i := 0; i < len(refs); {
		j := i
		need := 0
		for ; j < len(refs) && refs[j].ask.prio == refs[i].ask.prio; j++ {
			need += refs[j].ask.min
		}
		if need > left {
			break // refused, and with it everything less important
		}
		left -= need
		for _, r := range refs[i:j] {
			more := min(r.ask.max-r.ask.min, left)
			got[r.sec] += r.ask.min + more
			left -= more
		}
		i = j
	}
	return got
}

// layout draws secs in h lines: each at the lines allocate gives it, then
// the rest sections in what is left, joined in the order of secs.
func layout(h int, secs ...section) []string {
	got := allocate(h, secs)
	out := make([][]string, len(secs))
	used := 0
	for i, s := range secs {
		if !s.rest {
			out[i] = s.drawIn(got[i])
			used += len(out[i])
		}
	}
	for i, s := range secs {
		if s.rest {
			out[i] = s.drawIn(h - used)
			used += len(out[i])
		}
	}
	return slices.Concat(out...)
}

// drawIn draws s in at most n lines.
func (s section) drawIn(n int) []string {
	if n <= 0 {
		return nil
	}
	var ls []string
	if s.draw != nil {
		ls = s.draw(n)
	} else {
		ls = s.lines
	}
	return ls[:min(n, len(ls))]
}
