package server

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	gossh "golang.org/x/crypto/ssh"
)

// keySet is a set of public keys read from an authorized_keys file, each
// with its comment.
type keySet map[string]string

func (k keySet) has(key gossh.PublicKey) bool {
	if key == nil {
		return false
	}
	_, ok := k[string(key.Marshal())]
	return ok
}

// readAuthorizedKeys parses an OpenSSH authorized_keys file. Blank lines and
// comments are skipped; options before the key type are accepted and ignored.
// A line that does not parse is an error naming the file and line.
func readAuthorizedKeys(path string) (keySet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	keys := keySet{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("authorized keys %s:%d: %w", path, n, err)
		}
		keys[string(key.Marshal())] = comment
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("authorized keys %s: %w", path, err)
	}
	return keys, nil
}
