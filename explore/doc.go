// Package explore holds the pure logic of exploring a chart: which series are
// shown, the order of its items, the gaps between series. The explorer, the
// static renderers and the presenter's broadcast share it; it has no UI
// and does no I/O (an export's file name is ExportBase; report writes the
// files).
package explore
