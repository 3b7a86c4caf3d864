package report

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
)

// writeText prints the view as the explorer draws it, one section (chart,
// findings, sources, measures) after another, each at its natural height.
// In a view with several charts the findings, which the explorer draws
// under whichever chart is in focus, are printed once, after the last.
func writeText(w io.Writer, c *dataset.Collection, sel explore.State, o Options) error {
	draw := func(st explore.State) []string {
		frame := render.View(c, st, render.Options{Width: o.Width, Height: render.MaxHeight, Styles: o.Styles, Static: true})
		return trimBlank(strings.Split(render.ClampLines(frame, o.Width), "\n"))
	}
	secs := explore.Sections(c, sel.View)
	var blocks []string
	for i, sec := range secs {
		if sec.Kind != explore.SectionChart {
			continue
		}
		st := sel
		st.Chart = i
		if i != sel.Chart {
			st.Focus = ""
		}
		lines := draw(st)
		if i < len(secs)-1 {
			lines = trimBlank(withoutFindings(lines))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	if len(blocks) == 0 {
		// The overview and the sources view draw all their sections at once.
		blocks = append(blocks, strings.Join(draw(sel), "\n"))
	}
	out := strings.Join(blocks, "\n\n") + "\n"
	if o.Styles != nil && o.Styles.ASCII() {
		// render.View draws ASCII already; this is the guarantee for
		// anything added around it.
		out = render.ToASCII(out)
	}
	_, err := io.WriteString(w, out)
	return err
}

// withoutFindings cuts the findings list the explorer draws under a chart:
// from the "Findings" heading to the end.
func withoutFindings(lines []string) []string {
	for i, l := range lines {
		if strings.TrimSpace(ansi.Strip(l)) == "Findings" {
			return lines[:i]
		}
	}
	return lines
}

// trimBlank drops trailing spaces from each line and blank lines from the
// end.
func trimBlank(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(l, " ")
	}
	for len(out) > 0 && strings.TrimSpace(ansi.Strip(out[len(out)-1])) == "" {
		out = out[:len(out)-1]
	}
	return out
}
