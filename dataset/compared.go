package dataset

// MeasuresCompared lists, in dataset order, the measures whose figures come
// from at least two distinct sources: the figures several sources report.
// A measure one document states twice (a table and its key points) is not
// one of them. Parse works the list out once (the explorer asks for it on
// every frame); for a collection built in code it is worked out on each
// call. The list is shared: callers must not change it.
func (c *Collection) MeasuresCompared() []Measure {
	if c == nil {
		return nil
	}
	if c.compared != nil {
		return *c.compared
	}
	return c.resolveCompared()
}

// resolveCompared works out MeasuresCompared.
func (c *Collection) resolveCompared() []Measure {
	var out []Measure
	for _, m := range c.Measures {
		seen := map[string]bool{}
		for _, f := range c.MeasureFigures(m.ID) {
			seen[f.Source] = true
		}
		if len(seen) > 1 {
			out = append(out, m)
		}
	}
	return out
}

// derive works out what Parse keeps of a finished collection: the view
// list and the measures compared.
func (c *Collection) derive() {
	c.shown = c.resolveViews()
	compared := c.resolveCompared()
	c.compared = &compared
}
