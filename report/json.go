package report

import (
	"encoding/json"
	"io"
)

// writeJSON prints the view as one indented JSON object, ending in a newline.
func writeJSON(w io.Writer, d *doc) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}
