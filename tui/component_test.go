package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/present"
)

// fakeHost is a root for one component alone: one view's state, the
// status, and what was asked of it.
type fakeHost struct {
	c       *dataset.Collection
	st      explore.State
	status  string
	closed  int
	screens []present.Screen
}

func (h *fakeHost) State() explore.State          { return h.st }
func (h *fakeHost) setState(st explore.State)     { h.st = st.Normalize(h.c) }
func (h *fakeHost) setAll(f func(*explore.State)) { f(&h.st); h.st = h.st.Normalize(h.c) }
func (h *fakeHost) applyScreen(sc present.Screen) {
	h.screens = append(h.screens, sc)
	h.setState(sc.State)
}
func (h *fakeHost) closeOverlays()                      { h.closed++ }
func (h *fakeHost) showState(st explore.State)          { h.st = st.Normalize(h.c) }
func (h *fakeHost) screen() present.Screen              { return present.Screen{State: h.st} }
func (h *fakeHost) setStatus(s string)                  { h.status = s }
func (h *fakeHost) press(c Component, k string) tea.Cmd { h.status = ""; return c.Update(keyMsg(k)) }

// isolated is a Common and a host on view for one component.
func isolated(t *testing.T, view string) (*Common, *fakeHost) {
	t.Helper()
	data := frozen(t)
	keys := DefaultKeyMap()
	c := &Common{Keys: &keys, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Data: data}
	c.restyle()
	return c, &fakeHost{c: data, st: explore.Start().GotoViewID(data, view)}
}

// TestComparePanelKeys: the comparing keys alone, against a fake root.
func TestComparePanelAlone(t *testing.T) {
	c, h := isolated(t, dataset.ViewPlatforms)
	p := &comparePanel{common: c, host: h}
	p.SetSize(100, 20)
	steps := []struct {
		key, status string
		pins        int
		open        bool
	}{
		{"c", "pinned Facebook", 1, false},
		{"v", "", 1, true},
		{"v", "", 1, false},
		{"C", "pins cleared", 0, false},
		{"c", "pinned Facebook", 1, false},
	}
	for i, s := range steps {
		h.press(p, s.key)
		if h.status != s.status || len(h.st.Pins) != s.pins || p.open != s.open {
			t.Fatalf("step %d (%s): status %q pins %d open %v, want %q %d %v", i, s.key, h.status, len(h.st.Pins), p.open, s.status, s.pins, s.open)
		}
	}
	h.st = h.st.MoveFocus(c.Data, 1)
	if h.press(p, "c"); !strings.HasSuffix(h.status, "(v to compare)") {
		t.Errorf("second pin: %q", h.status)
	}
	if h.press(p, "v"); !strings.Contains(ansiStrip(p.View()), "Comparing two pinned items") {
		t.Errorf("panel view:\n%s", ansiStrip(p.View()))
	}
	c.Keys.enable(keyState{panel: true, pinned: true}) // the root's key switch, as it ends an Update
	if h.press(p, "esc"); p.open {
		t.Error("esc did not close the panel (v/esc is its close key)")
	}
	c.Keys.enable(keyState{onItem: true, diverge: true, pinned: true})
	if h.press(p, "*"); h.status != "spotlight: YouTube" || h.st.Spotlight != "YouTube" {
		t.Errorf("spotlight: %q %q", h.status, h.st.Spotlight)
	}
	if h.press(p, "*"); h.status != "spotlight off" || h.st.Spotlight != "" {
		t.Errorf("spotlight off: %q %q", h.status, h.st.Spotlight)
	}
	closed := h.closed
	if h.press(p, "d"); !h.st.Diverging || h.status != "butterfly chart" || h.closed == closed {
		t.Errorf("d: diverging %v, status %q", h.st.Diverging, h.status)
	}
}

// TestSourcesPanelKeys: enter sets the focused measure's sources side by
// side, esc closes them.
func TestSourcesPanelAlone(t *testing.T) {
	c, h := isolated(t, dataset.ViewSources)
	p := &sourcesPanel{common: c, host: h}
	p.SetSize(100, 20)
	want, ok := explore.MeasureAt(c.Data, h.st)
	for i := 0; !ok && i < 20; i++ {
		h.st = h.st.MoveFocus(c.Data, 1)
		want, ok = explore.MeasureAt(c.Data, h.st)
	}
	if !ok {
		t.Fatal("no measure in the sources view")
	}
	if h.press(p, "enter"); p.measure != want || h.closed != 1 || p.View() == "" {
		t.Fatalf("enter: measure %q (want %q), overlays closed %d", p.measure, want, h.closed)
	}
	if h.press(p, "esc"); p.measure != "" || p.View() != "" {
		t.Fatalf("esc left %q", p.measure)
	}
	if p.show("no-such-measure"); p.measure != "" {
		t.Error("show of a measure the data lacks")
	}
}

// TestTourKeys: the tour's keys alone.
func TestTourAlone(t *testing.T) {
	c, h := isolated(t, dataset.ViewOverview)
	g := &tourGuide{common: c, host: h, notes: true}
	g.SetSize(100, 0)
	n := explore.TourLen(c.Data)
	steps := []struct {
		key    string
		step   int
		status string
	}{
		{"T", 0, ""}, {"space", 1, ""}, {"backspace", 0, ""}, {"backspace", 0, "first step of the tour"},
	}
	for _, s := range steps {
		h.press(g, s.key)
		if h.st.Step != s.step || h.status != s.status {
			t.Fatalf("%s: step %d status %q, want %d %q", s.key, h.st.Step, h.status, s.step, s.status)
		}
	}
	if l := g.lines(); len(l) < 2 || !strings.Contains(ansiStrip(l[0]), "1/"+itoa(n)) || !strings.Contains(ansiStrip(strings.Join(l, "\n")), "notes:") {
		t.Fatalf("tour lines: %q", l)
	}
	g.notes = false
	if strings.Contains(ansiStrip(g.View()), "notes:") {
		t.Error("notes shown to a session without them")
	}
	for range n - 1 {
		h.press(g, "space")
	}
	if h.st.Step != n-1 {
		t.Fatalf("at the end: step %d", h.st.Step)
	}
	// The last step's next step ends the tour (issue 17, fault 9).
	if h.press(g, "space"); h.st.Step != -1 || h.status != "end of the tour: tour off" {
		t.Fatalf("past the end: step %d status %q", h.st.Step, h.status)
	}
	h.press(g, "T")
	if h.press(g, "T"); h.st.Step != -1 || h.status != "tour off" || g.lines() != nil {
		t.Fatalf("T on the tour: step %d status %q", h.st.Step, h.status)
	}
}

// TestPresentingStatusAndQuit: the presenting component's status line and
// quit confirmation, by role and update.
func TestPresentingStatusAndQuit(t *testing.T) {
	c, h := isolated(t, dataset.ViewOverview)
	tests := []struct {
		name string
		p    *presenting
		want string
	}{
		{"explorer", &presenting{}, ""},
		{"presenter", &presenting{role: RolePresenter, holds: true, last: present.Update{Followers: 3}}, "presenting · 3 follow"},
		{"presenter, one", &presenting{role: RolePresenter, holds: true, last: present.Update{Followers: 1}}, "presenting · 1 follows"},
		{"presenter waiting", &presenting{role: RolePresenter, last: present.Update{Presenter: "ann"}}, "ann presents — you follow; P twice to take over"},
		{"presenter, room free", &presenting{role: RolePresenter}, "nobody presents — P to present"},
		{"audience waiting", &presenting{role: RoleAudience, follows: true}, "waiting for the presenter"},
		{"audience following", &presenting{role: RoleAudience, follows: true, last: present.Update{HasScreen: true, Online: true}}, "following the presenter"},
		{"audience, presenter gone", &presenting{role: RoleAudience, follows: true, last: present.Update{HasScreen: true}}, "the presenter left: showing their last screen"},
		{"audience exploring", &presenting{role: RoleAudience}, "exploring — f to follow"},
		{"link lost", &presenting{role: RoleAudience, follows: true, last: present.Update{HasScreen: true, LinkLost: true}}, "link to the presenter lost: showing the last screen"},
	}
	for _, tt := range tests {
		p := tt.p
		p.common, p.host = c, h
		if got := p.View(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	ascii := &Common{Keys: c.Keys, Env: terminal.Env{ASCII: true}, Data: c.Data}
	ascii.restyle()
	if got := (&presenting{common: ascii, host: h, role: RolePresenter, holds: true}).View(); got != "presenting | 0 follow" {
		t.Errorf("ASCII presenter status %q", got)
	}
	p := &presenting{common: c, host: h, role: RolePresenter, holds: true}
	p.keyPressed()
	if !p.confirmQuit("q") || h.status != "press q again to quit" {
		t.Fatal("a presenter's first q quits")
	}
	p.keyPressed()
	if p.confirmQuit("q") {
		t.Fatal("a presenter's second q does not quit")
	}
	p.keyPressed()
	p.keyPressed() // another key in between disarms
	if !p.confirmQuit("q") {
		t.Fatal("q after another key quits at once")
	}
	if e := (&presenting{common: c, host: h}); e.confirmQuit("q") {
		t.Fatal("an explorer is asked twice")
	}
}

// TestDescribeAndExportKeys: the describe line and the export key alone.
func TestDescribeAndExportAlone(t *testing.T) {
	c, h := isolated(t, dataset.ViewPlatforms)
	cp, sp := &comparePanel{common: c, host: h}, &sourcesPanel{common: c, host: h}
	d := &describeLine{common: c, host: h, compare: cp, sources: sp}
	d.SetSize(100, 0)
	if h.press(d, "i"); !d.on || d.height() != describeLineHeight || h.status != "describe on" || !strings.Contains(ansiStrip(d.View()), "Facebook") {
		t.Fatalf("i: on %v status %q view %q", d.on, h.status, ansiStrip(d.View()))
	}
	if h.press(d, "i"); d.on || d.height() != 0 || d.View() != "" {
		t.Fatal("second i left the line on")
	}
	e := &exporter{common: c, host: h, dir: t.TempDir(), now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }}
	e.SetSize(100, 0)
	cmd := h.press(e, "x")
	if cmd == nil || h.status != "exporting…" {
		t.Fatalf("x: status %q", h.status)
	}
	e.Update(cmd())
	if h.status != "wrote docsurvey-platforms-20260102-030405.{txt,md,csv}" {
		t.Fatalf("after the export: %q", h.status)
	}
	e.Update(exportDoneMsg{err: errors.New("disk full")})
	if h.status != "export failed: disk full" {
		t.Fatalf("failed export: %q", h.status)
	}
}

// TestPaneKeys: a view's own keys alone.
func TestPaneAlone(t *testing.T) {
	c, h := isolated(t, dataset.ViewPlatforms)
	p := newPane(c, h, dataset.ViewPlatforms, h.st)
	for _, s := range []struct{ key, focus, status string }{
		{"j", "youtube", ""}, {"G", "none", ""}, {"g", "facebook", ""}, {"s", "facebook", "value · both"},
		{"r", "facebook", "value (rev) · both"}, {"p", "facebook", "value (rev) · Professional use only"},
	} {
		h.press(p, s.key)
		if p.State().Focus != s.focus || h.status != s.status {
			t.Fatalf("%s: focus %q status %q, want %q %q", s.key, p.State().Focus, h.status, s.focus, s.status)
		}
	}
	if !p.moves() {
		t.Error("platforms has items to move over")
	}
}

func ansiStrip(s string) string { return ansi.Strip(s) }

// TestASCIIPresentationIsASCII: an --ascii audience following a tour and
// an --ascii presenter draw nothing but ASCII, the presentation's status
// and the tour lines included (one mapping: render.ToASCII).
func TestASCIIPresentationIsASCII(t *testing.T) {
	hub := present.NewHub()
	env := terminal.Env{ASCII: true, Mono: true}
	p := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: env, Role: RolePresenter, Hub: hub, Tour: true})
	a := New(Options{Data: frozen(t), Width: 72, Height: 24, Env: env, Role: RoleAudience, Hub: hub})
	defer p.Close()
	defer a.Close()
	press(p, " ")
	drain(a)
	for name, m := range map[string]*Model{"presenter": p, "audience": a} {
		s := screen(m)
		for i, r := range s {
			if r >= 0x80 {
				t.Fatalf("%s: non-ASCII %q at %d:\n%s", name, r, i, s)
			}
		}
		if !strings.Contains(s, "> 2/") || !strings.Contains(s, " | ") && name == "presenter" {
			t.Errorf("%s: no tour mark or status separator:\n%s", name, s)
		}
	}
}
