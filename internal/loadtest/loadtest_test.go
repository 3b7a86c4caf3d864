package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/docsurvey/docsurvey/server"
)

func TestParseStat(t *testing.T) {
	stat := []byte("1234 (a (weird) name) S 1 1234 1234 0 -1 4194560 500 0 0 0 250 50 0 0 20 0 7 0 100 0 0")
	cpu, err := parseStatCPU(stat)
	if err != nil {
		t.Fatal(err)
	}
	if cpu != 3*time.Second {
		t.Errorf("cpu = %v, want 3s (300 ticks)", cpu)
	}
	rss, hwm, th := parseStatus([]byte("Name:\tx\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\nThreads:\t7\n"))
	if rss != 1<<20 || hwm != 2<<20 || th != 7 {
		t.Errorf("parseStatus = %d %d %d", rss, hwm, th)
	}
	if _, err := SampleProc(os.Getpid()); err != nil {
		t.Errorf("SampleProc(self): %v", err)
	}
}

func TestErrorGrouping(t *testing.T) {
	got := addrRE.ReplaceAllString("read tcp 127.0.0.1:41420->127.0.0.1:23299: reset; [::1]:22", "ADDR")
	if got != "read tcp ADDR->ADDR: reset; ADDR" {
		t.Errorf("got %q", got)
	}
}

func TestDist(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	d := distOf(ds)
	if d.P50 != 50*time.Millisecond || d.P95 != 95*time.Millisecond || d.Max != 100*time.Millisecond || d.N != 100 {
		t.Errorf("distOf = %+v", d)
	}
	if distOf(nil).N != 0 {
		t.Error("empty dist")
	}
}

func TestRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"10.1.2.3:22", "192.0.2.1:23234", "[2001:db8::1]:22"} {
		_, err := Run(context.Background(), Config{Addr: addr, Sessions: 1, Width: 80, Height: 24,
			Settle: time.Millisecond, FrameTimeout: time.Second, Timeout: time.Second})
		if err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: err = %v", addr, err)
		}
	}
}

type counter struct{ w, h, n int }

func (m *counter) Init() tea.Cmd { return nil }
func (m *counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyMsg:
		m.n++
	}
	return m, nil
}
func (m *counter) View() tea.View { return tea.NewView(fmt.Sprintf("%dx%d keys %d", m.w, m.h, m.n)) }

func TestRunAgainstServer(t *testing.T) {
	addr := startServer(t, 0)
	base := Config{Addr: addr, Sessions: 5, Width: 80, Height: 24, Keys: 3, KeyBytes: "\t",
		KeyInterval: 10 * time.Millisecond, Settle: 20 * time.Millisecond, FrameTimeout: 5 * time.Second,
		Timeout: 30 * time.Second, ServerPID: os.Getpid()}
	rep, err := Run(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	if rep.Opened != 5 || len(rep.Failures) != 0 || rep.KeyToFrame.N != 15 || rep.FirstFrame.N != 5 {
		t.Errorf("report: %+v", rep)
	}
	if rep.Before == nil || rep.After == nil {
		t.Error("no /proc samples")
	}

	idle := base
	idle.Idle, idle.IdleFor = true, 200*time.Millisecond
	rep, err = Run(context.Background(), idle)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Opened != 5 || len(rep.Failures) != 0 || rep.Loaded == nil || rep.LoadedEnd == nil {
		t.Errorf("idle report: %+v", rep)
	}
	b.Reset()
	rep.Print(&b)
	if !strings.Contains(b.String(), "cpu while idle") {
		t.Errorf("idle report lacks the idle CPU:\n%s", b.String())
	}
}

func TestReportsEarlyClose(t *testing.T) {
	addr := startServer(t, 200*time.Millisecond)
	rep, err := Run(context.Background(), Config{Addr: addr, Sessions: 2, Width: 80, Height: 24,
		Settle: 20 * time.Millisecond, FrameTimeout: 5 * time.Second, Hold: 5 * time.Second, Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failures["session: "+errEndedEarly.Error()] != 2 {
		t.Errorf("failures: %v", rep.Failures)
	}
}

// startServer serves counters on a loopback port until the test ends.
func startServer(t *testing.T, maxTimeout time.Duration) string {
	t.Helper()
	srv, err := server.New(server.Config{
		HostKeyPath: t.TempDir() + "/host", MaxPerIP: 20, RatePerIP: -1, MaxTimeout: maxTimeout,
		Logger:   log.New(io.Discard),
		NewModel: func(i server.SessionInfo) tea.Model { return &counter{w: i.Width, h: i.Height} },
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if err := <-served; !errors.Is(err, server.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}
