// Package report prints one view of a collection without a terminal UI: as
// the text the explorer draws, a markdown table, CSV or JSON figures, or a
// standalone SVG bar chart. Every format carries the source of each figure,
// and every output is byte-stable for the same data and selection.
//
// The formats are documented in docs/output.md.
package report
