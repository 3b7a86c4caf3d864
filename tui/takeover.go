package tui

// One presenter holds a room at a time (see present.Hub.JoinAs). A
// presenter session that joins while someone else holds the room waits:
// it follows the holder's screen, is told who holds it, and takes the room
// over with the take-over key pressed twice (once when nobody holds it).

// takeOver handles the take-over key of a waiting presenter: the first
// press asks again while someone holds the room.
func (p *presenting) takeOver() {
	if p.last.Presenter != "" && !p.armedTake {
		p.takeArmed = true
		p.host.setStatus("press " + p.common.Keys.TakeOver.Help().Key + " again to take over from " + p.last.Presenter)
		return
	}
	p.pres.TakeOver()
	p.syncHolds()
}

// syncHolds reads whether this presenter holds the room: it may have been
// taken over, here or on another replica, or been given back. A presenter
// who gets the room publishes what it shows.
func (p *presenting) syncHolds() {
	if p.pres == nil {
		return
	}
	holds := p.pres.Holds()
	if holds == p.holds {
		return
	}
	p.holds, p.sent = holds, false
	if !holds {
		if u := p.hub.Current(); u.HasScreen {
			p.host.applyScreen(u.Screen)
		}
		p.host.setStatus("")
	}
}

// followHint is what a key that does nothing while following says.
func (p *presenting) followHint() string {
	if p.role == RolePresenter {
		return p.waitingStatus()
	}
	return "f to explore alone"
}

// waitingStatus is the status of a presenter waiting for the room.
func (p *presenting) waitingStatus() string {
	k := p.common.Keys.TakeOver.Help().Key
	if who := p.last.Presenter; who != "" {
		return who + " presents — you follow; " + k + " twice to take over"
	}
	return "nobody presents — " + k + " to present"
}

// linkStatus is the status while the link to the other replicas is lost,
// "" while it holds.
func (p *presenting) linkStatus() string {
	switch {
	case !p.last.LinkLost:
		return ""
	case p.role == RolePresenter && p.holds:
		return "presenting" + p.common.Styles.Dot() + "link to the other replicas lost: your steps are kept and sent when it is back"
	case p.last.Local || !p.following():
		return "" // the presenter is here: following goes on
	}
	return "link to the presenter lost: showing the last screen"
}
