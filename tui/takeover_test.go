package tui

import (
	"github.com/docsurvey/docsurvey/internal/terminal"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/present"
)

func presenterAs(t *testing.T, hub *present.Hub, who present.Who) *Model {
	t.Helper()
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, Role: RolePresenter, Hub: hub, Who: who})
	t.Cleanup(m.Close)
	return m
}

func TestSecondPresenterIsToldWhoPresentsAndFollows(t *testing.T) {
	hub := present.NewHub()
	alice := presenterAs(t, hub, present.Who{ID: "A", Name: "alice@laptop"})
	bob := presenterAs(t, hub, present.Who{ID: "B", Name: "bob"})
	press(alice, "3")
	drain(bob)
	if f := footer(bob); !strings.Contains(f, "alice@laptop presents — you follow; P twice to take over") {
		t.Fatalf("bob's footer: %q", f)
	}
	if got := bob.State().View; got != alice.State().View {
		t.Fatalf("bob shows %s, want alice's %s", got, alice.State().View)
	}
	press(bob, "1") // a view key does nothing while waiting
	drain(alice)
	if alice.State().View == dataset.ViewOverview {
		t.Fatal("a waiting presenter's key moved the room")
	}
}

func TestTakeOverAsksTwice(t *testing.T) {
	hub := present.NewHub()
	alice := presenterAs(t, hub, present.Who{ID: "A", Name: "alice"})
	bob := presenterAs(t, hub, present.Who{ID: "B", Name: "bob"})
	drain(bob)
	press(bob, "P")
	if f := footer(bob); !strings.Contains(f, "press P again to take over from alice") {
		t.Fatalf("after one P: %q", f)
	}
	press(bob, "P")
	if !bob.presenting.holds {
		t.Fatal("bob does not hold the room after P twice")
	}
	press(bob, "4")
	drain(alice)
	if alice.State().View != bob.State().View {
		t.Fatalf("alice shows %s, want bob's %s", alice.State().View, bob.State().View)
	}
	if f := footer(alice); !strings.Contains(f, "bob presents — you follow") {
		t.Fatalf("alice's footer after losing the room: %q", f)
	}
}

func TestTakeOverKeyDisarmsOnAnotherKey(t *testing.T) {
	hub := present.NewHub()
	presenterAs(t, hub, present.Who{ID: "A", Name: "alice"})
	bob := presenterAs(t, hub, present.Who{ID: "B", Name: "bob"})
	drain(bob)
	press(bob, "P", "j", "P")
	if bob.presenting.holds {
		t.Fatal("P, j, P took the room over")
	}
}

func TestFreeRoomTakesOneKey(t *testing.T) {
	hub := present.NewHub()
	alice := presenterAs(t, hub, present.Who{ID: "A", Name: "alice"})
	bob := presenterAs(t, hub, present.Who{ID: "B", Name: "bob"})
	alice.Close()
	drain(bob)
	if f := footer(bob); !strings.Contains(f, "nobody presents — P to present") {
		t.Fatalf("bob's footer in a free room: %q", f)
	}
	press(bob, "P")
	if !bob.presenting.holds {
		t.Fatal("one P does not take a free room")
	}
}

func TestLinkLostStatus(t *testing.T) {
	hub := present.NewHub()
	p := presenterAs(t, hub, present.Who{ID: "A", Name: "alice"})
	a := roleModel(t, hub, RoleAudience, 100, 30)
	lost := hub.Current()
	lost.LinkLost = true
	p.Update(hubMsg{u: lost, ch: p.presenting.pres.C()})
	a.Update(hubMsg{u: lost, ch: a.presenting.sub.C()})
	if f := footer(a); !strings.Contains(f, "following the presenter") {
		t.Fatalf("audience of a presenter in this process: %q", f)
	}
	remote := lost
	remote.Local = false
	a.Update(hubMsg{u: remote, ch: a.presenting.sub.C()})
	if f := footer(a); !strings.Contains(f, "link to the presenter lost: showing the last screen") {
		t.Fatalf("audience of a presenter on another replica: %q", f)
	}
	if f := footer(p); !strings.Contains(f, "link to the other replicas lost") {
		t.Fatalf("presenter footer: %q", f)
	}
}
