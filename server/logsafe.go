package server

import (
	"strconv"
	"strings"
	"unicode"
)

// logSafe returns s as it is if it is printable, else quoted with Go
// escapes, so that what a client chose (its user name, a command) can
// neither split a log entry with a newline nor drive the terminal reading
// the log with escape sequences.
func logSafe(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) || r == unicode.ReplacementChar }) < 0 {
		return s
	}
	return strconv.Quote(s)
}

// warnEmptyKeyFiles warns about key files that have no key: a server
// nobody can log in to, or one where nobody can present.
func (s *Server) warnEmptyKeyFiles() {
	if s.authorized != nil && len(s.authorized) == 0 {
		who := "nobody can log in"
		if len(s.presenters) > 0 {
			who = "only presenters can log in"
		}
		s.log.Warn("the authorized keys file has no key: "+who, "file", s.cfg.AuthorizedKeysPath)
	}
	if s.presenters != nil && len(s.presenters) == 0 {
		s.log.Warn("the presenter keys file has no key: nobody can present", "file", s.cfg.PresenterKeysPath)
	}
}
