package tui

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/render"
)

// Issue 17: what a newcomer tripped on, and what they reached for.

// helpText is every line of the full help, scrolled through to its end.
func helpText(m *Model) string {
	seen := screen(m)
	for range 50 {
		if !m.common.Keys.HelpDown.Enabled() {
			break
		}
		press(m, "j")
		seen += "\n" + screen(m)
	}
	return seen
}

// TestHelpListsEveryKeyAtAnySize: at 72x24 and 40x12 (and the smallest
// size) the full help lists every enabled key, its columns re-flowed into
// rows and scrolled where they do not fit (fault 1).
func TestHelpListsEveryKeyAtAnySize(t *testing.T) {
	for _, sz := range [][2]int{{72, 24}, {40, 12}, {MinWidth, MinHeight}, {100, 30}} {
		m := newModel(t, sz[0], sz[1])
		press(m, "2", "j", "?")
		var want []key.Binding
		for _, col := range m.common.Keys.FullHelp() {
			for _, b := range col {
				if b.Enabled() && b.Help().Desc != "help up" && b.Help().Desc != "help down" {
					want = append(want, b)
				}
			}
		}
		text := helpText(m)
		for _, b := range want {
			if !strings.Contains(text, b.Help().Desc) {
				t.Errorf("%dx%d: the help never shows %q (%s)", sz[0], sz[1], b.Help().Key, b.Help().Desc)
			}
		}
		if body := strings.Split(screen(m), "\n"); strings.Contains(strings.Join(body[:len(body)-1], "\n"), "…") {
			t.Errorf("%dx%d: the help is cut:\n%s", sz[0], sz[1], text)
		}
	}
}

// TestHelpGoldens: the full help at 72x24 and 40x12, and 40x12 scrolled.
func TestHelpGoldens(t *testing.T) {
	m := newModel(t, 72, 24)
	press(m, "2", "j", "?")
	golden(t, "help-72x24", screen(m))
	n := newModel(t, 40, 12)
	press(n, "2", "j", "?")
	golden(t, "help-40x12", screen(n))
	press(n, "j", "j", "j")
	golden(t, "help-40x12-scrolled", screen(n))
	if n.helpTop != 3 {
		t.Errorf("help scrolled to %d, want 3", n.helpTop)
	}
	if n.State().Focus != "youtube" {
		t.Errorf("↓ under a scrolling help moved the focus to %s", n.State().Focus)
	}
}

// TestActiveTabWithoutColour: under NO_COLOR, --color never and --ascii
// the active tab is bracketed, so it reads with no attribute (fault 2).
func TestActiveTabWithoutColour(t *testing.T) {
	for name, env := range map[string]terminal.Env{
		"no-color": {Profile: colorprofile.ASCII}, "never": {Profile: colorprofile.ASCII, Mono: true},
		"ascii-mono": {Profile: colorprofile.ASCII, ASCII: true}, "ascii": {Profile: colorprofile.ANSI256, ASCII: true},
	} {
		m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: env})
		t.Cleanup(m.Close)
		press(m, "2")
		if tabs := strings.Split(screen(m), "\n")[0]; !strings.Contains(tabs, "[2 Platforms]") || strings.Contains(tabs, "[1 ") {
			t.Errorf("%s: the active tab is not marked: %q", name, tabs)
		}
	}
	m := newModel(t, 100, 30)
	if tabs := strings.Split(screen(m), "\n")[0]; strings.Contains(tabs, "[") {
		t.Errorf("colour marks the tab with brackets too: %q", tabs)
	}
}

// TestFocusKeepsPinAndSpotlightMarks: the focused row shows its pin and
// its spotlight beside the focus marker (fault 3).
func TestFocusKeepsPinAndSpotlightMarks(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2", "c")
	if s := screen(m); !strings.Contains(s, "▸◆Facebook") {
		t.Fatalf("focused pinned row:\n%s", s)
	}
	press(m, "j", "*")
	if s := screen(m); !strings.Contains(s, "▸★YouTube") || !strings.Contains(s, "◆ Facebook") {
		t.Fatalf("focused spotlit row, pinned row:\n%s", s)
	}
}

// TestOneStateLabel: the sort and series label beside the tabs and after
// s and p is one format at every width, the series kept with one shown
// (fault 5).
func TestOneStateLabel(t *testing.T) {
	for _, w := range []int{120, 160, 200} { // at 100 the label does not fit beside the tabs: it is left out whole
		m := newModel(t, w, 30)
		press(m, "2", "s")
		if got := footer(m); !strings.HasPrefix(got, "value · both") {
			t.Errorf("%d: after s: %q", w, got)
		}
		press(m, "p")
		if got := footer(m); !strings.HasPrefix(got, "value · Professional use only") {
			t.Errorf("%d: after p: %q", w, got)
		}
		if tabs := strings.Split(screen(m), "\n")[0]; !strings.HasSuffix(tabs, "value · Professional use only") {
			t.Errorf("%d: tabs: %q", w, tabs)
		}
	}
}

// TestStatusCutBetweenWords: a status wider than the line is cut between
// words with an ellipsis (fault 8).
func TestStatusCutBetweenWords(t *testing.T) {
	m := newModel(t, 40, 20)
	press(m, "2", "c", "j", "j", "c", "j", "c")
	full := m.presenting.withStatus(m.statusLine())
	got := footer(m)
	if len(full) <= 40 || got != render.Truncate(full, 40, "…") || !strings.HasSuffix(got, "…") {
		t.Fatalf("footer %q for status %q", got, full)
	}
}

// TestPinsSharingNoSeries: comparing pins from charts that share no
// series says so when the panel opens (fault 11).
func TestPinsSharingNoSeries(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2", "c", "3", "c", "v")
	cm := explore.Compare(m.common.Data, m.State().Pins)
	if note := cm.SharedNote(); note == "" || !strings.Contains(screen(m), note[:30]) {
		t.Fatalf("shared note %q not shown:\n%s", note, screen(m))
	}
}

// TestSpreadSortName: a chart of three or more series sorts by its
// spread, and says so (fault 12).
func TestSpreadSortName(t *testing.T) {
	src := `{"title": "T", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "c", "view": "roles", "title": "T", "question": "Q", "source": "s",
"series": [{"id": "a", "label": "Nurses"}, {"id": "b", "label": "Physicians"}, {"id": "d", "label": "Pharmacists"}],
"items": [{"id": "i", "label": "I", "values": {"a": 5, "b": 9, "d": 7}}, {"id": "j", "label": "J", "values": {"a": 7, "b": 1, "d": 2}}]}]}`
	c, err := dataset.Parse([]byte(src), "f.json")
	if err != nil {
		t.Fatal(err)
	}
	st := explore.Start().GotoViewID(c, "roles")
	st.Sort = dataset.SortGap
	if got := sortName(c, st); got != "spread" {
		t.Fatalf("sort by gap over three series: %q", got)
	}
	st.Series = "a"
	if got := stateLabel(c, st, " · "); got != "spread · Nurses only" {
		t.Fatalf("label: %q", got)
	}
}

// TestCtrlCNamedWhilePresenting: a presenter's ctrl+c asks for ctrl+c
// again, not q (fault 13).
func TestCtrlCNamedWhilePresenting(t *testing.T) {
	p := roleModel(t, present.NewHub(), RolePresenter, 100, 30)
	_, cmd := p.Update(keyMsg("ctrl+c"))
	if cmd != nil || !strings.Contains(footer(p), "press ctrl+c again to quit") {
		t.Fatalf("footer %q", footer(p))
	}
	if _, cmd = p.Update(keyMsg("ctrl+c")); cmd == nil {
		t.Fatal("the second ctrl+c does not quit")
	}
}

// TestClickOnABarFocusesIt: a left click on a bar, on the row's label or
// on a further series' line focuses that item; in the table too (fault
// 14).
func TestClickOnABarFocusesIt(t *testing.T) {
	m := newModel(t, 100, 30)
	press(m, "2")
	lines := strings.Split(screen(m), "\n")
	row := func(label string) int {
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimLeft(l, "▸◆★ "), label+" ") {
				return i
			}
		}
		t.Fatalf("no row %s:\n%s", label, strings.Join(lines, "\n"))
		return 0
	}
	click := func(x, y int) {
		m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y})
		m.Frame()
	}
	click(40, row("LinkedIn"))
	if f := m.State().Focus; f != "linkedin" {
		t.Fatalf("click on LinkedIn's bar: focus %s", f)
	}
	click(40, row("YouTube")+1) // its personal-use bar
	if f := m.State().Focus; f != "youtube" {
		t.Fatalf("click on YouTube's second bar: focus %s", f)
	}
	press(m, "t")
	lines = strings.Split(screen(m), "\n")
	click(5, row("Twitter"))
	if f := m.State().Focus; f != "twitter" {
		t.Fatalf("click on a table row: focus %s", f)
	}
}

// TestTableView: t shows the chart as a table, the same in big mode, and
// back; the focus keys move over its rows.
func TestTableView(t *testing.T) {
	for _, sz := range [][2]int{{72, 24}, {40, 12}} {
		m := newModel(t, sz[0], sz[1])
		press(m, "2", "j", "t")
		golden(t, "table-"+strconv.Itoa(sz[0])+"x"+strconv.Itoa(sz[1]), screen(m))
	}
	m := newModel(t, 100, 30)
	press(m, "2", "t")
	want := render.Table(m.common.Data, m.State(), render.Options{Width: 100, Height: 30 - 3, Styles: m.common.Styles})
	if !strings.Contains(m.Frame(), strings.Split(want, "\n")[1]) {
		t.Fatalf("not the table:\n%s", screen(m))
	}
	press(m, "b")
	if s := screen(m); !strings.Contains(s, "Facebook") || strings.Contains(s, "███") {
		t.Fatalf("big mode leaves the table:\n%s", s)
	}
	press(m, "b", "j")
	if m.State().Focus != "youtube" {
		t.Fatalf("j in the table: %s", m.State().Focus)
	}
	press(m, "t")
	if !strings.Contains(screen(m), "███") {
		t.Fatal("t does not go back to the chart")
	}
}

// TestSearch: / filters the view's items as one types, ctrl+a searches
// every view, enter focuses the match (turning to its view), esc clears
// and then closes; q types while searching.
func TestSearch(t *testing.T) {
	m := newModel(t, 72, 24)
	press(m, "2", "/", "l", "i", "n")
	golden(t, "search-72x24", screen(m))
	if s := screen(m); !strings.Contains(s, "[Lin]kedIn") && !strings.Contains(s, "LinkedIn") {
		t.Fatalf("no match listed:\n%s", s)
	}
	press(m, "enter")
	if st := m.State(); st.View != "platforms" || st.Focus != "linkedin" || m.search.open {
		t.Fatalf("enter: %+v open %v", st, m.search.open)
	}
	press(m, "/", "q", "u", "a", "n", "t", "i")
	if !m.search.open || m.search.query != "quanti" || m.quitting {
		t.Fatalf("typing q: query %q quitting %v", m.search.query, m.quitting)
	}
	press(m, "esc")
	if !m.search.open || m.search.query != "" {
		t.Fatal("esc does not clear the query first")
	}
	press(m, "esc")
	if m.search.open {
		t.Fatal("esc on an empty query does not close the box")
	}
	// Across views: "kantar" is a source, in the Sources view.
	n := newModel(t, 40, 12)
	press(n, "2", "/", "k", "a", "n", "t", "a", "r")
	if n.common.Keys.Go.Enabled() {
		t.Fatal("a match for kantar in Platforms")
	}
	n.Update(tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl})
	n.Frame()
	golden(t, "search-all-40x12", screen(n))
	press(n, "enter")
	if st := n.State(); st.View != dataset.ViewSources || !strings.Contains(st.Focus, "kantar") {
		t.Fatalf("enter across views: %+v", st)
	}
}

// TestSearchWhileFollowing: an audience's / detaches, as f does, and
// searches alone.
func TestSearchWhileFollowing(t *testing.T) {
	a := roleModel(t, present.NewHub(), RoleAudience, 100, 30)
	press(a, "/")
	if !a.search.open || a.presenting.following() {
		t.Fatalf("/ while following: open %v following %v", a.search.open, a.presenting.following())
	}
	a.Update(tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl})
	press(a, "f", "a", "c", "e", "b", "o", "o", "k", "enter")
	if st := a.State(); st.View != "platforms" || st.Focus != "facebook" || a.presenting.following() {
		t.Fatalf("search alone: %+v following %v", st, a.presenting.following())
	}
}

// TestCopyKeys: y puts the focused figure's sentence on the clipboard and
// says so; Y the chart as Markdown.
func TestCopyKeys(t *testing.T) {
	var got []string
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256},
		Clipboard: func(s string) { got = append(got, s) }})
	t.Cleanup(m.Close)
	press(m, "2", "p", "p", "y")
	ch := m.State().CurrentChart(m.common.Data)
	want, _ := explore.FigureSentence(m.common.Data, ch, "facebook", "personal")
	if len(got) != 1 || got[0] != want || !strings.HasPrefix(want, "61% of physicians use Facebook") {
		t.Fatalf("y copied %q, want %q", got, want)
	}
	if f := footer(m); !strings.HasPrefix(f, "copied: 61% of physicians") {
		t.Fatalf("footer %q", f)
	}
	press(m, "Y")
	if len(got) != 2 || !strings.Contains(got[1], "| Item |") || !strings.Contains(got[1], "Facebook") {
		t.Fatalf("Y copied %q", got[1:])
	}
	// Without a session writer the copy is Bubble Tea's OSC 52.
	n := newModel(t, 100, 30)
	press(n, "2")
	if _, cmd := n.Update(keyMsg("y")); cmd == nil {
		t.Fatal("y without a clipboard writer returns no command")
	}
}

// TestOpenSource: o opens the passage that states the focused figure, the
// wording marked; esc closes; a source without a shipped document says
// so.
func TestOpenSource(t *testing.T) {
	m := newModel(t, 72, 24)
	press(m, "2", "o")
	if !m.passage.open || !strings.Contains(m.passage.p.Text[m.passage.p.Start:m.passage.p.End], "Facebook") {
		t.Fatalf("o: open %v passage %+v", m.passage.open, m.passage.p)
	}
	golden(t, "source-72x24", screen(m))
	if !strings.Contains(screen(m), "▸ ") {
		t.Fatal("the stated words are not marked")
	}
	press(m, "esc")
	if m.passage.open {
		t.Fatal("esc does not close the passage")
	}
	// A figure whose source ships no document.
	c := m.common.Data
	for _, id := range c.ViewIDs() {
		for i, sec := range explore.Sections(c, id) {
			if sec.Chart == nil {
				continue
			}
			for _, it := range sec.Chart.Items {
				st := explore.Start().GotoViewID(c, id).FocusMatch(c, explore.Match{View: id, Section: i, Focus: it.ID})
				if _, err := focusedPassage(c, st); errors.Is(err, dataset.ErrNoDocument) {
					m.showState(st)
					press(m, "o")
					if m.passage.open || !strings.Contains(footer(m), "no") {
						t.Fatalf("o without a document: open %v footer %q", m.passage.open, footer(m))
					}
					return
				}
			}
		}
	}
	t.Skip("every chart figure's source ships a document")
}
