package tui

import (
	"errors"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestStarterHandsOnWhatCameFirst: what arrives while the data loads (the
// size, the background answer, a key) reaches the explorer in order once
// it is built; nothing is drawn before.
func TestStarterHandsOnWhatCameFirst(t *testing.T) {
	st := explore.Start()
	st.View = dataset.ViewPlatforms
	s := &starter{o: Options{Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}, State: st,
		Load: func() (*dataset.Collection, error) { return frozen(t), nil }}}
	defer s.close()
	if s.Init() == nil {
		t.Fatal("Init does not load")
	}
	for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}, tea.BackgroundColorMsg{Color: color.White}, keyMsg("j")} {
		s.Update(msg)
		if s.View().Content != "" || !s.View().AltScreen {
			t.Fatal("the starter drew before the data came")
		}
	}
	s.Update(loadedMsg{c: frozen(t)})
	f := s.View().Content
	if !strings.Contains(f, "Popular social media sites") || !strings.Contains(f, "38;5;25m") {
		t.Fatalf("after the load: no light platforms view:\n%s", f)
	}
	if s.m.State().Focus != "youtube" { // j from Facebook, the first
		t.Errorf("the early j was lost: focus %q", s.m.State().Focus)
	}
}

// TestStarterLoadError: a load that fails quits the program with the error.
func TestStarterLoadError(t *testing.T) {
	s := &starter{o: Options{Load: func() (*dataset.Collection, error) { return nil, errors.New("broken") }}}
	_, cmd := s.Update(loadedMsg{err: errors.New("broken")})
	if cmd == nil || s.err == nil || s.m != nil {
		t.Fatalf("load error: cmd %v err %v model %v", cmd != nil, s.err, s.m != nil)
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a load error does not quit")
	}
}
