package dataset

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A collection's views, in tab order, are:
//
//  1. the overview (headline findings) — always first;
//  2. the views the file declares under views:, or, without that list, the
//     view values of its charts and then its findings in first-seen order,
//     each titled from its ID ("remote-care" → "Remote care");
//  3. the sources — always last.
//
// A view between the two with no chart and no finding in it is not shown.
// The overview and the sources may be declared too, to retitle them; they
// keep their places.

// ViewList returns the views the explorer shows, in tab order. Parse works
// it out once; for a collection built in code it is worked out on each call.
func (c *Collection) ViewList() []View {
	if c == nil {
		return []View{{ID: ViewOverview, Title: "Overview"}, {ID: ViewSources, Title: "Sources"}}
	}
	if c.shown != nil {
		return c.shown
	}
	return c.resolveViews()
}

// ViewIDs returns the IDs of ViewList, in tab order.
func (c *Collection) ViewIDs() []string {
	vs := c.ViewList()
	ids := make([]string, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

// HasView reports whether id is one of the views shown.
func (c *Collection) HasView(id string) bool { return slices.Contains(c.ViewIDs(), id) }

// ViewInfo returns the shown view with the given ID, and whether there is one.
func (c *Collection) ViewInfo(id string) (View, bool) {
	for _, v := range c.ViewList() {
		if v.ID == id {
			return v, true
		}
	}
	return View{}, false
}

// ViewTitle returns a view's title: the declared one, or one made from the
// ID. An ID not in the collection is titled from itself.
func (c *Collection) ViewTitle(id string) string {
	if v, ok := c.ViewInfo(id); ok {
		return v.Title
	}
	return TitleFromID(id)
}

// TitleFromID makes a title of a view ID: dashes and underscores become
// spaces and the first letter is capitalised ("remote-care" → "Remote care").
func TitleFromID(id string) string {
	t := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	r, size := utf8.DecodeRuneInString(t)
	if size == 0 {
		return t
	}
	return string(unicode.ToUpper(r)) + t[size:]
}

// resolveViews works out ViewList from the declared views and the charts and
// findings.
func (c *Collection) resolveViews() []View {
	overview := View{ID: ViewOverview, Title: "Overview"}
	sources := View{ID: ViewSources, Title: "Sources"}
	used := map[string]bool{}
	var order []string
	note := func(id string) {
		if id != "" && !used[id] {
			used[id] = true
			order = append(order, id)
		}
	}
	for i := range c.Charts {
		note(c.Charts[i].View)
	}
	for i := range c.Findings {
		note(c.Findings[i].View)
	}
	var middle []View
	if len(c.Views) > 0 {
		for _, v := range c.Views {
			switch {
			case v.ID == ViewOverview:
				overview = withTitle(v)
			case v.ID == ViewSources:
				sources = withTitle(v)
			case used[v.ID]:
				middle = append(middle, withTitle(v))
			}
		}
	} else {
		for _, id := range order {
			if id != ViewOverview && id != ViewSources {
				middle = append(middle, View{ID: id, Title: TitleFromID(id)})
			}
		}
	}
	return append(append([]View{overview}, middle...), sources)
}

// withTitle fills a declared view's missing title from its ID.
func withTitle(v View) View {
	if v.Title == "" {
		v.Title = TitleFromID(v.ID)
	}
	return v
}

// leadingFindings gives a collection without findings an overview: for each
// chart, its leading figure (the largest in its first series), as a finding
// that points at it.
func leadingFindings(c *Collection) {
	if len(c.Findings) > 0 {
		return
	}
	for i := range c.Charts {
		ch := &c.Charts[i]
		if len(ch.Series) == 0 || len(ch.Items) == 0 {
			continue
		}
		s := ch.Series[0]
		best := -1
		for j, it := range ch.Items {
			f, ok := it.Values[s.ID]
			if ok && (best < 0 || f.Value > ch.Items[best].Values[s.ID].Value) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		it := ch.Items[best]
		label := ch.Title + ": " + it.Label
		if len(ch.Series) > 1 {
			label += ", " + s.Label
		}
		c.Findings = append(c.Findings, Finding{ID: "lead-" + ch.ID, View: ViewOverview, Label: label,
			Ref: Ref{ch.ID, it.ID, s.ID}.String()})
	}
}

// declaredViews checks the views: list and returns the IDs a chart or
// finding may name (nil when the file declares none, so any ID goes).
func (v *validator) declaredViews() map[string]bool {
	if len(v.c.Views) == 0 {
		return nil
	}
	ids := map[string]bool{}
	seen := map[string]string{}
	last := len(v.c.Views) - 1
	for i, vw := range v.c.Views {
		path := fmt.Sprintf("views[%d]", i)
		v.id(path+".id", vw.ID, "view", seen)
		v.required(path+".title", vw.Title, "the tab's title")
		switch {
		case vw.ID == ViewOverview && i != 0:
			v.add(path+".id", "the overview is always the first view; declare it first or leave it out")
		case vw.ID == ViewSources && i != last:
			v.add(path+".id", "the sources view is always the last; declare it last or leave it out")
		}
		ids[vw.ID] = true
	}
	return ids
}

// viewRef checks the view a chart (findings false) or a finding names:
// charts go in a view of their own, never the overview or the sources;
// findings go in the overview or a view of their own.
func (v *validator) viewRef(path, view string, declared map[string]bool, finding bool) {
	if !v.required(path, view, "the ID of a view"+v.declaredList(declared)) {
		return
	}
	if !idPattern.MatchString(view) {
		v.add(path, fmt.Sprintf("invalid view ID %s; use letters, digits, '.', '_' and '-', starting with a letter or digit", quote(view)))
		return
	}
	switch {
	case view == ViewSources:
		v.add(path, "the sources view lists the sources; put this in a view of its own")
	case view == ViewOverview && !finding:
		v.add(path, "the overview shows findings, not charts; put the chart in a view of its own")
	case declared != nil && view != ViewOverview && !declared[view]:
		v.add(path, fmt.Sprintf("unknown view %s; expected one of the views declared: %s", quote(view), strings.Join(v.declaredIDs(), ", ")))
	}
}

// declaredList is ", one of: a, b" for messages, or "" when any ID goes.
func (v *validator) declaredList(declared map[string]bool) string {
	if declared == nil {
		return ""
	}
	return " declared under views: " + strings.Join(v.declaredIDs(), ", ")
}

// declaredIDs lists the declared views a chart may name, in order.
func (v *validator) declaredIDs() []string {
	var ids []string
	for _, vw := range v.c.Views {
		if vw.ID != ViewOverview && vw.ID != ViewSources && vw.ID != "" {
			ids = append(ids, vw.ID)
		}
	}
	return ids
}

// shownView checks a tour step's view against the views shown.
func (v *validator) shownView(path, view string) {
	ids := v.c.resolveViews()
	names := make([]string, len(ids))
	for i, x := range ids {
		names[i] = x.ID
	}
	if !v.required(path, view, "a view: "+strings.Join(names, ", ")) {
		return
	}
	if !slices.Contains(names, view) {
		v.add(path, fmt.Sprintf("unknown view %s; expected one of: %s", quote(view), strings.Join(names, ", ")))
	}
}
