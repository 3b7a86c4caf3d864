package explore

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docsurvey/docsurvey/dataset"
)

func matchList(ms []Match) string {
	var out []string
	for _, m := range ms {
		r := [...]string{"prefix", "word", "sub"}[m.Rank]
		out = append(out, m.View+"/"+m.Focus+":"+r+"["+m.Label[m.Start:m.End]+"]")
	}
	return strings.Join(out, " ")
}

func TestSearch(t *testing.T) {
	c := embedded(t)
	platforms := Start().GotoViewID(c, "platforms")
	tests := []struct {
		name  string
		st    State
		query string
		all   bool
		want  string
	}{
		{"prefix before word start before substring", platforms, "co", false,
			"platforms/physician-communities:word[co] platforms/patient-communities:word[co]"},
		{"case-insensitive", platforms, "FACE", false, "platforms/facebook:prefix[Face]"},
		{"spaces folded", platforms, "  none   of ", false, "platforms/none:prefix[None of]"},
		{"the short label finds an item", platforms, "phys. c", false, "platforms/physician-communities:prefix[Phys. c]"},
		{"substring", platforms, "ube", false, "platforms/youtube:sub[ube]"},
		{"display order within a rank", platforms.CycleSort(), "comm", false,
			"platforms/physician-communities:word[comm] platforms/patient-communities:word[comm]"},
		{"nothing", platforms, "myspace", false, ""},
		{"empty query", platforms, "  ", false, ""},
		{"across views: the current view first within a rank", Start().GotoViewID(c, "connected"), "physician comm", true,
			"connected/physician-communities:prefix[Physician comm] platforms/physician-communities:prefix[Physician comm] overview/physician-communities:word[physician comm]"},
		{"across views: rank before view", platforms, "liab", true,
			"privacy/liability:prefix[Liab] overview/top-barrier:word[liab]"},
		{"sources by label", Start(), "kantar media", true,
			"sources/kantar-2018:prefix[Kantar Media] sources/kantar-blog-2018:prefix[Kantar Media]"},
		{"sources by title", Start(), "who are the", true, "sources/kantar-2018:prefix[Who are the]"},
	}
	for _, tt := range tests {
		search := Search
		if tt.all {
			search = SearchAll
		}
		if got := matchList(search(c, tt.st, tt.query)); got != tt.want {
			t.Errorf("%s: %q\n got %s\nwant %s", tt.name, tt.query, got, tt.want)
		}
	}
}

func TestSearchAccents(t *testing.T) {
	c := synth()
	c.Charts[0].Items[0].Label = "Ärzte im Café"
	c.Charts[0].Items[1].Label = "CAFÉ owners"
	st := Start().GotoViewID(c, "platforms")
	got := matchList(Search(c, st, "cafe"))
	if want := "platforms/b:prefix[CAFÉ] platforms/a:word[Café]"; got != want {
		t.Errorf("cafe:\n got %s\nwant %s", got, want)
	}
	got = matchList(Search(c, st, "ÄRZ"))
	if want := "platforms/a:prefix[Ärz]"; got != want {
		t.Errorf("ÄRZ:\n got %s\nwant %s", got, want)
	}
	// Decomposed accents in the data are found and highlighted whole.
	c.Charts[0].Items[2].Label = "Gamme\u0301"
	if got, want := matchList(Search(c, st, "gamme")), "platforms/c:prefix[Gamme\u0301]"; got != want {
		t.Errorf("decomposed:\n got %q\nwant %q", got, want)
	}
}

func TestFocusMatch(t *testing.T) {
	c := embedded(t)
	st := Start().GotoViewID(c, "platforms").CycleSeries(c)
	st.Pins = []dataset.Ref{ref("platforms/facebook")}
	ms := SearchAll(c, st, "aware")
	if len(ms) < 2 || ms[0].View != "overview" || ms[1].View != "privacy" {
		t.Fatalf("aware: %s; want the overview's finding, then the privacy chart's item", matchList(ms))
	}
	got := st.FocusMatch(c, ms[1])
	if got.View != "privacy" || got.Chart != 1 || got.Focus != "aware" || got.Series != dataset.SeriesAll || len(got.Pins) != 1 || got.Sort != st.Sort {
		t.Errorf("FocusMatch(aware) = view %s chart %d focus %s series %s pins %v", got.View, got.Chart, got.Focus, got.Series, got.Pins)
	}
	// Within the focused chart the series selection stays.
	same := st.FocusMatch(c, Search(c, st, "linked")[0])
	if same.Focus != "linkedin" || same.Series != st.Series {
		t.Errorf("FocusMatch(linkedin) = focus %s series %s, want linkedin %s", same.Focus, same.Series, st.Series)
	}
	// A stale match leaves the state alone.
	if got := st.FocusMatch(c, Match{View: "platforms", Focus: "myspace"}); got.Focus != st.Normalize(c).Focus {
		t.Errorf("stale match moved the focus to %s", got.Focus)
	}
	if got := st.FocusMatch(c, Match{View: "nowhere"}); got.View != "platforms" {
		t.Errorf("unknown view: %s", got.View)
	}
}

// FuzzSearch: any query, however long or malformed, returns matches whose
// spans lie within their labels, best rank first, and never panics.
func FuzzSearch(f *testing.F) {
	c, err := dataset.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{"co", "FACE", "é", "\xff", strings.Repeat("a ", 300), "İ", "ß"} {
		f.Add(q)
	}
	st := Start().GotoViewID(c, "platforms")
	f.Fuzz(func(t *testing.T, q string) {
		ms := SearchAll(c, st, q)
		for i, m := range ms {
			if m.Start < 0 || m.End > len(m.Label) || m.Start >= m.End || !utf8.ValidString(m.Label[m.Start:m.End]) {
				t.Fatalf("query %q: span %d..%d in %q", q, m.Start, m.End, m.Label)
			}
			if i > 0 && ms[i-1].Rank > m.Rank {
				t.Fatalf("query %q: rank %d after %d", q, m.Rank, ms[i-1].Rank)
			}
			if got := st.FocusMatch(c, m); got.Focus != m.Focus {
				t.Fatalf("query %q: FocusMatch focused %s, want %s", q, got.Focus, m.Focus)
			}
		}
	})
}
