package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/present"
)

// Component is the contract of every part of the explorer with keys of its
// own, as soft-serve's common.Component is: the keys it answers (for help,
// and for the root to route a key to it), its size, its Update and its
// View. The root model routes a key to the one component whose enabled
// binding it matches (see Model.route); which bindings are enabled is
// decided in one place, updateKeybindings, so a key has one meaning in a
// state and help lists only keys that act.
//
// The components: pane (one view's body and its focus, sort and series
// keys), comparePanel (the pins and the comparison panel over the body),
// sourcesPanel (a measure's sources side by side), describeLine (the
// sentence under the body), tourGuide (the guided tour's steps and
// lines), presenting (a session's part in a presentation: follow, take
// over, the quit confirmation, the status) and exporter (the export key
// and its outcome). A new overlay is one more: a type with these methods,
// its keys in KeyMap, a line in updateKeybindings and one in route.
type Component interface {
	help.KeyMap
	// SetSize sets the area the component draws in.
	SetSize(width, height int)
	// Update handles a message the root routed to it.
	Update(msg tea.Msg) tea.Cmd
	// View draws the component ("" when it has nothing to show).
	View() string
}

// host is what a component may ask of the root model: the state on screen
// and the changes that reach beyond the component (every view's shared
// fields, a whole screen from the presenter or the tour, the status line).
// The root implements it; components never reach into the root otherwise.
type host interface {
	// State is the state of the view on screen.
	State() explore.State
	// setState replaces the state of the view on screen.
	setState(explore.State)
	// setAll applies a change to every view's state (pins, spotlight,
	// whiskers and big mode are shared).
	setAll(func(*explore.State))
	// applyScreen shows a whole screen: view, state, overlay.
	applyScreen(present.Screen)
	// screen is what the session shows, as the hub carries it.
	screen() present.Screen
	// closeOverlays closes whatever covers the body.
	closeOverlays()
	// showState turns to the state's view and shows the state there.
	showState(explore.State)
	// setStatus sets the status line until the next key.
	setStatus(string)
}

// bindings are every binding of a component's full help, the keys the
// root routes to it.
func bindings(k help.KeyMap) []key.Binding {
	var out []key.Binding
	for _, col := range k.FullHelp() {
		out = append(out, col...)
	}
	return out
}
