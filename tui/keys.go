package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the explorer answers to, declared once. Keys that do
// nothing in the current view are disabled, so help never lists them.
type KeyMap struct {
	// NextView and PrevView step through the views (presentation clickers
	// send PgDn and PgUp).
	NextView, PrevView key.Binding
	// GotoView jumps to a view by number, 1 to 9 (as many as there are;
	// see SetViewCount).
	GotoView key.Binding
	// Up and Down move the focus over the items of the view's charts.
	Up, Down key.Binding
	// First and Last focus the first or last item.
	First, Last key.Binding
	// Sort cycles dataset order → value → gap → name; Reverse reverses it.
	Sort, Reverse key.Binding
	// Series cycles both series → the first only → the second only.
	Series key.Binding
	// Whiskers draws every bar's 95% interval (see margins.go).
	Whiskers key.Binding
	// Big toggles the projector mode.
	Big key.Binding
	// Mono switches this session to monochrome and back.
	Mono key.Binding
	// CompareKeys are the keys for comparing (see compare.go).
	CompareKeys
	// PresentKeys are the keys for presenting, following and the tour
	// (see present.go).
	PresentKeys
	// ReadKeys are the keys for the table, search, copy and source
	// (readkeys.go); SearchKeys those of the open search box and
	// ScrollKeys those of the source passage.
	ReadKeys
	SearchKeys
	ScrollKeys
	// HelpUp and HelpDown scroll the full help when it is taller than the
	// body.
	HelpUp, HelpDown key.Binding
	// Help shows or hides the full help.
	Help key.Binding
	// Quit leaves the explorer.
	Quit key.Binding
}

// DefaultKeyMap returns the explorer's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextView: key.NewBinding(key.WithKeys("tab", "right", "l", "pgdown"), key.WithHelp("→/tab", "next view")),
		PrevView: key.NewBinding(key.WithKeys("shift+tab", "left", "h", "pgup"), key.WithHelp("←/S-tab", "prev view")),
		GotoView: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to view")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous item")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next item")),
		First:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first item")),
		Last:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last item")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Reverse:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reverse")),
		Series:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "series")),
		Whiskers: whiskersKey(),
		Big:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "big mode")),
		Mono:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "monochrome")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		HelpUp:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "help up")),
		HelpDown: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "help down")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		CompareKeys: DefaultCompareKeys(),
		PresentKeys: DefaultPresentKeys(),
		ReadKeys:    DefaultReadKeys(),
		SearchKeys:  DefaultSearchKeys(),
		ScrollKeys:  DefaultScrollKeys(),
	}
}

// SetViewCount binds the number keys to the first n views (at most 9), so
// help names only the numbers that go somewhere.
func (k *KeyMap) SetViewCount(n int) {
	n = min(max(n, 1), 9)
	keys := make([]string, n)
	for i := range keys {
		keys[i] = strconv.Itoa(i + 1)
	}
	k.GotoView.SetKeys(keys...)
	k.GotoView.SetHelp("1-"+keys[n-1], "go to view")
}

// UseASCII rewrites the help labels without arrows, for --ascii.
func (k *KeyMap) UseASCII() {
	relabel := func(b *key.Binding, keys string) { b.SetHelp(keys, b.Help().Desc) }
	relabel(&k.NextView, "right/tab")
	relabel(&k.PrevView, "left/S-tab")
	relabel(&k.Up, "up/k")
	relabel(&k.Down, "down/j")
	relabel(&k.HelpUp, "up/k")
	relabel(&k.HelpDown, "down/j")
	relabel(&k.ScrollUp, "up/k")
	relabel(&k.ScrollDown, "down/j")
	relabel(&k.MatchUp, "up")
	relabel(&k.MatchDown, "down")
}

// ShortHelp is the one-line help: the keys a new user needs first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Go, k.MatchDown, k.Everywhere, k.Clear, k.CloseSource, k.ScrollDown, k.HelpDown,
		k.Follow, k.NextStep, k.NextView, k.Down, k.Close, k.Measure, k.Compare, k.Search, k.Help, k.Quit,
		k.Sort, k.Series, k.Table, k.Copy, k.Big}
}

// FullHelp is the full help, in columns: views, items, chart, comparing,
// reading, presenting and display, then the keys of the search box (on
// only while it is open) and of scrolling the help (only while it
// scrolls), last so that they never move the others.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextView, k.PrevView, k.GotoView},
		{k.Up, k.Down, k.First, k.Last},
		{k.Sort, k.Reverse, k.Series, k.Whiskers},
		k.CompareKeys.column(),
		append(k.ReadKeys.column(), k.ScrollUp, k.ScrollDown, k.CloseSource),
		append(k.PresentKeys.column(), k.Big, k.Mono, k.Help, k.Quit),
		{k.Everywhere, k.MatchUp, k.MatchDown, k.Go, k.Clear, k.Erase},
		{k.HelpUp, k.HelpDown},
	}
}
