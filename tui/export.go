package tui

import (
	"charm.land/bubbles/v2/key"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/render"
	"github.com/docsurvey/docsurvey/report"
)

// exporter is the component of the export key: it writes the view as the
// screen shows it, in a command, and puts the outcome in the status line
// when the command's message comes back.
type exporter struct {
	common *Common
	host   host
	// dir is where exports go; "" turns export off.
	dir string
	// now is the clock of the file names (time.Now when nil).
	now func() time.Time
	// width is the width the text is drawn at, the screen's.
	width int
}

// SetExportDir sets the directory the export key writes to; "" turns
// export off. Run sets the working directory; the SSH server leaves it off,
// so no viewer can write files on the server.
func (m *Model) SetExportDir(dir string) {
	m.exporter.dir = dir
	m.updateKeybindings()
}

// ShortHelp implements help.KeyMap.
func (e *exporter) ShortHelp() []key.Binding { return []key.Binding{e.common.Keys.Export} }

// FullHelp implements help.KeyMap.
func (e *exporter) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

// SetSize sets the width exports are drawn at.
func (e *exporter) SetSize(w, _ int) { e.width = w }

// View implements Component: the outcome shows in the status line.
func (e *exporter) View() string { return "" }

// exportDoneMsg reports the files an export wrote, or why it failed.
type exportDoneMsg struct {
	paths []string
	err   error
}

// Update starts an export on the export key and shows its outcome on
// exportDoneMsg.
func (e *exporter) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, e.common.Keys.Export) {
			e.host.setStatus("exporting" + e.common.Styles.Ellipsis())
			return e.exportCmd()
		}
	case exportDoneMsg:
		if msg.err != nil {
			e.host.setStatus("export failed: " + msg.err.Error())
		} else {
			e.host.setStatus("wrote " + exportNames(msg.paths))
		}
	}
	return nil
}

// exportCmd writes the active view as it is on screen (view, sort, series,
// pins) in a command, so the event loop never waits on the disk. The state
// and settings are copied now, not read when the command runs.
func (e *exporter) exportCmd() tea.Cmd {
	c, st := e.common.Data, e.host.State()
	dir, now := e.dir, e.now
	if now == nil {
		now = time.Now
	}
	width, ascii := e.width, e.common.Env.ASCII
	if width <= 0 {
		width = report.DefaultWidth
	}
	return func() tea.Msg {
		paths, err := exportView(dir, now(), c, st, width, ascii)
		return exportDoneMsg{paths: paths, err: err}
	}
}

// exportNames writes the names of an export's files compactly: they share
// a name and differ in extension, "docsurvey-platforms-….{txt,md,csv}".
func exportNames(paths []string) string {
	var base string
	var exts []string
	for _, p := range paths {
		name := filepath.Base(p)
		b, ext, ok := strings.Cut(name, ".")
		if !ok || (base != "" && b != base) {
			var names []string
			for _, p := range paths {
				names = append(names, filepath.Base(p))
			}
			return strings.Join(names, ", ")
		}
		base = b
		exts = append(exts, ext)
	}
	if len(exts) == 1 {
		return base + "." + exts[0]
	}
	return base + ".{" + strings.Join(exts, ",") + "}"
}

// exportView writes the view of st as text, Markdown and CSV with the report
// package (the renderer of `docsurvey show`), under a name that never
// overwrites. The text is drawn from the whole state, so it looks as on
// screen: sort, series, butterfly, spotlight and pin marks. With pins, the
// text and Markdown end with the comparison and a further .pins.csv holds
// its figures.
func exportView(dir string, now time.Time, c *dataset.Collection, st explore.State, width int, ascii bool) ([]string, error) {
	st = st.Normalize(c)
	if report.Check(c, st, report.FormatCSV) != nil {
		st.Series = dataset.SeriesAll
	}
	styles := render.NewStyles(render.StyleOptions{ASCII: ascii})
	write := func(format string, tail func(io.Writer) error) func(io.Writer) error {
		return func(w io.Writer) error {
			if err := report.Write(w, c, st, report.Options{Format: format, Width: width, Styles: styles}); err != nil {
				return err
			}
			if tail != nil && len(st.Pins) > 0 {
				return tail(w)
			}
			return nil
		}
	}
	formats := []explore.ExportFormat{
		{Ext: "txt", Write: write(report.FormatText, func(w io.Writer) error { return pinsText(w, c, st, width, styles) })},
		{Ext: "md", Write: write(report.FormatMarkdown, func(w io.Writer) error { return pinsMarkdown(w, c, st) })},
		{Ext: "csv", Write: write(report.FormatCSV, nil)},
	}
	if len(st.Pins) > 0 {
		formats = append(formats, explore.ExportFormat{Ext: "pins.csv", Write: func(w io.Writer) error { return pinsCSV(w, c, st) }})
	}
	return explore.Export(dir, st.View, now, formats)
}

// pinsText is the comparison panel as plain text.
func pinsText(w io.Writer, c *dataset.Collection, st explore.State, width int, styles *render.Styles) error {
	panel := render.Compare(c, st, render.Options{Width: width, Height: render.MaxHeight, Styles: styles, Static: true})
	_, err := fmt.Fprintf(w, "\n%s\n", ansi.Strip(panel))
	return err
}

// pinsMarkdown is the comparison as a Markdown table: one row per pinned
// item, a column per series, differences against the first item.
func pinsMarkdown(w io.Writer, c *dataset.Collection, st explore.State) error {
	cm := explore.Compare(c, st.Pins)
	order := cm.Order(st.Sort, st.Reverse)
	esc := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	var b strings.Builder
	b.WriteString("\n## Pinned for comparison\n\n")
	fmt.Fprintf(&b, "Differences (points) and ratios are against %s.\n\n", esc(cm.Items[order[0]].Label))
	b.WriteString("| Item |")
	for _, s := range cm.Series {
		fmt.Fprintf(&b, " %s | vs first | ratio |", esc(s.Label))
	}
	b.WriteString(" Source |\n|---|")
	for range cm.Series {
		b.WriteString("---:|---:|---:|")
	}
	b.WriteString("---|\n")
	for _, i := range order {
		it := cm.Items[i]
		label := it.Label
		if !it.Found {
			label = it.Ref.String() + " (not in this collection)"
		}
		fmt.Fprintf(&b, "| %s |", esc(label))
		for col := range cm.Series {
			cell := cm.Cells[i][col]
			v, d, r := "", "", ""
			if cell.OK {
				v = explore.FormatValue(cell.Value, it.Unit, cell.Qualifier)
				if i != order[0] {
					if x, ok := cm.Diff(i, order[0], col); ok {
						d = explore.FormatPoints(x, it.Unit)
					}
					r = explore.FormatRatio(cm.Ratio(i, order[0], col))
				}
			}
			fmt.Fprintf(&b, " %s | %s | %s |", v, d, r)
		}
		fmt.Fprintf(&b, " %s |\n", esc(strings.Join(it.Sources, "; ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pinsCSV is one row per pinned item and series: item, chart, series,
// value, qualifier, difference and ratio against the first item, source.
func pinsCSV(w io.Writer, c *dataset.Collection, st explore.State) error {
	cm := explore.Compare(c, st.Pins)
	order := cm.Order(st.Sort, st.Reverse)
	cw := csv.NewWriter(w)
	cw.Write([]string{"pin", "item", "chart", "series", "value", "qualifier", "points_vs_first", "ratio_vs_first", "source"})
	for _, i := range order {
		it := cm.Items[i]
		for col, s := range cm.Series {
			cell := cm.Cells[i][col]
			if !cell.OK {
				continue
			}
			d, r := "", ""
			if i != order[0] {
				if x, ok := cm.Diff(i, order[0], col); ok {
					d = explore.FormatNumber(x)
				}
				if x, ok := cm.Ratio(i, order[0], col); ok {
					r = fmt.Sprintf("%.4g", x)
				}
			}
			src := cell.Source
			if sc := c.Source(src); sc != nil {
				src = sc.Label
			}
			row := []string{it.Ref.String(), it.Label, it.Chart, s.Label, explore.FormatNumber(cell.Value), cell.Qualifier, d, r, src}
			for k := range row {
				row[k] = report.SafeCell(row[k]) // exports are always neutralised
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	return cw.Error()
}

// wrapText word-wraps plain text to w cells and at most n lines, cutting
// the last with tail.
func wrapText(s string, w, n int, tail string) []string {
	if w <= 0 || n <= 0 {
		return nil
	}
	s = strings.Join(strings.Fields(s), " ")
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	if len(lines) > n {
		rest := strings.Join(lines[n-1:], " ")
		lines = append(lines[:n-1], ansi.Truncate(rest, w, tail))
	}
	for i := range lines {
		lines[i] = ansi.Truncate(strings.TrimRight(lines[i], " "), w, tail)
	}
	return lines
}
