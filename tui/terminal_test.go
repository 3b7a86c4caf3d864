package tui

import (
	"github.com/docsurvey/docsurvey/internal/terminal"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestFirstFrameWaitsForBackground: with a background query, the first
// frame waits for the answer or the fallback, and nothing else.
func TestFirstFrameWaitsForBackground(t *testing.T) {
	for _, tt := range []struct {
		name      string
		msg       tea.Msg
		light     bool
		wantFrame bool
	}{
		{"no answer yet", nil, false, false},
		{"a key does not end the wait", keyMsg("j"), false, false},
		{"the fallback", backgroundWaitMsg{}, false, true},
		{"a cursor position with no colour before it", tea.CursorPositionMsg{X: 0, Y: 0}, false, true},
		{"a dark answer", tea.BackgroundColorMsg{Color: color.Black}, false, true},
		{"a light answer", tea.BackgroundColorMsg{Color: color.White}, true, true},
	} {
		m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true},
			Background: BackgroundQuery{Ask: true, Wait: BackgroundWait}, State: platformsState()})
		if m.Init() == nil {
			t.Fatal("Init asks nothing")
		}
		if tt.msg != nil {
			m.Update(tt.msg)
		}
		f := m.Frame()
		if got := f != ""; got != tt.wantFrame {
			t.Errorf("%s: frame drawn %v, want %v", tt.name, got, tt.wantFrame)
		}
		if tt.wantFrame && strings.Contains(f, "38;5;25m") != tt.light {
			t.Errorf("%s: light colours %v, want %v", tt.name, !tt.light, tt.light)
		}
		m.Close()
	}
}

// TestLateAnswerAndProfile: an answer after the fallback restyles, and the
// colour profile Bubble Tea detects decides whether there is colour.
func TestLateAnswerAndProfile(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true},
		Background: BackgroundQuery{Wait: BackgroundWait}, State: platformsState()})
	defer m.Close()
	m.Init()
	m.Update(backgroundWaitMsg{})
	if !strings.Contains(m.Frame(), "38;5;75m") {
		t.Fatal("after the fallback: no dark colours")
	}
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if !strings.Contains(m.Frame(), "38;5;25m") {
		t.Fatal("a late light answer did not restyle")
	}
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	if f := m.Frame(); strings.Contains(f, "38;5;") || m.common.Keys.Mono.Enabled() {
		t.Fatalf("ASCII profile: colour left or m still on (%v)", m.common.Keys.Mono.Enabled())
	}
	if v := m.View(); !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion || !strings.Contains(v.WindowTitle, "Platforms") {
		t.Fatalf("view: alt %v mouse %v title %q", v.AltScreen, v.MouseMode, v.WindowTitle)
	}
}

// platformsState starts on the platforms view, whose first series is
// ANSI 75 on dark and 25 on light.
func platformsState() explore.State {
	st := explore.Start()
	st.View = dataset.ViewPlatforms
	return st
}

// TestCursorReportIsNotF3: a cursor position report on row 1 also reads
// as a modified F3; until the report has come, F3 is taken as part of it,
// so a following audience is not told to press f.
func TestCursorReportIsNotF3(t *testing.T) {
	m := New(Options{Data: frozen(t), Width: 100, Height: 30, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true},
		Background: BackgroundQuery{Wait: BackgroundWait}})
	defer m.Close()
	m.Init()
	if _, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyF3, Mod: tea.ModShift}); cmd != nil {
		t.Fatal("F3 before the report did something")
	}
	m.Update(tea.CursorPositionMsg{})
	if m.Frame() == "" {
		t.Fatal("the cursor report did not end the wait")
	}
}

// TestBackgroundQueryWrittenAtOnce: with a terminal to write to, the query
// goes straight to it from Init's command (not through Bubble Tea's output
// buffer, which waits for the renderer's first tick), once, as OSC 11
// followed by a cursor position request; without one it is Bubble Tea's
// command and writes nothing itself.
func TestBackgroundQueryWrittenAtOnce(t *testing.T) {
	var term strings.Builder
	q := BackgroundQuery{Ask: true, Wait: BackgroundWait, Terminal: &term}
	if msg := q.ask()(); msg != nil {
		t.Errorf("the direct query returned %T, want no message", msg)
	}
	if got, want := term.String(), "\x1b]11;?\a\x1b[6n"; got != want {
		t.Errorf("written %q, want %q", got, want)
	}
	term.Reset()
	if (BackgroundQuery{Ask: true}).ask() == nil || term.Len() != 0 {
		t.Errorf("without a terminal: wrote %q", term.String())
	}
}
