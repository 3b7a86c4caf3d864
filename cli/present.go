package cli

import (
	"github.com/spf13/pflag"

	tea "charm.land/bubbletea/v2"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/present"
	"github.com/docsurvey/docsurvey/server"
	"github.com/docsurvey/docsurvey/tui"
)

// presentFlags are serve's flags for presenting.
type presentFlags struct {
	presenterKeys string
	tour          bool
}

func addPresentFlags(fl *pflag.FlagSet, f *presentFlags) {
	fl.StringVar(&f.presenterKeys, "presenter-key", "", "public keys allowed to present, in `FILE` (authorized_keys format); every other session follows the presenter")
	fl.BoolVar(&f.tour, "tour", false, "the presenter starts on the first step of the dataset's guided tour")
}

// newHub returns the hub of a served presentation, nil without presenter
// keys.
func newHub(f presentFlags) *present.Hub {
	if f.presenterKeys == "" {
		return nil
	}
	return present.NewHub()
}

// newSessionModel returns serve's model factory. With a hub, every session
// shares it: a presenter's session drives it, every other session follows.
func newSessionModel(c *dataset.Collection, start explore.State, f presentFlags, hub *present.Hub) server.ModelFactory {
	return func(si server.SessionInfo) tea.Model {
		// The server has asked the viewer's terminal its background:
		// wait for the answer, briefly, and assume dark without one.
		o := tui.Options{Data: c, Profile: si.Profile, Dark: true, Background: tui.BackgroundQuery{Wait: tui.BackgroundWait},
			State: start, Width: si.Width, Height: si.Height, Hub: hub, Context: si.Context, Touch: si.Touch}
		if hub != nil {
			o.Role = tui.RoleAudience
			if si.Presenter {
				o.Role, o.Tour = tui.RolePresenter, f.tour
			}
		}
		m := tui.New(o)
		go func() {
			<-si.Context.Done()
			m.Close()
		}()
		return m
	}
}

// checkTour refuses --tour when the dataset has no tour.
func checkTour(c *dataset.Collection, tour bool) error {
	if tour && explore.TourLen(c) == 0 {
		return usageErrorf("--tour: the dataset has no tour; add a 'tour:' list of steps to it (see 'docsurvey validate')")
	}
	return nil
}
