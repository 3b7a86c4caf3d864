package render

import (
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/lru"
)

// viewKey is every input of View: the data, the state (its comparable
// Key, which is what a view draws from once normalized), the size, the
// styles (a Styles is built from its StyleKey alone) and Static. Sessions
// that draw the same view at the same size in the same terminal
// environment share one drawing: a room of viewers who connect at once,
// or who tab through the same views, draw each body once between them.
type viewKey struct {
	data   *dataset.Collection
	st     explore.Key
	w, h   int
	style  StyleKey
	static bool
}

// The bounds of the shared drawings: a body of a 120x40 terminal is about
// 12 KB, so 128 of at most 64 KB keep under 8 MiB; a larger body (a client
// claiming a huge window) is drawn but not kept.
const (
	viewCacheSize     = 128
	viewCacheMaxBytes = 64 << 10
)

// views caches drawn bodies (see View).
var views = lru.New[viewKey, string](viewCacheSize)

// cachedView returns View's drawing for k, drawing it with draw when no
// session has yet.
func cachedView(k viewKey, draw func() string) string {
	if v, ok := views.Get(k); ok {
		return v
	}
	v := draw()
	if len(v) <= viewCacheMaxBytes {
		views.Put(k, v)
	}
	return v
}
