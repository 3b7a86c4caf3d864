package server

import (
	"fmt"
	"net"
	"path"
	"strings"
)

// acceptedOptions forbid only what the server never offers.
var acceptedOptions = map[string]bool{
	"no-agent-forwarding": true, "no-port-forwarding": true, "no-x11-forwarding": true,
	"no-user-rc": true, "pty": true,
}

// keyOptions checks an authorized_keys line's options and returns its from=
// patterns (nil: none).
func keyOptions(options []string) ([]string, error) {
	var from []string
	restricted := false
	for _, o := range options {
		name, value, hasValue := strings.Cut(o, "=")
		switch name = strings.ToLower(name); {
		case name == "from" && hasValue:
			pats := strings.Split(strings.Trim(value, `"`), ",")
			for _, p := range pats {
				if p == "" || p == "!" {
					return nil, fmt.Errorf("option %q: empty pattern", o)
				}
			}
			from = append(from, pats...)
		case name == "restrict" || name == "no-pty":
			restricted = true
		case name == "pty":
			restricted = false
		case acceptedOptions[name] && !hasValue:
		default:
			return nil, fmt.Errorf("option %q is not supported by docsurvey serve; remove it from the line", o)
		}
	}
	if restricted {
		return nil, fmt.Errorf("restrict or no-pty forbids the terminal a viewer needs; add pty after it (nothing else is ever offered)")
	}
	return from, nil
}

// fromAllows matches a remote address against from= patterns as OpenSSH
// does without DNS: each pattern is an address with * and ? wildcards or a
// CIDR block, "!" negates; a negated match refuses, otherwise any match
// allows. Host names never match (the server does not resolve addresses).
func fromAllows(patterns []string, remote net.Addr) bool {
	host := hostOf(remote)
	ip := net.ParseIP(host)
	allowed := false
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		if !patternMatches(p, host, ip) {
			continue
		}
		if neg {
			return false
		}
		allowed = true
	}
	return allowed
}

func patternMatches(p, host string, ip net.IP) bool {
	if strings.Contains(p, "/") {
		_, block, err := net.ParseCIDR(p)
		return err == nil && ip != nil && block.Contains(ip)
	}
	ok, err := path.Match(p, host)
	return err == nil && ok
}
