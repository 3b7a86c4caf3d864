package tui

import (
	"context"
	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/present"
	zone "github.com/lrstanley/bubblezone/v2"
)

func roleModel(t *testing.T, hub *present.Hub, role Role, w, h int) *Model {
	t.Helper()
	m := New(Options{Data: frozen(t), Width: w, Height: h, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: role, Hub: hub})
	t.Cleanup(m.Close)
	return m
}

// deliver runs the model's hub command once, as the program would, and
// passes what it returns to Update. It fails if no update is waiting.
func deliver(t *testing.T, m *Model) {
	t.Helper()
	var ch <-chan present.Update
	switch {
	case m.presenting.sub != nil:
		ch = m.presenting.sub.C()
	case m.presenting.pres != nil:
		ch = m.presenting.pres.C()
	default:
		t.Fatal("model has no hub")
	}
	select {
	case u := <-ch:
		m.Update(hubMsg{u: u, ch: ch})
		m.Frame()
	case <-time.After(5 * time.Second):
		t.Fatal("no hub update")
	}
}

// drain takes every waiting update.
func drain(m *Model) {
	for {
		var ch <-chan present.Update
		if m.presenting.sub != nil {
			ch = m.presenting.sub.C()
		} else {
			ch = m.presenting.pres.C()
		}
		select {
		case u, ok := <-ch:
			if !ok {
				return
			}
			m.Update(hubMsg{u: u, ch: ch})
		default:
			m.Frame()
			return
		}
	}
}

func footer(m *Model) string { return lastLine(screen(m)) }

func TestFollowersShowThePresentersState(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	fs := []*Model{roleModel(t, hub, RoleAudience, 80, 24), roleModel(t, hub, RoleAudience, 120, 40), roleModel(t, hub, RoleAudience, 60, 20)}
	for _, keys := range [][]string{{"2"}, {"j"}, {"s"}, {"p"}, {"c"}, {"j", "c"}, {"v"}, {"*"}, {"d"}, {"tab"}, {"b"}, {"5", "j"}} {
		press(p, keys...)
		for i, f := range fs {
			drain(f)
			// Big mode is each screen's own (TestBigModeIsEachScreens).
			want := p.State()
			want.Big = false
			if !f.State().Equal(want) {
				t.Fatalf("after %v follower %d shows\n%+v\nwant %+v", keys, i, f.State(), p.State())
			}
			if f.compare.open != p.compare.open {
				t.Fatalf("after %v follower %d panel %v, presenter %v", keys, i, f.compare.open, p.compare.open)
			}
		}
	}
	drain(p)
	if got := footer(p); !strings.Contains(got, "presenting · 3 follow") {
		t.Fatalf("presenter footer %q", got)
	}
	if got := footer(fs[0]); !strings.Contains(got, "following the presenter") {
		t.Fatalf("follower footer %q", got)
	}
}

func TestAudienceKeysNeverReachOthers(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 100, 30)
	b := roleModel(t, hub, RoleAudience, 100, 30)
	press(p, "3")
	drain(a)
	drain(b)
	before := hub.Current()
	// Following: keys do nothing but say how to explore.
	press(a, "1", "j", "s", "c", "tab", " ", "T")
	if a.State().View != dataset.ViewBenefits || !a.State().Equal(p.State()) {
		t.Fatalf("a following moved to %+v", a.State())
	}
	if !strings.Contains(footer(a), "f to explore alone") {
		t.Fatalf("footer %q", footer(a))
	}
	// Exploring alone: keys move a, never the hub or b.
	press(a, "f", "1", "j", "s", "c", "b")
	if a.State().View != dataset.ViewOverview {
		t.Fatalf("a exploring did not move: %+v", a.State())
	}
	if got := hub.Current(); got.Seq != before.Seq+1 || !got.Screen.Equal(before.Screen) {
		// The one change is a's follower count.
		t.Fatalf("hub changed by the audience: seq %d→%d, screen %+v", before.Seq, got.Seq, got.Screen.State)
	}
	drain(b)
	if b.State().View != dataset.ViewBenefits {
		t.Fatalf("b moved to %s", b.State().View)
	}
}

func TestDetachAndFollowAgain(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 100, 30)
	press(p, "2")
	drain(a)
	press(a, "f")
	if got := footer(a); !strings.Contains(got, "exploring — f to follow") {
		t.Fatalf("footer after f: %q", got)
	}
	drain(p)
	if got := footer(p); !strings.Contains(got, "presenting · 0 follow") {
		t.Fatalf("presenter footer with a exploring: %q", got)
	}
	press(a, "6")
	press(p, "4", "j")
	drain(a)
	if a.State().View != dataset.ViewSources {
		t.Fatalf("a exploring was moved to %s", a.State().View)
	}
	press(a, "f")
	if !a.State().Equal(p.State()) {
		t.Fatalf("f did not snap back: %+v, want %+v", a.State(), p.State())
	}
	if got := footer(a); strings.Count(got, "following the presenter") != 1 {
		t.Fatalf("footer after following again: %q", got)
	}
	drain(p)
	if got := footer(p); !strings.Contains(got, "presenting · 1 follows") {
		t.Fatalf("presenter footer: %q", got)
	}
}

func TestLateJoinerStartsAtCurrentState(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	press(p, "5", "j", "s")
	late := roleModel(t, hub, RoleAudience, 90, 25)
	if !late.State().Equal(p.State()) {
		t.Fatalf("late joiner at %+v, want %+v", late.State(), p.State())
	}
	if !strings.Contains(screen(late), "What holds doctors back") {
		t.Fatal("late joiner's first frame is not the privacy view")
	}
}

func TestPresenterLeavesAndReturns(t *testing.T) {
	hub := present.NewHub()
	ctx, cancel := context.WithCancel(context.Background())
	p := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: RolePresenter, Hub: hub, Context: ctx})
	a := roleModel(t, hub, RoleAudience, 100, 30)
	if got := footer(a); !strings.Contains(got, "following the presenter") {
		t.Fatalf("footer %q", got)
	}
	press(p, "3", "j")
	drain(a)
	want := p.State()
	cancel() // the presenter's session ends
	deliver(t, a)
	if got := footer(a); !strings.Contains(got, "the presenter left") {
		t.Fatalf("after leaving, footer %q", got)
	}
	if !a.State().Equal(want) {
		t.Fatal("follower lost the last state")
	}
	p.Close()

	p2 := New(Options{Data: frozen(t), Width: 80, Height: 24, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: RolePresenter, Hub: hub, Tour: true})
	t.Cleanup(p2.Close)
	if !p2.State().Equal(want) {
		t.Fatalf("returning presenter (serve --tour) starts at %+v, want the talk's state %+v", p2.State(), want)
	}
	if got := footer(p2); !strings.Contains(got, "presenting · 1 follows") {
		t.Fatalf("returning presenter's first footer %q", got)
	}
	drain(a)
	if got := footer(a); !strings.Contains(got, "following the presenter") {
		t.Fatalf("after return, footer %q", got)
	}
	press(p2, "6")
	drain(a)
	if a.State().View != dataset.ViewSources {
		t.Fatalf("follower did not follow the returning presenter: %s", a.State().View)
	}
}

func TestAudienceWaitsForAPresenter(t *testing.T) {
	hub := present.NewHub()
	a := roleModel(t, hub, RoleAudience, 100, 30)
	if got := footer(a); !strings.Contains(got, "waiting for the presenter") {
		t.Fatalf("footer %q", got)
	}
}

func TestPresenterQuitsOnSecondQ(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	_, cmd := p.Update(keyMsg("q"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("first q quit")
		}
	}
	if got := footer(p); !strings.Contains(got, "press q again to quit") {
		t.Fatalf("footer %q", got)
	}
	press(p, "j") // another key disarms
	_, cmd = p.Update(keyMsg("q"))
	if cmd != nil {
		t.Fatal("q after another key quit")
	}
	_, cmd = p.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("second q did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("second q did not quit")
	}
	h := roleModel(t, hub, RolePresenter, 100, 30)
	press(h, "?")
	if _, cmd := h.Update(keyMsg("q")); cmd != nil {
		t.Fatal("first q in the full help quit")
	}
	a := roleModel(t, hub, RoleAudience, 100, 30)
	if _, cmd := a.Update(keyMsg("q")); cmd == nil {
		t.Fatal("audience q did not quit at once")
	}
}

func TestTourStepping(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 100, 30)
	c := frozen(t)
	press(p, " ")
	drain(a)
	for i := 0; i < len(c.Tour); i++ {
		step := c.Tour[i]
		if p.State().Step != i || a.State().Step != i {
			t.Fatalf("step %d: presenter %d, audience %d", i, p.State().Step, a.State().Step)
		}
		if p.State().View != step.View || a.State().View != step.View {
			t.Fatalf("step %d: views %s, %s; want %s", i, p.State().View, a.State().View, step.View)
		}
		ps, as := flat(screen(p)), flat(screen(a))
		head := step.Takeaway[:30]
		if !strings.Contains(ps, head) || !strings.Contains(as, head) {
			t.Fatalf("step %d: takeaway %q missing\npresenter:\n%s\naudience:\n%s", i, head, screen(p), screen(a))
		}
		if step.Notes != "" {
			notes := strings.Join(strings.Fields(step.Notes), " ")[:25]
			if !strings.Contains(ps, notes) {
				t.Fatalf("step %d: notes missing on the presenter's screen", i)
			}
			if strings.Contains(as, notes) || strings.Contains(as, "notes:") {
				t.Fatalf("step %d: notes on the audience's screen", i)
			}
		}
		if i+1 < len(c.Tour) {
			k := []string{" ", "pgdown"}[i%2]
			press(p, k)
			drain(a)
		}
	}
	// At the last step the key bar offers no next step: space ends the
	// tour (issue 17, fault 9).
	if got := footer(p); !strings.Contains(got, "space/pgdn end tour") || strings.Contains(got, "next step") {
		t.Fatalf("footer at the end: %q", got)
	}
	press(p, "backspace")
	if p.State().Step != len(c.Tour)-2 {
		t.Fatalf("backspace: step %d", p.State().Step)
	}
	press(p, "pgup")
	if p.State().Step != len(c.Tour)-3 {
		t.Fatalf("pgup: step %d", p.State().Step)
	}
	press(p, "T")
	drain(a)
	if p.State().Step != -1 || a.State().Step != -1 || strings.Contains(screen(a), "▶") {
		t.Fatal("T did not end the tour for everyone")
	}
	view := p.State().View
	press(p, "pgdown")
	if p.State().View == view || p.State().Step != -1 {
		t.Fatal("pgdown off the tour did not change view")
	}
}

func TestLocalTour(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Tour: true})
	t.Cleanup(m.Close)
	c := frozen(t)
	s := flat(screen(m))
	if m.State().Step != 0 || !strings.Contains(s, "1/"+itoa(len(c.Tour))) || !strings.Contains(s, c.Tour[0].Takeaway[:30]) {
		t.Fatalf("--tour does not open on step 1:\n%s", screen(m))
	}
	if !strings.Contains(s, "notes:") {
		t.Fatal("local tour hides the notes")
	}
	press(m, " ")
	if m.State().Step != 1 {
		t.Fatalf("space: step %d", m.State().Step)
	}
	// Without --tour, space does nothing and T starts the tour.
	e := newModel(t, 100, 30)
	press(e, " ")
	if e.State().Step != -1 {
		t.Fatal("space started the tour in the explorer")
	}
	press(e, "T")
	if e.State().Step != 0 {
		t.Fatal("T did not start the tour")
	}
}

func TestPresentScreens(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 72, 24)
	press(p, " ", " ")
	drain(a)
	drain(p)
	golden(t, "presenter-tour-step2-100x30", screen(p))
	golden(t, "audience-tour-step2-72x24", screen(a))
	press(a, "f", "j")
	golden(t, "audience-exploring-72x24", screen(a))
}

// flat joins a screen's lines, so wrapped text can be searched.
func flat(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return strings.Join(out, " ")
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+n))) }

func TestFollowingTouchesAndKeepsHelpOpen(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	touched := 0
	a := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: RoleAudience, Hub: hub,
		Touch: func() { touched++ }})
	t.Cleanup(a.Close)
	drain(a)
	press(a, "?")
	before := touched
	press(p, "2")
	drain(a)
	if touched <= before {
		t.Fatal("the presenter's change did not count as activity for the follower")
	}
	if !a.full || a.State().View != dataset.ViewPlatforms {
		t.Fatalf("follower's help closed (%v) or state not followed (%s)", a.full, a.State().View)
	}
	press(a, "f") // exploring alone: no longer touched by the presenter
	before = touched
	press(p, "3")
	drain(a)
	if touched != before {
		t.Fatal("a follower exploring alone was kept alive by the presenter")
	}
}

// waitTabZone waits until bubblezone has recorded the tab of view id, which
// it does asynchronously after View.
func waitTabZone(t *testing.T, m *Model, id string) *zone.ZoneInfo {
	t.Helper()
	m.Frame()
	deadline := time.Now().Add(2 * time.Second)
	for m.common.Zone.Get(tabZone(id)).IsZero() {
		if time.Now().After(deadline) {
			t.Fatal("tab zone never recorded")
		}
		time.Sleep(5 * time.Millisecond)
	}
	return m.common.Zone.Get(tabZone(id))
}

func TestFollowerMouseIsIgnored(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 100, 30)
	press(p, "2")
	drain(a)
	want := a.State()
	z := waitTabZone(t, a, "privacy")
	for _, b := range []tea.MouseMsg{
		tea.MouseClickMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseLeft},
		tea.MouseWheelMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseWheelDown},
		tea.MouseWheelMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseWheelUp},
	} {
		a.Update(b)
		if !a.State().Equal(want) {
			t.Fatalf("following, mouse %v moved the view to %+v", b, a.State())
		}
	}
	got := footer(a)
	if !strings.Contains(got, "following the presenter") || !strings.Contains(got, "f to explore alone") {
		t.Fatalf("footer after a click while following: %q", got)
	}
	// Exploring alone, the mouse works again.
	press(a, "f")
	z = waitTabZone(t, a, "privacy")
	a.Update(tea.MouseClickMsg{X: z.StartX + 1, Y: z.StartY, Button: tea.MouseLeft})
	if a.State().View != dataset.ViewPrivacy {
		t.Fatalf("exploring alone, a click on the Privacy tab shows %s", a.State().View)
	}
}

func TestBigModeIsEachScreens(t *testing.T) {
	hub := present.NewHub()
	p := roleModel(t, hub, RolePresenter, 100, 30)
	a := roleModel(t, hub, RoleAudience, 100, 30)
	press(p, "2", "b")
	drain(a)
	if !p.State().Big || a.State().Big {
		t.Fatalf("presenter big %v, follower big %v; want the follower's own (off)", p.State().Big, a.State().Big)
	}
	// A follower toggles big mode while following, and keeps following.
	if !a.common.Keys.Big.Enabled() {
		t.Fatal("b is disabled for a following audience")
	}
	press(a, "b")
	if !a.State().Big || !a.presenting.following() || a.State().View != dataset.ViewPlatforms {
		t.Fatalf("follower after b: big %v, following %v, view %s", a.State().Big, a.presenting.following(), a.State().View)
	}
	press(p, "b", "3")
	drain(a)
	if !a.State().Big || a.State().View != dataset.ViewBenefits {
		t.Fatalf("follower after the presenter left big mode and moved on: big %v, view %s", a.State().Big, a.State().View)
	}
	if got := footer(a); strings.Contains(got, "f to explore alone") {
		t.Fatalf("b was refused while following: %q", got)
	}
}
