// Package explore holds the pure logic of exploring a chart: which series are
// shown, the order of its items, the gaps between series. The explorer, the
// static renderers and the presenter's broadcast share it; it has no UI.
package explore
