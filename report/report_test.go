package report

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func embedded(t *testing.T) *dataset.Collection {
	t.Helper()
	c, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func write(t *testing.T, c *dataset.Collection, sel explore.State, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, c, sel, Options{Format: format}); err != nil {
		t.Fatalf("Write(%+v, %s): %v", sel, format, err)
	}
	return b.Bytes()
}

// fileFormats are the formats whose output does not depend on a renderer.
func fileFormats() []string { return []string{FormatMarkdown, FormatCSV, FormatJSON, FormatSVG} }

func ext(format string) string {
	if format == FormatMarkdown {
		return "md"
	}
	return format
}

// TestGolden prints every view in every format with the default selection.
func TestGolden(t *testing.T) {
	c := fixture(t)
	for _, view := range dataset.EmbeddedViewIDs() {
		for _, format := range fileFormats() {
			got := write(t, c, explore.State{View: view}, format)
			golden(t, view+"."+ext(format), got)
			if again := write(t, c, explore.State{View: view}, format); !bytes.Equal(got, again) {
				t.Errorf("%s %s: two runs print different bytes", view, format)
			}
		}
	}
}

// TestGoldenSelection prints a sorted, reversed, one-series selection.
func TestGoldenSelection(t *testing.T) {
	c := fixture(t)
	sel := explore.State{View: dataset.ViewPlatforms, Sort: dataset.SortGap, Reverse: true, Series: "personal"}
	for _, format := range fileFormats() {
		golden(t, "platforms-gap-reverse-personal."+ext(format), write(t, c, sel, format))
	}
}

func TestWriteRejectsUnknownNames(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		name   string
		sel    explore.State
		format string
		what   string
		valid  string
	}{
		{"view", explore.State{View: "nope"}, FormatCSV, "view", "overview"},
		{"format", explore.State{View: "platforms"}, "pdf", "format", "markdown"},
		{"sort", explore.State{View: "platforms", Sort: "size"}, FormatCSV, "sort order", "gap"},
		{"series of another view", explore.State{View: "platforms", Series: "interested"}, FormatCSV, "series", "personal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, c, tt.sel, Options{Format: tt.format})
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("got %v, want a *UsageError", err)
			}
			if ue.What != tt.what || !slices.Contains(ue.Valid, tt.valid) || !strings.Contains(err.Error(), tt.valid) {
				t.Errorf("got %q (%+v), want a %s error listing %q", err, ue, tt.what, tt.valid)
			}
		})
	}
}

func TestSeriesIn(t *testing.T) {
	c := embedded(t)
	tests := map[string]string{
		dataset.ViewOverview:  "all",
		dataset.ViewPlatforms: "all professional personal",
		dataset.ViewConnected: "all professional personal share",
	}
	for view, want := range tests {
		if got := strings.Join(SeriesIn(c, view), " "); got != want {
			t.Errorf("SeriesIn(%s) = %q, want %q", view, got, want)
		}
	}
}
