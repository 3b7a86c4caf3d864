package tui

import "charm.land/bubbles/v2/key"

// ReadKeys are the keys for reading a figure another way: as a table,
// found by a search, copied with its source, or in its source document.
type ReadKeys struct {
	// Table shows the chart as an aligned table and back (table.go).
	Table key.Binding
	// Search opens the search box over the body (search.go).
	Search key.Binding
	// Copy puts one sentence stating the focused figure, with its
	// source, on the viewer's clipboard; CopyChart puts the whole chart
	// as Markdown there (copy.go).
	Copy, CopyChart key.Binding
	// Open shows the passage of the source document that states the
	// focused figure (passage.go).
	Open key.Binding
}

// DefaultReadKeys returns the reading keys.
func DefaultReadKeys() ReadKeys {
	return ReadKeys{
		Table:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "table view")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy figure")),
		CopyChart: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy chart (md)")),
		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open source")),
	}
}

// column is the reading keys as one column of the full help.
func (k ReadKeys) column() []key.Binding {
	return []key.Binding{k.Table, k.Search, k.Copy, k.CopyChart, k.Open}
}

// SearchKeys are the keys of the open search box; every other key with
// text types into the query.
type SearchKeys struct {
	// Everywhere switches the search between this view and every view.
	Everywhere key.Binding
	// MatchUp and MatchDown pick the match enter focuses.
	MatchUp, MatchDown key.Binding
	// Go focuses the picked match and closes the box.
	Go key.Binding
	// Clear empties the query, or closes the box when it is empty.
	Clear key.Binding
	// Erase deletes the query's last character.
	Erase key.Binding
}

// DefaultSearchKeys returns the keys of the search box.
func DefaultSearchKeys() SearchKeys {
	return SearchKeys{
		Everywhere: key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", "all views/this view")),
		MatchUp:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous match")),
		MatchDown:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next match")),
		Go:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to match")),
		Clear:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear/close")),
		Erase:      key.NewBinding(key.WithKeys("backspace"), key.WithHelp("bksp", "erase")),
	}
}

// ScrollKeys scroll an overlay taller than the body: the source passage
// and the full help.
type ScrollKeys struct {
	// ScrollUp and ScrollDown move the overlay a line; PageUp and
	// PageDown... are not separate keys: the line keys are enough for a
	// passage of a few screens.
	ScrollUp, ScrollDown key.Binding
	// CloseSource closes the source passage.
	CloseSource key.Binding
}

// DefaultScrollKeys returns the scrolling keys.
func DefaultScrollKeys() ScrollKeys {
	return ScrollKeys{
		ScrollUp:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		ScrollDown:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		CloseSource: key.NewBinding(key.WithKeys("esc", "o"), key.WithHelp("esc", "close source")),
	}
}
