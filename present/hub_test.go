package present

import (
	"sync"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func screenOf(view string) Screen {
	st := explore.Start()
	st.View = view
	return Screen{State: st}
}

// latest reads the update waiting on ch, failing if there is none.
func latest(t *testing.T, ch <-chan Update) Update {
	t.Helper()
	select {
	case u, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		return u
	default:
		t.Fatal("no update waiting")
	}
	return Update{}
}

func empty(t *testing.T, ch <-chan Update) {
	t.Helper()
	select {
	case u, ok := <-ch:
		if ok {
			t.Fatalf("unexpected update %+v", u)
		}
	default:
	}
}

func TestSubscribeBeforeAnyPresenter(t *testing.T) {
	h := NewHub()
	s := h.Subscribe()
	u := latest(t, s.C())
	if u.HasScreen || u.Online || u.Followers != 1 {
		t.Fatalf("got %+v, want no screen, offline, 1 follower", u)
	}
}

func TestLateJoinerStartsAtCurrentScreen(t *testing.T) {
	h := NewHub()
	p := h.Join()
	p.Publish(screenOf(dataset.ViewBenefits))
	p.Publish(screenOf(dataset.ViewPrivacy))
	s := h.Subscribe()
	u := latest(t, s.C())
	if !u.HasScreen || !u.Online || u.Screen.State.View != dataset.ViewPrivacy {
		t.Fatalf("late joiner got %+v, want privacy, online", u)
	}
}

func TestPublishReplacesUnreadUpdate(t *testing.T) {
	h := NewHub()
	p := h.Join()
	s := h.Subscribe()
	for _, v := range dataset.EmbeddedViewIDs() {
		p.Publish(screenOf(v)) // s never reads: none of these may block
	}
	if n := len(s.ch); n != 1 {
		t.Fatalf("%d unread updates waiting, want 1 (the newest replaces the rest)", n)
	}
	u := latest(t, s.C())
	if n := len(s.ch); n != 0 {
		t.Fatalf("%d updates waiting after reading, want 0", n)
	}
	if want := dataset.ViewSources; u.Screen.State.View != want {
		t.Fatalf("got view %q, want the newest, %q", u.Screen.State.View, want)
	}
	empty(t, s.C())
}

func TestStalledSubscriberDoesNotStallOthers(t *testing.T) {
	h := NewHub()
	p := h.Join()
	_ = h.Subscribe() // never read
	live := h.Subscribe()
	got := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		last := ""
		for u := range live.C() {
			last = u.Screen.State.View
			if u.Screen.State.Chart == 999 {
				break
			}
		}
		got <- last
	}()
	for i := range 10000 {
		sc := screenOf(dataset.EmbeddedViewIDs()[i%len(dataset.EmbeddedViewIDs())])
		p.Publish(sc)
	}
	final := screenOf(dataset.ViewConnected)
	final.State.Chart = 999
	p.Publish(final)
	wg.Wait()
	if v := <-got; v != dataset.ViewConnected {
		t.Fatalf("live subscriber ended on %q, want connected", v)
	}
}

func TestFollowerCount(t *testing.T) {
	h := NewHub()
	p := h.Join()
	var a, b *Subscription
	steps := []struct {
		name    string
		do      func()
		want    int
		changes bool // the presenter is told
	}{
		{"a joins", func() { a = h.Subscribe() }, 1, true},
		{"b joins", func() { b = h.Subscribe() }, 2, true},
		{"a explores alone", func() { a.SetFollowing(false) }, 1, true},
		{"a explores alone again", func() { a.SetFollowing(false) }, 1, false},
		{"b leaves", func() { h.Unsubscribe(b) }, 0, true},
		{"b leaves twice", func() { h.Unsubscribe(b) }, 0, false},
		{"a follows again", func() { a.SetFollowing(true) }, 1, true},
	}
	for _, st := range steps {
		<-p.C() // the update before this step
		st.do()
		if got := h.Followers(); got != st.want {
			t.Fatalf("%s: Followers() = %d, want %d", st.name, got, st.want)
		}
		if !st.changes {
			empty(t, p.C())
			p.Publish(Screen{}) // something for the next step to read
			continue
		}
		u := latest(t, p.C())
		if u.Followers != st.want {
			t.Fatalf("%s: presenter was told %d followers, want %d", st.name, u.Followers, st.want)
		}
		p.Publish(Screen{})
	}
}

func TestPresenterLeavesAndReturns(t *testing.T) {
	h := NewHub()
	p := h.Join()
	s := h.Subscribe()
	<-s.C()
	p.Publish(screenOf(dataset.ViewBenefits))
	<-s.C()
	p.Leave()
	u := latest(t, s.C())
	if u.Online || !u.HasScreen || u.Screen.State.View != dataset.ViewBenefits {
		t.Fatalf("after leave got %+v, want offline with the last screen", u)
	}
	for range p.C() { // ends only if Leave closed it
	}
	p.Publish(screenOf(dataset.ViewSources)) // a presenter that left publishes nothing
	p.Leave()
	empty(t, s.C())
	if h.Current().Screen.State.View != dataset.ViewBenefits {
		t.Fatal("a presenter that left changed the screen")
	}

	p2 := h.Join()
	u = latest(t, s.C())
	if !u.Online || u.Screen.State.View != dataset.ViewBenefits {
		t.Fatalf("after rejoin got %+v, want online with the last screen", u)
	}
	p2.Publish(screenOf(dataset.ViewPrivacy))
	if u := latest(t, s.C()); u.Screen.State.View != dataset.ViewPrivacy {
		t.Fatalf("after rejoin publish got %q", u.Screen.State.View)
	}
}

func TestUnsubscribeClosesAndIgnoresLaterUpdates(t *testing.T) {
	h := NewHub()
	p := h.Join()
	s := h.Subscribe()
	h.Unsubscribe(s)
	p.Publish(screenOf(dataset.ViewPrivacy)) // must not send on the closed channel
	s.SetFollowing(true)
	for range s.C() { // drains the snapshot from Subscribe, then ends
	}
	if h.Followers() != 0 {
		t.Fatalf("followers = %d after unsubscribe", h.Followers())
	}
}

func TestPublishedPinsAreCopied(t *testing.T) {
	h := NewHub()
	p := h.Join()
	sc := screenOf(dataset.ViewPlatforms)
	sc.State.Pins = []dataset.Ref{{Chart: "platforms", Item: "facebook"}}
	p.Publish(sc)
	sc.State.Pins[0].Item = "changed"
	if got := h.Current().Screen.State.Pins[0].Item; got != "facebook" {
		t.Fatalf("hub pin changed with the publisher's slice: %q", got)
	}
}

func TestScreenEqual(t *testing.T) {
	a := screenOf(dataset.ViewPlatforms)
	cases := []struct {
		name string
		b    func(Screen) Screen
		want bool
	}{
		{"same", func(s Screen) Screen { return s }, true},
		{"compare", func(s Screen) Screen { s.Compare = true; return s }, false},
		{"measure", func(s Screen) Screen { s.Measure = "m"; return s }, false},
		{"step", func(s Screen) Screen { s.State.Step = 2; return s }, false},
		{"pins", func(s Screen) Screen { s.State.Pins = []dataset.Ref{{Chart: "a", Item: "b"}}; return s }, false},
	}
	for _, c := range cases {
		if got := a.Equal(c.b(a)); got != c.want {
			t.Errorf("%s: Equal = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	h := NewHub()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%4 == 0 {
				p := h.Join()
				for j := range 200 {
					p.Publish(screenOf(dataset.EmbeddedViewIDs()[j%6]))
				}
				p.Leave()
				return
			}
			s := h.Subscribe()
			for j := range 200 {
				s.SetFollowing(j%2 == 0)
				select {
				case <-s.C():
				default:
				}
			}
			h.Unsubscribe(s)
		}()
	}
	wg.Wait()
	if u := h.Current(); u.Followers != 0 || u.Online {
		t.Fatalf("after everyone left: %+v", u)
	}
}
