package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"

	gossh "golang.org/x/crypto/ssh"

	"github.com/docsurvey/docsurvey/internal/safefile"
)

// MaxKeyFileSize is the largest authorized_keys or presenter key file read.
const MaxKeyFileSize = 1 << 20

// keySet is a set of public keys read from an authorized_keys file.
type keySet map[string]keyEntry

// keyEntry is what a key's line says beside the key.
type keyEntry struct {
	from    []string // the from= patterns it is allowed from (nil: anywhere)
	comment string   // the line's comment, naming a presenter to the room
}

// allows reports whether key is in the set and its from= patterns, if any,
// allow the remote address.
func (k keySet) allows(key gossh.PublicKey, remote net.Addr) bool {
	if key == nil {
		return false
	}
	e, ok := k[string(key.Marshal())]
	return ok && (e.from == nil || fromAllows(e.from, remote))
}

// readAuthorizedKeys parses an OpenSSH authorized_keys file, read through
// safefile (a regular file, at most MaxKeyFileSize). Blank lines and
// comments are skipped. Of the options, from= is honoured; the options that
// only forbid what the server never offers (forwarding, user rc) are
// accepted; every other option, and restrict or no-pty (which would forbid
// the terminal a viewer needs), is refused with the line, as is a line that
// does not parse.
func readAuthorizedKeys(path string) (keySet, error) {
	data, err := safefile.Read(context.Background(), path, safefile.Options{Limit: MaxKeyFileSize})
	if err != nil {
		return nil, fmt.Errorf("authorized keys %w", err)
	}
	keys := keySet{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), MaxKeyFileSize)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("authorized keys %q:%d: %w", path, n, err)
		}
		from, err := keyOptions(options)
		if err != nil {
			return nil, fmt.Errorf("authorized keys %q:%d: %w", path, n, err)
		}
		keys[string(key.Marshal())] = keyEntry{from: from, comment: comment}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("authorized keys %q: %w", path, err)
	}
	return keys, nil
}
