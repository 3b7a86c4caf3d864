package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/server"
)

// These tests run docsurvey serve's model factory behind the real SSH
// server on loopback, with SSH clients that ask for a PTY, as viewers do.

// viewMarks are texts each view draws near its top, so they are repainted
// when the view changes.
var viewMarks = map[string]string{
	dataset.ViewOverview:  "Physicians and social media",
	dataset.ViewPlatforms: "Popular social media sites",
	dataset.ViewBenefits:  "What doctors want from social networks",
	dataset.ViewConnected: "Number of sites used",
	dataset.ViewPrivacy:   "What holds doctors back",
	dataset.ViewSources:   "10 sources",
}

type talk struct {
	addr      string
	hub       *present.Hub
	srv       *server.Server
	presenter gossh.Signer
	c         *dataset.Collection
}

func startTalk(t *testing.T) *talk {
	t.Helper()
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(dir, "presenters.pub")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	f := presentFlags{presenterKeys: keys}
	rooms, err := newRooms(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, hub := rooms.Pick("")
	var logs bytes.Buffer
	var logMu sync.Mutex
	srv, err := server.New(server.Config{
		HostKeyPath:       filepath.Join(dir, "host_ed25519"),
		PresenterKeysPath: keys,
		MaxSessions:       50,
		MaxPerIP:          50,
		RatePerIP:         -1,
		Logger:            log.NewWithOptions(lockedWriter{&logs, &logMu}, log.Options{}),
		NewModel:          newSessionModel(c, explore.Start(), f, rooms),
	})
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, srv)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if t.Failed() {
			logMu.Lock()
			t.Logf("server log:\n%s", logs.String())
			logMu.Unlock()
		}
	})
	return &talk{addr: addr, hub: hub, srv: srv, presenter: signer, c: c}
}

// serveLoopback serves srv on a free loopback port until the test ends
// (the caller shuts it down) and returns its address.
func serveLoopback(t *testing.T, srv *server.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String()
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// term is one SSH viewer: what it has received, ANSI stripped on demand.
type sshTerm struct {
	name   string
	client *gossh.Client
	stdin  io.Writer
	mu     sync.Mutex
	out    bytes.Buffer
	ended  chan struct{}
	pipe   io.Reader // a stalled viewer's unread output
}

func (v *sshTerm) Write(p []byte) (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.out.Write(p)
}

// mark is a position in the output, to look only at what came after it.
func (v *sshTerm) mark() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.out.Len()
}

func (v *sshTerm) since(pos int) string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return ansi.Strip(string(v.out.Bytes()[pos:]))
}

// waitFor waits up to 10s for want to appear after pos.
func (v *sshTerm) waitFor(t *testing.T, pos int, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(v.since(pos), want) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q; got after the mark:\n%s", v.name, want, v.since(pos))
}

// typeKeys sends keys one at a time, as a person types, each after the
// previous one's frame has had time to go out (keys sent together are
// read one by one too; see TestBurstKeysOnAPTY).
func (v *sshTerm) typeKeys(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		v.send(t, k)
		time.Sleep(30 * time.Millisecond)
	}
}

func (v *sshTerm) send(t *testing.T, keys string) {
	t.Helper()
	if _, err := io.WriteString(v.stdin, keys); err != nil {
		t.Fatalf("%s: send %q: %v", v.name, keys, err)
	}
}

// join connects a viewer of w×h; with presenter set, with the presenter's
// key, else with a key of its own. With stall, its output is never read.
func (tk *talk) join(t *testing.T, name string, w, h int, presenter, stall bool) *sshTerm {
	t.Helper()
	signer := tk.presenter
	if !presenter {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		signer, _ = gossh.NewSignerFromKey(priv)
	}
	return joinAs(t, tk.addr, name, name, signer, w, h, stall)
}

// joinAs connects a viewer named name to addr as SSH user user, with key
// signer (see talk.join).
func joinAs(t *testing.T, addr, name, user string, signer gossh.Signer, w, h int, stall bool) *sshTerm {
	t.Helper()
	cfg := &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		t.Fatalf("%s: dial: %v", name, err)
	}
	t.Cleanup(func() { _ = client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("%s: session: %v", name, err)
	}
	v := &sshTerm{name: name, client: client, ended: make(chan struct{})}
	if stall {
		if v.pipe, err = sess.StdoutPipe(); err != nil { // not read until the test says
			t.Fatal(err)
		}
	} else {
		sess.Stdout = v
	}
	sess.Stderr = io.Discard
	if v.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = sess.Wait(); close(v.ended) }()
	return v
}

// drain waits until presenter p has worked through every key sent to it:
// keys are handled in order, so once the tour that a space starts shows in
// the hub, every key before it has been handled; t then leaves the tour.
// A test that floods the presenter calls it before it expects a prompt
// answer to a key: a presenter built with -race on a busy machine handles
// a view change far slower than 50 tabs in 250 ms arrive, and the keys
// not yet handled would queue before the next one.
func (tk *talk) drain(t *testing.T, p *sshTerm) {
	t.Helper()
	touring := func() bool { return tk.hub.Current().Screen.State.Step >= 0 }
	for _, step := range []struct {
		key  string
		tour bool
	}{{" ", true}, {"T", false}} {
		p.send(t, step.key)
		deadline := time.Now().Add(2 * time.Minute)
		for touring() != step.tour {
			if time.Now().After(deadline) {
				t.Fatalf("the presenter never handled %q (tour on: %v)", step.key, touring())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// press sends keys to the presenter and waits until the presenter and
// every follower show each of wants.
func press(t *testing.T, p *sshTerm, keys string, followers []*sshTerm, wants ...string) {
	t.Helper()
	marks := make([]int, len(followers))
	for i, f := range followers {
		marks[i] = f.mark()
	}
	pm := p.mark()
	p.send(t, keys)
	for _, want := range wants {
		p.waitFor(t, pm, want)
		for i, f := range followers {
			f.waitFor(t, marks[i], want)
		}
	}
}

func TestPresentingOverSSH(t *testing.T) {
	outer := t
	tk := startTalk(t)
	p := tk.join(t, "presenter", 100, 30, true, false)
	p.waitFor(t, 0, "presenting")
	fs := []*sshTerm{tk.join(t, "a", 80, 24, false, false), tk.join(t, "b", 120, 40, false, false), tk.join(t, "c", 100, 30, false, false)}
	for _, f := range fs {
		f.waitFor(t, 0, "following the presenter")
	}
	p.waitFor(t, 0, "presenting · 3 follow")

	t.Run("followers show the presenter's view after each key", func(t *testing.T) {
		for _, k := range []string{"2", "3", "4", "5", "6", "1", "\t"} {
			st := explore.Start()
			if k == "\t" {
				st = st.GotoView(tk.c, 2)
			} else {
				st = st.GotoView(tk.c, int(k[0]-'0'))
			}
			press(t, p, k, fs, viewMarks[st.View])
		}
	})

	t.Run("tour: takeaway for all, notes for the presenter only", func(t *testing.T) {
		n := len(tk.c.Tour)
		marks := make([]int, len(fs))
		for i, f := range fs {
			marks[i] = f.mark()
		}
		pm := p.mark()
		for i := range n {
			key := []string{" ", "\x1b[6~"}[i%2] // space, then a clicker's PgDn
			words := strings.Fields(tk.c.Tour[i].Takeaway)
			press(t, p, key, fs, strconv.Itoa(i+1)+"/"+strconv.Itoa(n)+" ", strings.Join(words[:min(3, len(words))], " "))
		}
		notes := strings.Join(strings.Fields(tk.c.Tour[0].Notes), " ")[:20]
		p.waitFor(t, pm, notes)
		for i, f := range fs {
			if got := f.since(marks[i]); strings.Contains(got, "notes:") || strings.Contains(got, notes) {
				t.Fatalf("%s saw the speaker notes", f.name)
			}
		}
		press(t, p, "T", nil, "tour off") // leave the tour
	})

	t.Run("detach and follow again", func(t *testing.T) {
		a, rest := fs[0], fs[1:]
		am := a.mark()
		a.send(t, "f")
		a.waitFor(t, am, "exploring — f to follow")
		p.waitFor(t, 0, "presenting · 2 follow")
		a.send(t, "3")
		a.waitFor(t, am, viewMarks[dataset.ViewBenefits])
		am = a.mark()
		press(t, p, "2", rest, viewMarks[dataset.ViewPlatforms])
		time.Sleep(200 * time.Millisecond) // a frame's worth and more: a must not move
		if got := a.since(am); strings.Contains(got, viewMarks[dataset.ViewPlatforms]) {
			t.Fatalf("a, exploring alone, was moved: %q", got)
		}
		a.send(t, "f")
		a.waitFor(t, am, viewMarks[dataset.ViewPlatforms])
		a.waitFor(t, am, "following the presenter")
	})

	t.Run("an audience session's keys never reach others", func(t *testing.T) {
		a, b := fs[0], fs[1]
		before := tk.hub.Current()
		am, bm := a.mark(), b.mark()
		a.send(t, "5") // following: refused with a hint
		a.waitFor(t, am, "f to explore alone")
		a.typeKeys(t, "f", "4", "j", "j", "s", "c", "\t", " ") // exploring alone: moves a only
		a.waitFor(t, am, viewMarks[dataset.ViewPrivacy])
		a.send(t, "f")
		a.waitFor(t, am, "following the presenter")
		time.Sleep(200 * time.Millisecond) // time for anything leaked to show
		after := tk.hub.Current()
		if !after.Screen.Equal(before.Screen) {
			t.Fatalf("the hub's screen changed by audience keys: %+v → %+v", before.Screen.State, after.Screen.State)
		}
		if got := b.since(bm); strings.Contains(got, viewMarks[dataset.ViewConnected]) || strings.Contains(got, viewMarks[dataset.ViewPrivacy]) {
			t.Fatalf("b moved by a's keys: %q", got)
		}
	})

	t.Run("late joiner starts at the current state", func(t *testing.T) {
		press(t, p, "5", fs, viewMarks[dataset.ViewPrivacy])
		late := tk.join(outer, "late", 90, 28, false, false)
		late.waitFor(t, 0, viewMarks[dataset.ViewPrivacy])
		late.waitFor(t, 0, "following the presenter")
		fs = append(fs, late)
	})

	t.Run("a stalled follower does not slow the rest", func(t *testing.T) {
		stalled := tk.join(outer, "stalled", 1000, 80, false, true)
		deadline := time.Now().Add(5 * time.Second)
		for tk.hub.Followers() < len(fs)+1 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if tk.hub.Followers() != len(fs)+1 {
			t.Fatalf("the stalled follower never joined: %d followers", tk.hub.Followers())
		}
		// Change views until the stalled follower is stuck: its SSH window
		// (2 MiB) is full and its screen waits to write a frame.
		stuck := false
		for round := 0; round < 40 && !stuck; round++ {
			for range 50 {
				p.send(t, "\t")
				time.Sleep(5 * time.Millisecond)
			}
			tk.drain(t, p)
			stuck = tk.srv.Stalled() == 1
		}
		if !stuck {
			t.Fatalf("the stalled follower never got stuck (%d stalled); this test proves nothing", tk.srv.Stalled())
		}
		for range 3 {
			next := tk.hub.Current().Screen.State.NextView(tk.c).NextView(tk.c).View
			press(t, p, strconv.Itoa(slices.Index(dataset.EmbeddedViewIDs(), next)+1), fs, viewMarks[next])
		}
		// Proof that the stall happened: the stalled session got more
		// than the client's window, so the server waited on it.
		if n := tk.srv.Stalled(); n != 1 {
			t.Fatalf("%d sessions stalled after the others followed, want only the stalled one", n)
		}
		_ = stalled.client.Close()
	})

	t.Run("presenter leaves and returns", func(t *testing.T) {
		marks := make([]int, len(fs))
		for i, f := range fs {
			marks[i] = f.mark()
		}
		pm := p.mark()
		last := tk.hub.Current().Screen.State.View
		p.send(t, "q")
		p.waitFor(t, pm, "press q again to quit")
		p.send(t, "q")
		select {
		case <-p.ended:
		case <-time.After(10 * time.Second):
			t.Fatal("presenter's session did not end on the second q")
		}
		for i, f := range fs {
			f.waitFor(t, marks[i], "the presenter left")
		}
		for i, f := range fs {
			marks[i] = f.mark()
		}
		p2 := tk.join(outer, "presenter-again", 100, 30, true, false)
		p2.waitFor(t, 0, viewMarks[last]) // resumes where the talk was
		for i, f := range fs {
			f.waitFor(t, marks[i], "following the presenter")
		}
		next := tk.hub.Current().Screen.State.NextView(tk.c).View
		press(t, p2, "\t", fs, viewMarks[next])
	})
}
