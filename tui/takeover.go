package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// One presenter holds a room at a time (see present.Hub.JoinAs). A
// presenter session that joins while someone else holds the room waits:
// it follows the holder's screen, is told who holds it, and takes the room
// over with the take-over key pressed twice (once when nobody holds it).

// takeOverKey handles the take-over key of a waiting presenter; it
// reports whether it took msg. Any other key disarms it.
func (m *Model) takeOverKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	armed := m.pr.takeArmed
	m.pr.takeArmed = false
	if m.pr.role != RolePresenter || m.pr.holds || !key.Matches(msg, m.common.Keys.TakeOver) {
		return nil, false
	}
	m.frameOK = false
	if m.pr.last.Presenter != "" && !armed {
		m.pr.takeArmed = true
		m.status = "press " + m.common.Keys.TakeOver.Help().Key + " again to take over from " + m.pr.last.Presenter
		return nil, true
	}
	m.pr.pres.TakeOver()
	m.syncHolds()
	m.status = ""
	return nil, true
}

// syncHolds reads whether this presenter holds the room: it may have been
// taken over, here or on another replica, or been given back. A presenter
// who gets the room publishes what it shows.
func (m *Model) syncHolds() {
	if m.pr.pres == nil {
		return
	}
	holds := m.pr.pres.Holds()
	if holds == m.pr.holds {
		return
	}
	m.pr.holds, m.pr.sent = holds, false
	if !holds {
		if u := m.pr.hub.Current(); u.HasScreen {
			m.applyScreen(u.Screen)
		}
		m.status = ""
	}
	m.panes[m.active].SetKeys()
	m.setCompareKeys()
	m.setPresentKeys()
	m.frameOK = false
}

// followHint is what a key that does nothing while following says.
func (m *Model) followHint() string {
	if m.pr.role == RolePresenter {
		return m.waitingStatus()
	}
	return "f to explore alone"
}

// waitingStatus is the status of a presenter waiting for the room.
func (m *Model) waitingStatus() string {
	k := m.common.Keys.TakeOver.Help().Key
	if who := m.pr.last.Presenter; who != "" {
		return who + " presents — you follow; " + k + " twice to take over"
	}
	return "nobody presents — " + k + " to present"
}

// linkStatus is the status while the link to the other replicas is lost,
// "" while it holds.
func (m *Model) linkStatus() string {
	switch {
	case !m.pr.last.LinkLost:
		return ""
	case m.pr.role == RolePresenter && m.pr.holds:
		return "presenting · link to the other replicas lost: your steps are kept and sent when it is back"
	case m.pr.last.Local || !m.following():
		return "" // the presenter is here: following goes on
	}
	return "link to the presenter lost: showing the last screen"
}
