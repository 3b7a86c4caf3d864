package cli

import (
	"context"

	"charm.land/log/v2"
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
	room          string
	rooms         []string
	natsFlags
}

func addPresentFlags(fl *pflag.FlagSet, f *presentFlags) {
	fl.StringVar(&f.presenterKeys, "presenter-key", "", "public keys allowed to present, in `FILE` (authorized_keys format); every other session follows the presenter")
	fl.BoolVar(&f.tour, "tour", false, "the presenter starts on the first step of the dataset's guided tour")
	fl.StringVar(&f.room, "room", present.DefaultRoom, "the room of a viewer whose user name is not one of --rooms (`NAME`)")
	fl.StringSliceVar(&f.rooms, "rooms", nil, "more rooms, one talk each, chosen by the SSH user name: ssh talk1@host (`NAMES`, comma-separated)")
	addNATSFlags(fl, &f.natsFlags)
}

// newRooms returns the rooms of a served presentation, fed through relay
// when it is not nil; nil without presenter keys.
func newRooms(f presentFlags, relay *present.Relay) (*present.Rooms, error) {
	if f.presenterKeys == "" {
		return nil, nil
	}
	def := f.room
	if def == "" {
		def = present.DefaultRoom
	}
	return present.NewRooms(def, f.rooms, relay)
}

// checkPresentFlags checks the flags of presenting against the others.
func checkPresentFlags(f presentFlags, hostKey string) error {
	if f.tour && f.presenterKeys == "" {
		return usageErrorf("--tour needs --presenter-key: only a presenter steps through the tour")
	}
	if err := checkRooms(f); err != nil {
		return err
	}
	if err := checkNATS(f); err != nil {
		return err
	}
	return checkSharedHostKey(f.natsFlags, hostKey)
}

// startRooms makes serve's rooms, connected to the other replicas with
// --nats; stop lets the relay go (it releases the rooms this replica's
// presenters hold).
func startRooms(ctx context.Context, e *env, f presentFlags, logger *log.Logger) (rooms *present.Rooms, stop func(), err error) {
	relay, err := dialRelay(ctx, e, f.natsFlags, logger)
	if err != nil {
		return nil, nil, err
	}
	stop = func() {
		if relay != nil {
			relay.Close()
		}
	}
	if rooms, err = newRooms(f, relay); err != nil {
		stop()
		return nil, nil, usageErrorf("%v", err)
	}
	return rooms, stop, nil
}

// checkRooms checks --room and --rooms.
func checkRooms(f presentFlags) error {
	for _, r := range append([]string{f.room}, f.rooms...) {
		if err := present.CheckRoom(r); err != nil {
			return usageErrorf("--room/--rooms: %v", err)
		}
	}
	if (len(f.rooms) > 0 || f.room != present.DefaultRoom) && f.presenterKeys == "" {
		return usageErrorf("--room and --rooms need --presenter-key: a room is a talk")
	}
	return nil
}

// newSessionModel returns serve's model factory. With rooms, the session
// joins the room its SSH user name names (or the default one): a
// presenter's session drives it, every other session follows.
//
// The followers share their frames (tui.Frames): when the presenter
// changes the screen, the followers at one size and in one terminal
// environment draw it once between them instead of once each.
func newSessionModel(c *dataset.Collection, start explore.State, f presentFlags, rooms *present.Rooms) server.ModelFactory {
	frames := tui.NewFrames(followerFrames, followerFrameBytes)
	return func(si server.SessionInfo) tea.Model {
		// The server has asked the viewer's terminal its background:
		// wait for the answer, briefly, and assume dark without one.
		o := tui.Options{Data: c, Env: si.Env, Background: tui.BackgroundQuery{Wait: tui.BackgroundWait},
			State: start, Width: si.Width, Height: si.Height, Context: si.Context, Touch: si.Touch, Clipboard: si.Clipboard}
		if rooms != nil {
			_, o.Hub = rooms.Pick(si.User)
			o.Frames = frames
			o.Role = tui.RoleAudience
			if si.Presenter {
				o.Role, o.Tour = tui.RolePresenter, f.tour
				o.Who = present.Who{ID: si.PresenterID, Name: si.PresenterName}
			}
		}
		m := tui.New(o)
		context.AfterFunc(si.Context, m.Close)
		return m
	}
}

// The bounds of the followers' shared frames: a frame of a 100x30
// terminal is about 10 KB, the largest (1000x500) a few MB.
const (
	followerFrames     = 64
	followerFrameBytes = 32 << 20
)

// checkTour refuses --tour when the dataset has no tour.
func checkTour(c *dataset.Collection, tour bool) error {
	if tour && explore.TourLen(c) == 0 {
		return usageErrorf("--tour: the dataset has no tour; add a 'tour:' list of steps to it (see 'docsurvey validate')")
	}
	return nil
}
