package render

import "github.com/charmbracelet/x/ansi"

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
var widths = newLRU[string, int](widthCacheSize)

// Width returns the number of terminal cells s takes, escape sequences
// excluded, as ansi.StringWidth does; long strings are measured once.
func Width(s string) int {
	if len(s) < widthCacheMin || len(s) > widthCacheMax {
		return ansi.StringWidth(s)
	}
	if w, ok := widths.get(s); ok {
		return w
	}
	w := ansi.StringWidth(s)
	widths.put(s, w)
	return w
}
