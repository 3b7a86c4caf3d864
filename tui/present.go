package tui

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/present"
)

// Role is what a session does in a presentation.
type Role int

// Roles. The zero value explores alone, as the local explorer does.
const (
	// RoleExplorer explores alone; no hub.
	RoleExplorer Role = iota
	// RolePresenter drives: every change is published to the hub; quitting
	// asks twice.
	RolePresenter
	// RoleAudience follows the presenter's screen from the hub, or explores
	// alone after f.
	RoleAudience
)

// PresentKeys are the keys of presenting and following.
type PresentKeys struct {
	// Follow detaches from the presenter and follows again (audience).
	Follow key.Binding
	// Tour starts or leaves the guided tour.
	Tour key.Binding
	// NextStep and PrevStep step through the tour (space and backspace,
	// or a clicker's PgDn and PgUp while touring).
	NextStep, PrevStep key.Binding
	// TakeOver takes the room from the presenter holding it (presenter
	// sessions waiting their turn; pressed twice, see takeover.go).
	TakeOver key.Binding
}

// DefaultPresentKeys returns the keys of presenting and following.
func DefaultPresentKeys() PresentKeys {
	return PresentKeys{
		Follow:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow/explore")),
		Tour:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tour on/off")),
		NextStep: key.NewBinding(key.WithKeys("space", "pgdown"), key.WithHelp("space", "next step")),
		PrevStep: key.NewBinding(key.WithKeys("backspace", "pgup"), key.WithHelp("bksp", "prev step")),
		TakeOver: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "take over")),
	}
}

// column is the presenting keys as one column of the full help.
func (k PresentKeys) column() []key.Binding {
	return []key.Binding{k.Follow, k.TakeOver, k.Tour, k.NextStep, k.PrevStep}
}

// presentUI is the root model's part in a presentation.
type presentUI struct {
	role      Role
	hub       *present.Hub
	pres      *present.Presenter    // RolePresenter
	sub       *present.Subscription // RoleAudience
	last      present.Update        // newest update from the hub
	following bool                  // audience: follows the presenter
	published present.Screen        // presenter: last screen published
	sent      bool                  // presenter: published at least once
	quitArmed bool                  // presenter: q pressed once
	holds     bool                  // presenter: holds the room and drives it
	takeArmed bool                  // presenter: the take-over key pressed once
	tourH     int                   // lines the tour takes, as last laid out
	touch     func()                // audience: the presenter's activity keeps the session alive
	leave     sync.Once
}

// hubMsg delivers one update from the hub.
type hubMsg struct {
	u  present.Update
	ch <-chan present.Update
}

// waitHub waits for the next update on ch; it returns nil (and is not
// re-armed) once the channel is closed, when the session leaves the hub.
func waitHub(ch <-chan present.Update) tea.Cmd {
	return func() tea.Msg {
		u, ok := <-ch
		if !ok {
			return nil
		}
		return hubMsg{u: u, ch: ch}
	}
}

// initPresent joins the hub for a presenter or audience session. The
// session leaves the hub when ctx ends or Close is called.
func (m *Model) initPresent(o Options) {
	m.pr.role = o.Role
	if o.Tour && explore.TourLen(m.common.Data) > 0 {
		if st, ok := m.State().GotoStep(m.common.Data, 0); ok {
			m.applyScreen(present.Screen{State: st})
		}
	}
	if o.Hub == nil || o.Role == RoleExplorer {
		m.pr.role = RoleExplorer
		m.setPresentKeys()
		return
	}
	m.pr.hub = o.Hub
	m.pr.touch = o.Touch
	switch o.Role {
	case RolePresenter:
		if u := o.Hub.Current(); u.HasScreen {
			m.applyScreen(u.Screen) // a presenter who reconnects resumes the talk, tour or not
		}
		m.pr.pres = o.Hub.JoinAs(o.Who)
		m.pr.holds = m.pr.pres.Holds()
		m.publish()
		m.pr.last = o.Hub.Current()
	case RoleAudience:
		m.pr.following = true
		m.pr.sub = o.Hub.Subscribe()
		m.pr.last = o.Hub.Current()
		if m.pr.last.HasScreen {
			m.applyScreen(m.pr.last.Screen) // a late joiner starts where the talk is
		}
	}
	if o.Context != nil {
		go func(ctx context.Context) {
			<-ctx.Done()
			m.leaveHub()
		}(o.Context)
	}
	m.syncTourHeight()
	m.setPresentKeys()
}

// leaveHub leaves the hub once: a presenter going tells the audience.
func (m *Model) leaveHub() {
	m.pr.leave.Do(func() {
		if m.pr.pres != nil {
			m.pr.pres.Leave()
		}
		if m.pr.sub != nil {
			m.pr.hub.Unsubscribe(m.pr.sub)
		}
	})
}

// presentInit starts listening to the hub.
func (m *Model) presentInit() tea.Cmd {
	switch {
	case m.pr.pres != nil:
		return waitHub(m.pr.pres.C())
	case m.pr.sub != nil:
		return waitHub(m.pr.sub.C())
	}
	return nil
}

// presentUpdate handles hub updates and the keys of presenting, following
// and the tour; it reports whether msg was one of them.
func (m *Model) presentUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case hubMsg:
		m.onHub(msg.u)
		return waitHub(msg.ch), true
	case tea.KeyPressMsg:
		return m.presentKey(msg)
	case tea.MouseMsg:
		return nil, m.followerMouse(msg)
	}
	return nil, false
}

// followerMouse swallows the mouse of a following audience: a click on a
// tab or the wheel would change their view while the footer says they
// follow. A press says how to explore alone, as keys do. It reports
// whether it took msg.
func (m *Model) followerMouse(msg tea.MouseMsg) bool {
	if !m.following() {
		return false
	}
	if _, press := msg.(tea.MouseClickMsg); press {
		m.status = m.followHint()
		m.frameOK = false
	}
	return true
}

// onHub takes an update: a following audience shows its screen; everyone
// keeps it for the status line.
func (m *Model) onHub(u present.Update) {
	if u.Seq < m.pr.last.Seq {
		return // older than what New already read
	}
	m.pr.last = u
	m.syncHolds()
	if m.following() && u.HasScreen {
		m.applyScreen(u.Screen)
		if m.pr.touch != nil {
			m.pr.touch()
		}
	}
	m.frameOK = false
}

// presentKey handles the quit confirmation, the follow key, what a
// following audience may press, and the tour keys.
func (m *Model) presentKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.common.Keys
	armed := m.pr.quitArmed
	m.pr.quitArmed = false
	if cmd, ok := m.takeOverKey(msg); ok {
		return cmd, true
	}
	if m.pr.role == RolePresenter && key.Matches(msg, k.Quit) {
		if !armed {
			m.pr.quitArmed = true
			m.status = "press q again to quit"
			m.frameOK = false
			return nil, true
		}
		return nil, false // the explorer quits
	}
	if m.pr.role == RoleAudience && key.Matches(msg, k.Follow) {
		m.toggleFollow()
		return nil, true
	}
	if m.following() {
		if !key.Matches(msg, k.Help, k.Quit, k.Mono, k.Big, k.Describe) && !(m.full && msg.Code == tea.KeyEscape) {
			m.status = m.followHint()
			m.frameOK = false
			return nil, true
		}
	}
	if m.full {
		return nil, false
	}
	m.setPresentKeys()
	c := m.common.Data
	st := m.State()
	touring := st.Step >= 0
	var next explore.State
	var ok bool
	switch {
	case key.Matches(msg, k.Tour) && k.Tour.Enabled():
		if touring {
			m.applyScreen(present.Screen{State: st.EndTour()})
			m.status = "tour off"
			return nil, true
		}
		next, ok = st.GotoStep(c, 0)
	case key.Matches(msg, k.NextStep) && k.NextStep.Enabled():
		if msg.Code == tea.KeyPgDown && !touring {
			return nil, false // a view key off the tour
		}
		next, ok = st.NextStep(c)
		if !ok {
			m.status = "end of the tour: t to leave it"
			m.frameOK = false
			return nil, true
		}
	case key.Matches(msg, k.PrevStep) && k.PrevStep.Enabled():
		if !touring {
			return nil, false
		}
		next, ok = st.PrevStep(c)
		if !ok {
			m.status = "first step of the tour"
			m.frameOK = false
			return nil, true
		}
	default:
		return nil, false
	}
	if !ok {
		return nil, false
	}
	m.applyScreen(present.Screen{State: next})
	m.status = ""
	return nil, true
}

// toggleFollow detaches from the presenter or follows again, showing the
// presenter's newest screen at once.
func (m *Model) toggleFollow() {
	m.pr.following = !m.pr.following
	m.pr.sub.SetFollowing(m.pr.following)
	m.status = ""
	if m.pr.following {
		if u := m.pr.hub.Current(); u.HasScreen {
			m.applyScreen(u.Screen)
		}
	}
	m.panes[m.active].SetKeys()
	m.setCompareKeys()
	m.setPresentKeys()
	m.frameOK = false
}

// applyScreen shows a screen: the view and its state, with the pins,
// spotlight and tour step on every view, and the overlay. Big mode stays
// this session's own: it suits a screen (a projector), not the talk.
func (m *Model) applyScreen(sc present.Screen) {
	c := m.common.Data
	st := sc.State.Normalize(c)
	st.Big = m.State().Big
	m.setAll(func(s *explore.State) {
		s.Pins, s.Spotlight, s.Step = st.Pins, st.Spotlight, st.Step
	})
	m.active = st.ViewIndex(c)
	m.panes[m.active].SetState(st)
	m.cmp.panel = sc.Compare && len(st.Pins) > 0
	m.cmp.measure = ""
	if c.Measure(sc.Measure) != nil {
		m.cmp.measure = sc.Measure
	}
	m.syncTourHeight()
	m.panes[m.active].SetKeys()
	m.frameOK = false
}

// screen is what this session shows, as the hub carries it: without big
// mode, which each screen sets for itself.
func (m *Model) screen() present.Screen {
	st := m.State()
	st.Big = false
	return present.Screen{State: st, Compare: m.cmp.panel, Measure: m.cmp.measure}
}

// afterUpdate runs after every message: the body makes room for the tour
// lines, the keys that now do something are enabled, and a presenter
// publishes what changed.
func (m *Model) afterUpdate() {
	m.syncTourHeight()
	m.syncKeys()
	m.publish()
}

// publish sends the presenter's screen to the hub if it changed.
func (m *Model) publish() {
	if m.pr.pres == nil || !m.pr.holds {
		return
	}
	sc := m.screen()
	if m.pr.sent && sc.Equal(m.pr.published) {
		return
	}
	m.pr.pres.Publish(sc)
	m.pr.published, m.pr.sent = sc, true
}

// following reports whether this session follows the presenter: an
// audience session following, or a presenter waiting for the room.
func (m *Model) following() bool {
	return m.pr.role == RoleAudience && m.pr.following || m.pr.role == RolePresenter && !m.pr.holds
}

// setPresentKeys enables the keys that do something now. A following
// audience has only help, monochrome, big mode, describe, follow and quit.
func (m *Model) setPresentKeys() {
	k := m.common.Keys
	hasTour := explore.TourLen(m.common.Data) > 0
	touring := m.State().Step >= 0
	k.Follow.SetEnabled(m.pr.role == RoleAudience)
	k.TakeOver.SetEnabled(m.pr.role == RolePresenter && !m.pr.holds)
	k.Tour.SetEnabled(hasTour)
	// Off the tour, space starts it only for a presenter: a local
	// explorer starts it with t (or --tour).
	k.NextStep.SetEnabled(hasTour && (touring || m.pr.role == RolePresenter))
	k.PrevStep.SetEnabled(hasTour && touring)
	if touring {
		k.NextStep.SetHelp("space/pgdn", "next step")
		k.PrevStep.SetHelp("bksp/pgup", "prev step")
	} else {
		k.NextStep.SetHelp("space", "start tour")
	}
	if !m.following() {
		// Only this function turns these off; the others are set by the
		// pane and the comparing keys.
		for _, b := range []*key.Binding{&k.NextView, &k.PrevView, &k.GotoView} {
			b.SetEnabled(true)
		}
		return
	}
	for _, b := range []*key.Binding{&k.NextView, &k.PrevView, &k.GotoView, &k.Up, &k.Down, &k.First, &k.Last,
		&k.Sort, &k.Reverse, &k.Series, &k.Pin, &k.ClearPins, &k.Compare, &k.Diverging, &k.Spotlight,
		&k.Export, &k.Measure, &k.Close, &k.Tour, &k.NextStep, &k.PrevStep, &k.Whiskers} {
		b.SetEnabled(false)
	}
}

// presentStatus is the presentation's part of the status line.
func (m *Model) presentStatus() string {
	u := m.pr.last
	if p := m.linkStatus(); p != "" {
		return p
	}
	switch m.pr.role {
	case RolePresenter:
		if !m.pr.holds {
			return m.waitingStatus()
		}
		n := u.Followers
		if n == 1 {
			return "presenting · 1 follows"
		}
		return "presenting · " + strconv.Itoa(n) + " follow"
	case RoleAudience:
		switch {
		case !m.pr.following:
			return "exploring — f to follow"
		case !u.HasScreen:
			return "waiting for the presenter"
		case !u.Online:
			return "the presenter left: showing their last screen"
		default:
			return "following the presenter"
		}
	}
	return ""
}

// withPresentStatus puts the presentation's status before the rest.
func (m *Model) withPresentStatus(rest string) string {
	p := m.presentStatus()
	if m.common.Env.ASCII {
		p = asciiStatus.Replace(p)
	}
	switch {
	case p == "":
		return rest
	case rest == "":
		return p
	}
	return p + m.common.Styles.Dot() + rest
}

// tourStep is the tour step on screen, if any.
func (m *Model) tourStep() (dataset.TourStep, bool) {
	return m.State().TourStep(m.common.Data)
}

// showNotes reports whether this session sees the speaker notes: the
// presenter, and the local explorer; never the audience.
func (m *Model) showNotes() bool { return m.pr.role != RoleAudience }

// Lines the tour may take under the body.
const (
	takeawayLines = 2
	notesLines    = 3
)

// tourLines are the tour step's takeaway and, for the presenter, its
// speaker notes; nil off the tour.
func (m *Model) tourLines() []string {
	step, ok := m.tourStep()
	if !ok || m.width <= 4 {
		return nil
	}
	s := m.common.Styles
	mark := "▶ "
	if m.common.Env.ASCII {
		mark = "> "
	}
	lead := mark + strconv.Itoa(m.State().Step+1) + "/" + strconv.Itoa(explore.TourLen(m.common.Data)) + "  "
	var out []string
	for _, l := range wrapText(lead+step.Takeaway, m.width, takeawayLines, s.Ellipsis()) {
		out = append(out, s.Status.Render(l))
	}
	if m.showNotes() && step.Notes != "" {
		for _, l := range wrapText("notes: "+step.Notes, m.width-2, notesLines, s.Ellipsis()) {
			out = append(out, s.Detail.Render("  "+l))
		}
	}
	if m.common.Env.ASCII {
		for i := range out {
			out[i] = asciiStatus.Replace(out[i])
		}
	}
	return out
}

// tourHeight is how many lines the tour takes now.
func (m *Model) tourHeight() int { return m.pr.tourH }

// syncTourHeight lays the body out again when the tour lines change
// height.
func (m *Model) syncTourHeight() {
	if h := len(m.tourLines()); h != m.pr.tourH {
		m.pr.tourH = h
		m.resize(m.width, m.height)
	}
}

// asciiStatus maps the presentation's lines to ASCII for --ascii sessions.
var asciiStatus = strings.NewReplacer("—", "-", "–", "-", "·", "|", "▶", ">", "“", "\"", "”", "\"", "‘", "'", "’", "'", "…", "~")
