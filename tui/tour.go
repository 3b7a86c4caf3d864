package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/present"
)

// Lines the tour may take under the body.
const (
	takeawayLines = 2
	notesLines    = 3
)

// tourGuide is the component of the guided tour: its keys (start and
// leave, next and previous step) and its lines under the body, the step's
// takeaway and, for whoever may see them, its speaker notes. The step
// itself is part of explore.State, so it travels to the audience with the
// rest of the screen.
type tourGuide struct {
	common *Common
	host   host
	width  int
	// notes says whether this session sees the speaker notes: the
	// presenter and the local explorer; never the audience.
	notes bool
}

// ShortHelp implements help.KeyMap.
func (t *tourGuide) ShortHelp() []key.Binding { return []key.Binding{t.common.Keys.NextStep} }

// FullHelp implements help.KeyMap: the keys routed to the tour.
func (t *tourGuide) FullHelp() [][]key.Binding {
	k := t.common.Keys
	return [][]key.Binding{{k.Tour, k.NextStep, k.PrevStep}}
}

// SetSize sets the width the lines wrap to.
func (t *tourGuide) SetSize(w, _ int) { t.width = w }

// Update handles the tour keys.
func (t *tourGuide) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k, c := t.common.Keys, t.common.Data
	st := t.host.State()
	var next explore.State
	switch {
	case key.Matches(kp, k.Tour) && st.Step >= 0:
		t.host.applyScreen(present.Screen{State: st.EndTour()})
		t.host.setStatus("tour off")
		return nil
	case key.Matches(kp, k.Tour):
		next, ok = st.GotoStep(c, 0)
	case key.Matches(kp, k.NextStep):
		if next, ok = st.NextStep(c); !ok && st.Step >= 0 {
			t.host.applyScreen(present.Screen{State: st.EndTour()})
			t.host.setStatus("end of the tour: tour off")
			return nil
		}
	case key.Matches(kp, k.PrevStep):
		if next, ok = st.PrevStep(c); !ok {
			t.host.setStatus("first step of the tour")
		}
	}
	if ok {
		t.host.applyScreen(present.Screen{State: next})
	}
	return nil
}

// View is the tour's lines, "" off the tour.
func (t *tourGuide) View() string { return strings.Join(t.lines(), "\n") }

// lines are the tour step's takeaway and, with notes, its speaker notes;
// nil off the tour.
func (t *tourGuide) lines() []string {
	st := t.host.State()
	step, ok := st.TourStep(t.common.Data)
	if !ok || t.width <= 4 {
		return nil
	}
	s := t.common.Styles
	mark := "▶ "
	if t.common.Env.ASCII {
		mark = "> "
	}
	lead := mark + strconv.Itoa(st.Step+1) + "/" + strconv.Itoa(explore.TourLen(t.common.Data)) + "  "
	var out []string
	for _, l := range wrapText(lead+step.Takeaway, t.width, takeawayLines, s.Ellipsis()) {
		out = append(out, s.Status.Render(l))
	}
	if t.notes && step.Notes != "" {
		for _, l := range wrapText("notes: "+step.Notes, t.width-2, notesLines, s.Ellipsis()) {
			out = append(out, s.Detail.Render("  "+l))
		}
	}
	return out
}
