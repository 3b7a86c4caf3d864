package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func privacySel() explore.State {
	st := explore.Start()
	st.View = dataset.ViewPrivacy
	return st
}

func TestCSVMarginColumns(t *testing.T) {
	c := embedded(t)
	rows, err := csv.NewReader(bytes.NewReader(write(t, c, privacySel(), FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0][len(rows[0])-4:], ",")
	if head != "n,n_derived,ci_low,ci_high" {
		t.Fatalf("last columns %q, want n,n_derived,ci_low,ci_high at the end", head)
	}
	want := map[string]string{
		"liability":   "4033,,71.6,74.3",
		"recommended": "444,true,33.6,42.6",
		// A finding from a source with no stated sample: empty columns.
		"kantar-important-source": ",,,",
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[3]] = strings.Join(r[len(r)-4:], ",")
	}
	for item, w := range want {
		if item == "kantar-important-source" {
			continue // an overview finding, checked below
		}
		if got[item] != w {
			t.Errorf("%s: %q, want %q", item, got[item], w)
		}
	}
	st := explore.Start()
	rows, _ = csv.NewReader(bytes.NewReader(write(t, c, st, FormatCSV))).ReadAll()
	for _, r := range rows[1:] {
		if r[3] == "kantar-important-source" && strings.Join(r[len(r)-4:], ",") != ",,," {
			t.Errorf("kantar-important-source: %q, want no n and no interval", r)
		}
		if r[3] == "personal-use" && strings.Join(r[len(r)-4:], ",") != "4033,,85.9,88.0" {
			t.Errorf("personal-use: %q, want 4033,,85.9,88.0", r)
		}
	}
}

func TestJSONMarginFields(t *testing.T) {
	var d struct {
		Charts []struct {
			Items []struct {
				ID     string
				Values []struct {
					N        *int     `json:"n"`
					NDerived bool     `json:"n_derived"`
					CILow    *float64 `json:"ci_low"`
					CIHigh   *float64 `json:"ci_high"`
				}
			}
		}
	}
	if err := json.Unmarshal(write(t, embedded(t), privacySel(), FormatJSON), &d); err != nil {
		t.Fatal(err)
	}
	v := d.Charts[1].Items[1].Values[0] // patient-communities/recommended
	if d.Charts[1].Items[1].ID != "recommended" || v.N == nil || *v.N != 444 || !v.NDerived || *v.CILow != 33.6 || *v.CIHigh != 42.6 {
		t.Errorf("recommended: %+v", v)
	}
}

func TestMarkdownAndSVGMargins(t *testing.T) {
	c := embedded(t)
	md := string(write(t, c, privacySel(), FormatMarkdown))
	for _, w := range []string{
		"| Item | Doctors concerned | ± |",
		"| Liability | 73% | ±1.4 (71.6–74.3), n=4,033 |",
		"| 38% | ±4.5 (33.6–42.6), n ≈ 444, derived |",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q", w)
		}
	}
	svg := string(write(t, c, privacySel(), FormatSVG))
	// Nine chart figures and one finding (the press release's "more than
	// 70%", n=4,033) have intervals; the non-users are a subgroup with no n.
	if n := strings.Count(svg, `<path class="whisker"`); n != 10 {
		t.Errorf("svg has %d whiskers, want one per figure with an interval (10)", n)
	}
}
