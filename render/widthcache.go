package render

import (
	"github.com/docsurvey/docsurvey/internal/lru"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// widthCacheSize bounds the width cache: about a screenful of rows for each
// of a few sizes and profiles; the oldest go first.
const widthCacheSize = 1024

// widthCacheMin is the shortest string whose width is cached: below it
// measuring costs less than the lookup. widthCacheMax is the longest, so
// the cache holds at most a few megabytes.
const (
	widthCacheMin = 24
	widthCacheMax = 4096
)

// widths caches the cell width of drawn rows, keyed by the row itself.
// Measuring a styled row walks its grapheme clusters (x/ansi StringWidth,
// a third of a keypress's CPU before this cache), while a keypress redraws
// mostly rows it has measured before: cached bar rows, the tabs, the help.
var widths = lru.New[string, int](widthCacheSize)

// Width is the one width of the renderer: the most cells a terminal may
// draw s in, escape sequences excluded. For most text that is its width in
// grapheme clusters (x/ansi StringWidth); a line holding a cluster that
// terminals may draw as its parts (joinsParts: an emoji ZWJ sequence, a
// skin tone, a flag, Hangul jamo) is measured as CellWidth does, the wider
// of the cluster and its parts. Layout measures with it and cuts with
// Truncate, so no line it draws is wider than the screen on any terminal.
// Long strings are measured once.
func Width(s string) int {
	if len(s) < widthCacheMin || len(s) > widthCacheMax {
		return measure(s)
	}
	if w, ok := widths.Get(s); ok {
		return w
	}
	w := measure(s)
	widths.Put(s, w)
	return w
}

// measure is Width without the cache.
func measure(s string) int {
	w := ansi.StringWidth(s)
	if strings.ContainsFunc(s, joinsParts) {
		w = max(w, CellWidth(ansi.Strip(s)))
	}
	return w
}
