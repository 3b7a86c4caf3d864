package tui

import (
	"context"
	"strconv"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
		Tour:     key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "tour on/off")),
		NextStep: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "next step")),
		PrevStep: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("bksp", "prev step")),
		TakeOver: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "take over")),
	}
}

// column is the presenting keys as one column of the full help.
func (k PresentKeys) column() []key.Binding {
	return []key.Binding{k.Follow, k.TakeOver, k.Tour, k.NextStep, k.PrevStep}
}

// presenting is the component of a session's part in a presentation: it
// joins the hub, takes its updates, publishes a presenter's screen, and
// answers the follow and take-over keys and a presenter's quit; its View
// is the presentation's part of the status line.
type presenting struct {
	common    *Common
	host      host
	role      Role
	hub       *present.Hub
	pres      *present.Presenter    // RolePresenter
	sub       *present.Subscription // RoleAudience
	last      present.Update        // newest update from the hub
	follows   bool                  // audience: follows the presenter
	published present.Screen        // presenter: last screen published
	sent      bool                  // presenter: published at least once
	quitArmed bool                  // presenter: q pressed once, by the key before this one
	takeArmed bool                  // presenter: the take-over key pressed once, likewise
	armedQuit bool                  // quitArmed as this key found it
	armedTake bool                  // takeArmed as this key found it
	holds     bool                  // presenter: holds the room and drives it
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

// join joins the hub for a presenter or audience session, showing the
// talk where it is. The session leaves the hub when o.Context ends or
// leaveHub is called.
func (p *presenting) join(o Options) {
	p.role = o.Role
	if o.Hub == nil || o.Role == RoleExplorer {
		p.role = RoleExplorer
		return
	}
	p.hub, p.touch = o.Hub, o.Touch
	switch o.Role {
	case RolePresenter:
		if u := o.Hub.Current(); u.HasScreen {
			p.host.applyScreen(u.Screen) // a presenter who reconnects resumes the talk, tour or not
		}
		p.pres = o.Hub.JoinAs(o.Who)
		p.holds = p.pres.Holds()
		p.publish(p.host.screen())
		p.last = o.Hub.Current()
	case RoleAudience:
		p.follows = true
		p.sub = o.Hub.Subscribe()
		p.last = o.Hub.Current()
		if p.last.HasScreen {
			p.host.applyScreen(p.last.Screen) // a late joiner starts where the talk is
		}
	}
	if o.Context != nil {
		context.AfterFunc(o.Context, p.leaveHub)
	}
}

// leaveHub leaves the hub once: a presenter going tells the audience.
func (p *presenting) leaveHub() {
	p.leave.Do(func() {
		if p.pres != nil {
			p.pres.Leave()
		}
		if p.sub != nil {
			p.hub.Unsubscribe(p.sub)
		}
	})
}

// Init starts listening to the hub.
func (p *presenting) Init() tea.Cmd {
	switch {
	case p.pres != nil:
		return waitHub(p.pres.C())
	case p.sub != nil:
		return waitHub(p.sub.C())
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (p *presenting) ShortHelp() []key.Binding { return []key.Binding{p.common.Keys.Follow} }

// FullHelp implements help.KeyMap: the keys routed to presenting.
func (p *presenting) FullHelp() [][]key.Binding {
	k := p.common.Keys
	return [][]key.Binding{{k.Follow, k.TakeOver}}
}

// SetSize implements Component; the status takes the width it is given.
func (p *presenting) SetSize(int, int) {}

// Update handles hub updates and the follow and take-over keys.
func (p *presenting) Update(msg tea.Msg) tea.Cmd {
	k := p.common.Keys
	switch msg := msg.(type) {
	case hubMsg:
		p.onHub(msg.u)
		return waitHub(msg.ch)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Follow):
			p.toggleFollow()
		case key.Matches(msg, k.TakeOver):
			p.takeOver()
		}
	}
	return nil
}

// keyPressed disarms the two-key confirmations: only the very next key
// confirms. Every key calls it first.
func (p *presenting) keyPressed() {
	p.armedQuit, p.armedTake = p.quitArmed, p.takeArmed
	p.quitArmed, p.takeArmed = false, false
}

// confirmQuit reports whether a quit key must wait for a second press: a
// presenter's first q (or ctrl+c) asks again, naming the key pressed.
func (p *presenting) confirmQuit(pressed string) bool {
	if p.role != RolePresenter || p.armedQuit {
		return false
	}
	p.quitArmed = true
	p.host.setStatus("press " + pressed + " again to quit")
	return true
}

// onHub takes an update: a following audience shows its screen; everyone
// keeps it for the status line.
func (p *presenting) onHub(u present.Update) {
	if u.Seq < p.last.Seq {
		return // older than what New already read
	}
	p.last = u
	p.syncHolds()
	if p.following() && u.HasScreen {
		p.host.applyScreen(u.Screen)
		if p.touch != nil {
			p.touch()
		}
	}
}

// toggleFollow detaches from the presenter or follows again, showing the
// presenter's newest screen at once.
func (p *presenting) toggleFollow() {
	p.follows = !p.follows
	p.sub.SetFollowing(p.follows)
	if p.follows {
		if u := p.hub.Current(); u.HasScreen {
			p.host.applyScreen(u.Screen)
		}
	}
}

// publish sends the presenter's screen to the hub if it changed.
func (p *presenting) publish(sc present.Screen) {
	if p.pres == nil || !p.holds {
		return
	}
	if p.sent && sc.Equal(p.published) {
		return
	}
	p.pres.Publish(sc)
	p.published, p.sent = sc, true
}

// following reports whether this session follows the presenter: an
// audience session following, or a presenter waiting for the room.
func (p *presenting) following() bool {
	return p.role == RoleAudience && p.follows || p.role == RolePresenter && !p.holds
}

// View is the presentation's part of the status line.
func (p *presenting) View() string {
	u := p.last
	if s := p.linkStatus(); s != "" {
		return s
	}
	switch p.role {
	case RolePresenter:
		if !p.holds {
			return p.waitingStatus()
		}
		n := u.Followers
		if n == 1 {
			return "presenting" + p.common.Styles.Dot() + "1 follows"
		}
		return "presenting" + p.common.Styles.Dot() + strconv.Itoa(n) + " follow"
	case RoleAudience:
		switch {
		case !p.follows:
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

// withStatus puts the presentation's status before the rest. Under
// --ascii the frame's one mapping (render.ToASCII) rewrites its dashes.
func (p *presenting) withStatus(rest string) string {
	s := p.View()
	switch {
	case s == "":
		return rest
	case rest == "":
		return s
	}
	return s + p.common.Styles.Dot() + rest
}
