package dataset

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sourcesDir is where the source documents live, in the repository (see
// its README.md), so a clone with nothing beside it passes.
const sourcesDir = "sources"

// The five documents, and README.md, which lists the secondary figures.
const (
	d000   = "000_050c18f27cf9fd6b.txt" // HealthWorks Collective, QuantiaMD 2011
	d001   = "001_a016bd9f7a44cb7d.txt" // Social Media for Doctors and Physicians
	d002   = "002_376da571c88c4eab.txt" // Healthcare News & Insights
	d003   = "003_b79d0de6734fdbea.txt" // Jones & Bartlett 2012
	d004   = "004_eadaea61e0909b5a.txt" // Kantar Media 2018
	readme = "README.md"                // secondary figures
)

// shippedFigures pins every chart figure and every numeric finding of the
// shipped dataset: where it is, its value, the source it cites, the document
// that states it, and the words in that document that state it. Read it
// beside the documents: each quote is found in its document by the test.
var shippedFigures = []struct {
	where  string // chart/item/series, or findings/ID
	value  float64
	source string
	doc    string
	quote  string
}{
	// 000: "Popular social media sites", columns Professional use, Personal use.
	{"platforms/facebook/professional", 15, "hwc-2011", d000, "Facebook15%61%"},
	{"platforms/facebook/personal", 61, "hwc-2011", d000, "Facebook15%61%"},
	{"platforms/youtube/professional", 8, "hwc-2011", d000, "YouTube8%31%"},
	{"platforms/youtube/personal", 31, "hwc-2011", d000, "YouTube8%31%"},
	{"platforms/physician-communities/professional", 28, "hwc-2011", d000, "Physician communities28%18%"},
	{"platforms/physician-communities/personal", 18, "hwc-2011", d000, "Physician communities28%18%"},
	{"platforms/linkedin/professional", 17, "hwc-2011", d000, "LinkedIn17%19%"},
	{"platforms/linkedin/personal", 19, "hwc-2011", d000, "LinkedIn17%19%"},
	{"platforms/google-plus/professional", 8, "hwc-2011", d000, "Google+8%15%"},
	{"platforms/google-plus/personal", 15, "hwc-2011", d000, "Google+8%15%"},
	{"platforms/blogs/professional", 8, "hwc-2011", d000, "Blogs8%14%"},
	{"platforms/blogs/personal", 14, "hwc-2011", d000, "Blogs8%14%"},
	{"platforms/twitter/professional", 3, "hwc-2011", d000, "Twitter3%9%"},
	{"platforms/twitter/personal", 9, "hwc-2011", d000, "Twitter3%9%"},
	{"platforms/patient-communities/professional", 3, "hwc-2011", d000, "Patient communities3%2%"},
	{"platforms/patient-communities/personal", 2, "hwc-2011", d000, "Patient communities3%2%"},
	{"platforms/none/professional", 33, "hwc-2011", d000, "None of the above33%13%"},
	{"platforms/none/personal", 13, "hwc-2011", d000, "None of the above33%13%"},

	// 000: "Number of sites", columns Personal use, Professional use (the
	// other way round from the table above).
	{"number-of-sites/one/professional", 41, "hwc-2011", d000, "1 site33%41%"},
	{"number-of-sites/one/personal", 33, "hwc-2011", d000, "1 site33%41%"},
	{"number-of-sites/two-plus/professional", 26, "hwc-2011", d000, "2 or more sites54%26%"},
	{"number-of-sites/two-plus/personal", 54, "hwc-2011", d000, "2 or more sites54%26%"},
	{"number-of-sites/total/professional", 67, "hwc-2011", d000, "Total87%67%"},
	{"number-of-sites/total/personal", 87, "hwc-2011", d000, "Total87%67%"},

	// 000: the study's key points.
	{"connected/connected-clinicians/share", 20, "hwc-2011", d000, "20% of clinicians use 2 or more social media sites for personal and professional use."},
	{"connected/physician-communities/share", 28, "hwc-2011", d000, "28% of doctors use professional physician communities"},

	// 002: what the 4,033 doctors were most interested in.
	{"benefits/learn/interested", 92, "hcni-2011", d002, "Learn from experts and peers (92%)"},
	{"benefits/clinical/interested", 90, "hcni-2011", d002, "Discuss clinical issues (90%)"},
	{"benefits/practice/interested", 87, "hcni-2011", d002, "Discuss practice management challenges (87%)"},
	{"benefits/share/interested", 84, "hcni-2011", d002, "Share knowledge and expertise with others (84%)"},
	{"benefits/advice/interested", 80, "hcni-2011", d002, "Get advice regarding specific patients and issues (80%)"},
	{"benefits/referral/interested", 79, "hcni-2011", d002, "Develop a referral network (79%)"},
	{"benefits/care-team/interested", 75, "hcni-2011", d002, "Coordinate care team interactions (75%)"},

	// Secondary: Healthcare Informatics, Oct 6 2011, as listed in README.md.
	{"barriers/liability/concerned", 73, "hci-2011", readme, "liability 73%"},
	{"barriers/privacy/concerned", 71, "hci-2011", readme, "patient privacy 71%"},
	{"barriers/payment/concerned", 41, "hci-2011", readme, "no way to get paid 41%"},
	{"barriers/time/concerned", 38, "hci-2011", readme, "lack of time 38%"},

	// 002: patient communities.
	{"patient-communities/aware/share", 11, "hcni-2011", d002, "just 11% of respondents said they were aware of those communities"},
	{"patient-communities/recommended/share", 38, "hcni-2011", d002, "among those, 38% have recommended patients join one"},
	{"patient-communities/would-consider/share", 41, "hcni-2011", d002, "another 41% would consider doing so"},
	// Secondary, README.md.
	{"patient-communities/positive/share", 66, "hci-2011", readme, "| 66% (two-thirds) |"},
	{"patient-communities/unlikely/share", 19, "thcb-2011", readme, "| Aware doctors unlikely to recommend a patient community | 19% |"},

	// Findings with a number (those with a ref take the chart's figure).
	{"findings/personal-use", 87, "hwc-2011", d000, "Total87%67%"},
	{"findings/professional-use", 67, "hwc-2011", d000, "Total87%67%"},
	{"findings/health-professionals-88", 88, "smd-blog", d001, "as many as 88% health professionals are using social media"},
	{"findings/connected-clinicians", 20, "hwc-2011", d000, "20% of clinicians use 2 or more social media sites"},
	{"findings/physician-communities", 28, "hwc-2011", d000, "28% of doctors use professional physician communities"},
	{"findings/top-benefit", 92, "hcni-2011", d002, "Learn from experts and peers (92%)"},
	{"findings/top-barrier", 73, "hci-2011", readme, "liability 73%"},
	{"findings/top-privacy", 71, "hci-2011", readme, "patient privacy 71%"},
	{"findings/patient-communities-aware", 11, "hcni-2011", d002, "just 11% of respondents"},
	{"findings/kantar-important-source", 18, "kantar-2018", d004, "Overall, 18% of the physicians surveyed said that they found professional social networks to be an important source of information"},
	{"findings/physicians-who-tweet", 1300, "jbl-2012", d003, "has more than 1,300 doctors registered"},
	{"findings/network-privacy", 70, "quantiamd-press-2011", readme, "patient privacy: more than 70%"},
	{"findings/non-user-privacy", 70, "jbl-2012", d003, "70% cited privacy issues as the main deterrant"},
}

// shippedVariants pins every variant: the same figure as another document,
// or another passage, rounds or words it. A value of -1 means worded only.
var shippedVariants = []struct {
	where     string
	value     float64
	qualifier string
	source    string
	doc       string
	quote     string
}{
	// Personal use: 87% in the table; "almost 90%", 90%, 90% in prose.
	{"number-of-sites/total/personal", 90, "almost", "hwc-2011", d000, "Almost 90% of physicians use at least one site for personal use"},
	{"number-of-sites/total/personal", 90, "", "hcni-2011", d002, "Most (90%) of physicians report using at least one social networking site for personal use"},
	{"number-of-sites/total/personal", 90, "", "jbl-2012", d003, "90% of physicians use at least one social media site for personal use"},
	// Professional use: 67% in the table; "over 65%", 65%, 65% in prose.
	{"number-of-sites/total/professional", 65, "over", "hwc-2011", d000, "over 65% for professional purposes"},
	{"number-of-sites/total/professional", 65, "", "hcni-2011", d002, "65% also say they’re using at least one of those sites for professional reasons"},
	{"number-of-sites/total/professional", 65, "", "jbl-2012", d003, "65% use at least one social media site for professional use"},
	// Physician communities: the table's 28% again in the key points.
	// Connected clinicians: 20%, 20%, "over 20%".
	{"connected/connected-clinicians/share", 20, "", "jbl-2012", d003, "Moreover, 20% of clinicians use 2 or more social media sites for personal and professional use."},
	{"connected/connected-clinicians/share", 20, "over", "quantiamd-press-2011", readme, "Over 20% of respondents are 'Connected Clinicians'..."},
	// Positive impact: 66% and "two-thirds".
	{"patient-communities/positive/share", -1, "", "quantiamd-press-2011", readme, "66% (two-thirds)"},
	// Kantar: "nearly half" in the article; 47% on Kantar's blog.
	{"findings/kantar-colleagues", 47, "", "kantar-blog-2018", readme, `47% ("nearly half")`},
	// Privacy as the main deterrent: 70% in 003, 72% from UBM Medica.
	{"findings/non-user-privacy", 72, "", "ubm-2011", readme, "| Non-users of social media who cite privacy concerns | 72% |"},
}

var spaces = regexp.MustCompile(`\s+`)

// normalise makes quotes comparable with documents: no-break spaces become
// spaces and runs of white space one space. Nothing else is changed.
func normalise(s string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(strings.ReplaceAll(s, "\u00a0", " "), " "))
}

// readDocuments reads the source documents, failing (not skipping) if they
// are missing: they are part of the repository.
func readDocuments(t *testing.T) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(sourcesDir)
	if err != nil {
		t.Fatalf("the source documents must be in dataset/%s: %v", sourcesDir, err)
	}
	docs := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(sourcesDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		docs[e.Name()] = normalise(string(b))
	}
	for _, name := range []string{d000, d001, d002, d003, d004, readme} {
		if _, ok := docs[name]; !ok {
			t.Fatalf("document %s is missing from %s", name, sourcesDir)
		}
	}
	return docs
}

func shipped(t *testing.T) *Collection {
	t.Helper()
	c, err := Embedded()
	if err != nil {
		t.Fatalf("the shipped dataset does not load:\n%v", err)
	}
	return c
}

// figureAt finds a chart figure ("chart/item/series") or a finding
// ("findings/ID") as a value, source and variants.
func figureAt(t *testing.T, c *Collection, where string) (value *float64, source string, variants []Variant) {
	t.Helper()
	if id, ok := strings.CutPrefix(where, "findings/"); ok {
		for _, fd := range c.Findings {
			if fd.ID == id {
				return fd.Value, fd.Source, fd.Variants
			}
		}
		t.Fatalf("no finding %s", id)
	}
	r, ok := ParseRef(where)
	if !ok {
		t.Fatalf("bad ref %s", where)
	}
	ch, it := c.Resolve(r)
	if it == nil {
		t.Fatalf("no chart item %s", where)
	}
	f, ok := it.Figure(r.Series)
	if !ok {
		t.Fatalf("no figure %s", where)
	}
	return &f.Value, ch.SourceOf(f), f.Variants
}

// checkQuote asserts the quote is in the document and, if value >= 0, that
// it states the value.
func checkQuote(t *testing.T, docs map[string]string, doc, quote string, value float64) {
	t.Helper()
	if !strings.Contains(docs[doc], normalise(quote)) {
		t.Errorf("%s does not contain %q", doc, quote)
	}
	if value >= 0 && !strings.Contains(strings.ReplaceAll(quote, ",", ""), formatNumber(value)) {
		t.Errorf("quote %q does not state %s", quote, formatNumber(value))
	}
}

// checkDoc asserts the source cites the document: its own file if primary,
// README.md's list if secondary.
func checkDoc(t *testing.T, c *Collection, source, doc string) {
	t.Helper()
	s := c.Source(source)
	if s == nil {
		t.Fatalf("no source %s", source)
	}
	switch {
	case doc == readme && s.Kind != KindSecondary:
		t.Errorf("source %s is %s; a figure found only in README.md must cite a secondary source", source, s.Kind)
	case doc != readme && (s.Kind != KindPrimary || s.Document != doc):
		t.Errorf("source %s is %s with document %q; want primary with %s", source, s.Kind, s.Document, doc)
	}
}

func TestShippedFigures(t *testing.T) {
	c := shipped(t)
	docs := readDocuments(t)
	pinned := map[string]bool{}
	for _, tc := range shippedFigures {
		t.Run(tc.where, func(t *testing.T) {
			pinned[tc.where] = true
			value, source, _ := figureAt(t, c, tc.where)
			if value == nil {
				t.Errorf("no value, want %v", tc.value)
			} else if *value != tc.value {
				t.Errorf("value = %v, want %v", *value, tc.value)
			}
			if source != tc.source {
				t.Errorf("source = %s, want %s", source, tc.source)
			}
			checkDoc(t, c, tc.source, tc.doc)
			checkQuote(t, docs, tc.doc, tc.quote, tc.value)
		})
	}
	// Every figure shipped is pinned above.
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			for _, s := range ch.Series {
				if w := (Ref{ch.ID, it.ID, s.ID}).String(); !pinned[w] {
					t.Errorf("chart figure %s is not pinned in shippedFigures", w)
				}
			}
		}
	}
	for _, fd := range c.Findings {
		if fd.Value != nil && !pinned["findings/"+fd.ID] {
			t.Errorf("finding %s has a value but is not pinned in shippedFigures", fd.ID)
		}
	}
}

func TestShippedVariants(t *testing.T) {
	c := shipped(t)
	docs := readDocuments(t)
	pinned := map[string]int{}
	for _, tc := range shippedVariants {
		pinned[tc.where]++
		checkDoc(t, c, tc.source, tc.doc)
		checkQuote(t, docs, tc.doc, tc.quote, tc.value)
		_, _, variants := figureAt(t, c, tc.where)
		found := false
		for _, v := range variants {
			if v.Source != tc.source || v.Qualifier != tc.qualifier {
				continue
			}
			if (tc.value < 0 && v.Value == nil) || (v.Value != nil && *v.Value == tc.value) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no variant %v %q from %s; have %+v", tc.where, tc.value, tc.qualifier, tc.source, variants)
		}
	}
	// Every variant shipped is pinned above. A finding with a ref shares its
	// chart figure's variants and is not counted again.
	count := map[string]int{}
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			for sid, f := range it.Values {
				count[Ref{ch.ID, it.ID, sid}.String()] += len(f.Variants)
			}
		}
	}
	for _, fd := range c.Findings {
		if fd.Ref == "" {
			count["findings/"+fd.ID] += len(fd.Variants)
		}
	}
	for where, n := range count {
		if n != pinned[where] {
			t.Errorf("%s has %d variants; shippedVariants pins %d", where, n, pinned[where])
		}
	}
}

// TestShippedWordings checks that every wording credited to a primary
// source occurs, word for word, in that source's document.
func TestShippedWordings(t *testing.T) {
	c := shipped(t)
	docs := readDocuments(t)
	check := func(where, wording, source string) {
		s := c.Source(source)
		if wording == "" || s == nil || s.Kind != KindPrimary {
			return
		}
		if !strings.Contains(docs[s.Document], normalise(wording)) {
			t.Errorf("%s: %s does not contain %q", where, s.Document, wording)
		}
	}
	n := 0
	for _, s := range c.Sources {
		if s.Kind == KindPrimary {
			if _, ok := docs[s.Document]; !ok {
				t.Errorf("source %s: document %s not in %s", s.ID, s.Document, sourcesDir)
			}
			check("sources/"+s.ID+" sample_wording", s.SampleWording, s.ID)
		}
	}
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			for sid, f := range it.Values {
				where := Ref{ch.ID, it.ID, sid}.String()
				check(where, f.Wording, ch.SourceOf(f))
				n++
				for _, v := range f.Variants {
					check(where+" variant", v.Wording, v.Source)
				}
			}
		}
	}
	for _, fd := range c.Findings {
		check("findings/"+fd.ID, fd.Wording, fd.Source)
		n++
		for _, v := range fd.Variants {
			check("findings/"+fd.ID+" variant", v.Wording, v.Source)
		}
	}
	if n < 80 {
		t.Errorf("only %d figures checked; the dataset looks truncated", n)
	}
}

// TestShippedMeasures pins how the documents disagree: each measure's
// figures, in order, as value/qualifier/source.
func TestShippedMeasures(t *testing.T) {
	c := shipped(t)
	want := map[string][]string{
		"personal-use":          {"87//hwc-2011", "90/almost/hwc-2011", "90//hcni-2011", "90//jbl-2012", "88/as many as/smd-blog"},
		"professional-use":      {"67//hwc-2011", "65/over/hwc-2011", "65//hcni-2011", "65//jbl-2012"},
		"connected-clinicians":  {"20//hwc-2011", "20//jbl-2012", "20/over/quantiamd-press-2011"},
		"physician-communities": {"28//hwc-2011", "28//hwc-2011"},
		"privacy-deterrent":     {"70//jbl-2012", "72//ubm-2011"},
		"colleague-interaction": {"-/nearly half/kantar-2018", "47//kantar-blog-2018"},
	}
	for _, m := range c.Measures {
		var got []string
		for _, f := range c.MeasureFigures(m.ID) {
			v := "-"
			if f.Value != nil {
				v = formatNumber(*f.Value)
			}
			got = append(got, v+"/"+f.Qualifier+"/"+f.Source)
		}
		if strings.Join(got, " ") != strings.Join(want[m.ID], " ") {
			t.Errorf("measure %s:\n got %q\nwant %q", m.ID, got, want[m.ID])
		}
	}
	if len(c.Measures) != len(want) {
		t.Errorf("%d measures, want %d", len(c.Measures), len(want))
	}
}

// TestShippedChecks pins the derived arithmetic: 1 site + 2 or more = total,
// and None of the above = 100 - total, per use.
func TestShippedChecks(t *testing.T) {
	c := shipped(t)
	var got []string
	for _, r := range c.CheckResults() {
		if !r.OK {
			t.Errorf("check fails: %s", r)
		}
		got = append(got, r.String())
	}
	want := []string{
		"number-of-sites/total professional: 41 + 26 = 67",
		"number-of-sites/total personal: 33 + 54 = 87",
		"platforms/none professional: 100 - 67 = 33",
		"platforms/none personal: 100 - 87 = 13",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
