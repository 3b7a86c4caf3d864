package explore

import (
	"slices"

	"github.com/docsurvey/docsurvey/dataset"
)

// StateFromStep returns the state a guided tour step shows, as step number
// index of the tour: its view; the section of its chart (else the view's
// first); its focus, sort and series (else the first item, dataset order,
// every series); the butterfly layout, pins and spotlight it asks for. The
// result is normalized for c, so a step that names something c does not
// have (a dataset edited after validation) still gives a valid state: an
// unknown chart or item falls back to the first, an unknown pin is dropped.
func StateFromStep(c *dataset.Collection, step dataset.TourStep, index int) State {
	s := Start()
	s.View = step.View
	s.Step = max(index, -1)
	if step.Sort != "" {
		s.Sort = step.Sort
	}
	if step.Series != "" {
		s.Series = step.Series
	}
	s.Diverging = step.Diverging
	s.Spotlight = step.Spotlight
	if step.Chart != "" {
		for i, sec := range Sections(c, step.View) {
			if sec.Chart != nil && sec.Chart.ID == step.Chart {
				s.Chart = i
				break
			}
		}
	}
	s.Focus = step.Focus
	for _, p := range step.Pins {
		r, ok := dataset.ParseRef(p)
		if !ok || r.Series != "" {
			continue
		}
		if _, it := c.Resolve(r); it == nil || slices.Contains(s.Pins, r) || len(s.Pins) == MaxPins {
			continue
		}
		s.Pins = append(s.Pins, r)
	}
	return s.Normalize(c)
}

// TourLen returns how many steps the collection's tour has.
func TourLen(c *dataset.Collection) int {
	if c == nil {
		return 0
	}
	return len(c.Tour)
}

// TourStep returns the tour step the state is on, and false when it is not
// on one (Step is -1 or past the end of c's tour).
func (s State) TourStep(c *dataset.Collection) (dataset.TourStep, bool) {
	if s.Step < 0 || s.Step >= TourLen(c) {
		return dataset.TourStep{}, false
	}
	return c.Tour[s.Step], true
}

// GotoStep returns the state of tour step i, keeping the viewer's big mode;
// false (and s unchanged) when the tour has no step i.
func (s State) GotoStep(c *dataset.Collection, i int) (State, bool) {
	if i < 0 || i >= TourLen(c) {
		return s, false
	}
	n := StateFromStep(c, c.Tour[i], i)
	n.Big = s.Big
	return n, true
}

// NextStep returns the state of the next tour step; off the tour it starts
// at the first. False (and s unchanged) at the last step or without a tour.
func (s State) NextStep(c *dataset.Collection) (State, bool) {
	if s.Step < 0 {
		return s.GotoStep(c, 0)
	}
	return s.GotoStep(c, s.Step+1)
}

// PrevStep returns the state of the previous tour step; false (and s
// unchanged) at the first step or off the tour.
func (s State) PrevStep(c *dataset.Collection) (State, bool) {
	if s.Step <= 0 {
		return s, false
	}
	return s.GotoStep(c, s.Step-1)
}

// EndTour returns the state left where it is, off the tour.
func (s State) EndTour() State {
	s.Step = -1
	return s
}
