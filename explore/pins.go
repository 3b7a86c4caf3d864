package explore

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
)

// MaxPins is how many items can be pinned for comparison at once.
const MaxPins = 4

// ErrPinsFull is returned by TogglePin when MaxPins items are already pinned
// and another is asked for.
var ErrPinsFull = fmt.Errorf("already %d pins: unpin one or clear them first", MaxPins)

// PinRef reduces a reference to the "chart/item" a pin holds: pins name
// items, not figures, so the series is dropped.
func PinRef(r dataset.Ref) dataset.Ref { return dataset.Ref{Chart: r.Chart, Item: r.Item} }

// IsPinned reports whether the item r names is pinned.
func IsPinned(pins []dataset.Ref, r dataset.Ref) bool {
	return slices.Contains(pins, PinRef(r))
}

// TogglePin pins the item r names, or unpins it if it is pinned. It returns
// the new pins, in pin order, and whether the item is pinned now. Pinning a
// fifth item fails with ErrPinsFull and leaves the pins as they were. The
// slice passed in is never modified, so a model holding it by value stays
// consistent.
func TogglePin(pins []dataset.Ref, r dataset.Ref) ([]dataset.Ref, bool, error) {
	r = PinRef(r)
	if r.Chart == "" || r.Item == "" {
		return pins, false, errors.New("nothing to pin: no item is focused")
	}
	if i := slices.Index(pins, r); i >= 0 {
		out := make([]dataset.Ref, 0, len(pins)-1)
		out = append(out, pins[:i]...)
		out = append(out, pins[i+1:]...)
		return out, false, nil
	}
	if len(pins) >= MaxPins {
		return pins, false, ErrPinsFull
	}
	out := make([]dataset.Ref, 0, len(pins)+1)
	out = append(out, pins...)
	out = append(out, r)
	return out, true, nil
}

// PinLabel is the label a pin goes by in the status line: the item's short
// label (or label), or the raw reference if it no longer resolves.
func PinLabel(c *dataset.Collection, r dataset.Ref) string {
	_, it := c.Resolve(r)
	if it == nil {
		return r.String()
	}
	if it.Short != "" {
		return it.Short
	}
	return it.Label
}

// PinsSummary is the pins as the status line shows them, e.g.
// "pins 2/4: Facebook, LinkedIn"; empty with no pins.
func PinsSummary(c *dataset.Collection, pins []dataset.Ref) string {
	if len(pins) == 0 {
		return ""
	}
	labels := make([]string, len(pins))
	for i, p := range pins {
		labels[i] = PinLabel(c, p)
	}
	return fmt.Sprintf("pins %d/%d: %s", len(pins), MaxPins, strings.Join(labels, ", "))
}
