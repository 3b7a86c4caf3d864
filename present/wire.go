package present

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// wireFormat is the format of the values a relay writes to NATS. A reader
// drops a value of another format rather than guess at it.
const wireFormat = 1

// maxWire bounds a value read from NATS: a screen is a few hundred bytes.
const maxWire = 64 << 10

// version orders the screens of a room across replicas: Epoch is the
// revision of the lease under which the screen was published (a presenter
// who takes the room over gets a higher one), Seq counts the screens within
// it. A screen not newer than the last one shown is stale and dropped.
type version struct {
	Epoch uint64 `json:"epoch"`
	Seq   uint64 `json:"seq"`
}

// after reports whether v is newer than o.
func (v version) after(o version) bool {
	return v.Epoch > o.Epoch || v.Epoch == o.Epoch && v.Seq > o.Seq
}

// wireRef is a dataset.Ref on the wire.
type wireRef struct {
	Chart  string `json:"chart"`
	Item   string `json:"item"`
	Series string `json:"series,omitempty"`
}

// wireState is an explore.State on the wire, field by field, so that a
// renamed Go field cannot silently change the format. Big mode is each
// viewer's own and is not sent.
type wireState struct {
	View      string    `json:"view"`
	Chart     int       `json:"chart"`
	Focus     string    `json:"focus,omitempty"`
	Sort      string    `json:"sort"`
	Reverse   bool      `json:"reverse,omitempty"`
	Series    string    `json:"series"`
	Diverging bool      `json:"diverging,omitempty"`
	Whiskers  bool      `json:"whiskers,omitempty"`
	Pins      []wireRef `json:"pins,omitempty"`
	Spotlight string    `json:"spotlight,omitempty"`
	Step      int       `json:"step"`
}

// wireScreen is a Screen on the wire, with its version and who published
// it.
type wireScreen struct {
	Format    int       `json:"format"`
	Version   version   `json:"version"`
	Presenter string    `json:"presenter,omitempty"`
	State     wireState `json:"state"`
	Compare   bool      `json:"compare,omitempty"`
	Measure   string    `json:"measure,omitempty"`
}

// encodeScreen encodes sc published at v by presenter.
func encodeScreen(sc Screen, v version, presenter string) ([]byte, error) {
	st := sc.State
	ws := wireScreen{Format: wireFormat, Version: v, Presenter: presenter, Compare: sc.Compare, Measure: sc.Measure,
		State: wireState{View: st.View, Chart: st.Chart, Focus: st.Focus, Sort: st.Sort, Reverse: st.Reverse,
			Series: st.Series, Diverging: st.Diverging, Whiskers: st.Whiskers, Spotlight: st.Spotlight, Step: st.Step}}
	for _, p := range st.Pins {
		ws.State.Pins = append(ws.State.Pins, wireRef(p))
	}
	return json.Marshal(ws)
}

// decodeScreen decodes a value written by encodeScreen. The screen is not
// checked against the data: the session normalizes it when it shows it.
func decodeScreen(b []byte) (Screen, version, error) {
	if len(b) > maxWire {
		return Screen{}, version{}, fmt.Errorf("screen of %d bytes, at most %d", len(b), maxWire)
	}
	var ws wireScreen
	if err := json.Unmarshal(b, &ws); err != nil {
		return Screen{}, version{}, err
	}
	if ws.Format != wireFormat {
		return Screen{}, version{}, fmt.Errorf("screen format %d, want %d", ws.Format, wireFormat)
	}
	if ws.Version == (version{}) {
		return Screen{}, version{}, errors.New("screen without a version")
	}
	w := ws.State
	st := explore.State{View: w.View, Chart: w.Chart, Focus: w.Focus, Sort: w.Sort, Reverse: w.Reverse,
		Series: w.Series, Diverging: w.Diverging, Whiskers: w.Whiskers, Spotlight: w.Spotlight, Step: w.Step}
	for _, p := range w.Pins {
		st.Pins = append(st.Pins, dataset.Ref(p))
	}
	return Screen{State: st, Compare: ws.Compare, Measure: ws.Measure}, ws.Version, nil
}

// lease is the value of a room's key in the lease bucket: who holds it.
type lease struct {
	Format  int    `json:"format"`
	ID      string `json:"id"`      // Who.ID
	Name    string `json:"name"`    // Who.Name
	Replica string `json:"replica"` // the replica the presenter is on
	Seat    uint64 `json:"seat"`    // the presenter session, within the replica
}

// decodeLease decodes a lease value.
func decodeLease(b []byte) (lease, error) {
	var l lease
	if len(b) > maxWire {
		return l, fmt.Errorf("lease of %d bytes, at most %d", len(b), maxWire)
	}
	if err := json.Unmarshal(b, &l); err != nil {
		return l, err
	}
	if l.Format != wireFormat {
		return l, fmt.Errorf("lease format %d, want %d", l.Format, wireFormat)
	}
	return l, nil
}
