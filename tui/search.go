package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// searchBox is the component of the search: / opens a box over the body;
// typing filters the items of the view on screen (explore.Search), ctrl+a
// switches to every view (explore.SearchAll) and back, ↑ and ↓ pick a
// match, enter focuses it (explore.State.FocusMatch, turning to its view)
// and esc clears the query, then closes the box. While the box is open
// every key with text types into the query; ctrl+c still quits.
type searchBox struct {
	common *Common
	host   host
	w, h   int
	// open is set while the box covers the body; everywhere searches
	// every view; query is what was typed and pick the match enter
	// focuses.
	open, everywhere bool
	query            string
	pick             int
}

// ShortHelp implements help.KeyMap.
func (b *searchBox) ShortHelp() []key.Binding {
	k := b.common.Keys
	if b.open {
		return []key.Binding{k.Go, k.MatchDown, k.Everywhere, k.Clear}
	}
	return []key.Binding{k.Search}
}

// FullHelp implements help.KeyMap: the keys routed to the search.
func (b *searchBox) FullHelp() [][]key.Binding {
	k := b.common.Keys
	return [][]key.Binding{{k.Search, k.Everywhere, k.MatchUp, k.MatchDown, k.Go, k.Clear, k.Erase}}
}

// SetSize sets the area the box covers.
func (b *searchBox) SetSize(w, h int) { b.w, b.h = w, h }

// matches are the matches of the query, best first.
func (b *searchBox) matches() []explore.Match {
	if b.everywhere {
		return explore.SearchAll(b.common.Data, b.host.State(), b.query)
	}
	return explore.Search(b.common.Data, b.host.State(), b.query)
}

// Update opens the box, edits the query, picks and focuses a match.
func (b *searchBox) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := b.common.Keys
	switch {
	case !b.open:
		if key.Matches(kp, k.Search) {
			b.host.closeOverlays()
			b.open, b.query, b.pick = true, "", 0
		}
	case key.Matches(kp, k.Everywhere):
		b.everywhere, b.pick = !b.everywhere, 0
	case key.Matches(kp, k.MatchUp, k.MatchDown):
		// The pick goes round: from the first, up is the last.
		if n := len(b.matches()); n > 0 {
			d := map[bool]int{true: -1, false: 1}[key.Matches(kp, k.MatchUp)]
			b.pick = (min(b.pick, n-1) + d + n) % n
		}
	case key.Matches(kp, k.Go):
		b.focus()
	case key.Matches(kp, k.Clear):
		b.open = b.query != ""
		b.query, b.pick = "", 0
	case key.Matches(kp, k.Erase):
		if _, size := utf8.DecodeLastRuneInString(b.query); size > 0 {
			b.query, b.pick = b.query[:len(b.query)-size], 0
		}
	case kp.Text != "" && kp.Mod&(tea.ModCtrl|tea.ModAlt) == 0 && len(b.query)+len(kp.Text) <= explore.MaxQueryLen:
		b.query, b.pick = b.query+kp.Text, 0
	}
	return nil
}

// focus focuses the picked match and closes the box.
func (b *searchBox) focus() {
	ms := b.matches()
	if len(ms) == 0 {
		b.host.setStatus("no match for “" + b.query + "”")
		return
	}
	m := ms[min(b.pick, len(ms)-1)]
	st := b.host.State().FocusMatch(b.common.Data, m)
	b.host.showState(st)
	b.open, b.query, b.pick = false, "", 0
	b.host.setStatus("found " + m.Label)
}

// scope names where the box searches.
func (b *searchBox) scope() string {
	if b.everywhere {
		return "all views"
	}
	return "this view"
}

// View is the box over the body while open, else "": the query, then the
// matches with the matched wording highlighted, the picked one marked.
func (b *searchBox) View() string {
	if !b.open {
		return ""
	}
	s := b.common.Styles
	tail := s.Ellipsis()
	other := map[bool]string{true: "this view", false: "all views"}[b.everywhere]
	head := s.Title.Render("/ "+b.query) + s.Band.Render(" ") + s.Status.Render("  in "+b.scope()+s.Dot()+"ctrl+a: "+other)
	lines := []string{render.ClampLines(head, b.w)}
	ms := b.matches()
	switch {
	case b.query == "":
		lines = append(lines, s.Muted.Render(render.Truncate("Type to find an item; enter goes to it, esc closes.", b.w, tail)))
	case len(ms) == 0:
		lines = append(lines, s.Muted.Render(render.Truncate("No match for “"+b.query+"” in "+b.scope()+".", b.w, tail)))
	default:
		lines = append(lines, s.Muted.Render(render.Truncate(explore.Count(len(ms), "match", "matches")+" in "+b.scope(), b.w, tail)))
		lines = append(lines, b.matchLines(ms, b.h-len(lines))...)
	}
	return strings.Join(lines, "\n")
}

// matchLines draws the matches that fit in h lines, scrolled to keep the
// picked one in sight.
func (b *searchBox) matchLines(ms []explore.Match, h int) []string {
	s := b.common.Styles
	mark, blank := s.Marker()
	pick := min(b.pick, len(ms)-1)
	first := 0
	if h > 0 && pick >= h {
		first = pick - h + 1
	}
	var out []string
	for i := first; i < len(ms) && len(out) < h; i++ {
		m := ms[i]
		lead, style := blank, s.Label
		if i == pick {
			lead, style = mark, s.LabelFocus
		}
		where := ""
		if b.everywhere || m.View != b.host.State().View {
			where = s.Dot() + m.Where
		}
		label := m.Label[:m.Start] + "[" + m.Label[m.Start:m.End] + "]" + m.Label[m.End:]
		if !s.Mono() {
			label = style.Render(m.Label[:m.Start]) + style.Underline(true).Render(m.Label[m.Start:m.End]) + style.Render(m.Label[m.End:])
		} else {
			label = style.Render(label)
		}
		line := lead + label + s.Muted.Render(where)
		out = append(out, render.ClampLines(line, b.w))
	}
	if n := len(ms) - first - len(out); n > 0 && len(out) > 0 {
		out[len(out)-1] = s.Muted.Render(blank + "… " + strconv.Itoa(n+1) + " more")
	}
	return out
}

// searchKey is what the box draws from, for the frame's key.
type searchKey struct {
	open, everywhere bool
	query            string
	pick             int
}

// key is the box's part of the frame's key.
func (b *searchBox) key() searchKey {
	if !b.open {
		return searchKey{}
	}
	return searchKey{open: true, everywhere: b.everywhere, query: b.query, pick: b.pick}
}
