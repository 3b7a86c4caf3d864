package present

import (
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestSecondPresenterWaitsAndFollows(t *testing.T) {
	h := NewHub()
	alice := h.JoinAs(Who{ID: "A", Name: "alice"})
	bob := h.JoinAs(Who{ID: "B", Name: "bob"})
	if !alice.Holds() || bob.Holds() {
		t.Fatalf("holds: alice %v bob %v, want alice only", alice.Holds(), bob.Holds())
	}
	bob.Publish(screenOf(dataset.ViewPrivacy)) // ignored: bob does not hold the room
	alice.Publish(screenOf(dataset.ViewBenefits))
	u := h.Current()
	if u.Screen.State.View != dataset.ViewBenefits || u.Presenter != "alice" || !u.Online {
		t.Fatalf("got %+v, want alice's benefits", u)
	}
}

func TestTakeOverMovesTheRoom(t *testing.T) {
	h := NewHub()
	alice := h.JoinAs(Who{ID: "A", Name: "alice"})
	bob := h.JoinAs(Who{ID: "B", Name: "bob"})
	bob.TakeOver()
	if alice.Holds() || !bob.Holds() {
		t.Fatal("bob should hold the room after taking over")
	}
	alice.Publish(screenOf(dataset.ViewPrivacy))
	bob.Publish(screenOf(dataset.ViewPlatforms))
	if u := h.Current(); u.Screen.State.View != dataset.ViewPlatforms || u.Presenter != "bob" {
		t.Fatalf("got %+v, want bob's platforms", u)
	}
}

func TestHolderLeavingFreesTheRoom(t *testing.T) {
	h := NewHub()
	alice := h.JoinAs(Who{ID: "A", Name: "alice"})
	bob := h.JoinAs(Who{ID: "B", Name: "bob"})
	alice.Leave()
	if u := h.Current(); u.Online || u.Presenter != "" || bob.Holds() {
		t.Fatalf("got %+v (bob holds %v), want a free room", u, bob.Holds())
	}
	bob.TakeOver()
	if !bob.Holds() || !h.Current().Online {
		t.Fatal("bob should hold the free room")
	}
}

func TestSameKeyReconnectingTakesTheRoomBack(t *testing.T) {
	h := NewHub()
	old := h.JoinAs(Who{ID: "A", Name: "alice"})
	again := h.JoinAs(Who{ID: "A", Name: "alice"})
	if old.Holds() || !again.Holds() {
		t.Fatal("the reconnected session should hold the room")
	}
	anon1 := NewHub().Join()
	if !anon1.Holds() {
		t.Fatal("a lone anonymous presenter should hold its room")
	}
}

func TestRemoteHolderDemotesTheLocalOne(t *testing.T) {
	h := NewHub()
	alice := h.JoinAs(Who{ID: "A", Name: "alice"})
	h.setRemoteHolder(&Who{ID: "B", Name: "bob"})
	if alice.Holds() {
		t.Fatal("alice still holds after bob took the room on another replica")
	}
	h.showRemote(screenOf(dataset.ViewPrivacy))
	if u := h.Current(); u.Screen.State.View != dataset.ViewPrivacy || u.Presenter != "bob" {
		t.Fatalf("got %+v, want bob's privacy", u)
	}
	late := h.JoinAs(Who{ID: "C", Name: "carol"})
	if late.Holds() {
		t.Fatal("a presenter joining while bob holds the room should wait")
	}
}

func TestLinkLostIsInEveryUpdate(t *testing.T) {
	h := NewHub()
	s := h.Subscribe()
	<-s.C()
	h.setLink(true)
	if u := latest(t, s.C()); !u.LinkLost {
		t.Fatalf("got %+v, want LinkLost", u)
	}
	h.setLink(false)
	if u := latest(t, s.C()); u.LinkLost {
		t.Fatalf("got %+v, want the link back", u)
	}
}

func TestCheckRoom(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"main", true}, {"talk1", true}, {"a-b_c", true}, {"0day", true},
		{"", false}, {"Talk", false}, {"a.b", false}, {"a*", false}, {"a>", false}, {"-a", false},
		{"a b", false}, {"é", false}, {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false}, {"a\x00", false},
	} {
		if err := CheckRoom(tc.name); (err == nil) != tc.ok {
			t.Errorf("CheckRoom(%q) = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

func TestRoomsPickByUserName(t *testing.T) {
	r, err := NewRooms("main", []string{"talk1", "talk2"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n1, h1 := r.Pick("talk1")
	n2, h2 := r.Pick("alice")
	n3, h3 := r.Pick("talk2")
	if n1 != "talk1" || n2 != "main" || n3 != "talk2" || h1 == h2 || h1 == h3 {
		t.Fatalf("picked %s %s %s", n1, n2, n3)
	}
	if _, err := NewRooms("main", []string{"Bad.Room"}, nil); err == nil {
		t.Fatal("a bad room name was accepted")
	}
}
