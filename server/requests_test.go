package server

import (
	"encoding/binary"
	"runtime"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// envPayload is the wire form of an env request.
func envPayload(key, value string) []byte {
	return gossh.Marshal(struct{ Key, Value string }{key, value})
}

// TestEnvFloodBoundedMemory sends 3,000 env requests of 30 KB (90 MB) on a
// session channel before any shell, as the adversarial run did: the server
// keeps at most MaxEnvBytes of them, logs once, and the session still works.
func TestEnvFloodBoundedMemory(t *testing.T) {
	ts := startServer(t, nil)
	_, ch := openSession(t, ts.addr)
	before := heapInUse()
	value := strings.Repeat("x", 30<<10)
	for i := range 3000 {
		if _, err := ch.SendRequest("env", false, envPayload("K"+string(rune('A'+i%26)), value)); err != nil {
			t.Fatal(err)
		}
	}
	// A request with a reply is answered only after every earlier one was handled.
	if _, err := ch.SendRequest("env", true, envPayload("LAST", "1")); err != nil {
		t.Fatal(err)
	}
	grew := int64(heapInUse()) - int64(before)
	t.Logf("heap grew by %d KB for 90 MB of env requests", grew>>10)
	if grew > 16<<20 {
		t.Errorf("heap grew by %d MB for 90 MB of env requests, want under 16 MB", grew>>20)
	}
	if n := strings.Count(ts.logs.String(), "what=env"); n != 1 {
		t.Errorf("dropped env requests logged %d times, want once:\n%s", n, ts.logs.String())
	}
	v := mustDial(t, ts.addr, 80, 24) // everyone else is still served
	v.waitFor(t, "hello 80x24")
}

// hostileRequest is one request of a hostile sequence and the answer the
// server must give.
type hostileRequest struct {
	kind    string
	payload []byte
	want    bool
}

// TestHostileRequestSequences sends sequences of session requests a client
// may send before its shell and checks each answer, and that the session
// then starts as usual.
func TestHostileRequestSequences(t *testing.T) {
	small := envPayload("LANG", "C")
	many := make([]hostileRequest, 0, MaxEnvRequests+2)
	for range MaxEnvRequests {
		many = append(many, hostileRequest{"env", small, true})
	}
	many = append(many, hostileRequest{"env", small, false})
	big := strings.Repeat("v", MaxEnvBytes)
	hugeTerm := make([]byte, 0, MaxPtyRequestBytes+64)
	hugeTerm = binary.BigEndian.AppendUint32(hugeTerm, MaxPtyRequestBytes+1)
	hugeTerm = append(hugeTerm, strings.Repeat("t", MaxPtyRequestBytes+1)...)
	hugeTerm = append(hugeTerm, make([]byte, 20)...)
	cases := []struct {
		name string
		seq  []hostileRequest
	}{
		{"agent forwarding is refused", []hostileRequest{{agentRequest, nil, false}}},
		{"x11 forwarding is refused", []hostileRequest{{"x11-req", nil, false}}},
		{"env within the limits is accepted", []hostileRequest{{"env", small, true}}},
		{"env count is capped", many},
		{"env bytes are capped", []hostileRequest{{"env", envPayload("A", big), false}, {"env", small, true}}},
		{"a huge pty-req is refused", []hostileRequest{{"pty-req", hugeTerm, false}}},
		{"signals are dropped", []hostileRequest{{"signal", gossh.Marshal(struct{ S string }{strings.Repeat("INT", 1000)}), false}}},
		{"exec is refused", []hostileRequest{{"exec", gossh.Marshal(struct{ S string }{"id"}), false}}},
		{"subsystems are refused", []hostileRequest{{"subsystem", gossh.Marshal(struct{ S string }{"sftp"}), false}}},
	}
	ts := startServer(t, nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, sess := openSession(t, ts.addr)
			for i, r := range tc.seq {
				ok, err := sess.SendRequest(r.kind, true, r.payload)
				if err != nil {
					t.Fatal(err)
				}
				if ok != r.want {
					t.Fatalf("request %d (%s): answered %v, want %v", i, r.kind, ok, r.want)
				}
			}
		})
	}
}

// FuzzRequestFilter feeds arbitrary request streams to filterRequests and
// checks that what reaches the SSH library never exceeds the limits: the
// env requests it would store, and no signal, agent or x11 request.
func FuzzRequestFilter(f *testing.F) {
	f.Add([]byte("e\x10e\x10e\xffs\x01a\x00p\x40"))
	f.Add([]byte(strings.Repeat("e\xff", 200)))
	f.Fuzz(func(t *testing.T, stream []byte) {
		kinds := map[byte]string{'e': "env", 's': "signal", 'a': agentRequest, 'x': "x11-req", 'p': "pty-req", 'w': "window-change", 'h': "shell"}
		in := make(chan *gossh.Request)
		out := make(chan *gossh.Request)
		go func() {
			defer close(in)
			for i := 0; i+1 < len(stream); i += 2 {
				kind, ok := kinds[stream[i]]
				if !ok {
					kind = string(stream[i : i+1])
				}
				in <- &gossh.Request{Type: kind, Payload: make([]byte, int(stream[i+1])*64)}
			}
		}()
		go filterRequests(in, out, nil)
		envN, envBytes := 0, 0
		for r := range out {
			switch r.Type {
			case "env":
				envN++
				envBytes += len(r.Payload)
			case "signal", agentRequest, "x11-req":
				t.Fatalf("%s request reached the library", r.Type)
			case "pty-req":
				if len(r.Payload) > MaxPtyRequestBytes {
					t.Fatalf("pty-req of %d bytes reached the library", len(r.Payload))
				}
			}
		}
		if envN > MaxEnvRequests || envBytes > MaxEnvBytes {
			t.Fatalf("%d env requests of %d bytes reached the library", envN, envBytes)
		}
	})
}
