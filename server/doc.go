// Package server serves the docsurvey explorer over SSH, read-only.
//
// Every SSH session gets a fresh Bubble Tea program whose model comes from
// [Config.NewModel]; nothing mutable is shared between sessions. The server
// never runs a shell or a command: exec requests, subsystems (sftp, scp),
// port forwarding and X11 are all refused, no agent channel is ever opened,
// and a session must ask for a PTY (it is emulated: no real PTY is allocated
// on the host).
//
// # Order of checks
//
// Before any SSH traffic, on the raw TCP connection:
//
//  1. [Config.MaxSessions]: open connections in total;
//  2. [Config.MaxPerIP]: open connections from one IP address;
//  3. per-IP rate limit: a token bucket of new connections per IP
//     ([Config.RatePerIP] per second, burst [Config.RateBurst]); only
//     connections that pass the caps take a token.
//
// Connections that have not opened their session channel yet (in the
// handshake, or logged in and silent) are capped by [Config.MaxPending] and
// closed after [Config.PreAuthTimeout]; a new connection past that cap, or
// past MaxSessions while such connections are open, evicts the oldest of
// them instead of being refused, so silent connections cannot keep a viewer
// out. Per-IP limits count an IPv6 client by its [Config.IPv6Prefix] (/64).
//
// A connection over any of these never reaches the SSH server or a model.
// It is told why by a small responder of its own (reject.go), at most 64 at
// a time and for at most 5 seconds each: one line ("docsurvey: server full
// ...") before the SSH version, for raw clients, then a handshake with the
// host key, any login, and the same line on the session with exit status 1,
// because OpenSSH shows lines before the version only with -v. An OpenSSH
// user sees "docsurvey: server full, please try again later".
//
// During the handshake: public-key authentication against
// [Config.AuthorizedKeysPath] when it is set (otherwise anyone may view;
// with [Config.PresenterKeysPath] and no allowlist, any key or a
// keyboard-interactive exchange without questions, never "none"), and
// [HandshakeTimeout] for a connection to start its session (a shell). One
// session at a time per connection; the connection is closed when its
// session ends.
//
// A session is a presenter's ([SessionInfo.Presenter]) only if the key its
// connection authenticated with, the one whose signature was verified, is in
// [Config.PresenterKeysPath]. The key handler is never asked who presents:
// it also runs for keys a client merely offers.
//
// Each session then runs this middleware chain, outermost first:
//
//  1. recover: a panic anywhere below is logged with its stack, the viewer
//     gets one line and exit status 1; other sessions are unaffected;
//  2. logging: session start and end with user, remote address, terminal,
//     size, duration and the reason it ended (charmbracelet/log);
//  3. activeterm: no PTY means one line and exit status 1;
//  4. the Bubble Tea program itself.
//
// # Limits inside a session
//
//   - The requests of a session channel pass a filter before the SSH
//     library stores them: at most [MaxEnvRequests] env requests and
//     [MaxEnvBytes] of them, a pty-req under [MaxPtyRequestBytes]; signal,
//     agent-forwarding and x11 requests are answered no and dropped. Each
//     kind dropped is logged once per session.
//   - Input passes internal/inputguard: a bracketed paste is ended after
//     16 KiB or 2 s, and keys are metered (200 events a second, burst 400);
//     a read over the budget is dropped whole, except ctrl+c.
//   - Every window size (the PTY request and every window-change) goes
//     through [ClampSize] before the model sees it, and the model gets at
//     most one new size every 30 ms: a flood of window changes is
//     coalesced to the latest, which always arrives.
//   - [Config.IdleTimeout] counts only what the viewer sends (keystrokes and
//     window changes), never our redraws, and what the model reports
//     through [SessionInfo.Touch] (a follower when the presenter acts),
//     unless the viewer has stopped reading its output.
//   - [Config.MaxTimeout] is absolute from the start of the session.
//   - Both end the session with a one-line message after the terminal has
//     been restored. As a backstop, the SSH connection itself has an I/O
//     idle deadline of IdleTimeout+ConnGrace and an absolute deadline of
//     MaxTimeout+ConnGrace, so a client that stops reading cannot pin a
//     session forever.
//   - A panic in the model's Init, Update or View, or in a command it
//     returns (directly or inside tea.Batch or tea.Sequence), is recovered
//     by a guard around the model, logged with its stack, and ends only that
//     session with exit status 1.
//
// # Colour and background
//
// Each session's colour profile comes from its own TERM, COLORTERM and
// NO_COLOR ([SessionInfo.Env]); the screen downsamples every write to
// it, so a model draws in any colour and each viewer sees what its
// terminal can show. The screen's first write asks the viewer's terminal
// its background colour (OSC 11); Bubble Tea's input reader, which reads
// only that session, turns the answer into a tea.BackgroundColorMsg for
// that session's model. A client that never answers loses nothing: the
// query is not a blocking read, and the explorer draws after a short
// fallback on a dark background.
//
// # Shutdown
//
// [Server.Shutdown] stops accepting, quits every program and writes "server
// is shutting down" to each viewer, waits for the sessions until the
// context's deadline, and then closes every connection, logging how many
// sessions it closed. [RunUntilSignal] wraps that for a command-line caller,
// for whom reaching the deadline is not an error.
package server
