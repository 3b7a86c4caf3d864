package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// svgInfo is what a parse of an SVG finds.
type svgInfo struct {
	root  string
	bars  int
	texts []string
}

// parseSVG parses an SVG with encoding/xml, failing on malformed XML.
func parseSVG(t *testing.T, data []byte) svgInfo {
	t.Helper()
	var info svgInfo
	dec := xml.NewDecoder(bytes.NewReader(data))
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if info.root == "" {
				info.root = el.Name.Space + " " + el.Name.Local
			}
			for _, a := range el.Attr {
				if a.Name.Local == "class" && el.Name.Local == "rect" && slices.Contains(strings.Fields(a.Value), "bar") {
					info.bars++
				}
			}
			inText = el.Name.Local == "text"
		case xml.CharData:
			if inText {
				info.texts = append(info.texts, string(el))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return info
}

// wantBars counts the values a selection shows as bars, from the dataset:
// each item × shown series with a figure, each finding with a percentage,
// and (sources view) each measure figure with a percentage.
func wantBars(c *dataset.Collection, sel explore.State) int {
	n := 0
	for _, ch := range c.ChartsIn(sel.View) {
		for _, it := range ch.Items {
			for _, s := range explore.SeriesShown(ch, sel.Series) {
				if _, ok := it.Values[ch.Series[s].ID]; ok {
					n++
				}
			}
		}
	}
	for _, fd := range c.FindingsIn(sel.View) {
		if fd.Value != nil && unitOf(fd.Unit) == dataset.UnitPercent {
			n++
		}
	}
	if sel.View == dataset.ViewSources {
		for _, m := range c.Measures {
			for _, f := range c.MeasureFigures(m.ID) {
				if f.Value != nil && measureUnit(c, f.Where) == dataset.UnitPercent {
					n++
				}
			}
		}
	}
	return n
}

func TestSVGIsWellFormedWithOneBarPerValue(t *testing.T) {
	c := embedded(t)
	for _, sel := range selections() {
		sel := sel
		if sel.Sort == "" {
			sel.Sort = dataset.SortOrder
		}
		if sel.Series == "" {
			sel.Series = dataset.SeriesAll
		}
		t.Run(sel.View+"-"+sel.Sort+"-"+sel.Series, func(t *testing.T) {
			info := parseSVG(t, write(t, c, sel, FormatSVG))
			if info.root != "http://www.w3.org/2000/svg svg" {
				t.Errorf("root element %q, want svg in the SVG namespace", info.root)
			}
			if want := wantBars(c, sel); info.bars != want || want == 0 {
				t.Errorf("%d bars, want %d (one per value)", info.bars, want)
			}
			all := strings.Join(info.texts, "\n")
			for _, ch := range c.ChartsIn(sel.View) {
				if !strings.Contains(all, ch.Title) {
					t.Errorf("no title %q", ch.Title)
				}
				for _, s := range explore.SeriesShown(ch, sel.Series) {
					if !strings.Contains(all, ch.Series[s].Label) {
						t.Errorf("no legend entry %q", ch.Series[s].Label)
					}
				}
				if !strings.Contains(all, "Source: [") || !strings.Contains(all, c.Source(ch.Source).Label) {
					t.Errorf("no source line for %s", ch.ID)
				}
			}
		})
	}
}

// TestSVGEscapesText checks text with markup characters stays text.
func TestSVGEscapesText(t *testing.T) {
	c := &dataset.Collection{
		Title:   "t",
		Sources: []dataset.Source{{ID: "s", Label: `A & B <"co">`, Publisher: "p", Title: "x</text><script>", Kind: dataset.KindPrimary}},
		Charts: []dataset.Chart{{
			ID: "c", View: dataset.ViewPlatforms, Title: "Sites <&> \"quotes\"", Question: "Q & A?", Source: "s",
			Series: []dataset.Series{{ID: "a", Label: "<b>bold</b>"}},
			Items:  []dataset.Item{{ID: "i", Label: "AT&T ]]>", Values: map[string]dataset.Figure{"a": {Value: 50}}}},
		}},
	}
	info := parseSVG(t, write(t, c, explore.State{View: dataset.ViewPlatforms}, FormatSVG))
	all := strings.Join(info.texts, "\n")
	for _, want := range []string{`Sites <&> "quotes"`, "AT&T ]]>", "<b>bold</b>", `A & B <"co">`} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q lost or mangled in:\n%s", want, all)
		}
	}
	if info.bars != 1 {
		t.Errorf("%d bars, want 1", info.bars)
	}
}
