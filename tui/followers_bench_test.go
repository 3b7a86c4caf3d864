package tui

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/present"
)

// BenchmarkFollowers is one presenter key (the next view) reaching 200
// followers at 100x30 in process: each follower takes the hub's update and
// composes its frame, as its program does. "own" draws every follower's
// frame itself; "shared" shares them through Frames, as serve does. The
// ratio of the two is the saving of the shared frames; the time is per
// key, for all 200 followers.
func BenchmarkFollowers(b *testing.B) {
	for _, tc := range []struct {
		name   string
		frames *Frames
	}{{"own", nil}, {"shared", NewFrames(64, 32<<20)}} {
		b.Run(tc.name, func(b *testing.B) {
			hub := present.NewHub()
			env := terminal.Env{Profile: colorprofile.ANSI256, Dark: true}
			p := New(Options{Data: frozen(b), Width: 100, Height: 30, Env: env, Role: RolePresenter, Hub: hub})
			defer p.Close()
			fs := make([]*Model, 200)
			for i := range fs {
				fs[i] = New(Options{Data: frozen(b), Width: 100, Height: 30, Env: env, Role: RoleAudience, Hub: hub, Frames: tc.frames})
				defer fs[i].Close()
				drain(fs[i])
			}
			b.ResetTimer()
			for range b.N {
				p.Update(keyMsg("tab"))
				p.Frame()
				for _, f := range fs {
					drain(f)
				}
			}
		})
	}
}
