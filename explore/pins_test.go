package explore

import (
	"errors"
	"slices"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func ref(s string) dataset.Ref {
	r, ok := dataset.ParseRef(s)
	if !ok {
		panic("bad ref " + s)
	}
	return r
}

func refStrings(rs []dataset.Ref) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.String())
	}
	return out
}

func TestTogglePin(t *testing.T) {
	tests := []struct {
		name    string
		start   []string
		toggle  string
		want    []string
		pinned  bool
		wantErr error
	}{
		{"first pin", nil, "platforms/facebook", []string{"platforms/facebook"}, true, nil},
		{"second pin keeps order", []string{"platforms/facebook"}, "platforms/linkedin", []string{"platforms/facebook", "platforms/linkedin"}, true, nil},
		{"unpin", []string{"platforms/facebook", "platforms/linkedin"}, "platforms/facebook", []string{"platforms/linkedin"}, false, nil},
		{"unpin middle keeps order", []string{"a/1", "a/2", "b/3"}, "a/2", []string{"a/1", "b/3"}, false, nil},
		{"series is dropped", nil, "platforms/facebook/personal", []string{"platforms/facebook"}, true, nil},
		{"series dropped on unpin", []string{"platforms/facebook"}, "platforms/facebook/professional", []string{}, false, nil},
		{"across charts", []string{"platforms/facebook"}, "benefits/learn", []string{"platforms/facebook", "benefits/learn"}, true, nil},
		{"fourth fits", []string{"a/1", "a/2", "a/3"}, "a/4", []string{"a/1", "a/2", "a/3", "a/4"}, true, nil},
		{"fifth is refused", []string{"a/1", "a/2", "a/3", "a/4"}, "a/5", []string{"a/1", "a/2", "a/3", "a/4"}, false, ErrPinsFull},
		{"full but unpin works", []string{"a/1", "a/2", "a/3", "a/4"}, "a/3", []string{"a/1", "a/2", "a/4"}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var start []dataset.Ref
			for _, s := range tt.start {
				start = append(start, ref(s))
			}
			orig := slices.Clone(start)
			got, pinned, err := TogglePin(start, ref(tt.toggle))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if pinned != tt.pinned {
				t.Errorf("pinned = %v, want %v", pinned, tt.pinned)
			}
			if g := refStrings(got); !slices.Equal(g, tt.want) {
				t.Errorf("pins = %v, want %v", g, tt.want)
			}
			if !slices.Equal(start, orig) {
				t.Errorf("TogglePin modified its input: %v, was %v", start, orig)
			}
		})
	}
}

func TestTogglePinNothingFocused(t *testing.T) {
	pins := []dataset.Ref{ref("a/1")}
	got, pinned, err := TogglePin(pins, dataset.Ref{})
	if err == nil || pinned || len(got) != 1 {
		t.Fatalf("TogglePin(empty) = %v, %v, %v; want the pins unchanged and an error", got, pinned, err)
	}
}

func TestPinSequence(t *testing.T) {
	// Pin, unpin and re-pin: the re-pinned item goes to the end.
	var pins []dataset.Ref
	for _, s := range []string{"p/a", "p/b", "p/c", "p/a", "p/a"} {
		var err error
		pins, _, err = TogglePin(pins, ref(s))
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := refStrings(pins); !slices.Equal(got, []string{"p/b", "p/c", "p/a"}) {
		t.Fatalf("pins = %v", got)
	}
	if !IsPinned(pins, ref("p/c/x")) || IsPinned(pins, ref("p/d")) {
		t.Fatal("IsPinned is wrong")
	}
}

func TestPinsSummary(t *testing.T) {
	c := embedded(t)
	if got := PinsSummary(c, nil); got != "" {
		t.Errorf("no pins: %q", got)
	}
	pins := []dataset.Ref{ref("platforms/facebook"), ref("platforms/physician-communities"), ref("gone/item")}
	want := "pins 3/4: Facebook, Phys. communities, gone/item"
	if got := PinsSummary(c, pins); got != want {
		t.Errorf("PinsSummary = %q, want %q", got, want)
	}
}

// embedded is the shipped dataset: the expected sentences and figures are
// what the binary shows.
func embedded(t testing.TB) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
