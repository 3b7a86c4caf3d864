package dataset

import (
	"fmt"
	"unicode/utf8"
)

// MaxFileSize is the largest data file Load and Parse accept, in bytes.
const MaxFileSize = 10 << 20

// checkBytes refuses, before any parsing, a file that is too large, is not
// UTF-8 or holds a NUL byte. It reports at most one problem.
func checkBytes(data []byte, ps *problems) bool {
	if len(data) > MaxFileSize {
		ps.add(0, 0, "", fmt.Sprintf("file is %d bytes; the limit is %d bytes (10 MiB)", len(data), MaxFileSize))
		return false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			hint := ""
			if enc := guessEncoding(data); i == 0 && enc != "" {
				hint = " (this looks like " + enc + ")"
			}
			ps.add(line, col, "", fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d)%s; data files must be UTF-8", data[i], i, hint))
			return false
		case r == 0:
			what := "is this UTF-16, UTF-32 or binary?"
			if enc := guessEncoding(data); enc != "" {
				what = "this looks like " + enc
			}
			ps.add(line, col, "", fmt.Sprintf("NUL byte at offset %d; data files must be UTF-8 text (%s)", i, what))
			return false
		case r == '\n':
			line++
			col = 1
		default:
			col++
		}
		i += size
	}
	return true
}

// guessEncoding names the Unicode encoding data looks like from its byte
// order mark or the NULs of its first four bytes, or returns "". UTF-32 is
// tested first: its little-endian mark begins with UTF-16's.
func guessEncoding(data []byte) string {
	if len(data) < 4 {
		if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
			return "UTF-16"
		}
		return ""
	}
	b0, b1, b2, b3 := data[0], data[1], data[2], data[3]
	switch {
	case b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0, b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0:
		return "UTF-32LE"
	case b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff, b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0:
		return "UTF-32BE"
	case b0 == 0xff && b1 == 0xfe, b0 != 0 && b1 == 0 && b3 == 0:
		return "UTF-16LE"
	case b0 == 0xfe && b1 == 0xff, b0 == 0 && b2 == 0 && b1 != 0:
		return "UTF-16BE"
	}
	return ""
}

// unsafeRune reports whether r may not appear in any string of a data file:
// C0 controls other than newline (tab included), DEL, C1 controls, and the
// Unicode bidirectional overrides and isolates, which could reorder or
// restyle what a terminal shows.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// checkText returns a message if s holds a character a data file may not
// contain, or "".
func checkText(s string) string {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Sprintf("text is not valid UTF-8 at byte %d", i)
			}
		}
		if unsafeRune(r) {
			what := "a control character"
			switch {
			case r == 0x1b:
				what = "an escape character"
			case r == '\t':
				what = "a tab"
			case r >= 0x202a:
				what = "a bidirectional control"
			}
			return fmt.Sprintf("text contains %s (%U) at character %d; only printable text and newlines are allowed", what, r, utf8.RuneCountInString(s[:i])+1)
		}
	}
	return ""
}
