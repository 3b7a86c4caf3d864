//go:build !race

package dataset

// raceEnabled is true under the race detector, where parsing is about ten
// times slower.
const raceEnabled = false
