package explore

import (
	"strings"
	"time"
)

// ExportBase is the file name, without suffix or extension, for an export
// of a view at a time: "docsurvey-platforms-20261121-103000". The view is
// reduced to lower-case letters, digits and dashes so it is safe in a file
// name.
func ExportBase(view string, t time.Time) string {
	var b strings.Builder
	for _, r := range strings.ToLower(view) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	v := strings.TrimSuffix(b.String(), "-")
	if v == "" {
		v = "view"
	}
	return "docsurvey-" + v + "-" + t.Format("20060102-150405")
}
