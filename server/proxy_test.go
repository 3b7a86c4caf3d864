package server

import (
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// addrModel shows the address and presenter the server gave the session.
type addrModel struct{ info SessionInfo }

func (m addrModel) Init() tea.Cmd                       { return nil }
func (m addrModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (m addrModel) View() tea.View {
	host, _, _ := net.SplitHostPort(m.info.RemoteAddr)
	return tea.NewView(fmt.Sprintf("from=%s presenter=%v name=%s.", host, m.info.Presenter, m.info.PresenterName))
}

func startAddrServer(t *testing.T, mutate func(*Config)) *testServer {
	return startServer(t, func(c *Config) {
		c.NewModel = func(info SessionInfo) tea.Model { return addrModel{info: info} }
		if mutate != nil {
			mutate(c)
		}
	})
}

// proxyV1 is the header HAProxy's send-proxy sends for a viewer at ip.
func proxyV1(ip string) string {
	return "PROXY TCP4 " + ip + " 127.0.0.1 40000 23234\r\n"
}

// proxyV2 is the binary header of send-proxy-v2 for a viewer at ip.
func proxyV2(t *testing.T, ip string) string {
	t.Helper()
	h := proxyproto.HeaderProxyFromAddrs(2, &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000}, &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 23234})
	b, err := h.Format()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dialWith opens an SSH session with a PTY and a shell over a TCP
// connection that starts with header.
func dialWith(addr, header string, cfg *gossh.ClientConfig) (*viewer, error) {
	if cfg == nil {
		cfg = clientConfig()
	}
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(c, header); err != nil {
		c.Close()
		return nil, err
	}
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	conn, chans, reqs, err := gossh.NewClientConn(c, addr, cfg)
	if err != nil {
		c.Close()
		return nil, err
	}
	_ = c.SetDeadline(time.Time{})
	client := gossh.NewClient(conn, chans, reqs)
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	v := &viewer{client: client, sess: sess, out: &syncBuffer{}, started: time.Now(), waited: make(chan error, 1)}
	sess.Stdout, sess.Stderr = v.out, v.out
	if v.stdin, err = sess.StdinPipe(); err == nil {
		if err = sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err == nil {
			err = sess.Shell()
		}
	}
	if err != nil {
		client.Close()
		return nil, err
	}
	go func() { v.waited <- sess.Wait() }()
	return v, nil
}

func TestProxyProtocolHonoured(t *testing.T) {
	ts := startAddrServer(t, func(c *Config) { c.ProxyProtocol, c.MaxPerIP = true, 2 })
	for _, tc := range []struct{ name, header, ip string }{
		{"v1", proxyV1("203.0.113.7"), "203.0.113.7"},
		{"v2", proxyV2(t, "198.51.100.9"), "198.51.100.9"},
	} {
		v, err := dialWith(ts.addr, tc.header, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		t.Cleanup(v.close)
		v.waitFor(t, "from="+tc.ip+" ")
	}
	ts.waitLog(t, "remote=203.0.113.7:40000")
}

func TestProxyProtocolPerIPLimitSeesTheViewer(t *testing.T) {
	ts := startAddrServer(t, func(c *Config) { c.ProxyProtocol, c.MaxPerIP = true, 2 })
	for range 2 {
		v, err := dialWith(ts.addr, proxyV1("203.0.113.7"), nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(v.close)
		v.waitFor(t, "from=203.0.113.7")
	}
	if v, err := dialWith(ts.addr, proxyV1("203.0.113.7"), nil); err == nil {
		got := v.waitEither("from=", msgTooManyIP)
		v.close()
		if got != msgTooManyIP {
			t.Fatal("a third connection from 203.0.113.7 was let in with --max-per-ip 2")
		}
	}
	// Every connection comes from 127.0.0.1, the balancer: another viewer
	// behind it is not refused.
	v, err := dialWith(ts.addr, proxyV1("203.0.113.8"), nil)
	if err != nil {
		t.Fatalf("a viewer at another address was refused: %v", err)
	}
	defer v.close()
	v.waitFor(t, "from=203.0.113.8")
}

// TestProxyProtocolPerIPKeysIPv6By64: behind a balancer, the per-IP limit
// counts the viewer's IPv6 address from the PROXY header by its /64, as it
// does for a direct connection: another address in the same /64 is the
// same viewer, one in the next /64 is not.
func TestProxyProtocolPerIPKeysIPv6By64(t *testing.T) {
	ts := startAddrServer(t, func(c *Config) { c.ProxyProtocol, c.MaxPerIP = true, 1 })
	first, err := dialWith(ts.addr, proxyV2(t, "2001:db8:1:2::1"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(first.close)
	first.waitFor(t, "from=2001:db8:1:2::1 ")
	if v, err := dialWith(ts.addr, proxyV2(t, "2001:db8:1:2:ffff::9"), nil); err == nil {
		got := v.waitEither("from=", msgTooManyIP)
		v.close()
		if got != msgTooManyIP {
			t.Fatal("a second viewer in 2001:db8:1:2::/64 was let in with --max-per-ip 1")
		}
	}
	ts.waitLog(t, "remote=[2001:db8:1:2:ffff::9]:40000")
	other, err := dialWith(ts.addr, proxyV2(t, "2001:db8:1:3::1"), nil)
	if err != nil {
		t.Fatalf("a viewer in the next /64 was refused: %v", err)
	}
	defer other.close()
	other.waitFor(t, "from=2001:db8:1:3::1 ")
}

func TestProxyProtocolRequiresAHeader(t *testing.T) {
	old := proxyHeaderTimeout
	proxyHeaderTimeout = 300 * time.Millisecond
	t.Cleanup(func() { proxyHeaderTimeout = old })
	ts := startAddrServer(t, func(c *Config) { c.ProxyProtocol = true })
	if v, err := dial(ts.addr, 80, 24, nil); err == nil {
		v.close()
		t.Fatal("a connection without a PROXY header was let in with --proxy-protocol")
	}
	ts.waitLog(t, "no valid PROXY protocol header")
}

func TestProxyHeaderRefusedWhenNotEnabled(t *testing.T) {
	ts := startAddrServer(t, nil)
	for _, h := range []string{proxyV1("203.0.113.7"), proxyV2(t, "203.0.113.7")} {
		if v, err := dialWith(ts.addr, h, nil); err == nil {
			out := v.out.String()
			v.close()
			t.Fatalf("a PROXY header was taken without --proxy-protocol: %q", out)
		}
	}
	ts.waitLog(t, "sent PROXY header but isn't allowed to send one")
	if strings.Contains(ts.logs.String(), "203.0.113.7") {
		t.Fatal("the header's address reached the logs")
	}
	v := mustDial(t, ts.addr, 80, 24) // plain SSH still works
	v.waitFor(t, "from=127.0.0.1")
}

func TestPresenterDoesNotCountAgainstPerIP(t *testing.T) {
	presenter, line := newKey(t)
	ts := startAddrServer(t, func(c *Config) {
		c.MaxPerIP = 1
		c.PresenterKeysPath = writeKeys(t, strings.TrimSpace(line)+" alice@laptop\n")
	})
	audience := func() *gossh.ClientConfig {
		return clientConfig(gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
	}
	first, err := dial(ts.addr, 80, 24, audience())
	if err != nil {
		t.Fatal(err)
	}
	first.waitFor(t, "presenter=false")
	p, err := dial(ts.addr, 80, 24, clientConfig(gossh.PublicKeys(presenter)))
	if err != nil {
		t.Fatalf("the presenter was refused by the per-IP limit: %v", err)
	}
	defer p.close()
	p.waitFor(t, "presenter=true name=alice@laptop.")
	// The address is full with its one viewer: another is refused, after
	// the handshake, with the usual line.
	second, err := dial(ts.addr, 80, 24, audience())
	if err == nil {
		second.waitFor(t, msgTooManyIP)
		if code := second.waitEnd(t); code != 1 {
			t.Fatalf("over the cap: exit %d, want 1", code)
		}
		second.close()
	}
	// The first viewer leaves: the presenter does not hold the slot.
	first.close()
	ts.waitLog(t, "session end")
	deadline := time.Now().Add(5 * time.Second)
	for {
		v, err := dial(ts.addr, 80, 24, audience())
		if err == nil {
			defer v.close()
			if v.waitEither("presenter=false", msgTooManyIP) == "presenter=false" {
				break
			}
			v.close()
		}
		if time.Now().After(deadline) {
			t.Fatal("a viewer could not take the slot the presenter does not hold")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
