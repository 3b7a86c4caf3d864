package tui

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/present"
)

// TestEnableTable is the rules of updateKeybindings as a table: for a
// state, the keys that must be on, off, and what PgDn, PgUp and Esc mean.
func TestEnableTable(t *testing.T) {
	browse := keyState{moves: true, sortable: true, multiSeries: true, diverge: true, intervals: true, onItem: true, color: true, hasTour: true}
	with := func(f func(*keyState)) keyState { s := browse; f(&s); return s }
	tests := []struct {
		name    string
		s       keyState
		on, off []string // by help description
		meaning map[string]string
	}{
		{"browsing", browse,
			[]string{"next item", "sort", "series", "error bars", "pin/unpin", "spotlight", "butterfly", "monochrome", "tour on/off"},
			[]string{"clear pins", "compare pins", "close", "export", "compare sources", "follow/explore", "take over", "start tour", "prev step"},
			map[string]string{"pgdown": "next view", "pgup": "prev view", "esc": "", "space": "", "v": ""}},
		{"pinned, export on", with(func(s *keyState) { s.pinned, s.export = true, true }),
			[]string{"clear pins", "compare pins", "export"}, nil, map[string]string{"v": "compare pins"}},
		{"the panel open", with(func(s *keyState) { s.pinned, s.panel = true, true }),
			[]string{"sort", "reverse", "close", "butterfly", "clear pins"},
			[]string{"next item", "series", "error bars", "pin/unpin", "spotlight", "compare sources"},
			map[string]string{"esc": "close", "v": "close", "pgdown": "next view"}},
		{"the sources open", with(func(s *keyState) { s.sources = true }),
			[]string{"close", "sort"}, []string{"next item", "butterfly", "pin/unpin", "error bars"},
			map[string]string{"esc": "close"}},
		{"on a measure", with(func(s *keyState) { s.onMeasure = true }), []string{"compare sources"}, nil, map[string]string{"enter": "compare sources"}},
		{"touring", with(func(s *keyState) { s.touring = true }),
			[]string{"next step", "prev step", "tour on/off"}, nil,
			map[string]string{"pgdown": "next step", "pgup": "prev step", "space": "next step", "backspace": "prev step", "tab": "next view"}},
		{"touring under the help", with(func(s *keyState) { s.touring, s.help = true, true }),
			nil, nil, map[string]string{"pgdown": "next view", "esc": "help", "?": "help"}},
		{"a presenter off the tour", with(func(s *keyState) { s.role, s.holds = RolePresenter, true }),
			[]string{"start tour"}, []string{"take over", "follow/explore", "prev step"}, map[string]string{"space": "start tour", "pgdown": "next view"}},
		{"a presenter waiting", with(func(s *keyState) { s.role, s.following = RolePresenter, true }),
			[]string{"take over", "help", "quit", "big mode", "describe"},
			[]string{"next view", "next item", "sort", "pin/unpin", "tour on/off", "start tour"}, map[string]string{"P": "take over"}},
		{"an audience following", with(func(s *keyState) { s.role, s.following = RoleAudience, true }),
			[]string{"follow/explore", "help", "quit", "big mode", "monochrome", "describe"},
			[]string{"next view", "prev view", "go to view", "next item", "sort", "series", "error bars", "pin/unpin", "export", "tour on/off"},
			map[string]string{"f": "follow/explore", "tab": "", "pgdown": ""}},
		{"an audience exploring", with(func(s *keyState) { s.role = RoleAudience }),
			[]string{"follow/explore", "next view", "next item"}, nil, nil},
		{"no colour", with(func(s *keyState) { s.color = false }), nil, []string{"monochrome"}, nil},
		{"one item", with(func(s *keyState) { s.moves, s.sortable, s.multiSeries = false, false, false }),
			nil, []string{"next item", "previous item", "sort", "reverse", "series"}, nil},
	}
	for _, tt := range tests {
		k := DefaultKeyMap()
		k.SetViewCount(len(dataset.EmbeddedViewIDs()))
		k.enable(tt.s)
		byDesc := map[string]key.Binding{}
		for _, b := range allBindings(&k) {
			if b.Enabled() || byDesc[b.Help().Desc].Help().Desc == "" {
				byDesc[b.Help().Desc] = b
			}
		}
		for _, d := range tt.on {
			if b, ok := byDesc[d]; !ok || !b.Enabled() {
				t.Errorf("%s: %q is off, want on", tt.name, d)
			}
		}
		for _, d := range tt.off {
			if b, ok := byDesc[d]; ok && b.Enabled() {
				t.Errorf("%s: %q is on, want off", tt.name, d)
			}
		}
		for ks, want := range tt.meaning {
			var got []string
			for _, b := range allBindings(&k) {
				if b.Enabled() && slices.Contains(b.Keys(), ks) {
					got = append(got, b.Help().Desc)
				}
			}
			if want == "" && len(got) != 0 || want != "" && !slices.Contains(got, want) {
				t.Errorf("%s: %q means %v, want %q", tt.name, ks, got, want)
			}
			if !tt.s.help && len(got) > 1 {
				t.Errorf("%s: %q has %d meanings: %v", tt.name, ks, len(got), got)
			}
		}
	}
}

// allBindings are every binding of the key map.
func allBindings(k *KeyMap) []key.Binding { return bindings(k) }

// TestOneMeaningPerKey drives a model through its states and checks that,
// outside the full help, no key is bound to two enabled bindings: the key
// switch has one meaning per key in every state.
func TestOneMeaningPerKey(t *testing.T) {
	runs := [][]string{
		{"2", "j"}, {"2", "c", "j", "c"}, {"2", "c", "j", "c", "v"}, {"1", "j", "enter"}, {"6", "j", "enter"},
		{"T"}, {"T", " ", " "}, {"t"}, {"/"}, {"2", "/", "o"}, {"2", "o"}, {"?"}, {"2", "t", "b"}, {"2", "d"}, {"2", "e"}, {"5", "G"}, {"2", "i"},
	}
	for _, keys := range runs {
		m := newModel(t, 100, 30)
		press(m, keys...)
		seen := map[string]string{}
		for _, b := range allBindings(m.common.Keys) {
			if !b.Enabled() {
				continue
			}
			for _, ks := range b.Keys() {
				if other, ok := seen[ks]; ok {
					t.Errorf("after %v: %q means both %q and %q", keys, ks, other, b.Help().Desc)
				}
				seen[ks] = b.Help().Desc
			}
		}
	}
}

// TestEveryHelpKeyIsRouted checks that each key help lists belongs to the
// root or to exactly one component, so none is listed without a handler.
func TestEveryHelpKeyIsRouted(t *testing.T) {
	m := newModel(t, 100, 30)
	k := m.common.Keys
	root := []key.Binding{k.NextView, k.PrevView, k.GotoView, k.Big, k.Mono, k.Whiskers, k.Help, k.HelpUp, k.HelpDown, k.Quit}
	owners := map[string]int{}
	for _, b := range root {
		owners[b.Help().Desc]++
	}
	for _, c := range []Component{m.compare, m.sources, m.tour, m.presenting, m.describe, m.exporter, m.panes[0],
		m.table, m.search, m.copier, m.passage} {
		for _, b := range bindings(c) {
			owners[b.Help().Desc]++
		}
	}
	for _, b := range allBindings(k) {
		if n := owners[b.Help().Desc]; n != 1 {
			t.Errorf("%q is routed to %d owners, want 1", b.Help().Desc, n)
		}
	}
}

// TestHelpKeysActInEveryState extends TestHelpKeysDoSomething to the
// states the components add: with the panel open, with a measure's
// sources open, on the tour, under the full help, and for an audience
// following or exploring. Every key the help lists changes the state or
// the screen.
func TestHelpKeysActInEveryState(t *testing.T) {
	states := []struct {
		name  string
		setup []string
		role  Role
		w, h  int
	}{
		{"panel", []string{"2", "c", "j", "c", "v"}, RoleExplorer, 100, 30},
		{"sources", []string{"6", "j", "j", "enter"}, RoleExplorer, 100, 30},
		{"tour", []string{"T", " ", "j"}, RoleExplorer, 100, 30},
		{"last tour step", []string{"T", " ", " ", " ", " ", " ", " ", "j"}, RoleExplorer, 100, 30},
		{"help", []string{"2", "j", "?"}, RoleExplorer, 100, 30},
		{"help scrolling", []string{"2", "j", "?", "j"}, RoleExplorer, 40, 12},
		{"following", nil, RoleAudience, 100, 30},
		{"exploring alone", []string{"f", "2", "j"}, RoleAudience, 100, 30},
		{"table", []string{"2", "j", "t"}, RoleExplorer, 100, 30},
		{"table big", []string{"2", "j", "t", "b"}, RoleExplorer, 100, 30},
		{"search", []string{"2", "/"}, RoleExplorer, 100, 30},
		{"search typed", []string{"2", "/", "o"}, RoleExplorer, 100, 30},
		{"source passage", []string{"2", "o"}, RoleExplorer, 40, 12},
	}
	for _, st := range states {
		fresh := func() *Model {
			var m *Model
			if st.role == RoleAudience {
				m = roleModel(t, present.NewHub(), RoleAudience, st.w, st.h)
			} else {
				m = newModel(t, st.w, st.h)
			}
			press(m, st.setup...)
			return m
		}
		base := fresh()
		for _, b := range allBindings(base.common.Keys) {
			if !b.Enabled() || key.Matches(keyMsg(b.Keys()[0]), base.common.Keys.Quit) {
				continue
			}
			m := fresh()
			before, beforeState := m.Frame(), m.State()
			for _, k := range b.Keys() {
				if k == "1" && beforeState.View == "overview" || k == "2" && beforeState.View == "platforms" {
					continue // the view on screen
				}
				m.Update(keyMsg(k))
				break
			}
			if m.Frame() == before && m.State().Equal(beforeState) {
				t.Errorf("%s: %q (%s) is listed in help but changed nothing", st.name, b.Keys()[0], b.Help().Desc)
			}
		}
	}
}
