package tui

import (
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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
// pins) with report.Export in a command, so the event loop never waits on
// the disk; the outcome comes back as an exportDoneMsg. The state
// and settings are copied now, not read when the command runs.
func (e *exporter) exportCmd() tea.Cmd {
	c, st := e.common.Data, e.host.State()
	dir, now := e.dir, e.now
	if now == nil {
		now = time.Now
	}
	o := report.ExportOptions{Width: e.width, ASCII: e.common.Env.ASCII}
	return func() tea.Msg {
		paths, err := report.Export(dir, now(), c, st, o)
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
