package present

import (
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func TestScreenRoundTrip(t *testing.T) {
	st := explore.State{View: dataset.ViewPlatforms, Chart: 2, Focus: "youtube", Sort: dataset.SortOrder, Reverse: true,
		Series: "2018", Diverging: true, Spotlight: "YouTube", Step: 3, Big: true,
		Pins: []dataset.Ref{{Chart: "c", Item: "i", Series: "s"}, {Chart: "d", Item: "j"}}}
	in := Screen{State: st, Compare: true, Measure: "m"}
	b, err := encodeScreen(in, version{Epoch: 4, Seq: 9}, "alice")
	if err != nil {
		t.Fatal(err)
	}
	out, v, err := decodeScreen(b)
	if err != nil {
		t.Fatal(err)
	}
	in.State.Big = false // each viewer's own: not sent
	if !out.Equal(in) || v != (version{Epoch: 4, Seq: 9}) {
		t.Fatalf("got %+v at %+v from %s", out, v, b)
	}
}

func TestVersionOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b  version
		after bool
	}{
		{version{1, 2}, version{1, 1}, true},
		{version{1, 1}, version{1, 1}, false},
		{version{1, 1}, version{1, 2}, false},
		{version{2, 1}, version{1, 9}, true},
		{version{1, 9}, version{2, 1}, false},
	} {
		if got := tc.a.after(tc.b); got != tc.after {
			t.Errorf("%v after %v = %v", tc.a, tc.b, got)
		}
	}
}

func TestDecodeScreenRefuses(t *testing.T) {
	for _, b := range []string{
		``, `null`, `[]`, `{"format":2,"version":{"epoch":1,"seq":1}}`, `{"format":1}`,
		`{"format":1,"version":{"epoch":1,"seq":1},"state":{"chart":"x"}}`,
	} {
		if _, _, err := decodeScreen([]byte(b)); err == nil {
			t.Errorf("decodeScreen(%q) accepted", b)
		}
	}
	if _, _, err := decodeScreen(make([]byte, maxWire+1)); err == nil {
		t.Error("an oversized screen was accepted")
	}
}

func FuzzDecodeScreen(f *testing.F) {
	b, _ := encodeScreen(screenOf(dataset.ViewBenefits), version{1, 1}, "a")
	f.Add(b)
	f.Add([]byte(`{"format":1,"version":{"epoch":1,"seq":1},"state":{"pins":[{"chart":"a"}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sc, v, err := decodeScreen(b)
		if err != nil {
			return
		}
		again, err := encodeScreen(sc, v, "")
		if err != nil {
			t.Fatal(err)
		}
		if sc2, v2, err := decodeScreen(again); err != nil || !sc2.Equal(sc) || v2 != v {
			t.Fatalf("round trip of %q changed it", b)
		}
	})
}
