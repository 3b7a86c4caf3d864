package server

import (
	"fmt"
	"io"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// rejectTimeout bounds the whole conversation with a refused client.
const rejectTimeout = 5 * time.Second

// rejectConn tells a client refused by a cap why, in a way every SSH client
// shows. The decision was made before any SSH traffic (limitListener), and a
// refused connection never reaches the real server or a model; but OpenSSH
// prints lines sent before the SSH version only at debug level, so a viewer
// would see just "Connection closed". So the refusal speaks a minimal SSH of
// its own: the message as a line before the version (RFC 4253 allows it,
// for raw clients), then a handshake with the host key, any login, and on the
// first session the message and exit status 1. It is bounded by
// rejectTimeout and by limitListener's cap on refusals in flight.
func rejectConn(c net.Conn, msg string, signer gossh.Signer) {
	_ = c.SetDeadline(time.Now().Add(rejectTimeout))
	if _, err := io.WriteString(c, msg+"\r\n"); err != nil || signer == nil {
		return
	}
	cfg := &gossh.ServerConfig{NoClientAuth: true, ServerVersion: "SSH-2.0-docsurvey"}
	cfg.AddHostKey(signer)
	conn, chans, reqs, err := gossh.NewServerConn(c, cfg)
	if err != nil {
		return
	}
	defer conn.Close()
	go gossh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			_ = nc.Reject(gossh.Prohibited, msg)
			continue
		}
		ch, creqs, err := nc.Accept()
		if err != nil {
			return
		}
		tellAndExit(ch, creqs, msg)
		return
	}
}

// tellAndExit agrees to the session's PTY and environment requests, and at
// its shell or command writes msg and exits with status 1.
func tellAndExit(ch gossh.Channel, reqs <-chan *gossh.Request, msg string) {
	defer ch.Close()
	for r := range reqs {
		switch r.Type {
		case "shell", "exec":
			_ = r.Reply(true, nil)
			fmt.Fprint(ch.Stderr(), msg+"\r\n")
			_, _ = ch.SendRequest("exit-status", false, gossh.Marshal(struct{ Status uint32 }{1}))
			return
		default:
			_ = r.Reply(r.Type == "pty-req" || r.Type == "env", nil)
		}
	}
}
