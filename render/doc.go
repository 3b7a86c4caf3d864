// Package render draws the views of a survey collection as text: titles,
// questions, legends, ntcharts bar charts with a value on every bar, the
// focused item's detail, footnotes and findings, at any size. It holds no
// Bubble Tea state: View is a pure function of the collection, an
// explore.State, a size and a *Styles built from a colour profile and background, so
// the explorer, the SSH sessions and `docsurvey show --format text` share
// it. Drawn bars are kept in a bounded cache shared by every caller.
package render
