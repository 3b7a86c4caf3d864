package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// figure is one chart figure as the dataset has it, keyed for comparison.
type figure struct {
	chart, item, series string
	value               float64
	source, document    string
}

// wantFigures lists the figures a selection must export, straight from the
// dataset: every item of every chart of the view, in the selection's order,
// in each shown series.
func wantFigures(c *dataset.Collection, sel explore.State) []figure {
	var out []figure
	for _, ch := range c.ChartsIn(sel.View) {
		shown := explore.SeriesShown(ch, sel.Series)
		for _, r := range explore.Rows(ch, sel.Sort, sel.Reverse, shown) {
			for _, s := range shown {
				f, ok := r.Item.Values[ch.Series[s].ID]
				if !ok {
					continue
				}
				src := ch.SourceOf(f)
				out = append(out, figure{ch.ID, r.Item.ID, ch.Series[s].ID, f.Value, src, c.Source(src).Document})
			}
		}
	}
	return out
}

// wantFindings lists the view's findings as "id=value" ("id=" when worded).
func wantFindings(c *dataset.Collection, view string) []string {
	var out []string
	for _, fd := range c.FindingsIn(view) {
		v := ""
		if fd.Value != nil {
			v = strconv.FormatFloat(*fd.Value, 'f', -1, 64)
		}
		out = append(out, fd.ID+"="+v+"@"+fd.Source)
	}
	return out
}

func selections() []explore.State {
	var sels []explore.State
	for _, v := range dataset.EmbeddedViewIDs() {
		sels = append(sels, explore.State{View: v})
	}
	return append(sels,
		explore.State{View: dataset.ViewPlatforms, Sort: dataset.SortValue, Series: "personal"},
		explore.State{View: dataset.ViewConnected, Sort: dataset.SortName, Reverse: true, Series: "professional"},
		explore.State{View: dataset.ViewBenefits, Sort: dataset.SortValue, Reverse: true},
	)
}

func TestCSVParsesBackToTheDataset(t *testing.T) {
	c := embedded(t)
	for _, sel := range selections() {
		t.Run(fmt.Sprintf("%s-%s-%v-%s", sel.View, sel.Sort, sel.Reverse, sel.Series), func(t *testing.T) {
			recs, err := csv.NewReader(bytes.NewReader(write(t, c, sel, FormatCSV))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], CSVHeader()) {
				t.Fatalf("header %q, want %q", recs[0], CSVHeader())
			}
			col := map[string]int{}
			for i, name := range recs[0] {
				col[name] = i
			}
			var figs []figure
			var findings []string
			for _, r := range recs[1:] {
				if r[col["view"]] != sel.View {
					t.Errorf("row in view %q, want %q", r[col["view"]], sel.View)
				}
				switch r[col["kind"]] {
				case KindChart:
					v, err := strconv.ParseFloat(r[col["value"]], 64)
					if err != nil {
						t.Fatalf("value %q: %v", r[col["value"]], err)
					}
					figs = append(figs, figure{r[col["chart"]], r[col["item"]], r[col["series"]], v, r[col["source"]], r[col["document"]]})
				case KindFinding:
					findings = append(findings, r[col["item"]]+"="+r[col["value"]]+"@"+r[col["source"]])
				}
			}
			if want := wantFigures(c, sel); !slices.Equal(figs, want) {
				t.Errorf("chart figures:\n got %v\nwant %v", figs, want)
			}
			if want := wantFindings(c, sel.View); !slices.Equal(findings, want) {
				t.Errorf("findings:\n got %v\nwant %v", findings, want)
			}
		})
	}
}

func TestJSONParsesBackToTheDataset(t *testing.T) {
	c := embedded(t)
	for _, sel := range selections() {
		t.Run(fmt.Sprintf("%s-%s-%v-%s", sel.View, sel.Sort, sel.Reverse, sel.Series), func(t *testing.T) {
			var got struct {
				View   string
				Charts []struct {
					ID    string
					Items []struct {
						ID     string
						Values []struct {
							Series string
							Value  float64
							Source string
						}
					}
				}
				Findings []struct {
					ID     string
					Value  *float64
					Source string
				}
				Sources []struct{ ID, Document string }
			}
			dec := json.NewDecoder(bytes.NewReader(write(t, c, sel, FormatJSON)))
			if err := dec.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if got.View != sel.View {
				t.Errorf("view %q, want %q", got.View, sel.View)
			}
			docs := map[string]string{}
			for _, s := range got.Sources {
				docs[s.ID] = s.Document
			}
			var figs []figure
			for _, ch := range got.Charts {
				for _, it := range ch.Items {
					for _, v := range it.Values {
						doc, ok := docs[v.Source]
						if !ok {
							t.Errorf("%s/%s/%s cites %q, which is not in sources", ch.ID, it.ID, v.Series, v.Source)
						}
						figs = append(figs, figure{ch.ID, it.ID, v.Series, v.Value, v.Source, doc})
					}
				}
			}
			if want := wantFigures(c, sel); !slices.Equal(figs, want) {
				t.Errorf("chart figures:\n got %v\nwant %v", figs, want)
			}
			var findings []string
			for _, f := range got.Findings {
				v := ""
				if f.Value != nil {
					v = strconv.FormatFloat(*f.Value, 'f', -1, 64)
				}
				if _, ok := docs[f.Source]; !ok {
					t.Errorf("finding %s cites %q, which is not in sources", f.ID, f.Source)
				}
				findings = append(findings, f.ID+"="+v+"@"+f.Source)
			}
			if want := wantFindings(c, sel.View); !slices.Equal(findings, want) {
				t.Errorf("findings:\n got %v\nwant %v", findings, want)
			}
		})
	}
}

// TestSourcesViewListsEverySourceAndMeasure checks the sources view sets
// every measure's figures side by side and lists every source.
func TestSourcesViewListsEverySourceAndMeasure(t *testing.T) {
	c := embedded(t)
	var got struct {
		Measures []struct {
			ID      string
			Figures []struct {
				Value  *float64
				Source string
				Where  string
			}
		}
		Sources []struct{ ID string }
	}
	if err := json.Unmarshal(write(t, c, explore.State{View: dataset.ViewSources}, FormatJSON), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sources) != len(c.Sources) {
		t.Errorf("%d sources, want %d", len(got.Sources), len(c.Sources))
	}
	if len(got.Measures) != len(c.Measures) {
		t.Fatalf("%d measures, want %d", len(got.Measures), len(c.Measures))
	}
	for i, m := range got.Measures {
		want := c.MeasureFigures(c.Measures[i].ID)
		if m.ID != c.Measures[i].ID || len(m.Figures) != len(want) {
			t.Errorf("measure %d: %s with %d figures, want %s with %d", i, m.ID, len(m.Figures), c.Measures[i].ID, len(want))
			continue
		}
		for j, f := range m.Figures {
			w := want[j]
			if f.Source != w.Source || f.Where != w.Where || (f.Value == nil) != (w.Value == nil) || (f.Value != nil && *f.Value != *w.Value) {
				t.Errorf("%s figure %d: got %+v, want %+v", m.ID, j, f, w)
			}
		}
	}
}
