package dataset

import (
	"slices"
	"strings"
	"testing"
)

// viewsFixture is a minimal valid file around the given views: and charts:
// blocks (each already indented as a top-level field's content).
func viewsFixture(views, charts, findings string) []byte {
	s := "title: T\nsources:\n  - {id: s, label: S, publisher: P, title: T, kind: secondary}\n"
	if views != "" {
		s += "views:\n" + views
	}
	s += "charts:\n" + charts
	if findings != "" {
		s += "findings:\n" + findings
	}
	return []byte(s)
}

func chartIn(id, view string) string {
	return "  - {id: " + id + ", view: " + view + ", title: " + strings.ToUpper(id) + ", question: Q, source: s, series: [{id: a, label: A}], items: [{id: i, label: I, values: {a: 5}}, {id: j, label: J, values: {a: 9}}]}\n"
}

// TestViewList covers declaration and derivation: declared order and titles,
// derived first-seen order and titles from IDs, overview first and sources
// last always, empty declared views hidden.
func TestViewList(t *testing.T) {
	tests := []struct {
		name                    string
		views, charts, findings string
		wantIDs, wantTitles     string
	}{
		{"derived in first-seen order", "", chartIn("c1", "barriers") + chartIn("c2", "adoption") + chartIn("c3", "barriers"), "",
			"overview barriers adoption sources", "Overview|Barriers|Adoption|Sources"},
		{"derived titles from IDs", "", chartIn("c1", "remote-care") + chartIn("c2", "staff_views"), "",
			"overview remote-care staff_views sources", "Overview|Remote care|Staff views|Sources"},
		{"derived from findings too", "", chartIn("c1", "adoption"), "  - {id: f, view: context, label: L, wording: W, source: s}\n",
			"overview adoption context sources", "Overview|Adoption|Context|Sources"},
		{"declared order wins", "  - {id: adoption, title: Who uses it}\n  - {id: barriers, title: What stops them, short: Stops}\n",
			chartIn("c1", "barriers") + chartIn("c2", "adoption"), "",
			"overview adoption barriers sources", "Overview|Who uses it|What stops them|Sources"},
		{"empty declared view hidden", "  - {id: adoption, title: Adoption}\n  - {id: empty, title: Empty}\n",
			chartIn("c1", "adoption"), "", "overview adoption sources", "Overview|Adoption|Sources"},
		{"overview and sources retitled", "  - {id: overview, title: Headlines}\n  - {id: adoption, title: Adoption}\n  - {id: sources, title: References}\n",
			chartIn("c1", "adoption"), "", "overview adoption sources", "Headlines|Adoption|References"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(viewsFixture(tt.views, tt.charts, tt.findings), "v.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.ViewIDs(), " "); got != tt.wantIDs {
				t.Errorf("ids = %q, want %q", got, tt.wantIDs)
			}
			var titles []string
			for _, v := range c.ViewList() {
				titles = append(titles, v.Title)
			}
			if got := strings.Join(titles, "|"); got != tt.wantTitles {
				t.Errorf("titles = %q, want %q", got, tt.wantTitles)
			}
			built := &Collection{Views: c.Views, Charts: c.Charts, Findings: c.Findings}
			if !slices.Equal(built.ViewIDs(), c.ViewIDs()) {
				t.Errorf("a collection built in code resolves %v, Parse %v", built.ViewIDs(), c.ViewIDs())
			}
		})
	}
}

// TestLeadingFindings checks that a file without findings gets an overview
// of each chart's leading figure, and that a file with findings does not.
func TestLeadingFindings(t *testing.T) {
	c, err := Parse(viewsFixture("", chartIn("c1", "adoption")+chartIn("c2", "barriers"), ""), "v.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := c.FindingsIn(ViewOverview)
	if len(fs) != 2 {
		t.Fatalf("overview has %d findings, want one per chart (2)", len(fs))
	}
	if fs[0].Ref != "c1/j/a" || fs[0].Label != "C1: J" || fs[0].Value == nil || *fs[0].Value != 9 || fs[0].Source != "s" {
		t.Errorf("leading finding = %+v, want the largest figure c1/j/a (9) from source s", fs[0])
	}
	c, err = Parse(viewsFixture("", chartIn("c1", "adoption"), "  - {id: f, view: overview, label: L, wording: W, source: s}\n"), "v.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.FindingsIn(ViewOverview)); n != 1 {
		t.Errorf("a file with findings got %d overview findings, want its own 1", n)
	}
}

// TestTitleFromID covers the title made from a view ID.
func TestTitleFromID(t *testing.T) {
	for in, want := range map[string]string{"adoption": "Adoption", "remote-care": "Remote care", "a_b-c": "A b c", "": "", "élan": "Élan", "2024": "2024"} {
		if got := TitleFromID(in); got != want {
			t.Errorf("TitleFromID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShippedViews checks the shipped dataset declares its six views.
func TestShippedViews(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ViewOverview, ViewPlatforms, ViewBenefits, ViewConnected, ViewPrivacy, ViewSources}
	if !slices.Equal(c.ViewIDs(), want) || len(c.Views) != 6 {
		t.Errorf("shipped views = %v (declared %d), want %v declared", c.ViewIDs(), len(c.Views), want)
	}
}
