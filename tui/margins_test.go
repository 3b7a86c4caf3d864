package tui

import (
	"strings"
	"testing"
)

func TestWhiskersKey(t *testing.T) {
	m := newModel(t, 100, 30)
	k := m.common.Keys
	if k.Whiskers.Enabled() {
		t.Error("e enabled on the overview, which has no bars to put intervals on")
	}
	press(m, "2") // platforms
	if !k.Whiskers.Enabled() {
		t.Fatal("e disabled on the platforms chart")
	}
	if strings.Contains(screen(m), "├") {
		t.Fatal("whiskers drawn before e")
	}
	press(m, "e")
	s := screen(m)
	if !strings.Contains(s, "├─┤ 95% interval") || !strings.Contains(s, "├┤ 15%") || !m.State().Whiskers {
		t.Fatalf("e drew no whiskers:\n%s", s)
	}
	press(m, "3") // benefits: the mode holds in every view
	if !strings.Contains(screen(m), "├─┤ 95% interval") {
		t.Errorf("whiskers lost on the next view:\n%s", screen(m))
	}
	press(m, "2", "d") // the butterfly draws no whiskers: e is off
	if k.Whiskers.Enabled() {
		t.Error("e enabled on the butterfly chart, which does not draw whiskers")
	}
	press(m, "d", "e")
	if strings.Contains(screen(m), "├─┤ 95% interval") || m.State().Whiskers {
		t.Errorf("second e left the whiskers on:\n%s", screen(m))
	}
	press(m, "6")
	if k.Whiskers.Enabled() {
		t.Error("e enabled on the sources view")
	}
	press(m, "?")
	if !strings.Contains(screen(m), "e") {
		t.Error("help hides e")
	}
}

func TestWhiskersHelp(t *testing.T) {
	m := newModel(t, 120, 40)
	press(m, "2", "?")
	if !strings.Contains(screen(m), "e error bars") {
		t.Errorf("full help on a chart lacks e:\n%s", screen(m))
	}
	m = newModel(t, 120, 40)
	press(m, "?")
	if strings.Contains(screen(m), "e error bars") {
		t.Errorf("full help on the overview lists e, which does nothing there:\n%s", screen(m))
	}
}

func TestMarginScreens(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"whiskers-platforms-100x30", []string{"2", "e"}},
		{"detail-benefits-100x30", []string{"3"}},
		{"whiskers-patient-communities-100x30", []string{"5", "e", "j", "j", "j", "j", "j"}},
	} {
		m := newModel(t, 100, 30)
		press(m, tc.keys...)
		golden(t, tc.name, screen(m))
	}
}
