package dataset

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeText is the one sanitiser for every message that quotes a file's
// content (a problem's file name, path and message; the CSV reader's
// problems go through it too). It returns s unchanged when s is printable
// on one line, and otherwise with every byte or rune that could move the
// cursor, drive the terminal or start a new line escaped Go-style: control
// characters, newlines and tabs, DEL, C1 controls, bidirectional controls,
// other invisible format characters and invalid UTF-8. So a problem is
// always one line, and a file cannot write an escape sequence (a clipboard
// write, a screen clear) to the terminal of the person reading it.
func SafeText(s string) string {
	if strings.IndexFunc(s, unsafeForMessage) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case unsafeForMessage(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeForMessage reports a rune that must not reach a terminal raw in a
// one-line message: anything unsafe in text, and newlines, and any other
// rune Go does not call printable (format characters such as U+200B..U+200F).
func unsafeForMessage(r rune) bool {
	return r == '\n' || unsafeRune(r) || !unicode.IsPrint(r) && r != ' ' && r != 0x200d // ZWJ joins emoji
}
