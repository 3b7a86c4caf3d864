package explore

// Searching the items a viewer can focus, for the explorer's "/".
//
// The searchable things are what the focus can rest on: chart items (by
// label and short label), the findings of a view without charts, sources
// (by label and title) and the measures several sources report. Text and
// query are folded the same way: decomposed (NFD, golang.org/x/text), the
// combining marks dropped and the case folded, so "ärzte" finds "Ärzte"
// and "cafe" finds "Café"; runs of spaces in the query are one space.
//
// A match ranks by where the query starts in the text: at its start
// (prefix), at the start of a word, or anywhere (substring). Matches sort
// by rank, then by view (the current one first, then the others in tab
// order), then in display order: the order the focus moves in.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/docsurvey/docsurvey/dataset"
)

// MatchRank says how well a text matches a query; lower is better.
type MatchRank int

// Match ranks.
const (
	// MatchPrefix: the text starts with the query.
	MatchPrefix MatchRank = iota
	// MatchWordStart: a word of the text starts with the query.
	MatchWordStart
	// MatchSubstring: the query is inside a word.
	MatchSubstring
)

// MaxQueryLen is the longest query searched, in bytes; the rest of a
// longer one is ignored, so a paste cannot make a search slow.
const MaxQueryLen = 200

// Match is one focusable thing that matches a query.
type Match struct {
	// View is the ID of the view it is in, Section its section there and
	// Focus its ID: what State.FocusMatch sets.
	View    string
	Section int
	Focus   string
	// Kind is the section's kind (SectionChart, SectionFindings, …).
	Kind string
	// Label is the text that matched, as written (the label, the short
	// label or a source's title), and Start, End the byte span of the
	// matched wording in it, to highlight.
	Label      string
	Start, End int
	// Where says where it is, for a list of matches across views: "Platforms ·
	// Popular social media sites".
	Where string
	// Rank is how well it matched.
	Rank MatchRank
}

// Search returns the things in the state's view that match query, best
// first; none for an empty query.
func Search(c *dataset.Collection, st State, query string) []Match {
	return search(c, st, query, false)
}

// SearchAll returns the things in every view that match query: the
// current view's first among matches of one rank, then the others in tab
// order.
func SearchAll(c *dataset.Collection, st State, query string) []Match {
	return search(c, st, query, true)
}

// FocusMatch returns the state focusing a match: its view, section and
// item. Moving into another chart resets the series selection, as moving
// the focus does; sort, pins and modes carry over. A match that no longer
// names a focusable thing leaves the state as it is.
func (s State) FocusMatch(c *dataset.Collection, m Match) State {
	if !slices.Contains(c.ViewIDs(), m.View) {
		return s.Normalize(c)
	}
	next := s.withView(c, m.View)
	if next.Chart != m.Section {
		next.Chart, next.Series = m.Section, dataset.SeriesAll
	}
	if !slices.Contains(FocusIDs(c, next, m.Section), m.Focus) {
		return s.Normalize(c)
	}
	next.Focus = m.Focus
	return next.Normalize(c)
}

func search(c *dataset.Collection, st State, query string, everywhere bool) []Match {
	if c == nil {
		return nil
	}
	if len(query) > MaxQueryLen {
		query = query[:MaxQueryLen]
	}
	q, _ := fold(strings.Join(strings.Fields(strings.ToValidUTF8(query, "")), " "))
	if q == "" {
		return nil
	}
	st = st.Normalize(c)
	views := []string{st.View}
	if everywhere {
		for _, id := range c.ViewIDs() {
			if id != st.View {
				views = append(views, id)
			}
		}
	}
	var out []Match
	for _, view := range views {
		vs := st.withView(c, view)
		for si, sec := range Sections(c, view) {
			for _, id := range FocusIDs(c, vs, si) {
				for _, text := range searchTexts(c, view, sec, id) {
					if m, ok := matchText(text, q); ok {
						m.View, m.Section, m.Focus, m.Kind = view, si, id, sec.Kind
						m.Where = c.ViewTitle(view)
						if sec.Chart != nil {
							m.Where += " · " + sec.Chart.Title
						}
						out = append(out, m)
						break
					}
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int { return int(a.Rank) - int(b.Rank) })
	return out
}

// searchTexts are the texts a focusable thing is found by, the one shown
// first.
func searchTexts(c *dataset.Collection, view string, sec Section, id string) []string {
	switch sec.Kind {
	case SectionChart:
		if it := sec.Chart.Item(id); it != nil {
			return []string{it.Label, it.Short}
		}
	case SectionFindings:
		for _, f := range c.FindingsIn(view) {
			if f.ID == id {
				return []string{f.Label}
			}
		}
	case SectionSources:
		if s := c.Source(id); s != nil {
			return []string{s.Label, s.Title}
		}
	case SectionMeasures:
		if m := c.Measure(id); m != nil {
			return []string{m.Label}
		}
	}
	return nil
}

// matchText finds the folded query q in text, at its best rank: the first
// word start it begins, else the text's start, else anywhere.
func matchText(text, q string) (Match, bool) {
	if text == "" {
		return Match{}, false
	}
	f, at := fold(text)
	best, rank := -1, MatchSubstring
	for i := 0; i+len(q) <= len(f); {
		j := strings.Index(f[i:], q)
		if j < 0 {
			break
		}
		j += i
		r := MatchSubstring
		switch {
		case j == 0:
			r = MatchPrefix
		case wordStart(f, j):
			r = MatchWordStart
		}
		if best < 0 || r < rank {
			best, rank = j, r
		}
		if r == MatchPrefix {
			break
		}
		_, size := utf8.DecodeRuneInString(f[j:])
		i = j + size
	}
	if best < 0 {
		return Match{}, false
	}
	end := len(text)
	if k := best + len(q); k < len(at) {
		end = at[k]
	}
	return Match{Label: text, Start: at[best], End: end, Rank: rank}, true
}

// wordStart reports whether the folded text has a word start at byte j:
// a letter or digit after something that is neither.
func wordStart(f string, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(f[:j])
	return !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
}

// fold lowers s and strips its accents (combining marks after NFD), and
// returns, for each byte of the result, the byte offset in s of the rune it
// came from.
func fold(s string) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, len(s))
	for i, r := range s {
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			lower := strings.ToLower(string(d))
			b.WriteString(lower)
			for range len(lower) {
				at = append(at, i)
			}
		}
	}
	return b.String(), at
}
