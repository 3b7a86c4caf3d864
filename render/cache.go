package render

import "github.com/docsurvey/docsurvey/internal/lru"

// cacheSize bounds how many renderings are kept; the oldest go first.
const cacheSize = 256

// bars caches drawn bar rows (see barRows).
var bars = lru.New[barKey, []string](cacheSize)

// ResetCache empties the shared caches of drawn bars and bodies, for
// benchmarks that measure drawing from scratch.
func ResetCache() {
	views.Reset()
	bars.Reset()
}
