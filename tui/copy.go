package tui

import (
	"bytes"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/report"
)

// copier is the component of the copy keys: y puts one sentence stating
// the focused figure with its source on the viewer's clipboard, Y the
// whole chart as Markdown. The clipboard is the viewer's terminal's, set
// through OSC 52, so over SSH the text lands on the viewer's machine, not
// the server's.
type copier struct {
	common *Common
	host   host
}

// ShortHelp implements help.KeyMap.
func (p *copier) ShortHelp() []key.Binding { return []key.Binding{p.common.Keys.Copy} }

// FullHelp implements help.KeyMap: the keys routed to the copier.
func (p *copier) FullHelp() [][]key.Binding {
	k := p.common.Keys
	return [][]key.Binding{{k.Copy, k.CopyChart}}
}

// SetSize implements Component; the copier draws nothing.
func (p *copier) SetSize(int, int) {}

// View implements Component: the outcome shows in the status line.
func (p *copier) View() string { return "" }

// Update copies on the copy keys. The text is one sentence or one
// chart's Markdown, built at once (as the describe line is); only the
// clipboard write, a terminal sequence, goes out as a command.
func (p *copier) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	c, st := p.common.Data, p.host.State()
	switch {
	case key.Matches(kp, p.common.Keys.Copy):
		s, ok := focusedSentence(c, st)
		if !ok {
			p.host.setStatus("nothing to copy here")
			return nil
		}
		return p.copy(s, s)
	case key.Matches(kp, p.common.Keys.CopyChart):
		var b bytes.Buffer
		if err := report.ChartMarkdown(&b, c, st, st.Chart); err != nil {
			p.host.setStatus("copy failed: " + err.Error())
			return nil
		}
		n := strings.Count(b.String(), "\n")
		return p.copy(b.String(), "the chart as Markdown ("+explore.Count(n, "line", "lines")+")")
	}
	return nil
}

// copy puts text on the clipboard and says what was copied: through the
// session's own writer when it has one (the SSH server's screen), else
// through Bubble Tea (OSC 52 on the program's output).
func (p *copier) copy(text, what string) tea.Cmd {
	p.host.setStatus("copied: " + what)
	if p.common.Clipboard != nil {
		p.common.Clipboard(text)
		return nil
	}
	return tea.SetClipboard(text)
}

// focusedSentence is the sentence stating what the focus is on, with its
// source: a chart figure (the one series shown, else the first series) or
// a finding. False when the focus is on neither.
func focusedSentence(c *dataset.Collection, st explore.State) (string, bool) {
	if ch := st.CurrentChart(c); ch != nil {
		return explore.FigureSentence(c, ch, st.Focus, focusedSeries(ch, st))
	}
	if fd := focusedFinding(c, st); fd != nil {
		return explore.FindingSentence(c, fd), true
	}
	return "", false
}

// focusedSeries is the series a figure key acts on: the one shown, or the
// chart's first.
func focusedSeries(ch *dataset.Chart, st explore.State) string {
	if shown := explore.SeriesShown(ch, st.Series); len(shown) > 0 {
		return ch.Series[shown[0]].ID
	}
	return ""
}

// focusedFinding is the finding the focus is on, nil when it is on none.
func focusedFinding(c *dataset.Collection, st explore.State) *dataset.Finding {
	sec, ok := explore.SectionAt(c, st.View, st.Chart)
	if !ok || sec.Kind != explore.SectionFindings {
		return nil
	}
	for _, fd := range c.FindingsIn(st.View) {
		if fd.ID == st.Focus {
			return fd
		}
	}
	return nil
}
