package server

import (
	gossh "golang.org/x/crypto/ssh"
)

// Limits on what one session channel may make the server keep. The SSH
// library (charm.land/ssh v0.4.3's DefaultSessionHandler) stores every
// "env" request a client sends before its shell (the
// client chooses how many and how large), buffers up to 128 "signal"
// requests of any length, and keeps the terminal type and modes of the
// "pty-req". Without a bound, 10,000 env requests of 30 KB took the server
// from 13 MB to 474 MB, before any login.
const (
	// MaxEnvRequests is how many env requests a session may have stored.
	MaxEnvRequests = 64
	// MaxEnvBytes is how many bytes of env payload a session may have stored.
	MaxEnvBytes = 16 << 10
	// MaxPtyRequestBytes is the largest pty-req payload accepted (terminal
	// type, size and modes; OpenSSH sends about 300 bytes).
	MaxPtyRequestBytes = 4 << 10
)

// agentRequest asks for agent forwarding, which is never offered.
const agentRequest = "auth-agent-req@openssh.com"

// boundedChannel is a session channel whose requests pass through
// filterRequests before the SSH library sees them.
type boundedChannel struct {
	gossh.NewChannel
	onDrop func(kind string) // called once per session and kind dropped
}

// Accept accepts the channel and returns its requests, filtered.
func (c boundedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go filterRequests(reqs, out, c.onDrop)
	return ch, out, nil
}

// requestBudget counts what a session has been allowed to store.
type requestBudget struct {
	envCount, envBytes int
	logged             map[string]bool
}

// filterRequests passes the requests from in to out, in order, except those
// that would make the library keep more than the limits above or that ask
// for what is never offered: those are answered "no" here (if the client
// wants an answer) and dropped. out is unbuffered, so a slow session loop
// holds the client back as before. out is closed when in is.
func filterRequests(in <-chan *gossh.Request, out chan<- *gossh.Request, onDrop func(string)) {
	defer close(out)
	b := requestBudget{logged: map[string]bool{}}
	for req := range in {
		if kind := b.refuse(req); kind != "" {
			if req.WantReply {
				_ = req.Reply(false, nil)
			}
			if !b.logged[kind] && onDrop != nil {
				b.logged[kind] = true
				onDrop(kind)
			}
			continue
		}
		out <- req
	}
}

// refuse returns why req must be dropped ("" to pass it on) and counts it.
func (b *requestBudget) refuse(req *gossh.Request) string {
	switch req.Type {
	case "env":
		if b.envCount+1 > MaxEnvRequests || b.envBytes+len(req.Payload) > MaxEnvBytes {
			return "env"
		}
		b.envCount++
		b.envBytes += len(req.Payload)
	case "signal":
		// The program never reads signals; the library would buffer them.
		return "signal"
	case agentRequest:
		return "agent forwarding"
	case "x11-req":
		return "x11 forwarding"
	case "pty-req":
		if len(req.Payload) > MaxPtyRequestBytes {
			return "oversized pty-req"
		}
	}
	return ""
}
