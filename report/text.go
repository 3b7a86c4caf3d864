package report

import (
	"io"

	"github.com/docsurvey/docsurvey/dataset"
)

// writeText prints the view as the explorer draws it.
// TODO: draw with render.View once the render package is on main.
func writeText(w io.Writer, c *dataset.Collection, sel Selection, o Options) error {
	return writeMarkdown(w, build(c, sel))
}
