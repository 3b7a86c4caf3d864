package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// FuzzWrite prints every view of any file that parses, in every file
// format: nothing panics, the CSV and JSON parse back, and the SVG is
// well-formed XML with one bar per value.
func FuzzWrite(f *testing.F) {
	f.Add(dataset.EmbeddedBytes())
	f.Add([]byte(`title: "T <&>"
sources: [{id: s, label: "L <&>", publisher: p, title: t, kind: secondary, citation: c}]
charts:
  - {id: c, view: platforms, title: "T ]]>", question: "Q", unit: count, source: s,
     series: [{id: a, label: A}, {id: b, label: B}],
     items: [{id: i, label: "i <b>", values: {a: 1000000000, b: 0}}, {id: j, label: "x", values: {a: 0.5, b: 3}}]}
findings:
  - {id: f, view: overview, label: F, value: 100, wording: "w", source: s}
  - {id: g, view: overview, label: G, wording: "w", source: s}
`))
	// The fields that decide a figure's base and its comparisons.
	f.Add([]byte(`title: T
sources: [{id: s, label: L, publisher: p, title: t, kind: secondary, sample: 1, sample_id: x}]
charts:
  - {id: c, view: privacy, title: T, question: Q, source: s, answers: single, n: 3,
     series: [{id: a, label: A}],
     items: [{id: i, label: I, values: {a: 100}}, {id: j, label: J, base: sub, values: {a: {value: 0, n_from: c/i/a}}},
             {id: k, label: K, base: sub, values: {a: {value: 50, n: 7}}}]}
findings:
  - {id: f, view: privacy, label: F, value: 0, source: s}
`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := dataset.Parse(data, "fuzz.yaml")
		if err != nil {
			return
		}
		for _, view := range c.ViewIDs() {
			for _, series := range SeriesIn(c, view) {
				sel := explore.State{View: view, Sort: dataset.SortGap, Series: series}
				for _, format := range fileFormats() {
					var b bytes.Buffer
					if err := Write(&b, c, sel, Options{Format: format}); err != nil {
						t.Fatalf("%s %s: %v", view, format, err)
					}
					switch format {
					case FormatCSV:
						if _, err := csv.NewReader(&b).ReadAll(); err != nil {
							t.Fatalf("%s: CSV does not parse: %v", view, err)
						}
					case FormatJSON:
						if !json.Valid(b.Bytes()) {
							t.Fatalf("%s: JSON is not valid", view)
						}
					case FormatSVG:
						sel.Sort = dataset.SortGap
						if info := parseSVG(t, b.Bytes()); info.bars != wantBars(c, sel) {
							t.Fatalf("%s: %d bars, want %d", view, info.bars, wantBars(c, sel))
						}
					}
				}
			}
		}
	})
}
